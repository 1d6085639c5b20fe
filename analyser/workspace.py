"""What the dashboard shows for a supplier, assembled from the store (no Streamlit here)."""
from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .export import ReviewedVerdict, apply_reviews
from .library import Library
from .pipeline import Analyser
from .report import verdicts_from_json
from .store import Store, Supplier
from .supplier import combine_verdicts


@dataclass
class SupplierView:
    supplier: Supplier
    documents: list[dict]  # stored documents with their report
    items: list[ReviewedVerdict]  # one per requirement, supplier-wide, reviews applied

    @property
    def files(self) -> list[str]:
        return [d["file_name"] for d in self.documents]

    def clause(self, file_name: str | None, clause_id: str) -> dict | None:
        for document in self.documents:
            if file_name in (None, document["file_name"]):
                for clause in document["report"]["clauses"]:
                    if clause["id"] == clause_id:
                        return clause
        return None


def versions(analyser: Analyser) -> dict:
    return {"analyser": __version__, "library": analyser.library.version, "model": analyser.model_version}


def analyse_upload(analyser: Analyser, store: Store, supplier_id: int, name: str, data: bytes) -> dict:
    """Analyse one uploaded file into the supplier's dossier. Raises AnalyserError for a bad file."""
    result = analyser.analyse_bytes(data, name)
    store.save_document(supplier_id, result, versions(analyser), original=data)
    counts = {s: sum(v.status == s for v in result.requirements) for s in ("met", "not_met", "not_addressed")}
    return {"file": name, "pages": result.document.pages, "language": result.language, **counts}


def supplier_view(store: Store, library: Library, supplier_id: int) -> SupplierView:
    supplier = store.supplier(supplier_id)
    documents = store.documents(supplier_id)
    combined = combine_verdicts(supplier.name, [(d["file_name"], verdicts_from_json(d["report"])) for d in documents],
                                library)
    return SupplierView(supplier, documents, apply_reviews(combined.requirements, store.latest_reviews(supplier_id)))

