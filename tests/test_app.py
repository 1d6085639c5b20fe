"""The dashboard, driven with streamlit.testing.v1.AppTest: upload, verdicts, review, comparison, export."""
from __future__ import annotations

import io

import docx
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture()
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ANALYSER_DATABASE_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    return at


def create_supplier(at: AppTest, name: str) -> None:
    at.sidebar.text_input[0].set_value(name)
    at.sidebar.text_input[1].set_value("Le Chat")
    at.sidebar.text_input[2].set_value("Aanbesteding AI 2026")
    at.sidebar.button[0].click().run()


def upload(at: AppTest, files) -> None:
    at.file_uploader[0].set_value(files).run()
    next(b for b in at.button if b.label in ("Analyseren", "Analyse")).click().run()


def expander(at: AppTest, title_part: str):
    return next(e for e in at.expander if title_part in e.label)


def test_app_starts_in_dutch_without_errors(app):
    assert not app.exception
    assert app.title[0].value == "Clause analyser"
    assert "Kies of maak eerst een leverancier" in app.info[0].value


def test_app_upload_shows_verdicts_and_bad_file_message(app, files):
    create_supplier(app, "Mistral AI")
    upload(app, [("dpa.pdf", (files / "mistral-dpa.pdf").read_bytes(), "application/pdf"),
                 ("kapot.pdf", b"%PDF-1.7 truncated", "application/pdf")])
    assert not app.exception
    assert any("dpa.pdf" in s.value for s in app.success)
    assert any("kapot.pdf" in e.value and "beschadigd" in e.value for e in app.error)
    labels = [e.label for e in app.expander]
    assert sum("-background[" in label for label in labels) == 15
    assert any("Bewaartermijn" in label or "bewaar" in label.lower() for label in labels)
    metrics = {m.label: m.value for m in app.metric}
    assert sum(int(v) for v in metrics.values()) == 15


def test_app_override_is_kept_with_audit_trail_across_restart(app, files, tmp_path, monkeypatch):
    create_supplier(app, "Mistral AI")
    upload(app, [("dpa.pdf", (files / "mistral-dpa.pdf").read_bytes(), "application/pdf")])
    app.sidebar.text_input(key="reviewer").set_value("J. de Jurist").run()
    panel = expander(app, ":red-background[")
    requirement_id = panel.radio[0].key.removeprefix("status_")
    panel.radio[0].set_value("met")
    panel.text_area[0].set_value("Zero retention afgesproken in de orderbevestiging.")
    panel.button[0].click().run()
    assert not app.exception
    # a new session on the same database: the decision is still there
    again = AppTest.from_file(APP, default_timeout=120)
    again.run()
    info = " ".join(i.value for i in again.info)
    assert "J. de Jurist" in info and "Zero retention" in info
    from analyser.store import Store

    trail = Store().audit_trail()
    assert [(r["requirement_id"], r["decision"], r["status"]) for r in trail] == [(requirement_id, "override", "met")]
    # re-analysing the same file keeps the review
    upload(again, [("dpa.pdf", (files / "mistral-dpa.pdf").read_bytes(), "application/pdf")])
    assert "J. de Jurist" in " ".join(i.value for i in again.info)


def test_app_review_needs_comment(app, files):
    create_supplier(app, "Mistral AI")
    upload(app, [("dpa.pdf", (files / "mistral-dpa.pdf").read_bytes(), "application/pdf")])
    app.sidebar.text_input(key="reviewer").set_value("J. de Jurist").run()
    panel = expander(app, ":green-background[")
    panel.button[0].click().run()
    assert any("toelichting" in e.value for e in app.error)


def test_app_compare_and_export(app, files):
    create_supplier(app, "Mistral AI")
    upload(app, [("dpa.pdf", (files / "mistral-dpa.pdf").read_bytes(), "application/pdf")])
    create_supplier(app, "Chef Data")
    upload(app, [("vwo.docx", (files / "chefdata-verwerkersovereenkomst.docx").read_bytes(),
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    assert not app.exception
    matrix = app.dataframe[0].value
    assert matrix.shape == (15, 3)
    assert any("Chef Data" in c for c in matrix.columns) and any("Mistral AI" in c for c in matrix.columns)
    downloads = {b.proto.label: b for b in app.get("download_button")}
    assert {"DOCX", "Markdown", "JSON", "CSV", "XLSX"} <= set(downloads)


def test_app_gap_report_docx_opens(tmp_path, files):
    from analyser.export import apply_reviews, gap_report_docx
    from analyser.pipeline import Analyser

    analyser = Analyser()
    result = analyser.analyse_path(files / "mistral-dpa.pdf")
    items = apply_reviews(result.requirements, {})
    data = gap_report_docx("Mistral AI", ["dpa.pdf"], items, analyser.library,
                           {"analyser": "0.1.0", "library": "1", "model": None}, "nl")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Voorgestelde contracttekst" in text and "Mistral AI" in text


def test_app_english(app):
    app.sidebar.radio(key="lang").set_value("en").run()
    assert "First choose or create a supplier" in app.info[0].value
