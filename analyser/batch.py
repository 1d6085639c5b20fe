"""Batch analysis of a folder or glob: worker processes on this machine, or a Dask cluster.

Results are appended to a JSON Lines file as each file completes, so an
interrupted run resumes where it stopped: a file whose content hash was already
analysed with the same analyser and library version is skipped. A bad file is
recorded as an error and never stops the run.
"""
from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__

SUPPORTED = {".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm"}
_WORKER = {}  # the Analyser of this worker process, built once


def find_files(target: str) -> list[Path]:
    path = Path(target)
    if path.is_dir():
        candidates = path.rglob("*")
    else:
        candidates = (Path(p) for p in glob.glob(target, recursive=True))
    return sorted(p for p in candidates if p.is_file() and p.suffix.lower() in SUPPORTED)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _analyser(library: str | None):
    key = library or ""
    if key not in _WORKER:
        from .pipeline import Analyser

        _WORKER[key] = Analyser(library=library)
    return _WORKER[key]


def analyse_one(path: str, library: str | None = None) -> dict:
    """One batch row for one file; runs in a worker process or on a Dask worker."""
    from .errors import UnreadableFile
    from .report import document_json

    started = time.perf_counter()
    analyser = _analyser(library)
    row = {"file": path, "analyser_version": __version__, "library_version": analyser.library.version,
           "model_version": analyser.model_version}
    try:
        result = analyser.analyse_path(path)
        row.update(status="ok", sha256=result.document.sha256, pages=result.document.pages,
                   document=document_json(result))
    except UnreadableFile as exc:
        row.update(status="error", sha256=sha256_of(Path(path)) if Path(path).is_file() else None, pages=None,
                   error={"code": exc.code, "message": exc.message})
    row["seconds"] = round(time.perf_counter() - started, 3)
    return row


@dataclass
class Summary:
    files: int = 0
    analysed: int = 0
    skipped: int = 0
    errors: int = 0
    pages: int = 0
    seconds: float = 0.0
    error_files: list[str] = field(default_factory=list)

    def text(self) -> str:
        return (f"{self.files} files: {self.analysed} analysed, {self.skipped} already done, {self.errors} could not "
                f"be read; {self.pages} pages in {self.seconds:.1f} s")


def _done(output: Path, library_version: str) -> dict[str, dict]:
    """Rows already written with this analyser and library version, by content hash."""
    done: dict[str, dict] = {}
    if output.is_file():
        for line in output.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut off by an interruption is analysed again
            if row.get("analyser_version") == __version__ and row.get("library_version") == library_version:
                done[row.get("sha256")] = row
    return done


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, disable=None, dynamic_ncols=True)


def run_batch(target: str, output: Path, jobs: int = 1, library: str | None = None,
              scheduler: str | None = None) -> Summary:
    from .library import load_library

    started = time.perf_counter()
    library_version = load_library(library).version
    files = find_files(target)
    done = _done(output, library_version)
    hashes = {p: sha256_of(p) for p in files}
    todo = [p for p in files if hashes[p] not in done]
    summary = Summary(files=len(files), skipped=len(files) - len(todo))
    for path in files:  # files that failed in an earlier run still count as failed
        earlier = done.get(hashes[path])
        if earlier and earlier["status"] == "error":
            summary.errors += 1
            summary.error_files.append(str(path))
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("a", encoding="utf-8") as sink, _progress(len(todo)) as bar:
        for row in _execute([str(p) for p in todo], jobs, library, scheduler):
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()  # each finished file is kept, whatever happens next
            summary.analysed += row["status"] == "ok"
            summary.errors += row["status"] == "error"
            summary.pages += row.get("pages") or 0
            if row["status"] == "error":
                summary.error_files.append(row["file"])
            bar.update(1)
    summary.seconds = time.perf_counter() - started
    return summary


def _execute(paths: list[str], jobs: int, library: str | None, scheduler: str | None):
    if not paths:
        return
    if scheduler:
        from dask.distributed import Client, as_completed as dask_completed

        with Client(scheduler) as client:
            futures = client.map(analyse_one, paths, library=library, pure=False)
            for future in dask_completed(futures):
                yield future.result()
    elif jobs <= 1:
        for path in paths:
            yield analyse_one(path, library)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(analyse_one, path, library) for path in paths]
            for future in as_completed(futures):
                yield future.result()


def rows(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def to_csv(batch_rows: list[dict]) -> str:
    """One row per requirement per file (and one per unreadable file)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "sha256", "requirement", "category", "status", "confidence", "pages", "quotes"])
    for row in sorted(batch_rows, key=lambda r: r["file"]):
        if row["status"] != "ok":
            writer.writerow([row["file"], row.get("sha256"), "", "", "error:" + row["error"]["code"], "", "",
                             row["error"]["message"]])
            continue
        for verdict in row["document"]["requirements"]:
            writer.writerow([row["file"], row["sha256"], verdict["id"], verdict["category"], verdict["status"],
                             verdict["confidence"], " ".join(str(e["page"]) for e in verdict["evidence"] if e["page"]),
                             " || ".join(e["quote"] for e in verdict["evidence"])])
    return out.getvalue()


def import_into_store(batch_rows: list[dict], store, root: str | None = None) -> int:
    """Load batch results into the dashboard's database; the supplier is the file's folder name."""
    count = 0
    for row in batch_rows:
        if row["status"] != "ok":
            continue
        supplier = store.add_supplier(Path(row["file"]).parent.name or "batch")
        store.save_document_json(supplier.id, row["document"], {
            "analyser": row["analyser_version"], "library": row["library_version"], "model": row.get("model_version")})
        count += 1
    return count
