"""Property-based tests (hypothesis): whatever bytes or blocks come in, ingest and segment
either give a sound result or raise UnreadableFile (with a code and a message) - nothing else.

Sound means: every clause's text and heading come from the text of the blocks, clause ids
are unique and a clause never ends on a page before it starts.
"""
from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analyser.errors import MESSAGES, UnreadableFile
from analyser.ingest import ingest_bytes
from analyser.records import Block
from analyser.segment import segment

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.sampled_from(["terms.pdf", "terms.docx", "terms.md", "terms.txt", "terms.html", "terms", "TERMS.MD",
                         "voorwaarden.bin"])
MAGIC = st.sampled_from([b"", b"%PDF-1.7\n", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", b"PK\x03\x04",
                         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG\r\n\x1a\n", b"{\\rtf1", b"<!doctype html>",
                         b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"# ", b"1. "])
FRAGMENTS = ["# ", "## ", "### ", "1.", "1. ", "2.1 ", "(a) ", "(iv) ", "a) ", "<p>", "</p>", "<div>", "<h2>",
             "</h2>", "<li>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>", "alert(1)",
             "<style>", "<!--", "-->", "**", "*", "_", "`", "```", "[link](javascript:alert(1))", "![x](y)", "|",
             "---", "> ", "- ", "+ ", "Article 5", "Artikel 7. ", "Section 3 ", "Annex A", "§", "§ 4 ", "\x00",
             "\x0b", "\x1f", "\ufffe", "\u00ad", "\u200b", "\n", "\n\n", "\r\n", "\t", " ", "“Data” means ",
             "The Supplier deletes Customer Data within 30 days.", "De leverancier bewaart gegevens.", "€", "é",
             "&amp;", "&lt;script&gt;", "&#0;", "<![CDATA[", "]]>", "<?xml ?>", "<!DOCTYPE x>"]
MARKUP = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=3000)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])


def check_clauses(blocks: list[Block]) -> None:
    clauses = segment(blocks)
    sources = [b.text for b in blocks]
    ids = [c.id for c in clauses]
    assert len(ids) == len(set(ids)), f"duplicate clause ids: {ids}"
    for clause in clauses:
        for piece in clause.text.split("\n"):
            assert any(piece in s for s in sources), f"clause text {piece!r} is in no block"
        if clause.heading is not None:
            assert any(clause.heading in s for s in sources), f"heading {clause.heading!r} is in no block"
        if clause.page_start is not None and clause.page_end is not None:
            assert clause.page_start <= clause.page_end, (clause.id, clause.page_start, clause.page_end)


def ingest_ok_or_unreadable(data: bytes, name: str) -> None:
    try:
        document = ingest_bytes(data, name)
    except UnreadableFile as exc:
        assert exc.code in MESSAGES, exc.code
        assert exc.message and name in exc.message
        return
    assert document.blocks and any(b.text.strip() for b in document.blocks)
    check_clauses(document.blocks)


@FAST
@given(data=st.binary(max_size=20_000), name=NAMES)
def test_random_bytes(data, name):
    ingest_ok_or_unreadable(data, name)


@FAST
@given(magic=MAGIC, data=st.binary(max_size=20_000), name=NAMES)
def test_random_bytes_behind_a_magic_number(magic, data, name):
    ingest_ok_or_unreadable(magic + data, name)


@FAST
@given(text=ANY_TEXT, encoding=ENCODINGS, name=NAMES)
def test_random_text_in_any_encoding(text, encoding, name):
    ingest_ok_or_unreadable(text.encode(encoding, errors="ignore"), name)


@FAST
@given(text=MARKUP, encoding=ENCODINGS, name=NAMES)
def test_markdown_and_html_fragments(text, encoding, name):
    ingest_ok_or_unreadable(text.encode(encoding, errors="ignore"), name)


@FAST
@given(body=st.one_of(MARKUP.map(lambda t: t.encode("utf-8", "ignore")), st.binary(max_size=5000)),
       wrap=st.booleans(), extra=st.sampled_from(["", "word/numbering.xml", "word/styles.xml", "[Content_Types].xml"]))
def test_zip_with_random_word_document(body, wrap, extra):
    """A zip that looks like a .docx but holds junk: python-docx and lxml errors must become UnreadableFile."""
    if wrap:
        body = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                b'2006/main"><w:body><w:p><w:r><w:t>' + body + b"</w:t></w:r></w:p></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
        if extra:
            archive.writestr(extra, body)
    ingest_ok_or_unreadable(out.getvalue(), "junk.docx")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=64)),
                      min_size=1, max_size=4),
       name=st.sampled_from(["terms.docx", "terms.pdf"]))
@example(where=[(0.98046875, b"@")], name="terms.docx")  # zipfile: NotImplementedError "zip file version 6.4"
def test_real_files_with_damaged_bytes(where, name):
    """A real .docx or .pdf with a few runs of bytes overwritten: damaged, not a crash."""
    from conftest import FILES

    data = bytearray((FILES / ("chefdata-verwerkersovereenkomst" + name[5:])).read_bytes())
    for fraction, junk in where:
        at = int(fraction * (len(data) - 1))
        data[at:at + len(junk)] = junk
    ingest_ok_or_unreadable(bytes(data), name)


BLOCK_TEXT = st.one_of(MARKUP, ANY_TEXT.map(lambda t: t[:300]))


@st.composite
def block_lists(draw):
    """Blocks in reading order: page numbers never go back (or are all absent, as for Word files)."""
    count = draw(st.integers(min_value=0, max_value=40))
    paged = draw(st.sampled_from(["none", "all", "some"]))
    page = 1
    blocks = []
    for _ in range(count):
        page += draw(st.integers(min_value=0, max_value=2))
        span = draw(st.integers(min_value=0, max_value=2))
        has_page = paged == "all" or (paged == "some" and draw(st.booleans()))
        kind = draw(st.sampled_from(["heading", "paragraph", "list_item", "table_row"]))
        blocks.append(Block(
            text=draw(BLOCK_TEXT),
            page=page if has_page else None,
            page_end=(page + span if draw(st.booleans()) else None) if has_page else None,
            kind=kind,
            heading_level=draw(st.integers(min_value=1, max_value=6)) if kind == "heading" else None,
            bold=draw(st.booleans()),
        ))
        page += span
    return blocks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=block_lists())
def test_segment_random_blocks(blocks):
    try:
        check_clauses(blocks)
    except UnreadableFile:
        pass
