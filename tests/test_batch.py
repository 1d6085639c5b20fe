"""Batch analysis: resume after an interruption, bad files, 1 vs several jobs, a local Dask cluster, import."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from analyser.batch import rows, run_batch


@pytest.fixture()
def folder(tmp_path, files, corpus):
    root = tmp_path / "archive"
    sources = {"Mistral": ["en/Le_Chat/Data_Processor_Agreement.md", "en/Le_Chat/Commercial_Terms.md"],
               "ChefData": ["nl/chefdata-verwerkersovereenkomst.md", "nl/chefdata-algemene-voorwaarden.md"],
               "OpenAI": ["en/ChatGPT/Data_Processor_Agreement.md"]}
    for vendor, documents in sources.items():
        (root / vendor).mkdir(parents=True)
        for document in documents:
            shutil.copy(corpus / document, root / vendor / document.replace("/", "_"))
    shutil.copy(files / "mistral-dpa.pdf", root / "Mistral" / "dpa.pdf")
    (root / "ChefData" / "kapot.pdf").write_bytes(b"%PDF-1.7\nnot really")
    (root / "ChefData" / "notes.xyz").write_text("not a supported file")
    return root


def _by_file(batch_rows):
    return {r["file"]: (r["status"], [(v["id"], v["status"]) for v in r["document"]["requirements"]]
                        if r["status"] == "ok" else r["error"]["code"]) for r in batch_rows}


def test_batch_bad_file_does_not_stop_the_run(folder, tmp_path):
    summary = run_batch(str(folder), tmp_path / "out.jsonl", jobs=1)
    assert (summary.files, summary.analysed, summary.errors) == (7, 6, 1)
    results = _by_file(rows(tmp_path / "out.jsonl"))
    assert results[str(folder / "ChefData" / "kapot.pdf")] == ("error", "unreadable_pdf")


def test_batch_same_results_with_one_and_several_jobs(folder, tmp_path):
    run_batch(str(folder), tmp_path / "one.jsonl", jobs=1)
    run_batch(str(folder), tmp_path / "two.jsonl", jobs=2)
    assert _by_file(rows(tmp_path / "one.jsonl")) == _by_file(rows(tmp_path / "two.jsonl"))


def test_batch_resumes_after_interruption(folder, tmp_path):
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "analyser.cli", "batch", str(folder), "--output", str(output)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not output.exists() or len(output.read_text().splitlines()) < 2):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    before = len(rows(output))
    assert 2 <= before < 7
    result = subprocess.run([sys.executable, "-m", "analyser.cli", "batch", str(folder), "--output", str(output),
                             "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert f"{before} already done" in result.stderr or f"{before - 1} already done" in result.stderr
    final = rows(output)
    assert sorted(r["file"] for r in final) == sorted({r["file"] for r in final})  # each file once
    assert len(final) == 7
    assert output.with_suffix(".csv").read_text().count("\n") == 1 + 6 * 15 + 1


def test_batch_on_local_dask_cluster(folder, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_batch(str(folder), tmp_path / "dask.jsonl", scheduler=cluster.scheduler_address)
    run_batch(str(folder), tmp_path / "local.jsonl", jobs=1)
    assert summary.analysed == 6
    assert _by_file(rows(tmp_path / "dask.jsonl")) == _by_file(rows(tmp_path / "local.jsonl"))


def test_batch_results_load_into_the_dashboard_database(folder, tmp_path):
    from analyser.store import Store

    run_batch(str(folder), tmp_path / "out.jsonl", jobs=1)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = subprocess.run([sys.executable, "-m", "analyser.cli", "import", str(tmp_path / "out.jsonl"),
                             "--database", url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    store = Store(url)
    names = sorted(s.name for s in store.suppliers())
    assert names == ["ChefData", "Mistral", "OpenAI"]
    mistral = next(s for s in store.suppliers() if s.name == "Mistral")
    assert len(store.documents(mistral.id)) == 3
