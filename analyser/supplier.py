"""One verdict per requirement for a supplier's set of documents (terms, DPA, privacy policy).

A commitment in one document covers silence in another; a contradiction anywhere
decides `not_met` and is shown with the document it stands in.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .library import Library
from .records import DocumentResult, Evidence, RequirementVerdict


@dataclass
class SupplierResult:
    name: str
    documents: list[str]
    requirements: list[RequirementVerdict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "documents": self.documents,
            "requirements": [
                {"id": v.id, "category": v.category, "status": v.status, "confidence": v.confidence,
                 "evidence": [{"document": e.document, "clause_id": e.clause_id, "page": e.page, "quote": e.quote,
                               "clause_number": e.clause_number} for e in v.evidence],
                 "details": v.details}
                for v in self.requirements
            ],
        }


def combine(name: str, documents: list[DocumentResult], library: Library) -> SupplierResult:
    return combine_verdicts(name, [(d.document.file, d.requirements) for d in documents], library)


def combine_verdicts(name: str, documents: list[tuple[str, list[RequirementVerdict]]],
                     library: Library) -> SupplierResult:
    """documents: (file name, its verdicts) per document."""
    result = SupplierResult(name=name, documents=[file for file, _ in documents])
    for requirement in library.requirements:
        per_doc = [(file, v) for file, verdicts in documents for v in verdicts if v.id == requirement.id]
        for status in ("not_met", "met"):
            deciding = [(f, v) for f, v in per_doc if v.status == status]
            if deciding:
                break
        else:
            status, deciding = "not_addressed", []
        evidence: list[Evidence] = [replace(e, document=f) for f, v in deciding for e in v.evidence]
        details: dict = {}
        for _, verdict in deciding:
            for key, value in verdict.details.items():
                details.setdefault(key, value)
        confidence = max((v.confidence for _, v in deciding), default=0.8)
        result.requirements.append(RequirementVerdict(id=requirement.id, category=requirement.category,
                                                      status=status, confidence=confidence,
                                                      evidence=evidence, details=details))
    return result
