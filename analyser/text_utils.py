"""Small text helpers shared by the readers and the report."""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# Typographic ligatures and look-alike hyphens in PDFs would defeat word matching ("conﬁdential").
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u2010": "-", "\u2011": "-"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def normalise_space(text: str) -> str:
    """One space between words, no control characters, NFC."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    text = _CONTROL.sub("", text.replace("\u00ad", ""))
    text = _SPACE.sub(" ", text)
    return re.sub(r" *\n *", "\n", text).strip()


def decode_text(data: bytes) -> str:
    """Decode UTF-8/UTF-16 (with BOM), else Windows-1252 (which decodes any bytes: ingest rejects binaries first)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="replace")
