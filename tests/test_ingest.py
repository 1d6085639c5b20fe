"""Ingestion of real files: PDF, DOCX, Markdown, text and HTML, decided by content."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from analyser.errors import UnreadableFile
from analyser.ingest import Limits, detect_format, ingest_bytes
from conftest import canvas_pdf


@pytest.mark.parametrize("name,pages", [("mistral-dpa.pdf", 14), ("chefdata-verwerkersovereenkomst.pdf", 4)])
def test_ingest_pdf_page_count(files, name, pages):
    import pypdfium2

    document = ingest_bytes((files / name).read_bytes(), name)
    assert document.format == "pdf"
    assert document.pages == pages == len(pypdfium2.PdfDocument(str(files / name)))


def test_ingest_pdf_removes_running_header_and_page_numbers(files):
    document = ingest_bytes((files / "mistral-dpa.pdf").read_bytes(), "dpa.pdf")
    texts = [b.text for b in document.blocks]
    assert not any(t.startswith("Page ") and t[5:].isdigit() for t in texts)
    assert "Mistral AI Data Processing Addendum" not in texts  # the running header of every page
    assert any("Mistral AI Processes the Personal Data on behalf of Customer as a Processor" in t for t in texts)


def test_ingest_pdf_joins_hyphenated_words_and_keeps_real_hyphens():
    body = [
        (700, "Helvetica", "1.1 The third-party auditor reviews the controls. Customer Data is not used for pro-", 10),
        (687, "Helvetica", "cessing outside the EU and may be shared only with a third-", 10),
        (674, "Helvetica", "party sub-processor listed in Annex 3.", 10),
    ]
    document = ingest_bytes(canvas_pdf([body]), "hyphen.pdf")
    text = " ".join(b.text for b in document.blocks)
    assert "processing outside the EU" in text
    assert "third-party sub-processor" in text


def test_ingest_pdf_paragraph_runs_over_page_break():
    page1 = [(700, "Helvetica-Bold", "4. Data Retention", 12),
             (680, "Helvetica", "4.1 The Supplier deletes Customer Data within thirty (30) days after the end of", 10),
             (667, "Helvetica", "the Agreement, including all copies held by its sub-processors and in", 10)]
    page2 = [(780, "Helvetica", "backups, and confirms the deletion in writing.", 10),
             (760, "Helvetica", "4.2 Logs are kept for at most 90 days.", 10)]
    document = ingest_bytes(canvas_pdf([page1, page2]), "break.pdf")
    joined = [b for b in document.blocks if b.text.startswith("4.1")]
    assert len(joined) == 1
    assert joined[0].text.endswith("confirms the deletion in writing.")
    assert (joined[0].page, joined[0].page_end) == (1, 2)


def test_ingest_pdf_list_items_stay_apart_as_in_the_docx():
    # One-line items without a full stop: only the bullet tells where each begins.
    from analyser.render import render_docx, render_pdf

    markdown = ("We may disclose your data:\n\n- To service providers that host the platform\n"
                "- When required by law or court order\n- In connection with a merger or acquisition\n")
    items = ["To service providers that host the platform", "When required by law or court order",
             "In connection with a merger or acquisition"]
    for data, name in ((render_pdf(markdown), "list.pdf"), (render_docx(markdown), "list.docx")):
        texts = [b.text for b in ingest_bytes(data, name).blocks]
        assert all(item in texts for item in items), (name, texts)


def test_ingest_pdf_table_rows_stay_apart_where_most_paragraphs_are_one_line():
    # Rows without a full stop, 19 pt apart, in a document of one-line paragraphs: only the wrapped
    # paragraph shows that lines of one paragraph are 13 pt apart.
    wrapped = [(700, "Helvetica", "Customer Content is processed by the Supplier only on the documented instructions", 10),
               (687, "Helvetica", "of the Customer, as set out in this Agreement and in the order form that the parties", 10),
               (674, "Helvetica", "have signed, and for no other purpose at all.", 10),
               (655, "Helvetica", "The Supplier keeps a record of the instructions it has received from the Customer", 10),
               (642, "Helvetica", "and of every sub-processor that it has engaged to provide the Service, and it shows", 10),
               (629, "Helvetica", "that record to the Customer on request.", 10)]
    rows = ["Sub-processor Purpose Location", "Supabase Database and file storage Frankfurt",
            "Vercel Application hosting Amsterdam", "Stripe Billing Dublin",
            "Postmark Transactional email United States", "Sentry Error monitoring Frankfurt",
            "Slack Optional notifications United States", "Google Cloud Sign-in Belgium",
            "OpenAI Model inference United States", "Mistral Model inference Paris"]
    table = [(600 - 19 * i, "Helvetica", row, 10) for i, row in enumerate(rows)]
    texts = [b.text for b in ingest_bytes(canvas_pdf([wrapped + table]), "rows.pdf").blocks]
    assert all(row in texts for row in rows), texts
    assert any(t.startswith("Customer Content") and t.endswith("no other purpose at all.") for t in texts)


def test_ingest_pdf_sentence_with_looser_lines_stays_whole(files):
    # A note in a box: its lines lie twice the body's line distance apart. A line that runs to the margin
    # mid-sentence and a lower-case line below it are one sentence; a capitalised line after a full stop is not.
    body = [(700 - 13 * i, "Helvetica", line, 10) for i, line in enumerate([
        "The Supplier processes Customer Content only on the documented instructions of the",
        "Customer and keeps a record of every instruction it has received from the Customer,",
        "which it shows to the Customer on request and keeps for the term of the Agreement.",
        "Each sub-processor is bound by the same obligations as the Supplier under this Agreement",
        "and the Supplier remains liable to the Customer for the acts of each sub-processor."])]
    note = [(620, "Helvetica", "Note: the model provider is engaged only when the Customer uses the assistant. Resend is used for", 10),
            (594, "Helvetica", "sending support and notification emails, with data stored in the EU (Ireland).", 10),
            (560, "Helvetica", "Sub-processors are listed in the annex.", 10)]
    texts = [b.text for b in ingest_bytes(canvas_pdf([body + note]), "note.pdf").blocks]
    assert any(t.endswith("Resend is used for sending support and notification emails, with data stored in the EU (Ireland).")
               for t in texts), texts
    assert "Sub-processors are listed in the annex." in texts
    real = [b.text for b in ingest_bytes((files / "chefdata-verwerkersovereenkomst-chromium.pdf").read_bytes(),
                                         "chefdata.pdf").blocks]
    assert any("Resend wordt gebruikt voor het verzenden en ontvangen van support emails" in t for t in real)


def test_ingest_pdf_heading_cues_from_font(files):
    document = ingest_bytes((files / "mistral-dpa.pdf").read_bytes(), "dpa.pdf")
    headings = [b.text for b in document.blocks if b.kind == "heading"]
    assert "1. Definitions" in headings and "2.1 Role of the Parties" in headings


def test_ingest_docx_renders_word_auto_numbering(files):
    data = (files / "mistral-dpa.docx").read_bytes()
    raw = docx.Document(io.BytesIO(data))
    numbered = [p._p for p in raw.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) > 30
    assert raw.paragraphs[[p.text for p in raw.paragraphs].index("Role of the Parties")]._p in numbered
    document = ingest_bytes(data, "dpa.docx")
    texts = [b.text for b in document.blocks]
    assert "2.1 Role of the Parties" in texts
    assert any(t.startswith("(b) “Applicable Data Protection Law”") for t in texts)
    assert document.pages is None


def test_ingest_docx_leaves_out_headers_and_footers_and_reads_tables():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "HEADER TEXT"
    document.sections[0].footer.paragraphs[0].text = "FOOTER TEXT"
    document.add_paragraph("Sub-processors used by the Supplier:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Hosting Co", "Netherlands"
    table.cell(1, 0).text, table.cell(1, 1).text = "Mail Co", "Ireland"
    out = io.BytesIO()
    document.save(out)
    result = ingest_bytes(out.getvalue(), "subs.docx")
    texts = [b.text for b in result.blocks]
    assert "Hosting Co | Netherlands" in texts and "Mail Co | Ireland" in texts
    assert not any("HEADER TEXT" in t or "FOOTER TEXT" in t for t in texts)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_ingest_text_encodings(encoding):
    text = "Artikel 3 Bewaartermijn\n\nDe leverancier bewaart gegevens maximaal 30 dagen; daarna worden ze verwijderd (€ 0,00 kosten)."
    document = ingest_bytes(text.encode(encoding), "voorwaarden.txt")
    assert document.format == "text"
    assert "maximaal 30 dagen" in document.blocks[-1].text
    assert "€" in document.blocks[-1].text


def test_ingest_html_text_only_scripts_never_leak():
    html = b"""<!doctype html><html><head><title>Terms</title><style>p{color:red}</style>
    <script>alert('x')</script></head><body><h2>5. Security</h2>
    <p>5.1 The Supplier notifies the Customer within 24 hours.<script>document.write('evil')</script></p>
    <ul><li>(a) encryption at rest</li></ul></body></html>"""
    document = ingest_bytes(html, "terms.html")
    text = " ".join(b.text for b in document.blocks)
    assert document.format == "html" and document.title == "Terms"
    assert "alert" not in text and "evil" not in text and "color" not in text
    assert "5.1 The Supplier notifies the Customer within 24 hours." in text


@pytest.mark.parametrize("source,misnamed", [("mistral-dpa.docx", "terms.pdf"), ("mistral-dpa.pdf", "terms.docx"),
                                             ("mistral-dpa.md", "terms.pdf")])
def test_ingest_format_by_content_not_name(files, source, misnamed):
    data = (files / source).read_bytes()
    expected = {"docx": "docx", "pdf": "pdf", "md": "markdown"}[source.rsplit(".", 1)[1]]
    assert detect_format(data, misnamed) == expected
    assert ingest_bytes(data, misnamed).blocks


@pytest.mark.parametrize("data,code", [
    (b"", "empty_file"),
    (b"   \n  ", "empty_file"),
    (bytes(range(256)) * 40, "unsupported_format"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy_word"),
    (b"PK\x03\x04 not really a zip", "unreadable_docx"),
])
def test_ingest_bad_input_gives_code(data, code):
    with pytest.raises(UnreadableFile) as info:
        ingest_bytes(data, "bad.bin")
    assert info.value.code == code
    assert "bad.bin" in info.value.message


def test_ingest_truncated_pdf(files):
    data = (files / "mistral-dpa.pdf").read_bytes()[:3000]
    with pytest.raises(UnreadableFile) as info:
        ingest_bytes(data, "cut.pdf")
    assert info.value.code in ("unreadable_pdf", "no_text")


def test_ingest_encrypted_pdf_says_so():
    data = canvas_pdf([[(700, "Helvetica", "1. Secret terms", 10)]], encrypt="s3cret")
    with pytest.raises(UnreadableFile) as info:
        ingest_bytes(data, "locked.pdf")
    assert info.value.code == "encrypted_pdf"
    assert "password" in info.value.message


def test_ingest_page_limit(files):
    with pytest.raises(UnreadableFile) as info:
        ingest_bytes((files / "mistral-dpa.pdf").read_bytes(), "dpa.pdf", Limits(max_pages=5))
    assert info.value.code == "too_many_pages" and "14 pages" in info.value.message


def test_ingest_pdf_ligatures_become_letters():
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.is_file():
        pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core): no font with ligature glyphs")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("DejaVu", 10)
    page.drawString(72, 700, "1.1 Con\ufb01dential data is not shared with a\ufb03liates.")
    page.save()
    text = " ".join(b.text for b in ingest_bytes(out.getvalue(), "lig.pdf").blocks)
    assert "Confidential data is not shared with affiliates." in text
