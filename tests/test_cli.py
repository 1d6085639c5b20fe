"""The command line of shared/spec/REPORT.md, run as a user runs it."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from analyser.library import load_library


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analyser.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def dpa_report(files):
    result = run("analyse", files / "mistral-dpa.pdf", files / "chefdata-verwerkersovereenkomst.docx")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_cli_json_has_the_spec_shape(dpa_report):
    library = load_library()
    assert dpa_report["schema_version"] == 1
    assert dpa_report["analyser_version"] and dpa_report["library"]["version"] == library.version
    assert dpa_report["errors"] == []
    pdf, docx = dpa_report["documents"]
    assert (pdf["format"], pdf["language"], pdf["pages"]) == ("pdf", "en", 14)
    assert (docx["format"], docx["language"], docx["pages"]) == ("docx", "nl", None)
    for document in (pdf, docx):
        assert len(document["sha256"]) == 64
        assert [r["id"] for r in document["requirements"]] == library.ids
        for requirement in document["requirements"]:
            assert requirement["status"] in ("met", "not_met", "not_addressed")
            assert 0 <= requirement["confidence"] <= 1
            if requirement["status"] != "not_addressed":
                assert requirement["evidence"]
            clause_ids = {c["id"] for c in document["clauses"]}
            for evidence in requirement["evidence"]:
                assert evidence["clause_id"] in clause_ids
                clause = next(c for c in document["clauses"] if c["id"] == evidence["clause_id"])
                assert evidence["quote"] in clause["text"]  # quotes are exact sentences of the document
        for clause in document["clauses"]:
            assert set(clause) >= {"id", "number", "heading", "text", "page_start", "page_end", "categories",
                                   "requirements"}


def test_cli_unreadable_file_exit_3_and_others_analysed(tmp_path, files):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    result = run("analyse", broken, files / "mistral-dpa.md")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert [d["file"] for d in report["documents"]] == [str(files / "mistral-dpa.md")]
    assert report["errors"][0]["code"] == "unreadable_pdf"
    assert str(broken) in report["errors"][0]["message"]


def test_cli_missing_file_and_bad_usage(tmp_path):
    result = run("analyse", tmp_path / "nope.pdf")
    assert result.returncode == 3 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert run("analyse").returncode == 2
    assert run("analyse", "x.pdf", "--format", "yaml").returncode == 2


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_cli_other_formats(files, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = run("analyse", files / "mistral-dpa.docx", "--format", fmt, "--output", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    ids = load_library().ids
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["requirement"] for r in rows] == ids
    else:
        assert text.startswith("# Clause analysis report")
        assert all(f"`{rid}`" in text for rid in ids)


def test_cli_supplier_combines_documents(files):
    result = run("analyse", "--supplier", "Mistral AI", files / "mistral-dpa.pdf", files / "mistral-dpa.md")
    assert result.returncode == 0, result.stderr
    supplier = json.loads(result.stdout)["suppliers"][0]
    assert supplier["name"] == "Mistral AI" and len(supplier["documents"]) == 2
    assert [r["id"] for r in supplier["requirements"]] == load_library().ids


def test_cli_language_option(files):
    result = run("analyse", files / "chefdata-verwerkersovereenkomst.md", "--language", "en")
    assert json.loads(result.stdout)["documents"][0]["language"] == "en"


def test_cli_invalid_library_is_a_clear_error(tmp_path, files):
    (tmp_path / "library.yaml").write_text("name: x\nversion: 1\nbogus: 2\n")
    result = run("analyse", files / "mistral-dpa.md", "--library", tmp_path)
    assert result.returncode == 2 and "invalid" in result.stderr and "Traceback" not in result.stderr
