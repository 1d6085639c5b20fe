"""Blocks to clauses, numbered the way a lawyer cites them.

A clause starts at a numbered block ("1.", "2.1", "A.1", "(a)", "(iv)", "Article 5",
"Artikel 7", "Section 3", "§ 4"), at a heading, or at a definition ("X" means ...).
Sub-items carry their parent's number: "(b)" under "4.1" becomes "4.1(b)".
Unnumbered paragraphs belong to the clause before them, across page breaks.
A numbered item under a lead-in that ends in a colon ("After termination:") has that clause as its parent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Block, Clause

_KEYWORD = re.compile(
    r"^(?P<num>(?:Article|Artikel|Art\.|Section|Sectie|Clause|Clausule|Paragraph|Paragraaf|Hoofdstuk|Chapter|"
    r"Annex|Bijlage|Schedule|Appendix|Exhibit|Part|Deel)\s+(?:\d{1,3}[a-z]?(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z]))"
    r"(?=[\s.:\-–—)]|$)[.:)]?\s*[-–—:]?\s*",
)
_SECTION_SIGN = re.compile(r"^(?P<num>§\s*\d{1,3}(?:\.\d{1,3})*)\.?\s*")
_DOTTED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,4})\.?\)?\s+(?=\S)")
_TOP = re.compile(r"^(?P<num>\d{1,3})(?:\.|\))\s+(?=\S)")
_TOP_HEADING = re.compile(r"^(?P<num>\d{1,3})\s+(?=[A-Z])")
_LETTER_DOTTED = re.compile(r"^(?P<num>[A-Z]\.\d{1,3}(?:\.\d{1,3})*)\.?\s+(?=\S)")
_LETTER_HEADING = re.compile(r"^(?P<num>[A-Z]|[IVX]{1,5})\.\s+(?=\S)")
_PAREN = re.compile(r"^\((?P<num>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\)\s*(?=\S)")
_HALF_PAREN = re.compile(r"^(?P<num>[a-z]|[ivx]{1,5})\)\s+(?=\S)")
_LETTER_DOT = re.compile(r"^(?P<num>[a-z]|[ivx]{1,5})\.\s+(?=[A-Z])")
_DEFINITION = re.compile(
    r"^[\"“‘']+(?P<term>[^\"”’']{1,80})[\"”’']+\s*(?:\([^)]*\)\s*)?(?:means|shall mean|has the meaning|refers to|"
    r"includes|betekent|wordt verstaan|houdt in|:)",
    re.IGNORECASE,
)
_INLINE_HEADING = re.compile(r"^(?P<title>[A-Z][\w’'&/,\- ]{2,70}?)[.:]\s+(?=[A-Z“\"(])")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(text: str) -> int | None:
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
        total += -va if va < vb else va
    return total


@dataclass
class _Start:
    """What opens a clause: its own number token and the rest of the block."""

    kind: str  # keyword | dotted | top | paren | heading | definition
    number: str | None
    rest: str


def _cites_itself(text: str, match: re.Match) -> bool:
    """'Article 5. Title' opens a clause; 'Section 5 applies to ...' only refers to one."""
    trail = text[match.end("num"):]
    if not trail.strip() or trail.lstrip()[:1] in ".:)–—-":
        return True
    formal = match.group("num")[:1] == "§" or match.group("num").split()[0].lower() in ("article", "artikel", "art.")
    return formal and trail.lstrip()[:1].isupper()


def _clause_start(block: Block) -> _Start | None:
    text = block.text
    is_heading = block.kind == "heading" or (
        block.bold and len(text) < 120 and not text.rstrip().endswith((".", ";", ","))
    )
    for pattern, kind in ((_KEYWORD, "keyword"), (_SECTION_SIGN, "keyword"), (_DOTTED, "dotted"),
                          (_LETTER_DOTTED, "dotted"), (_TOP, "top")):
        match = pattern.match(text)
        if match and kind == "keyword" and not is_heading and not _cites_itself(text, match):
            continue
        if match:
            number = re.sub(r"\s+", " ", match.group("num")).rstrip(".")
            return _Start(kind, number, text[match.end():].strip())
    if is_heading:
        for pattern in (_TOP_HEADING, _LETTER_HEADING):
            match = pattern.match(text)
            if match:
                return _Start("top", match.group("num"), text[match.end():].strip())
        return _Start("heading", None, text.strip())
    for pattern in (_PAREN, _HALF_PAREN, _LETTER_DOT):
        match = pattern.match(text)
        if match:
            return _Start("paren", match.group("num"), text[match.end():].strip())
    match = _DEFINITION.match(text)
    if match:
        return _Start("definition", match.group("term"), text)
    return None


class _ParenStack:
    """Nested (a)/(i)/(1) items under the current numbered clause."""

    def __init__(self) -> None:
        self.levels: list[tuple[str, str]] = []  # (style, last value)

    @staticmethod
    def _styles(value: str) -> list[str]:
        styles = []
        if value.isdigit():
            styles.append("digit")
        elif value.isupper():
            styles.append("upper")
        else:
            if _roman_value(value) is not None:
                styles.append("roman")
            if len(value) <= 2 and len(set(value)) == 1:
                styles.append("lower")
        return styles or ["lower"]

    def push(self, value: str) -> list[str]:
        styles = self._styles(value)
        style = styles[0]
        if len(styles) > 1:  # "i", "v", "x": a letter when it follows h, u, w at a letter level
            letter_level = next((lvl for lvl in self.levels if lvl[0] == "lower"), None)
            roman_level = next((lvl for lvl in self.levels if lvl[0] == "roman"), None)
            follows_letter = letter_level and ord(value[0]) == ord(letter_level[1][0]) + 1
            follows_roman = roman_level and (_roman_value(value) or 0) == (_roman_value(roman_level[1]) or 0) + 1
            style = "lower" if follows_letter and not follows_roman else "roman"
            if value not in ("i", "v", "x") and style == "roman" and not follows_roman and letter_level:
                style = "lower"
        for depth, (existing, _) in enumerate(self.levels):
            if existing == style:
                self.levels = self.levels[:depth]
                break
        self.levels.append((style, value))
        return [f"({v})" for _, v in self.levels]

    def reset(self) -> None:
        self.levels = []


def _split_inline_heading(rest: str) -> tuple[str | None, str]:
    match = _INLINE_HEADING.match(rest)
    if match and len(match.group("title").split()) <= 8:
        return match.group("title").strip(), rest
    return None, rest


def segment(blocks: list[Block]) -> list[Clause]:
    clauses: list[Clause] = []
    parent_number: str | None = None
    parens = _ParenStack()

    def open_clause(number, heading, text, block):
        clauses.append(Clause(id=f"c{len(clauses) + 1}", number=number, heading=heading, text=text,
                              page_start=block.page, page_end=block.last_page))

    for block in blocks:
        start = _clause_start(block)
        if start is None:
            if not clauses:
                open_clause(None, None, block.text, block)
            else:
                clause = clauses[-1]
                clause.text = f"{clause.text}\n{block.text}" if clause.text else block.text
                if block.last_page is not None:
                    clause.page_end = block.last_page
                    if clause.page_start is None:
                        clause.page_start = block.page
            continue
        heading_like = block.kind == "heading" or (start.kind == "heading")
        if start.kind in ("keyword", "dotted", "top"):
            parent_number = start.number
            parens.reset()
            if heading_like:
                open_clause(start.number, start.rest or None, "", block)
            else:
                heading, text = _split_inline_heading(start.rest)
                open_clause(start.number, heading, text, block)
        elif start.kind == "paren":
            path = parens.push(start.number)
            number = (parent_number or "") + "".join(path)
            open_clause(number, None, start.rest, block)
        elif start.kind == "definition":
            open_clause(None, start.number, start.rest, block)
        else:  # an unnumbered heading closes the numbered context
            parent_number = None
            parens.reset()
            open_clause(None, start.rest, "", block)
    _link_list_items(clauses)
    return clauses


def _link_list_items(clauses: list[Clause]) -> None:
    """Give each numbered item of a list its lead-in: "Na beëindiging van de Overeenkomst:" then "1. Verwijdert
    Verwerker alle persoonsgegevens binnen 30 dagen" says what the item alone leaves out. A heading or an
    unnumbered clause ends the list."""
    lead_in = None
    for clause in clauses:
        if lead_in is not None and clause.number and not clause.heading:
            clause.parent = lead_in.id
        else:
            lead_in = None
        if clause.text.rstrip().endswith(":"):
            lead_in = clause
