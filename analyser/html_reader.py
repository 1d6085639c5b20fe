"""HTML to blocks. Text only: scripts, styles and markup never reach the output."""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, Comment, XMLParsedAsHTMLWarning

from .records import Block
from .text_utils import normalise_space

_DROP = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "nav", "footer", "form"]
_BLOCK_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote", "pre"]


def read_html(text: str) -> tuple[list[Block], str | None]:
    # html.parser: pure Python, resolves no external entities and runs nothing. XHTML is read the same way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    title = normalise_space(soup.title.get_text(" ")) if soup.title else None
    for tag in soup(_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    blocks: list[Block] = []
    for el in soup.find_all(_BLOCK_TAGS):
        # Nested block elements are read on their own; skip a parent's copy of them.
        if el.find(_BLOCK_TAGS) and el.name not in ("tr",):
            own = "".join(s for s in el.find_all(string=True, recursive=False))
            content = normalise_space(own)
            if not content:
                continue
        elif el.name == "tr":
            cells = [normalise_space(c.get_text(" ")) for c in el.find_all(["td", "th"])]
            content = " | ".join(c for c in cells if c)
        else:
            content = normalise_space(el.get_text(" "))
        if not content:
            continue
        if el.name[0] == "h" and el.name[1:].isdigit():
            blocks.append(Block(content, kind="heading", heading_level=int(el.name[1]), bold=True))
        elif el.name == "li":
            blocks.append(Block(content, kind="list_item"))
        elif el.name == "tr":
            blocks.append(Block(content, kind="table_row"))
        else:
            blocks.append(Block(content))
    if not blocks:
        body = normalise_space(soup.get_text("\n"))
        blocks = [Block(p) for p in body.split("\n") if p.strip()]
    return blocks, title
