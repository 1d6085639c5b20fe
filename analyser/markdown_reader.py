"""Markdown to blocks, with markdown-it-py (CommonMark plus tables)."""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .records import Block
from .text_reader import STARTS_CLAUSE
from .text_utils import normalise_space

# html=True so embedded HTML (tables in vendor Markdown) is recognised and read as text, not shown as markup.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
# Every link is parsed so that only its text is kept: targets (javascript: included) are dropped, never rendered.
_PARSER.validateLink = lambda url: True


def _inline_text(token: Token) -> str:
    """Plain text of an inline token: markup, link targets and images dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")  # kept: a numbered line after it starts a clause of its own
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _split_numbered_lines(content: str) -> list[str]:
    parts: list[str] = []
    for line in content.split("\n"):
        if parts and not STARTS_CLAUSE.match(line):
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    return parts


def read_markdown(text: str) -> list[Block]:
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    heading_level: int | None = None
    list_prefixes: list[str | None] = []  # stack: the ordinal of the open list item, if ordered
    in_list_item = 0
    first_in_item = False
    row: list[str] | None = None
    for tok in tokens:
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "heading_close":
            heading_level = None
        elif tok.type == "list_item_open":
            in_list_item += 1
            first_in_item = True
            ordered = tok.info != ""
            list_prefixes.append(f"{tok.info}{tok.markup} " if ordered else None)
        elif tok.type == "list_item_close":
            in_list_item -= 1
            list_prefixes.pop()
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            cells = [c for c in row if c]
            if cells:
                blocks.append(Block(" | ".join(cells), kind="table_row"))
            row = None
        elif tok.type == "inline":
            content = normalise_space(_inline_text(tok))
            if heading_level is not None or in_list_item or row is not None:
                content = content.replace("\n", " ")
            if row is not None:
                row.append(content)
                continue
            if not content:
                continue
            if heading_level is not None:
                blocks.append(Block(content, kind="heading", heading_level=heading_level, bold=True))
            elif in_list_item:
                prefix = list_prefixes[-1] if first_in_item and list_prefixes[-1] else ""
                blocks.append(Block(prefix + content, kind="list_item"))
                first_in_item = False
            else:
                blocks.extend(Block(part) for part in _split_numbered_lines(content))
        elif tok.type == "html_block":
            from .html_reader import read_html

            blocks.extend(read_html(tok.content)[0])
        elif tok.type in ("fence", "code_block"):
            content = normalise_space(tok.content)
            if content:
                blocks.append(Block(content))
    return blocks
