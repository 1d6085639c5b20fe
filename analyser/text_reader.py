"""Plain text to blocks: paragraphs are separated by blank lines or start with a clause number."""
from __future__ import annotations

import re

from .records import Block
from .text_utils import normalise_space

STARTS_CLAUSE = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s|[A-Z]\.\d+|\([a-z0-9]{1,4}\)\s|(?:Article|Artikel|Section|Clause|§)\s*\d)",
    re.IGNORECASE,
)


def read_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines: list[str] = []
        for line in chunk.split("\n"):
            if lines and STARTS_CLAUSE.match(line):
                blocks.append(Block(normalise_space(" ".join(lines))))
                lines = []
            if line.strip():
                lines.append(line.strip())
        if lines:
            blocks.append(Block(normalise_space(" ".join(lines))))
    return [b for b in blocks if b.text]
