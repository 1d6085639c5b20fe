"""Word (.docx) to blocks with python-docx.

python-docx does not render automatic numbering, so the numbering definitions
(numbering.xml) are evaluated here and the number a reader sees ("2.1", "(b)")
is put in front of the paragraph text. Headers and footers are not read.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .errors import ZIP_ERRORS, unreadable
from .records import Block
from .text_utils import normalise_space

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats letters past z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Numbering definitions and the running counters of one document."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    start_overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> "Numbering":
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                level = _Level()
                start = lvl.find(qn("w:start"))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                if start is not None:
                    level.start = int(start.get(qn("w:val"), "1"))
                if fmt is not None:
                    level.fmt = fmt.get(qn("w:val"), "decimal")
                if text is not None:
                    level.text = text.get(qn("w:val"), "")
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = level
            numbering.abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            numbering.num_to_abstract[num_id] = ref.get(qn("w:val"))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    ilvl = int(override.get(qn("w:ilvl"), "0"))
                    numbering.start_overrides[(num_id, ilvl)] = int(start.get(qn("w:val")))
        return numbering

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (list, level) and render the label Word would show."""
        abstract_id = self.num_to_abstract.get(num_id)
        levels = self.abstract.get(abstract_id or "", {})
        if ilvl not in levels:
            return ""
        # A num with its own start values is a separate list; others continue the abstract list.
        has_override = any(k[0] == num_id for k in self.start_overrides)
        key = f"num{num_id}" if has_override else f"abs{abstract_id}"
        counters = self.counters.setdefault(key, {})

        def start_of(level: int) -> int:
            return self.start_overrides.get((num_id, level), levels.get(level, _Level()).start)

        counters[ilvl] = counters.get(ilvl, start_of(ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        label = levels[ilvl].text
        for level in range(ilvl + 1):
            value = counters.get(level, start_of(level))
            fmt = levels.get(level, _Level()).fmt
            label = label.replace(f"%{level + 1}", format_number(value, fmt))
        if levels[ilvl].fmt in ("bullet", "none"):
            return ""
        return label.strip()


def _style_num_pr(style):
    """numPr of a paragraph style, following basedOn."""
    seen = 0
    while style is not None and seen < 10:
        sppr = style.element.pPr
        if sppr is not None and sppr.numPr is not None:
            return sppr.numPr
        style = style.base_style
        seen += 1
    return None


class _Styles:
    """Each paragraph style resolved once per document: python-docx looks a style up by scanning every style,
    which made reading a DOCX nine times slower than reading the same text as PDF."""

    def __init__(self) -> None:
        self._by_id: dict[str | None, tuple] = {}

    def of(self, paragraph: Paragraph) -> tuple:
        """(the style's numPr, its name, whether its font is bold)"""
        key = paragraph._p.style
        if key not in self._by_id:
            style = paragraph.style
            self._by_id[key] = (_style_num_pr(style), style.name if style is not None else "",
                                bool(style is not None and style.font.bold))
        return self._by_id[key]


def _num_pr(paragraph: Paragraph, style_num_pr):
    """numPr of the paragraph, or of its style."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    return style_num_pr


def _heading_level(paragraph: Paragraph, name: str) -> int | None:
    if name and name.lower() in ("title", "titel"):
        return 1
    match = _HEADING_STYLE.match(name or "")
    if match:
        return int(match.group(1))
    ppr = paragraph._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        level = int(outline.get(qn("w:val"), "9"))
        return level + 1 if level < 9 else None
    return None


def _all_bold(paragraph: Paragraph, style_bold: bool) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    return all(r.bold or (r.bold is None and style_bold) for r in runs)


def _paragraph_block(paragraph: Paragraph, numbering: Numbering, styles: _Styles) -> Block | None:
    text = normalise_space(paragraph.text)
    style_num_pr, style_name, style_bold = styles.of(paragraph)
    label = ""
    num_pr = _num_pr(paragraph, style_num_pr)
    if num_pr is not None and num_pr.numId is not None:
        num_id = str(num_pr.numId.val)
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id != "0":
            label = numbering.next_label(num_id, int(ilvl))
    if not text:
        return None
    level = _heading_level(paragraph, style_name)
    full = f"{label} {text}" if label else text
    if level is not None:
        return Block(full, kind="heading", heading_level=level, bold=True)
    kind = "list_item" if num_pr is not None else "paragraph"
    return Block(full, kind=kind, bold=_all_bold(paragraph, style_bold))


def _table_blocks(table: Table) -> list[Block]:
    blocks: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            content = normalise_space(cell.text)
            if content and (not cells or cells[-1] != content):  # merged cells repeat
                cells.append(content)
        if cells:
            blocks.append(Block(" | ".join(cells), kind="table_row"))
    return blocks


def _check_archive(data: bytes, file: str, max_unzipped: int) -> None:
    """Refuse zip bombs by the sizes in the zip directory, before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise unreadable(file, "unreadable_docx") from exc
    total = sum(info.file_size for info in infos)
    if total > max_unzipped:
        raise unreadable(file, "unsafe_file", detail=(
            f"it would unpack to {total // (1024 * 1024)} MB, more than the limit of "
            f"{max_unzipped // (1024 * 1024)} MB (a possible zip bomb)."))
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > 1000 and info.file_size > 50_000_000:
            raise unreadable(file, "unsafe_file", detail="it is compressed in a way typical of a zip bomb.")
    # The directory can lie about sizes: count what really comes out, and stop at the cap.
    unpacked = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in infos:
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        unpacked += len(chunk)
                        if unpacked > max_unzipped:
                            raise unreadable(file, "unsafe_file", detail=(
                                f"it unpacks to more than the limit of {max_unzipped // (1024 * 1024)} MB "
                                "(a possible zip bomb)."))
    except ZIP_ERRORS as exc:
        raise unreadable(file, "unreadable_docx") from exc


def read_docx(data: bytes, file: str, max_unzipped: int = 500 * 1024 * 1024) -> tuple[list[Block], str | None]:
    _check_archive(data, file, max_unzipped)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise unreadable(file, "unreadable_docx") from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on broken parts
        raise unreadable(file, "unreadable_docx") from exc
    numbering = Numbering.from_document(document)
    styles = _Styles()
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item, numbering, styles)
            if block:
                blocks.append(block)
        elif isinstance(item, Table):
            blocks.extend(_table_blocks(item))
    title = normalise_space(document.core_properties.title or "") or None
    return blocks, title
