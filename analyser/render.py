"""Render Markdown vendor terms to PDF and DOCX, for tests, evaluation and benchmarks.

Not used by the analysis itself. The PDF gets a running header, a footer with page
numbers and wrapped lines, like a vendor's own export; the DOCX gets Word's
automatic numbering (numbering.xml) in place of typed clause numbers where the
typed numbers follow in sequence, so the readers are tested on real structures.
"""
from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from .markdown_reader import read_markdown
from .records import Block

_TYPED_DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,2})\.?\s+(?=\S)")
_TYPED_LETTER = re.compile(r"^\(([a-z])\)\s+(?=\S)")


def render_pdf(markdown: str, title: str = "", blocks: list[Block] | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    blocks = blocks if blocks is not None else read_markdown(markdown)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    item = ParagraphStyle("item", parent=body, leftIndent=18)
    headings = {
        level: ParagraphStyle(f"h{level}", fontName="Helvetica-Bold", fontSize=size, leading=size * 1.25,
                              spaceBefore=8, spaceAfter=5)
        for level, size in {1: 16, 2: 13.5, 3: 12, 4: 11, 5: 11, 6: 11}.items()
    }
    story = []
    for block in blocks:
        text = escape(block.text)
        if block.kind == "heading":
            story.append(Paragraph(text, headings[min(block.heading_level or 2, 6)]))
        elif block.kind == "list_item":
            story.append(Paragraph(text, item, bulletText="\u2022"))  # as a word processor prints a list
        else:
            story.append(Paragraph(text, body))

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, title or "Terms")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, topMargin=2.2 * cm, bottomMargin=2.2 * cm)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


def _add_numbering(document) -> tuple[str, str]:
    """Add a multi-level decimal list and a lettered list to numbering.xml; return their abstract ids."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    dotted = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>'
        "</w:abstractNum>"
    )
    letters = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>'
        "</w:abstractNum>"
    )
    # abstractNum elements must precede num elements.
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for element in (dotted, letters):
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    return "90", "91"


def _new_num(document, abstract_id: str, restart: bool) -> str:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    num_id = str(1000 + len(numbering.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
    ))
    return num_id


def _set_num(paragraph, num_id: str, ilvl: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def render_docx(markdown: str, title: str = "", blocks: list[Block] | None = None) -> bytes:
    import docx

    blocks = blocks if blocks is not None else read_markdown(markdown)
    document = docx.Document()
    document.core_properties.title = title
    section = document.sections[0]
    section.header.paragraphs[0].text = title or "Terms"
    section.footer.paragraphs[0].text = "Confidential - vendor terms"
    dotted_abs, letter_abs = _add_numbering(document)
    dotted_num = _new_num(document, dotted_abs, restart=False)
    counters: list[int] = []
    letter_num, last_letter = None, None
    for block in blocks:
        text = block.text
        num: tuple[str, int] | None = None
        match = _TYPED_DOTTED.match(text)
        if match and block.kind in ("heading", "paragraph"):
            parts = [int(p) for p in match.group(1).split(".")]
            expected = counters[: len(parts) - 1] + [(counters[len(parts) - 1] if len(counters) >= len(parts) else 0) + 1]
            if parts == expected and len(parts) <= 3 and len(counters) >= len(parts) - 1:
                counters = parts
                num = (dotted_num, len(parts) - 1)
                text = text[match.end():]
        letter = _TYPED_LETTER.match(text) if num is None else None
        if letter:
            char = letter.group(1)
            if char == "a":
                letter_num = _new_num(document, letter_abs, restart=True)
            elif letter_num is None or last_letter is None or ord(char) != ord(last_letter) + 1:
                letter = None
            if letter:
                num = (letter_num, 0)
                last_letter = char
                text = text[letter.end():]
        if block.kind == "heading":
            paragraph = document.add_heading(text, level=min(block.heading_level or 1, 9))
        elif block.kind == "list_item" and num is None:
            paragraph = document.add_paragraph(text, style="List Bullet")
        else:
            paragraph = document.add_paragraph(text)
        if num:
            _set_num(paragraph, *num)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
