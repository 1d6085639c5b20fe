"""PDF to blocks with pypdfium2 (PDFium, the text engine under pdfplumber, ~100x faster
than pdfplumber's own layout pass on the same pages).

Per page: lines with position and font cues; running headers, footers and page
numbers that repeat across pages removed; lines joined into paragraphs, words
broken by hyphenation joined; a paragraph that runs over a page break stays one.
"""
from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import unreadable
from .records import Block
from .text_utils import normalise_space

_BAND = 0.09  # top/bottom share of the page where running headers and footers live
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|pagina|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|van|/)\s*\d{1,4})?$", re.IGNORECASE
)
_NUMBERED_START = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|[A-Z]\.\d|\((?:[a-z]{1,3}|\d{1,2})\)\s|[a-z]\.\s+[A-Z]|"
    r"(?:Article|Artikel|Section|Clause|§)\s*\d)",
    re.IGNORECASE,
)
# A multi-level or formal clause number starts a clause even where the text before it lacks a full stop.
_STRONG_START = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?\s|(?:Article|Artikel|Section|§)\s*\d)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?]['\")\]”’]?$")
# List bullets as PDFs carry them: Unicode bullets and the Symbol/Wingdings private-use glyphs of Word.
_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2219\u00b7\u25a0\u25a1\u2013\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e]\s+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class Line:
    text: str
    page: int
    top: float
    bottom: float
    left: float
    right: float
    size: float
    bold: bool
    hyphen_end: bool = False
    bullet: bool = False  # the line began with a list bullet (removed from the text)


def _font(textpage, index: int, buffer) -> tuple[float, bool]:
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace")
    return size, weight >= 600 or bool(_BOLD_NAME.search(name))


def _page_lines(page, page_no: int, buffer) -> list[Line]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        lines: list[Line] = []
        offset = 0
        for raw_line in text.split("\r\n"):
            start, end = offset, offset + len(raw_line)
            offset = end + 2
            stripped = raw_line.strip()
            if not stripped:
                continue
            first = start + (len(raw_line) - len(raw_line.lstrip()))
            last = start + len(raw_line.rstrip()) - 1
            samples = sorted({first, (first + last) // 2, last})
            boxes = [textpage.get_charbox(i) for i in (first, last)]
            fonts = [_font(textpage, i, buffer) for i in samples]
            size = statistics.median(f[0] for f in fonts)
            hyphen_end = stripped.endswith(("-", "\x02", "\u00ad"))
            bullet = _BULLET.match(stripped)
            if bullet and stripped[bullet.end():]:
                stripped = stripped[bullet.end():]
            lines.append(Line(
                text=stripped.replace("\x02", "-"), bullet=bool(bullet),
                page=page_no,
                top=max(b[3] for b in boxes),
                bottom=min(b[1] for b in boxes),
                left=boxes[0][0],
                right=boxes[1][2],
                size=round(size, 1),
                bold=all(f[1] for f in fonts),
                hyphen_end=hyphen_end,
            ))
        return lines
    finally:
        textpage.close()


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _drop_page_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove running headers/footers and page numbers, found by position and repetition."""
    in_band: list[list[Line]] = []
    for lines, height in zip(pages, heights):
        band = [ln for ln in lines if ln.top > height * (1 - _BAND) or ln.bottom < height * _BAND]
        in_band.append(band)
    seen = Counter(key for band in in_band for key in {_furniture_key(ln.text) for ln in band})
    repeat_at = max(2, int(0.5 * len(pages)))
    kept: list[list[Line]] = []
    for lines, band in zip(pages, in_band):
        furniture = {id(ln) for ln in band
                     if seen[_furniture_key(ln.text)] >= repeat_at or _PAGE_NUMBER.match(ln.text)}
        kept.append([ln for ln in lines if id(ln) not in furniture])
    return kept


_SOFT_BREAK = re.compile(r"(\w*)\ufffe(\w*)")


def _dehyphenate(head: str, tail: str, hyphenated_words: set[str]) -> str:
    """'third' + 'party' stays 'third-party' when the document writes it so elsewhere; else 'processing'."""
    keep = f"{head}-{tail}".lower() in hyphenated_words or not tail[:1].islower()
    return f"{head}-{tail}" if keep else head + tail


def _join(previous: str, line: Line, hyphenated_words: set[str]) -> str:
    if previous.endswith("-") and line.text[:1].islower():
        head = re.search(r"(\w+)-$", previous)
        tail = re.match(r"\w+", line.text)
        if head and tail:
            word = _dehyphenate(head.group(1), tail.group(0), hyphenated_words)
            return previous[:head.start()] + word + line.text[tail.end():]
        return previous + line.text
    return f"{previous} {line.text}"


def _line_pitch(pages: list[list[Line]], right_edge: float, body_size: float) -> float:
    """The distance between the lines of one paragraph, measured where a line runs to the right margin and
    so must wrap. The median over all lines would be the paragraph spacing in a document of one-line
    paragraphs and list items, and table rows would then run together."""
    # PDF y grows upwards: the next line of a column lies below, at a smaller top
    pairs = [(a, a.top - b.top) for lines in pages for a, b in zip(lines, lines[1:]) if a.top > b.top]
    wrapped = [gap for a, gap in pairs if a.right >= right_edge - 2 * body_size]
    gaps = wrapped if len(wrapped) >= 3 else [gap for _, gap in pairs]
    return statistics.median(gaps) if gaps else body_size * 1.3


def _continues(prev: Line, ln: Line, gap: float, pitch: float, ended: bool, short_prev: bool) -> bool:
    """A line that ran on to the margin mid-sentence, then a lower-case line a little further down: one
    sentence whose lines are looser than the body's (a note in a box), not a new paragraph."""
    table_row = " | " in prev.text or " | " in ln.text
    return (not ended and not short_prev and not table_row and ln.text[:1].islower()
            and not _NUMBERED_START.match(ln.text) and 0 < gap < pitch * 2.5)


def _paragraphs(pages: list[list[Line]]) -> list[Block]:
    all_lines = [ln for lines in pages for ln in lines]
    if not all_lines:
        return []
    body_size = Counter(ln.size for ln in all_lines for _ in range(len(ln.text))).most_common(1)[0][0]
    right_edge = statistics.quantiles([ln.right for ln in all_lines], n=10)[-1] if len(all_lines) > 10 else max(
        ln.right for ln in all_lines)
    pitch = _line_pitch(pages, right_edge, body_size)
    text_so_far = " ".join(ln.text for ln in all_lines)
    hyphenated_words = {w.lower() for w in re.findall(r"\b\w+-\w+\b", text_so_far)}
    for ln in all_lines:  # PDFium joins a word broken at a line end itself, marking the break with U+FFFE
        if "\ufffe" in ln.text:
            ln.text = _SOFT_BREAK.sub(lambda m: _dehyphenate(m.group(1), m.group(2), hyphenated_words), ln.text)

    def is_heading(ln: Line) -> bool:
        return (ln.size >= body_size + 1 or (ln.bold and ln.size >= body_size - 0.5)) and len(ln.text) < 160

    blocks: list[Block] = []
    prev: Line | None = None
    for ln in all_lines:
        heading = is_heading(ln)
        new_block = prev is None
        if prev is not None:
            prev_heading = blocks[-1].kind == "heading"
            same_page = ln.page == prev.page
            gap = prev.top - ln.top if same_page else None
            ended = bool(_SENTENCE_END.search(blocks[-1].text))
            short_prev = prev.right < right_edge - 4 * body_size
            if heading != prev_heading or ln.bullet:
                new_block = True
            elif heading:
                new_block = gap is None or gap > ln.size * 1.6
            elif same_page and gap is not None and (gap > pitch * 1.25 or gap < 0):
                new_block = not _continues(prev, ln, gap, pitch, ended, short_prev)
            elif _NUMBERED_START.match(ln.text) and (ended or short_prev):
                new_block = True
            elif not same_page:
                new_block = bool(_STRONG_START.match(ln.text)) or (
                    ended and (not ln.text[:1].islower() or bool(_NUMBERED_START.match(ln.text))))
            elif short_prev and ended:
                new_block = True
        if new_block:
            level = None
            if heading:
                level = 1 if ln.size >= body_size + 4 else 2 if ln.size >= body_size + 2 else 3
            blocks.append(Block(ln.text, page=ln.page, page_end=ln.page, kind="heading" if heading else "paragraph",
                                heading_level=level, bold=ln.bold))
        else:
            block = blocks[-1]
            block.text = _join(block.text, ln, hyphenated_words)
            block.page_end = ln.page
        prev = ln
    for block in blocks:
        block.text = normalise_space(block.text)
    return [b for b in blocks if b.text]


def open_pdf(data: bytes, file: str):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise unreadable(file, "encrypted_pdf") from exc
        raise unreadable(file, "unreadable_pdf") from exc


def _ocr_lines(page, page_no: int) -> list[Line]:
    from . import ocr

    lines = []
    for text, top, bottom, left, right, height in ocr.page_lines(page):
        lines.append(Line(text=text, page=page_no, top=top, bottom=bottom, left=left, right=right,
                          size=round(max(height * 0.8, 1.0)), bold=False, hyphen_end=text.endswith("-")))
    return lines


def read_pdf(data: bytes, file: str, max_pages: int) -> tuple[list[Block], int, str | None, list[int], list[int]]:
    """Blocks, page count, title, the pages read by OCR and the pages left without text."""
    from . import ocr

    pdf = open_pdf(data, file)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise unreadable(file, "unreadable_pdf")
        if page_count > max_pages:
            raise unreadable(file, "too_many_pages", pages=page_count, limit=max_pages)
        buffer = ctypes.create_string_buffer(128)
        pages, heights, textless, ocr_pages = [], [], [], []
        for index in range(page_count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise unreadable(file, "unreadable_pdf") from exc
            try:
                heights.append(page.get_height())
                lines = _page_lines(page, index + 1, buffer)
                if not lines and ocr.available():  # a scanned page: only these are OCR'd
                    lines = _ocr_lines(page, index + 1)
                    ocr_pages.append(index + 1)
            finally:
                page.close()
            if not lines:
                textless.append(index + 1)
            pages.append(lines)
        title = None
        try:
            title = normalise_space(pdf.get_metadata_value("Title") or "") or None
        except Exception:  # broken metadata must not lose the text
            title = None
    finally:
        pdf.close()
    blocks = _paragraphs(_drop_page_furniture(pages, heights))
    return blocks, page_count, title, ocr_pages, textless
