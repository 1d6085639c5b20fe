"""Reports in the shape of shared/spec/REPORT.md: JSON, Markdown and CSV."""
from __future__ import annotations

import csv
import io
import json

from .pipeline import Report
from .records import DocumentResult, Evidence, RequirementVerdict

SCHEMA_VERSION = 1
STATUS_LABEL = {"met": "met", "not_met": "NOT MET", "not_addressed": "not addressed"}


def _verdict_json(verdict: RequirementVerdict) -> dict:
    return {
        "id": verdict.id,
        "category": verdict.category,
        "status": verdict.status,
        "confidence": verdict.confidence,
        "evidence": [
            {"clause_id": e.clause_id, "page": e.page, "quote": e.quote, "clause_number": e.clause_number,
             **({"document": e.document} if e.document else {})}
            for e in verdict.evidence
        ],
        "details": verdict.details,
    }


def verdicts_from_json(document: dict) -> list[RequirementVerdict]:
    """The verdicts of a stored document report (the inverse of the JSON above)."""
    return [
        RequirementVerdict(
            id=r["id"], category=r["category"], status=r["status"], confidence=r["confidence"],
            evidence=[Evidence(clause_id=e["clause_id"], page=e.get("page"), quote=e["quote"],
                               clause_number=e.get("clause_number"), document=e.get("document"))
                      for e in r["evidence"]],
            details=r.get("details", {}))
        for r in document["requirements"]
    ]


def document_json(result: DocumentResult) -> dict:
    doc = result.document
    return {
        "file": doc.file,
        "sha256": doc.sha256,
        "format": doc.format,
        "language": result.language,
        "pages": doc.pages,
        "title": doc.title,
        "ocr_pages": doc.ocr_pages,
        "warnings": doc.warnings,
        "clauses": [
            {"id": c.id, "number": c.number, "heading": c.heading, "text": c.text, "page_start": c.page_start,
             "page_end": c.page_end, "parent": c.parent, "categories": c.categories,
             "requirements": [{"id": rid, "score": score} for rid, score in c.requirements]}
            for c in result.clauses
        ],
        "requirements": [_verdict_json(v) for v in result.requirements],
    }


def to_dict(report: Report) -> dict:
    data = {
        "schema_version": SCHEMA_VERSION,
        "analyser_version": report.analyser_version,
        "library": {"name": report.library.name, "version": report.library.version},
        "model": {"version": report.model_version},
        "documents": [document_json(d) for d in report.documents],
        "errors": [{"file": e.file, "code": e.code, "message": e.message} for e in report.errors],
    }
    if report.suppliers:
        data["suppliers"] = [s.to_dict() for s in report.suppliers]
    return data


def render_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)


def md_escape(text: str) -> str:
    """Vendor text is shown as text: no Markdown or HTML of theirs takes effect."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def render_markdown(report: Report) -> str:
    lines = ["# Clause analysis report", "",
             f"Analyser {report.analyser_version}; library {report.library.name} {report.library.version}; "
             f"model {report.model_version or 'none'}.", ""]
    for result in report.documents:
        doc = result.document
        pages = f", {doc.pages} pages" if doc.pages else ""
        lines += [f"## {md_escape(doc.file)}", "",
                  f"{md_escape(doc.title or '')} ({doc.format}, {result.language}{pages})", "",
                  "| Requirement | Status | Evidence |", "| --- | --- | --- |"]
        for verdict in result.requirements:
            requirement = report.library.get(verdict.id)
            quotes = "<br>".join(
                f"“{md_escape(e.quote)}”" + (f" ({', '.join(where)})" if (where := [
                    x for x in (f"clause {md_escape(e.clause_number)}" if e.clause_number else None,
                                f"p. {e.page}" if e.page else None) if x]) else "")
                for e in verdict.evidence)
            detail = "; ".join(f"{k}: {v}" for k, v in verdict.details.items())
            lines.append(f"| {md_escape(requirement.title.en)} (`{verdict.id}`) | {STATUS_LABEL[verdict.status]}"
                         f"{' (' + md_escape(detail) + ')' if detail else ''} | {quotes} |")
        lines += ["", "### Clauses", ""]
        for clause in result.clauses:
            head = " ".join(x for x in (clause.number, clause.heading) if x) or "(untitled)"
            page = f" (p. {clause.page_start})" if clause.page_start else ""
            lines.append(f"- **{md_escape(head)}**{page}: {md_escape(clause.text[:300])}")
        lines.append("")
    if report.errors:
        lines += ["## Files that could not be read", ""]
        lines += [f"- {md_escape(e.file)} ({e.code}): {md_escape(e.message)}" for e in report.errors]
    return "\n".join(lines) + "\n"


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "requirement", "category", "status", "confidence", "pages", "quotes", "details"])
    for result in report.documents:
        for verdict in result.requirements:
            writer.writerow([
                result.document.file, verdict.id, verdict.category, verdict.status, verdict.confidence,
                " ".join(str(e.page) for e in verdict.evidence if e.page),
                " || ".join(e.quote for e in verdict.evidence),
                json.dumps(verdict.details, ensure_ascii=False) if verdict.details else "",
            ])
    for error in report.errors:
        writer.writerow([error.file, "", "", "error:" + error.code, "", "", error.message, ""])
    return out.getvalue()


RENDERERS = {"json": render_json, "markdown": render_markdown, "csv": render_csv}
