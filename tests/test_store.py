"""The database: concurrent reviewers, the audit trail, backup and restore, originals not kept."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from analyser.store import ReviewConflict, Store


def _review_many(url: str, supplier_id: int, worker: int, count: int) -> list[int]:
    store = Store(url)
    saved = []
    for n in range(count):
        latest = store.latest_reviews(supplier_id).get("limited-retention")
        try:
            saved.append(store.add_review(supplier_id, "limited-retention", "not_met", "met" if n % 2 else "not_met",
                                          f"decision {n} of reviewer {worker}", f"reviewer {worker}",
                                          based_on=latest["id"] if latest else None))
        except ReviewConflict as conflict:
            saved.append(conflict.saved_id)
    return saved


def test_store_concurrent_reviews_from_processes_are_all_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    supplier = Store(url).add_supplier("Mistral AI")
    with ProcessPoolExecutor(max_workers=4) as pool:
        batches = list(pool.map(_review_many, [url] * 4, [supplier.id] * 4, range(4), [25] * 4))
    trail = Store(url).audit_trail(supplier.id)
    assert len(trail) == 100
    assert sorted(r["id"] for r in trail) == sorted(i for batch in batches for i in batch)
    assert {r["comment"] for r in trail} == {f"decision {n} of reviewer {w}" for n in range(25) for w in range(4)}
    # a save that did not see the latest decision is marked, never silent
    for row in trail:
        previous = [r for r in trail if r["id"] < row["id"]]
        latest_before = previous[-1]["id"] if previous else None
        assert (row["conflict_with"] is None) == (row["based_on"] == latest_before)


def test_store_two_reviewers_conflict_keeps_both(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    supplier = store.add_supplier("OpenAI")
    first = store.add_review(supplier.id, "audit-rights", "met", "met", "SOC 2 rapport gezien", "A", based_on=None)
    with pytest.raises(ReviewConflict) as info:
        store.add_review(supplier.id, "audit-rights", "met", "not_met", "Alleen samenvatting", "B", based_on=None)
    assert info.value.other["id"] == first
    trail = store.audit_trail(supplier.id)
    assert [(r["reviewer"], r["conflict_with"]) for r in trail] == [("A", None), ("B", first)]


def test_store_review_requires_comment_and_name(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    supplier = store.add_supplier("X")
    with pytest.raises(ValueError):
        store.add_review(supplier.id, "audit-rights", "met", "met", "  ", "A", based_on=None)


def test_store_backup_and_restore_via_cli(tmp_path, files):
    from analyser.pipeline import Analyser
    from analyser.workspace import analyse_upload

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    store = Store(url)
    supplier = store.add_supplier("Mistral AI")
    analyse_upload(Analyser(), store, supplier.id, "dpa.pdf", (files / "mistral-dpa.pdf").read_bytes())
    store.add_review(supplier.id, "audit-rights", "met", "met", "ok", "A", based_on=None)
    backup = tmp_path / "backup.sqlite"
    run = lambda *a: subprocess.run([sys.executable, "-m", "analyser.cli", *a, "--database", url],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    assert run("backup", str(backup)).returncode == 0
    assert run("backup", str(backup)).returncode == 2  # an existing backup is not overwritten silently
    store.add_review(supplier.id, "audit-rights", "met", "not_met", "later mistake", "B", based_on=1)
    store.add_supplier("Added after the backup")
    store.engine.dispose()
    restoring = run("restore", str(backup))
    assert restoring.returncode == 0 and "previous database was kept" in restoring.stderr
    assert list(tmp_path.glob("db.before-restore-*.sqlite"))
    restored = Store(url)
    assert [s.name for s in restored.suppliers()] == ["Mistral AI"]
    assert [r["comment"] for r in restored.audit_trail()] == ["ok"]
    assert restored.documents(supplier.id)[0]["file_name"] == "dpa.pdf"
    bad = tmp_path / "not-a-backup.sqlite"
    bad.write_bytes(b"nonsense")
    result = run("restore", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [s.name for s in Store(url).suppliers()] == ["Mistral AI"]  # nothing lost


def test_store_can_keep_no_originals(tmp_path, files):
    from analyser.pipeline import Analyser
    from analyser.workspace import analyse_upload

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}", keep_originals=False)
    supplier = store.add_supplier("Mistral AI")
    analyse_upload(Analyser(), store, supplier.id, "dpa.pdf", (files / "mistral-dpa.pdf").read_bytes())
    document = store.documents(supplier.id)[0]
    assert store.original(document["id"]) is None
    assert len(document["sha256"]) == 64 and document["report"]["clauses"]
