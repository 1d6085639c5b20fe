"""Ingest: bytes of any supported file -> IngestedDocument (blocks in reading order).

The format is decided by the content, not the file name. Every failure is an
UnreadableFile with a code and a message a non-programmer can act on.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ZIP_ERRORS, unreadable
from .records import Block, Format, IngestedDocument
from .text_utils import decode_text

_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|table|ul|ol|article|section)[\s>]", re.IGNORECASE)
_HTML_PAGE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_MARKDOWN = re.compile(r"^(?:#{1,6}\s|\s*[-*+]\s|\s*\d+\\?\.\s|.*\]\(|.*\*\*|[=-]{3,}\s*$)", re.MULTILINE)


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Size limits; ANALYSER_MAX_MB, ANALYSER_MAX_PAGES and ANALYSER_MAX_UNZIPPED_MB override the defaults
    (read when the limits are made, so a changed setting applies to the next analysis)."""

    max_bytes: int = field(default_factory=lambda: _env_int("ANALYSER_MAX_MB", 200) * 1024 * 1024)
    max_pages: int = field(default_factory=lambda: _env_int("ANALYSER_MAX_PAGES", 3000))
    max_unzipped_bytes: int = field(default_factory=lambda: _env_int("ANALYSER_MAX_UNZIPPED_MB", 500) * 1024 * 1024)


def detect_format(data: bytes, file: str) -> Format:
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except ZIP_ERRORS as exc:
            raise unreadable(file, "unreadable_docx") from exc
        if "word/document.xml" in names:
            return "docx"
        raise unreadable(file, "unsupported_format")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise unreadable(file, "legacy_word")
    if head.startswith((b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z", b"Rar!")):
        raise unreadable(file, "unsupported_format")
    text = decode_text(data[:65536])
    sample = text[:8192]
    if sample and sum(1 for ch in sample if ord(ch) < 9 or 13 < ord(ch) < 32 or ch == "\ufffd") > 0.02 * len(sample):
        raise unreadable(file, "unsupported_format")
    named_markdown = file.lower().endswith((".md", ".markdown"))
    # Markdown may embed HTML: a .md file is Markdown unless it is a whole HTML page.
    if _HTML.search(sample) and not (named_markdown and not _HTML_PAGE.match(sample)):
        return "html"
    if named_markdown or len(_MARKDOWN.findall(sample)) >= 3:
        return "markdown"
    return "text"


def _first_heading(blocks: list[Block]) -> str | None:
    for block in blocks[:20]:
        if block.kind == "heading":
            return block.text[:200]
    return blocks[0].text[:120] if blocks else None


def ingest_bytes(data: bytes, file: str, limits: Limits | None = None) -> IngestedDocument:
    limits = limits or Limits()
    if not data or not data.strip():
        raise unreadable(file, "empty_file")
    if len(data) > limits.max_bytes:
        raise unreadable(file, "too_large", limit=f"{limits.max_bytes // (1024 * 1024)} MB")
    fmt = detect_format(data, file)
    pages, title, ocr_pages, textless = None, None, [], []
    if fmt == "pdf":
        from .pdf_reader import read_pdf

        blocks, pages, title, ocr_pages, textless = read_pdf(data, file, limits.max_pages)
    elif fmt == "docx":
        from .docx_reader import read_docx

        blocks, title = read_docx(data, file, limits.max_unzipped_bytes)
    else:
        text = decode_text(data)
        if fmt == "html":
            from .html_reader import read_html

            blocks, title = read_html(text)
        elif fmt == "markdown":
            from .markdown_reader import read_markdown

            blocks = read_markdown(text)
        else:
            from .text_reader import read_text

            blocks = read_text(text)
    if not any(b.text.strip() for b in blocks):
        from .ocr import INSTALL_HINT, available

        raise unreadable(file, "no_text" if available() or fmt != "pdf" else "scanned_no_ocr", hint=INSTALL_HINT)
    warnings = []
    if textless:
        from .ocr import INSTALL_HINT

        which = f"Page {textless[0]} has" if len(textless) == 1 else f"Pages {', '.join(map(str, textless))} have"
        warnings.append(f"{which} no text layer and were not read; install Tesseract OCR to read them "
                        f"({INSTALL_HINT}).")
    return IngestedDocument(
        file=file, sha256=hashlib.sha256(data).hexdigest(), format=fmt, blocks=blocks, pages=pages,
        title=title or _first_heading(blocks), ocr_pages=ocr_pages, warnings=warnings,
    )


def ingest_path(path: str | Path, limits: Limits | None = None) -> IngestedDocument:
    limits = limits or Limits()
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise unreadable(name, "too_large", limit=f"{limits.max_bytes // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise unreadable(name, "file_not_found") from exc
    except IsADirectoryError as exc:
        raise unreadable(name, "unsupported_format") from exc
    except PermissionError as exc:
        raise unreadable(name, "permission_denied") from exc
    return ingest_bytes(data, name, limits)
