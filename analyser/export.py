"""Exports for the procurement file: a supplier's gap report (DOCX, Markdown) and the comparison matrix (CSV, XLSX)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from .library import CORE_CATEGORIES, Library
from .records import RequirementVerdict
from .report import md_escape

STATUS_TEXT = {
    "nl": {"met": "voldaan", "not_met": "niet voldaan", "not_addressed": "niet geregeld"},
    "en": {"met": "met", "not_met": "not met", "not_addressed": "not addressed"},
}
WORDS = {
    "nl": {"title": "Toetsing leveranciersvoorwaarden", "supplier": "Leverancier", "documents": "Documenten",
           "summary": "Samenvatting", "requirement": "Eis", "status": "Status", "evidence": "Bewijs",
           "review": "Beoordeling", "wording": "Voorgestelde contracttekst", "page": "p.", "clause": "artikel",
           "by": "door", "analysed": "Geanalyseerd met", "details": "Gegevens", "gaps": "Ontbrekende of strijdige eisen",
           "met_list": "Eisen waaraan is voldaan", "original": "oorspronkelijk", "none": "geen"},
    "en": {"title": "Vendor terms review", "supplier": "Supplier", "documents": "Documents", "summary": "Summary",
           "requirement": "Requirement", "status": "Status", "evidence": "Evidence", "review": "Review",
           "wording": "Recommended contract wording", "page": "p.", "clause": "clause", "by": "by",
           "analysed": "Analysed with", "details": "Details", "gaps": "Requirements missing or contradicted",
           "met_list": "Requirements met", "original": "originally", "none": "none"},
}


DETAIL_LABELS = {
    "nl": {"retention_days": "bewaartermijn (dagen)", "regions": "genoemde regio's", "breach_hours": "meldtermijn (uur)",
           "governing_law": "toepasselijk recht", "courts": "rechter", "subprocessor_list": "lijst subverwerkers"},
    "en": {"retention_days": "retention (days)", "regions": "regions named", "breach_hours": "breach notice (hours)",
           "governing_law": "governing law", "courts": "courts", "subprocessor_list": "sub-processor list"},
}


def format_details(details: dict, lang: str = "nl") -> str:
    """'toepasselijk recht: Ireland; genoemde regio's: EU, EEA' for people, not Python."""
    labels = DETAIL_LABELS.get(lang, DETAIL_LABELS["en"])
    return "; ".join(f"{labels.get(k, k)}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                     for k, v in details.items())


@dataclass
class ReviewedVerdict:
    verdict: RequirementVerdict
    status: str  # after review
    review: dict | None

    @property
    def is_gap(self) -> bool:
        return self.status != "met"


def apply_reviews(verdicts: list[RequirementVerdict], reviews: dict[str, dict]) -> list[ReviewedVerdict]:
    return [ReviewedVerdict(v, reviews[v.id]["status"] if v.id in reviews else v.status, reviews.get(v.id))
            for v in verdicts]


def ordered(library: Library, items: list[ReviewedVerdict]) -> list[ReviewedVerdict]:
    """The four core topics first, then the other categories, library order within."""
    categories = list(CORE_CATEGORIES) + [c for c in dict.fromkeys(r.category for r in library.requirements)
                                          if c not in CORE_CATEGORIES]
    return sorted(items, key=lambda i: (categories.index(i.verdict.category), library.ids.index(i.verdict.id)))


def reviewed_mark(item: ReviewedVerdict, lang: str) -> str:
    return {"nl": " (beoordeeld)", "en": " (reviewed)"}[lang] if item.review else ""


def _evidence_lines(item: ReviewedVerdict, lang: str) -> list[str]:
    w = WORDS[lang]
    lines = []
    for e in dict.fromkeys(item.verdict.evidence_key()):  # a document that repeats itself is quoted once
        document, number, page, quote = e
        where = ", ".join(x for x in (document, f"{w['clause']} {number}" if number else None,
                                      f"{w['page']} {page}" if page else None) if x)
        lines.append(f"“{quote}” ({where})" if where else f"“{quote}”")
    return lines


def _review_line(item: ReviewedVerdict, lang: str) -> str | None:
    review = item.review
    if not review:
        return None
    w = WORDS[lang]
    when = review["created_at"].strftime("%Y-%m-%d %H:%M") if hasattr(review["created_at"], "strftime") else review["created_at"]
    return (f"{STATUS_TEXT[lang][review['status']]} ({w['original']} {STATUS_TEXT[lang][review['original_status']]}), "
            f"{w['by']} {review['reviewer']}, {when}: {review['comment']}")


def gap_report_markdown(supplier: str, files: list[str], items: list[ReviewedVerdict], library: Library,
                        versions: dict, lang: str = "nl") -> str:
    w, st = WORDS[lang], STATUS_TEXT[lang]
    items = ordered(library, items)
    counts = {s: sum(i.status == s for i in items) for s in st}
    out = [f"# {w['title']}: {md_escape(supplier)}", "",
           f"{w['documents']}: " + ", ".join(md_escape(f) for f in files), "",
           f"{w['summary']}: " + ", ".join(f"{counts[s]} {st[s]}" for s in st), "",
           f"| {w['requirement']} | {w['status']} | {w['details']} |", "| --- | --- | --- |"]
    for i in items:
        req = library.get(i.verdict.id)
        detail = format_details(i.verdict.details, lang)
        out.append(f"| {md_escape(req.title.get(lang))} | {st[i.status]}{reviewed_mark(i, lang)} | {md_escape(detail)} |")
    out += ["", f"## {w['gaps']}", ""]
    for i in [i for i in items if i.is_gap]:
        req = library.get(i.verdict.id)
        out += [f"### {md_escape(req.title.get(lang))} ({st[i.status]})", "", md_escape(req.requirement.get(lang)), ""]
        for line in _evidence_lines(i, lang):
            out.append(f"> {md_escape(line)}")
        review = _review_line(i, lang)
        if review:
            out += ["", f"*{w['review']}*: {md_escape(review)}"]
        out += ["", f"**{w['wording']}**", "", md_escape(req.recommended_wording.get(lang)), ""]
    out += [f"## {w['met_list']}", ""]
    for i in [i for i in items if not i.is_gap]:
        req = library.get(i.verdict.id)
        out.append(f"- **{md_escape(req.title.get(lang))}**")
        out += [f"  - {md_escape(line)}" for line in _evidence_lines(i, lang)]
        review = _review_line(i, lang)
        if review:
            out.append(f"  - {w['review']}: {md_escape(review)}")
    out += ["", f"{w['analysed']}: clause analyser {versions['analyser']}, {library.name} {library.version}, "
                f"model {versions.get('model') or '-'} ({date.today().isoformat()})."]
    return "\n".join(out) + "\n"


def gap_report_docx(supplier: str, files: list[str], items: list[ReviewedVerdict], library: Library,
                    versions: dict, lang: str = "nl") -> bytes:
    import docx

    w, st = WORDS[lang], STATUS_TEXT[lang]
    items = ordered(library, items)
    document = docx.Document()
    document.core_properties.title = f"{w['title']}: {supplier}"
    document.add_heading(f"{w['title']}: {supplier}", level=0)
    document.add_paragraph(f"{w['documents']}: " + ", ".join(files))
    counts = {s: sum(i.status == s for i in items) for s in st}
    document.add_paragraph(f"{w['summary']}: " + ", ".join(f"{counts[s]} {st[s]}" for s in st))
    table = document.add_table(rows=1, cols=3)
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, (w["requirement"], w["status"], w["details"])):
        cell.text = text
    for i in items:
        row = table.add_row().cells
        row[0].text = library.get(i.verdict.id).title.get(lang)
        row[1].text = st[i.status] + reviewed_mark(i, lang)
        row[2].text = format_details(i.verdict.details, lang)
    document.add_heading(w["gaps"], level=1)
    for i in [i for i in items if i.is_gap]:
        req = library.get(i.verdict.id)
        document.add_heading(f"{req.title.get(lang)} ({st[i.status]})", level=2)
        document.add_paragraph(req.requirement.get(lang))
        for line in _evidence_lines(i, lang):
            document.add_paragraph(line, style="Intense Quote")
        review = _review_line(i, lang)
        if review:
            document.add_paragraph(f"{w['review']}: {review}")
        document.add_paragraph(w["wording"]).runs[0].bold = True
        document.add_paragraph(req.recommended_wording.get(lang))
    document.add_heading(w["met_list"], level=1)
    for i in [i for i in items if not i.is_gap]:
        document.add_paragraph(library.get(i.verdict.id).title.get(lang), style="List Bullet")
        for line in _evidence_lines(i, lang):
            document.add_paragraph(line, style="List Bullet 2")
        review = _review_line(i, lang)
        if review:
            document.add_paragraph(f"{w['review']}: {review}", style="List Bullet 2")
    document.add_paragraph(f"{w['analysed']}: clause analyser {versions['analyser']}, {library.name} "
                           f"{library.version}, model {versions.get('model') or '-'} ({date.today().isoformat()}).")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def matrix_rows(library: Library, columns: dict[str, list[ReviewedVerdict]], lang: str = "nl") -> list[dict]:
    """One row per requirement, one column per supplier: (status after review, reviewed?)."""
    rows = []
    for requirement in library.requirements:
        row = {"id": requirement.id, "category": requirement.category, "requirement": requirement.title.get(lang)}
        for supplier, items in columns.items():
            item = next((i for i in items if i.verdict.id == requirement.id), None)
            row[supplier] = (item.status, bool(item.review)) if item else ("not_addressed", False)
        rows.append(row)
    return rows


MATRIX_HEADERS = {"nl": {"id": "id", "category": "categorie", "requirement": "eis"},
                  "en": {"id": "id", "category": "category", "requirement": "requirement"}}


def matrix_for_people(rows: list[dict], lang: str) -> list[dict]:
    """Headers and statuses in the user's language; reviewed cells say so."""
    headers, statuses = MATRIX_HEADERS[lang], STATUS_TEXT[lang]
    mark = {"nl": " (beoordeeld)", "en": " (reviewed)"}[lang]
    return [{headers.get(k, k): v if k in headers else statuses[v[0]] + (mark if v[1] else "")
             for k, v in row.items()} for row in rows]


def matrix_csv(rows: list[dict], lang: str = "en") -> str:
    """Rows from matrix_for_people. Dutch spreadsheets expect ';' between columns."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";" if lang == "nl" else ",")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def matrix_xlsx(rows: list[dict], lang: str = "en") -> bytes:
    """Rows from matrix_for_people, cells coloured by status."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    colours = {"met": "C6EFCE", "not_met": "FFC7CE", "not_addressed": "FFEB9C"}
    by_text = sorted(((text, colours[code]) for code, text in STATUS_TEXT[lang].items()), key=lambda t: -len(t[0]))
    book = Workbook()
    sheet = book.active
    sheet.title = "matrix"
    if rows:
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append(list(row.values()))
            for cell in sheet[sheet.max_row][3:]:
                colour = next((c for text, c in by_text if str(cell.value).startswith(text)), None)
                if colour:
                    cell.fill = PatternFill("solid", fgColor=colour)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
