"""Streamlit dashboard: upload vendor terms, see the gaps. Run with `make run`."""
from __future__ import annotations

import streamlit as st

from analyser.errors import AnalyserError
from analyser.pipeline import Analyser
from analyser.report import RENDERERS, Report

STATUS = {
    "nl": {"met": "✅ voldaan", "not_met": "❌ niet voldaan", "not_addressed": "⚠️ niet geregeld"},
    "en": {"met": "✅ met", "not_met": "❌ not met", "not_addressed": "⚠️ not addressed"},
}
TEXT = {
    "nl": {"title": "Clause analyser: leveranciersvoorwaarden toetsen", "upload": "Upload voorwaarden (PDF, DOCX, Markdown, tekst, HTML)",
           "analysing": "Bezig met analyseren…", "requirement": "Eis", "status": "Status", "evidence": "Bewijs",
           "clauses": "Clausules", "download": "Download rapport (JSON)", "page": "p.", "language": "Taal"},
    "en": {"title": "Clause analyser: check vendor terms", "upload": "Upload terms (PDF, DOCX, Markdown, text, HTML)",
           "analysing": "Analysing…", "requirement": "Requirement", "status": "Status", "evidence": "Evidence",
           "clauses": "Clauses", "download": "Download report (JSON)", "page": "p.", "language": "Language"},
}


@st.cache_resource(show_spinner=False)
def get_analyser() -> Analyser:
    return Analyser()


def main() -> None:
    st.set_page_config(page_title="Clause analyser", layout="wide")
    lang = st.sidebar.radio("Taal / Language", ["nl", "en"], format_func=lambda x: {"nl": "Nederlands", "en": "English"}[x])
    t = TEXT[lang]
    st.title(t["title"])
    try:
        analyser = get_analyser()
    except AnalyserError as exc:
        st.error(exc.message)
        return
    files = st.file_uploader(t["upload"], accept_multiple_files=True,
                             type=["pdf", "docx", "md", "markdown", "txt", "html", "htm"])
    if not files:
        return
    documents, errors = [], []
    progress = st.progress(0.0, text=t["analysing"])
    for index, upload in enumerate(files):
        try:
            documents.append(analyser.analyse_bytes(upload.getvalue(), upload.name))
        except AnalyserError as exc:
            errors.append(exc)
            st.error(exc.message)
        progress.progress((index + 1) / len(files), text=t["analysing"])
    progress.empty()
    report = Report(documents=documents, errors=[], library=analyser.library, model_version=analyser.model_version)
    for result in documents:
        st.header(result.document.title or result.document.file)
        st.caption(f"{result.document.file} · {result.document.format} · {t['language']}: {result.language}"
                   + (f" · {result.document.pages} {t['page']}" if result.document.pages else ""))
        rows = []
        for verdict in result.requirements:
            requirement = analyser.library.get(verdict.id)
            quotes = " | ".join(f"“{e.quote}” ({e.clause_number or e.clause_id}, {t['page']} {e.page or '-'})"
                                for e in verdict.evidence)
            rows.append({t["requirement"]: requirement.title.get(lang), t["status"]: STATUS[lang][verdict.status],
                         t["evidence"]: quotes})
        st.dataframe(rows, hide_index=True, use_container_width=True)
        with st.expander(t["clauses"]):
            for clause in result.clauses:
                head = " ".join(x for x in (clause.number, clause.heading) if x)
                st.text(f"{head}\n{clause.text}" if head else clause.text)
    if documents:
        st.download_button(t["download"], RENDERERS["json"](report), file_name="report.json", mime="application/json")


main()
