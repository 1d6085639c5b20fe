"""Streamlit dashboard: upload vendor terms, see the gaps, review, compare, export. Run with `make run`."""
from __future__ import annotations

import html
import json
import re

import streamlit as st

from analyser.errors import AnalyserError
from analyser.export import (STATUS_TEXT, format_details, gap_report_docx, gap_report_markdown, matrix_csv,
                             matrix_for_people, matrix_rows, matrix_xlsx, ordered)
from analyser.library import CORE_CATEGORIES
from analyser.pipeline import Analyser
from analyser.report import md_escape
from analyser.store import ReviewConflict, Store, default_url
from analyser.workspace import analyse_upload, supplier_view, versions

# Material icons ship with Streamlit (no font download); colour and words carry the status too.
ICON = {"met": ":material/check_circle:", "not_met": ":material/cancel:", "not_addressed": ":material/help:"}
COLOUR = {"met": "green", "not_met": "red", "not_addressed": "orange"}
CELL = {"met": "#c6efce", "not_met": "#ffc7ce", "not_addressed": "#ffeb9c"}
STATUSES = ["met", "not_met", "not_addressed"]
CATEGORY = {
    "nl": {"data_sharing": "Delen van gegevens", "data_retention": "Bewaren van gegevens",
           "retraining": "Hertrainen op invoer", "hosting": "Hosting in EU/NL", "contract_type": "Soort voorwaarden",
           "data_protection": "Gegevensbescherming", "legal": "Juridisch"},
    "en": {"data_sharing": "Data sharing", "data_retention": "Data retention", "retraining": "Retraining on prompts",
           "hosting": "EU/Dutch hosting", "contract_type": "Type of terms", "data_protection": "Data protection",
           "legal": "Legal"},
}
T = {
    "nl": dict(
        title="Clause analyser", subtitle="Voorwaarden van AI-leveranciers toetsen aan de inkoopeisen",
        supplier="Leverancier", new_supplier="Nieuwe leverancier", name="Naam", product="Product",
        dossier="Aanbesteding of dossier", create="Aanmaken", reviewer="Uw naam (voor beoordelingen)",
        tab_upload="Uploaden", tab_overview="Overzicht", tab_compare="Vergelijken", tab_history="Geschiedenis",
        tab_library="Eisenbibliotheek", upload="Voorwaarden, verwerkersovereenkomst, privacyverklaring "
        "(PDF, DOCX, Markdown, tekst, HTML)", analyse="Analyseren", analysing="Bezig met analyseren: {name}",
        done="{file}: {met} voldaan, {not_met} niet voldaan, {not_addressed} niet geregeld.",
        no_supplier="Kies of maak eerst een leverancier in de zijbalk.", no_documents="Nog geen documenten voor deze leverancier.",
        evidence="Bewijs", context="Artikel in context", wording="Voorgestelde contracttekst (om te kopiëren)",
        review="Beoordeling", decision="Uw oordeel", comment="Toelichting (verplicht)", save="Opslaan",
        need_comment="Vul een toelichting en uw naam in.", saved="Beoordeling opgeslagen.",
        conflict="Let op: {reviewer} heeft intussen ook een oordeel opgeslagen ({status}: “{comment}”). "
        "Beide staan in het auditspoor; controleer welk oordeel moet gelden.",
        reviewed_by="Beoordeeld: {status} door {reviewer} op {when}: “{comment}” (oorspronkelijk {original})",
        no_evidence="Geen bepaling gevonden die dit regelt.", details="Gegevens",
        export="Exporteren", compare_pick="Leveranciers", categories="Categorieën", counts="Aantallen per leverancier",
        history="Eerdere analyses", open="Openen", audit="Auditspoor", documents="Documenten", analysed="geanalyseerd",
        rationale="Waarom", sources="Bronnen", met_when="Voldaan als", not_met_when="Niet voldaan als",
        requirement="Eis", page="p.", clause="artikel", nothing_to_compare="Maak eerst leveranciers met documenten aan.",
        see_overview="Bekijk de uitkomst in het tabblad **Overzicht**.", reviewed="beoordeeld",
        why_met="Waarom voldaan", why_not_met="Waarom niet voldaan", why_not_addressed="Waarom niet geregeld",
        not_addressed_reason="Geen bepaling gevonden die dit regelt: een punt om met de leverancier af te spreken.",
        core="★ = kernonderwerp van het overheidsbrede standpunt generatieve AI (delen, bewaren, hertrainen, hosting).",
        name_needed="Vul een naam in voor de leverancier.", exists="Deze leverancier bestaat al en is nu gekozen.",
        opened="Geopend: {name}. Zie het tabblad Overzicht.", report_name="toetsingsrapport", compare_name="vergelijking",
        audit_cols={"created_at": "tijdstip", "supplier": "leverancier", "requirement": "eis", "original": "oorspronkelijk",
                    "status": "oordeel", "reviewer": "beoordelaar", "comment": "toelichting", "conflict": "conflict met"},
    ),
    "en": dict(
        title="Clause analyser", subtitle="Check AI vendors' terms against the procurement requirements",
        supplier="Supplier", new_supplier="New supplier", name="Name", product="Product", dossier="Tender or dossier",
        create="Create", reviewer="Your name (for reviews)", tab_upload="Upload", tab_overview="Overview",
        tab_compare="Compare", tab_history="History", tab_library="Requirements library",
        upload="Terms, DPA, privacy policy (PDF, DOCX, Markdown, text, HTML)", analyse="Analyse",
        analysing="Analysing: {name}", done="{file}: {met} met, {not_met} not met, {not_addressed} not addressed.",
        no_supplier="First choose or create a supplier in the sidebar.", no_documents="No documents for this supplier yet.",
        evidence="Evidence", context="Clause in context", wording="Recommended contract wording (ready to copy)",
        review="Review", decision="Your verdict", comment="Comment (required)", save="Save",
        need_comment="Fill in a comment and your name.", saved="Review saved.",
        conflict="Note: {reviewer} saved a decision meanwhile ({status}: “{comment}”). Both are in the audit trail; "
        "check which one should stand.",
        reviewed_by="Reviewed: {status} by {reviewer} on {when}: “{comment}” (originally {original})",
        no_evidence="No provision found that addresses this.", details="Details", export="Export",
        compare_pick="Suppliers", categories="Categories", counts="Counts per supplier", history="Earlier analyses",
        open="Open", audit="Audit trail", documents="Documents", analysed="analysed", rationale="Why",
        sources="Sources", met_when="Met when", not_met_when="Not met when", requirement="Requirement", page="p.",
        clause="clause", nothing_to_compare="First create suppliers with documents.",
        see_overview="See the result in the **Overview** tab.", reviewed="reviewed",
        why_met="Why met", why_not_met="Why not met", why_not_addressed="Why not addressed",
        not_addressed_reason="No provision found that addresses this: a point to agree with the vendor.",
        core="★ = core topic of the government-wide position on generative AI (sharing, retention, retraining, hosting).",
        name_needed="Fill in a name for the supplier.", exists="This supplier already exists and is now selected.",
        opened="Opened: {name}. See the Overview tab.", report_name="gap-report", compare_name="comparison",
        audit_cols={"created_at": "time", "supplier": "supplier", "requirement": "requirement", "original": "original",
                    "status": "verdict", "reviewer": "reviewer", "comment": "comment", "conflict": "conflicts with"},
    ),
}


@st.cache_resource(show_spinner=False)
def get_analyser() -> Analyser:
    return Analyser()


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    return Store(url)


def flash(message: str, kind: str = "success") -> None:
    """A message that survives the rerun after a save."""
    st.session_state["flash"] = (kind, message)


def show_flash() -> None:
    if "flash" in st.session_state:
        kind, message = st.session_state.pop("flash")
        getattr(st, kind)(message)


def highlight(text: str, quotes: list[str]) -> str:
    """The clause as escaped HTML with the deciding sentences marked; vendor markup never takes effect."""
    escaped = html.escape(text)
    for quote in quotes:
        q = html.escape(quote)
        escaped = escaped.replace(q, f"<mark>{q}</mark>")
    return escaped.replace("\n", "<br>")


def sidebar(store: Store, t: dict, lang: str):
    suppliers = store.suppliers()
    ids = [s.id for s in suppliers]
    if st.session_state.get("supplier_id") not in ids:
        st.session_state["supplier_id"] = ids[0] if ids else None
    if ids:
        st.sidebar.selectbox(t["supplier"], ids, key="supplier_id",
                             format_func=lambda i: next(s.label for s in suppliers if s.id == i))
    with st.sidebar.expander(t["new_supplier"], expanded=not ids):
        with st.form("new_supplier", clear_on_submit=True):
            name = st.text_input(t["name"])
            product = st.text_input(t["product"])
            dossier = st.text_input(t["dossier"])
            if st.form_submit_button(t["create"]):
                if not name.strip():
                    st.error(t["name_needed"])
                    return
                known = {(s.name, s.dossier) for s in suppliers}
                supplier = store.add_supplier(name, product, dossier)
                if (supplier.name, supplier.dossier) in known:
                    flash(t["exists"], "info")
                st.session_state["new_supplier_id"] = supplier.id
                st.rerun()
    st.sidebar.text_input(t["reviewer"], key="reviewer")


def upload_tab(analyser: Analyser, store: Store, t: dict, supplier_id: int | None):
    if supplier_id is None:
        st.info(t["no_supplier"])
        return
    # No type filter: the analyser recognises files by content and explains what it cannot read (e.g. old .doc).
    files = st.file_uploader(t["upload"], accept_multiple_files=True, key="uploads")
    if st.button(t["analyse"], disabled=not files, type="primary"):
        progress = st.progress(0.0)
        for index, upload in enumerate(files):
            progress.progress(index / len(files), text=t["analysing"].format(name=upload.name))
            try:
                summary = analyse_upload(analyser, store, supplier_id, upload.name, upload.getvalue())
                st.success(t["done"].format(**{**summary, "file": md_escape(summary["file"])}))
            except AnalyserError as exc:  # file names are the uploader's: shown as text, never as markup
                st.error(md_escape(exc.localised(st.session_state.get("lang", "nl"))))
        progress.progress(1.0)
        st.info(t["see_overview"])


def overview_tab(analyser: Analyser, store: Store, t: dict, lang: str, supplier_id: int | None):
    if supplier_id is None:
        st.info(t["no_supplier"])
        return
    library = analyser.library
    view = supplier_view(store, library, supplier_id)
    if not view.documents:
        st.info(t["no_documents"])
        return
    st.subheader(view.supplier.label)
    st.caption(f"{t['documents']}: " + ", ".join(view.files))
    columns = st.columns(3)
    st.caption(t["core"])
    for column, status in zip(columns, STATUSES):
        column.metric(f"{ICON[status]} :{COLOUR[status]}[{STATUS_TEXT[lang][status]}]",
                      sum(i.status == status for i in view.items))
    current_category = None
    for item in ordered(library, view.items):
        requirement = library.get(item.verdict.id)
        if requirement.category != current_category:
            current_category = requirement.category
            core = " ★" if current_category in CORE_CATEGORIES else ""
            st.markdown(f"#### {CATEGORY[lang].get(current_category, current_category)}{core}")
        detail = md_escape(format_details(item.verdict.details, lang))
        status = f":{COLOUR[item.status]}-background[{STATUS_TEXT[lang][item.status]}]"
        reviewed = f" :material/edit_note: *{t['reviewed']}*" if item.review else ""
        label = f"{requirement.title.get(lang)}: {status}{reviewed}" + (f" ({detail})" if detail else "")
        with st.expander(label, icon=ICON[item.status]):
            requirement_panel(store, t, lang, view, item, requirement)
    st.markdown(f"#### {t['export']}")
    name = re.sub(r"[^\w.-]+", "_", view.supplier.name)
    args = (view.supplier.label, view.files, view.items, library, versions(analyser), lang)
    c1, c2, c3 = st.columns(3)
    c1.download_button("DOCX", gap_report_docx(*args), file_name=f"{name}-{t['report_name']}.docx", key="export_docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    c2.download_button("Markdown", gap_report_markdown(*args), file_name=f"{name}-{t['report_name']}.md",
                       mime="text/markdown", key="export_md")
    c3.download_button("JSON", json.dumps(supplier_report(view, library, analyser), ensure_ascii=False, indent=2),
                       file_name=f"{name}-report.json", mime="application/json", key="export_json")


def supplier_report(view, library, analyser) -> dict:
    """The JSON report of the spec for the supplier's documents, with the reviewed supplier verdicts."""
    v = versions(analyser)
    return {
        "schema_version": 1, "analyser_version": v["analyser"],
        "library": {"name": library.name, "version": library.version}, "model": {"version": v["model"]},
        "documents": [d["report"] for d in view.documents], "errors": [],
        "suppliers": [{"name": view.supplier.label, "documents": view.files, "requirements": [
            {"id": i.verdict.id, "category": i.verdict.category, "status": i.status, "analysed_status": i.verdict.status,
             "confidence": i.verdict.confidence, "details": i.verdict.details, "review": {
                 k: (str(val) if k == "created_at" else val) for k, val in i.review.items()} if i.review else None,
             "evidence": [{"document": e.document, "clause_id": e.clause_id, "page": e.page, "quote": e.quote,
                           "clause_number": e.clause_number} for e in i.verdict.evidence]}
            for i in view.items]}],
    }


def requirement_panel(store: Store, t: dict, lang: str, view, item, requirement):
    st.write(requirement.requirement.get(lang))
    why = {"met": requirement.met_when.get(lang), "not_met": requirement.not_met_when.get(lang),
           "not_addressed": t["not_addressed_reason"]}[item.verdict.status]
    st.markdown(f"**{t['why_' + item.verdict.status]}**: {html.escape(why)}")
    if item.verdict.evidence:
        st.markdown(f"**{t['evidence']}**")
        for evidence in item.verdict.evidence:
            clause = view.clause(evidence.document, evidence.clause_id)
            cited = evidence.clause_number or (f"“{clause['heading']}”" if clause and clause["heading"] else None)
            where = " · ".join(x for x in (evidence.document, f"{t['clause']} {cited}" if cited else None,
                                           f"{t['page']} {evidence.page}" if evidence.page else None) if x)
            st.markdown(f"<blockquote>{html.escape(evidence.quote)}<br><small>{html.escape(where)}</small>"
                        "</blockquote>", unsafe_allow_html=True)
            clause = view.clause(evidence.document, evidence.clause_id)
            if clause:
                with st.popover(t["context"]):
                    head = " ".join(x for x in (clause["number"], clause["heading"]) if x)
                    st.markdown(f"<b>{html.escape(head)}</b><br>{highlight(clause['text'], [evidence.quote])}",
                                unsafe_allow_html=True)
    else:
        st.caption(t["no_evidence"])
    if item.is_gap:
        st.markdown(f"**{t['wording']}**")
        st.code(requirement.recommended_wording.get(lang), language=None, wrap_lines=True)
    review = item.review
    if review:
        when = review["created_at"].strftime("%Y-%m-%d %H:%M")
        st.info(t["reviewed_by"].format(status=STATUS_TEXT[lang][review["status"]], reviewer=review["reviewer"],
                                        when=when, comment=review["comment"],
                                        original=STATUS_TEXT[lang][review["original_status"]]))
    with st.form(f"review_{requirement.id}"):
        st.markdown(f"**{t['review']}**")
        status = st.radio(t["decision"], STATUSES, index=STATUSES.index(item.status), horizontal=True,
                          format_func=lambda s: STATUS_TEXT[lang][s], key=f"status_{requirement.id}")
        comment = st.text_area(t["comment"], key=f"comment_{requirement.id}")
        if st.form_submit_button(t["save"]):
            reviewer = st.session_state.get("reviewer", "")
            if not comment.strip() or not reviewer.strip():
                st.error(t["need_comment"])
                return
            try:
                store.add_review(view.supplier.id, requirement.id, item.verdict.status, status, comment, reviewer,
                                 based_on=review["id"] if review else None)
                flash(f"{requirement.title.get(lang)}: {t['saved']}")
            except ReviewConflict as conflict:
                other = conflict.other
                flash(t["conflict"].format(reviewer=other["reviewer"], comment=other["comment"],
                                           status=STATUS_TEXT[lang][other["status"]]), "warning")
            st.rerun()


def compare_tab(analyser: Analyser, store: Store, t: dict, lang: str):
    import pandas as pd

    library = analyser.library
    suppliers = [s for s in store.suppliers() if store.documents(s.id)]
    if not suppliers:
        st.info(t["nothing_to_compare"])
        return
    chosen = st.multiselect(t["compare_pick"], [s.id for s in suppliers], default=[s.id for s in suppliers],
                            format_func=lambda i: next(s.label for s in suppliers if s.id == i))
    categories = list(dict.fromkeys(r.category for r in library.requirements))
    picked = st.multiselect(t["categories"], categories, default=categories,
                            format_func=lambda c: CATEGORY[lang].get(c, c))
    columns = {s.label: supplier_view(store, library, s.id).items for s in suppliers if s.id in chosen}
    rows = [r for r in matrix_rows(library, columns, lang) if r["category"] in picked]
    people = matrix_for_people(rows, lang)
    shown = pd.DataFrame([{t["requirement"]: r["requirement"], **{k: v for k, v in p.items() if k in columns}}
                          for r, p in zip(rows, people)])

    def colour(value: str) -> str:
        code = next((c for c in sorted(STATUSES, key=lambda c: -len(STATUS_TEXT[lang][c]))
                     if str(value).startswith(STATUS_TEXT[lang][c])), None)
        return f"background-color: {CELL[code]}" if code else ""

    st.dataframe(shown.style.map(colour), hide_index=True, width="stretch", height=36 * (len(rows) + 1) + 3)
    counts = pd.DataFrame({STATUS_TEXT[lang][s]: [sum(r[k][0] == s for r in rows) for k in columns] for s in STATUSES},
                          index=list(columns))
    st.markdown(f"**{t['counts']}**")
    st.bar_chart(counts, color=["#2e7d32", "#c62828", "#ef8f00"], stack=True, horizontal=True, sort=False)
    c1, c2 = st.columns(2)
    c1.download_button("CSV", matrix_csv(people, lang), file_name=f"{t['compare_name']}.csv", mime="text/csv",
                       key="matrix_csv")
    c2.download_button("XLSX", matrix_xlsx(people, lang), file_name=f"{t['compare_name']}.xlsx", key="matrix_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def lib_title(requirement_id: str, lang: str) -> str:
    try:
        return get_analyser().library.get(requirement_id).title.get(lang)
    except KeyError:  # a requirement of an older library
        return requirement_id


def history_tab(store: Store, t: dict, lang: str):
    st.markdown(f"#### {t['history']}")
    for supplier in store.suppliers():
        documents = store.documents(supplier.id)
        cols = st.columns([4, 1])
        listing = ", ".join(f"{d['file_name']} ({t['analysed']} {d['analysed_at']:%Y-%m-%d %H:%M})" for d in documents)
        cols[0].markdown(f"**{html.escape(supplier.label)}**  \n{html.escape(listing) or '-'}", unsafe_allow_html=True)
        if cols[1].button(t["open"], key=f"open_{supplier.id}"):
            st.session_state["new_supplier_id"] = supplier.id
            flash(t["opened"].format(name=supplier.label), "info")
            st.rerun()
    trail = store.audit_trail()
    if trail:
        st.markdown(f"#### {t['audit']}")
        names = {s.id: s.label for s in store.suppliers()}
        cols = t["audit_cols"]
        st.dataframe([{cols["created_at"]: f"{row['created_at']:%Y-%m-%d %H:%M}", cols["supplier"]: names.get(row["supplier_id"]),
                       cols["requirement"]: lib_title(row["requirement_id"], lang),
                       cols["original"]: STATUS_TEXT[lang][row["original_status"]],
                       cols["status"]: STATUS_TEXT[lang][row["status"]], cols["reviewer"]: row["reviewer"],
                       cols["comment"]: row["comment"], cols["conflict"]: row["conflict_with"] or ""}
                      for row in reversed(trail)], hide_index=True, width="stretch",
                     column_config={cols["comment"]: st.column_config.TextColumn(width="large")})


def library_tab(analyser: Analyser, t: dict, lang: str):
    library = analyser.library
    st.caption(f"{library.name} {library.version}")
    for requirement in library.requirements:
        with st.expander(f"{requirement.title.get(lang)} ({CATEGORY[lang].get(requirement.category)})"):
            st.write(requirement.requirement.get(lang))
            st.markdown(f"**{t['rationale']}**: {html.escape(requirement.rationale.get(lang))}")
            st.markdown(f"**{t['met_when']}**: {html.escape(requirement.met_when.get(lang))}")
            st.markdown(f"**{t['not_met_when']}**: {html.escape(requirement.not_met_when.get(lang))}")
            st.markdown(f"**{t['sources']}**: " + "; ".join(html.escape(s.title) for s in requirement.sources))
            st.markdown(f"**{t['wording']}**")
            st.code(requirement.recommended_wording.get(lang), language=None, wrap_lines=True)


def main() -> None:
    st.set_page_config(page_title="Clause analyser", page_icon="📑", layout="wide")
    if "new_supplier_id" in st.session_state:  # chosen before the selectbox is drawn
        st.session_state["supplier_id"] = st.session_state.pop("new_supplier_id")
    lang = st.sidebar.radio("Taal / Language", ["nl", "en"], horizontal=True, key="lang",
                            format_func=lambda x: {"nl": "Nederlands", "en": "English"}[x])
    t = T[lang]
    st.title(t["title"])
    st.caption(t["subtitle"])
    try:
        analyser, store = get_analyser(), get_store(default_url())
    except AnalyserError as exc:
        st.error(exc.message)
        return
    sidebar(store, t, lang)
    show_flash()
    supplier_id = st.session_state.get("supplier_id")
    upload, overview, compare, history, library = st.tabs(
        [t["tab_upload"], t["tab_overview"], t["tab_compare"], t["tab_history"], t["tab_library"]])
    with upload:
        upload_tab(analyser, store, t, supplier_id)
    with overview:
        overview_tab(analyser, store, t, lang, supplier_id)
    with compare:
        compare_tab(analyser, store, t, lang)
    with history:
        history_tab(store, t, lang)
    with library:
        library_tab(analyser, t, lang)


main()
