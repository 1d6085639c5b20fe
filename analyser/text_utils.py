"""Small text helpers shared by the readers and the report."""
from __future__ import annotations

import functools
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


# Written-out numbers as contracts use them for deadlines ("within twenty-four hours", "dertig dagen").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "twenty-four": 24, "thirty": 30, "forty-eight": 48,
    "sixty": 60, "seventy-two": 72, "ninety": 90,
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "twaalf": 12, "veertien": 14, "vijftien": 15, "twintig": 20, "vierentwintig": 24, "dertig": 30,
    "achtenveertig": 48, "zestig": 60, "tweeënzeventig": 72, "tweeenzeventig": 72, "negentig": 90,
}
# Units of a period, longest first; one list for the number words here and the durations in details.
PERIOD_UNITS = ("business days?|werkdagen|werkdag|hours?|uur|uren|days?|dagen|dag|weeks?|weken|months?|maanden|maand|"
                "years?|jaren|jaar")
# Only before a unit, so "one of our affiliates" and "een verwerker" stay words.
_WORDED_PERIOD = re.compile(
    r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?=[\s-]+(?:\(\d+\)\s*)?"
    r"(?:business |calendar |kalender|werk)?(?:" + PERIOD_UNITS + r")\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)  # assess asks once per sentence and requirement
def numbers_as_digits(text: str) -> str:
    """'within twenty-four hours' -> 'within 24 hours', so patterns and details read one form."""
    return _WORDED_PERIOD.sub(lambda m: str(NUMBER_WORDS[m.group(1).lower()]), text)
