"""The training set: rebuilt from the repository's labels, and never holding the blind test set."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT

from analyser.training import LabelledSet, build, labels_dir, load_documents, load_labels, load_rows, vendor_of

# The blind test set of this release, and those of the next releases (labelled, not yet run): (folder, vendors).
BLIND_SETS = [("fresh_vendors_46", 10), ("fresh_vendors_47", 10), ("fresh_vendors_48", 10), ("fresh_vendors_49", 8)]


def _training_sets() -> list[str]:
    """The label sets the Makefile's `training-data` builds from (one variable, continued over lines)."""
    makefile = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    line = next(x for x in makefile.splitlines() if x.startswith("LABELLED_SETS"))
    return line.split("=", 1)[1].split()


def test_training_file_is_rebuilt_exactly_from_the_labels(corpus, tmp_path):
    sets = [LabelledSet("development", corpus, labels_dir())]
    sets += [LabelledSet.folder(ROOT / folder) for folder in _training_sets()]
    rebuilt = build(sets, tmp_path / "sentences.jsonl")
    assert load_rows(rebuilt) == load_rows()
    assert load_documents(tmp_path / "documents.jsonl") == load_documents()
    assert {d["document"] for d in load_documents()} == {row["document"] for row in load_rows()}


@pytest.mark.parametrize("folder, vendors", BLIND_SETS)
def test_blind_test_sets_are_in_no_training_data(folder, vendors):
    assert f"tests/{folder}" not in _training_sets()
    rows = load_rows()
    blind_vendors = {vendor_of(document) for document in load_labels(ROOT / "tests" / folder / "labels")}
    assert len(blind_vendors) == vendors
    assert not blind_vendors & {row["vendor"] for row in rows}
    assert folder not in {row["set"] for row in rows} | {d["set"] for d in load_documents()}


def test_every_training_vendor_is_one_name_across_sets():
    # A vendor split under two names would leak into its own cross-validation fold.
    vendors = {row["vendor"] for row in load_rows()}
    folded: dict[str, set[str]] = {}
    for vendor in vendors:
        folded.setdefault(re.sub(r"[^a-z]", "", vendor.lower()), set()).add(vendor)
    assert all(len(names) == 1 for names in folded.values())
