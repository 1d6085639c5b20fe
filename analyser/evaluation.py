"""Measurements of the analyser on the corpus, shared by tests, the notebook and benchmarks."""
from __future__ import annotations

import re
from pathlib import Path

from .ingest import ingest_bytes
from .segment import segment

_PRINTED_NUMBER = re.compile(
    r"^(?:[#>*+\-\s]|\*\*)*(?P<num>\d{1,3}(?:\.\d{1,3}){1,3}|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)\\?\.?\)?\s+(?=\S)",
    re.MULTILINE,
)


def printed_multilevel_numbers(markdown: str) -> set[str]:
    """Multi-level clause numbers (2.11, 1.1.3, A.1) that start a line of the source."""
    return {m.group("num") for m in _PRINTED_NUMBER.finditer(markdown.replace("\\.", "."))}


def number_recall(markdown: str, data: bytes, name: str) -> tuple[int, int, set[str]]:
    """(found, printed, missing) for one rendering of a Markdown source."""
    printed = printed_multilevel_numbers(markdown)
    numbers = {c.number for c in segment(ingest_bytes(data, name).blocks) if c.number}
    missing = {n for n in printed if n not in numbers}
    return len(printed) - len(missing), len(printed), missing


def corpus_documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.md") if p.name != "README.md")
