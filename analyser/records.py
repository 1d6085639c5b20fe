"""Typed records that pass between the stages of the analyser.

ingest -> Block, IngestedDocument; segment -> Clause; annotate -> Sentence;
classify -> topic scores on sentences; assess -> RequirementVerdict; the
pipeline bundles them into DocumentResult.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["pdf", "docx", "markdown", "text", "html"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Status = Literal["met", "not_met", "not_addressed"]


@dataclass
class Block:
    """A paragraph-sized piece of a document, in reading order."""

    text: str
    page: int | None = None
    page_end: int | None = None
    kind: BlockKind = "paragraph"
    heading_level: int | None = None  # 1 = top; set for headings only
    bold: bool = False

    @property
    def last_page(self) -> int | None:
        return self.page_end if self.page_end is not None else self.page


@dataclass
class IngestedDocument:
    file: str
    sha256: str
    format: Format
    blocks: list[Block]
    pages: int | None = None
    title: str | None = None
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    text: str
    start: int  # character offsets in the clause text
    end: int
    topics: dict[str, float] = field(default_factory=dict)  # requirement id -> score
    # requirement id -> probability that the sentence commits to it (the stance model; sentences on the topic only)
    stance: dict[str, float] = field(default_factory=dict)
    cues: set[str] = field(default_factory=set)  # NEGATION, PERMISSION, EXCEPTION, OPT_OUT, ...
    entities: list[tuple[str, str]] = field(default_factory=list)  # (label, text): REGION, LAW, DURATION, ...
    # the sentence ending in a colon that this short list line continues ("You grant us a licence to:" before
    # "Improve our models"), within the same clause
    lead_in: str | None = None


@dataclass
class Clause:
    id: str
    number: str | None
    heading: str | None
    text: str
    page_start: int | None
    page_end: int | None
    # the clause ending in a colon that opens this numbered item's list ("After termination:"), by id
    parent: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    requirements: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Evidence:
    clause_id: str
    page: int | None
    quote: str
    clause_number: str | None = None
    document: str | None = None


@dataclass
class RequirementVerdict:
    id: str
    category: str
    status: Status
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def evidence_key(self) -> list[tuple]:
        """(document, clause number or heading, page, quote) per quote, for display."""
        return [(e.document, e.clause_number, e.page, e.quote) for e in self.evidence]


@dataclass
class DocumentResult:
    document: IngestedDocument
    language: str
    clauses: list[Clause]
    requirements: list[RequirementVerdict]


@dataclass
class FileError:
    file: str
    code: str
    message: str
