"""Clauses as a lawyer cites them, from real and built documents."""
from __future__ import annotations

import pytest

from analyser.evaluation import corpus_documents, number_recall
from analyser.ingest import ingest_bytes
from analyser.records import Block
from analyser.render import render_docx, render_pdf
from analyser.segment import segment


@pytest.mark.parametrize("text,number", [
    ("1. Definitions apply.", "1"), ("1.1 The Supplier shall comply.", "1.1"), ("2.3.4 Logs are kept.", "2.3.4"),
    ("A.1 Scope of the annex.", "A.1"), ("Article 5. Security", "Article 5"), ("Artikel 7 Aansprakelijkheid", "Artikel 7"),
    ("Section 3: Term", "Section 3"), ("§ 4 Datenschutz", "§ 4"), ("Clause 12 - Governing law", "Clause 12"),
])
def test_segment_numbered_clause(text, number):
    clauses = segment([Block(text)])
    assert clauses[0].number == number


@pytest.mark.parametrize("text", ["Section 12 shall survive termination.", "2024 was a good year.",
                                  "30 days after notice the fee is due."])
def test_segment_reference_is_not_a_clause_number(text):
    clauses = segment([Block("Intro."), Block(text)])
    assert [c.number for c in clauses] == [None]


def test_segment_subitems_carry_parent_number():
    blocks = [Block("4. Security", kind="heading"), Block("4.1 The Supplier shall:"),
              Block("(a) encrypt data at rest;"), Block("(b) encrypt data in transit, including:"),
              Block("(i) TLS 1.2 or higher; and"), Block("(ii) no export ciphers;"), Block("(c) log access."),
              Block("4.2 Backups are encrypted.")]
    numbers = [c.number for c in segment(blocks)]
    assert numbers == ["4", "4.1", "4.1(a)", "4.1(b)", "4.1(b)(i)", "4.1(b)(ii)", "4.1(c)", "4.2"]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_segment_list_items_have_their_lead_in_as_parent(files, fmt):
    # a Dutch DPA's "Art. 11" whose numbered items say "after termination" only through the line that opens them
    data = (render_pdf if fmt == "pdf" else render_docx)((files / "list-under-lead-in.md").read_text(encoding="utf-8"))
    clauses = segment(ingest_bytes(data, f"x.{fmt}").blocks)
    lead_in = next(c for c in clauses if c.text.startswith("Na beëindiging"))
    items = [c for c in clauses if c.parent]
    assert [c.number for c in items] == ["1", "2"] and {c.parent for c in items} == {lead_in.id}
    # the next article ends the list
    assert next(c for c in clauses if c.number == "Art. 12").parent is None


def test_segment_letter_i_after_h_is_a_letter():
    letters = "abcdefghij"
    blocks = [Block("7.1 Definitions:")] + [Block(f"({ch}) term {ch};") for ch in letters]
    numbers = [c.number for c in segment(blocks)]
    assert numbers[-2:] == ["7.1(i)", "7.1(j)"]


def test_segment_headings_and_definitions():
    blocks = [Block("How we use your data", kind="heading", heading_level=2),
              Block("We use data to provide the service."),
              Block("“Customer Data” means data submitted by Customer.")]
    clauses = segment(blocks)
    assert [(c.number, c.heading) for c in clauses] == [(None, "How we use your data"), (None, "Customer Data")]
    assert clauses[0].text == "We use data to provide the service."


def test_segment_clause_over_page_break_stays_one():
    blocks = [Block("9.1 The Supplier deletes all Customer Data", page=3),
              Block("within 30 days after termination.", page=4), Block("9.2 Audits.", page=4)]
    clause = segment(blocks)[0]
    assert (clause.number, clause.page_start, clause.page_end) == ("9.1", 3, 4)


@pytest.mark.parametrize("name", ["mistral-dpa", "chefdata-verwerkersovereenkomst"])
def test_segment_same_clauses_from_pdf_and_docx(files, name):
    def clauses(fmt):
        data = (files / f"{name}.{fmt}").read_bytes()
        return [(c.number, c.heading, " ".join(c.text.split())) for c in segment(ingest_bytes(data, f"x.{fmt}").blocks)]

    pdf, docx = clauses("pdf"), clauses("docx")
    assert [c[0] for c in pdf] == [c[0] for c in docx]
    assert [c[1] for c in pdf] == [c[1] for c in docx]
    same_text = sum(a[2] == b[2] for a, b in zip(pdf, docx))
    assert same_text >= 0.9 * len(pdf)


def test_segment_pdf_page_numbers_of_clauses(files):
    clauses = segment(ingest_bytes((files / "mistral-dpa.pdf").read_bytes(), "dpa.pdf").blocks)
    by_number = {}
    for clause in clauses:  # the document repeats itself in an annex: the first occurrence counts
        by_number.setdefault(clause.number, clause)
    assert by_number["1"].page_start == 1
    assert by_number["10.1"].page_start == 6


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_segment_multilevel_number_recall_on_corpus(corpus, fmt):
    """Printed numbers such as 2.11, 1.1.3 and A.1 come out as clause numbers (>= 90%)."""
    render = {"pdf": render_pdf, "docx": render_docx}[fmt]
    found = printed = 0
    for path in corpus_documents(corpus):
        markdown = path.read_text(encoding="utf-8")
        f, n, _ = number_recall(markdown, render(markdown, path.stem), f"{path.stem}.{fmt}")
        found, printed = found + f, printed + n
    assert printed > 500
    assert found / printed >= 0.9


def test_segment_browser_printed_pdf(files):
    """A PDF printed by Chromium (date and file URL as running header and footer, 'n/5' page numbers)."""
    from analyser.evaluation import number_recall

    data = (files / "chefdata-verwerkersovereenkomst-chromium.pdf").read_bytes()
    document = ingest_bytes(data, "vwo.pdf")
    assert document.pages == 5
    assert not any("file:///" in b.text or "terms" == b.text for b in document.blocks)
    found, printed, missing = number_recall((files / "chefdata-verwerkersovereenkomst.md").read_text(encoding="utf-8"),
                                            data, "vwo.pdf")
    assert (found, printed) == (30, 30), missing


@pytest.mark.parametrize("name,source,numbers", [
    ("chefdata-verwerkersovereenkomst-libreoffice.pdf", "chefdata-verwerkersovereenkomst.md", 30),
    ("wetransfer-dpa-libreoffice.docx", "wetransfer-dpa.md", 65),
])
def test_segment_files_made_by_libreoffice(files, name, source, numbers):
    """Word-style output of another producer: Symbol-font bullets before clause numbers, LibreOffice styles."""
    from analyser.evaluation import number_recall

    data = (files / name).read_bytes()
    found, printed, missing = number_recall((files / source).read_text(encoding="utf-8"), data, name)
    assert (found, printed) == (numbers, numbers), missing
    assert not any("\uf0b7" in b.text for b in ingest_bytes(data, name).blocks)
