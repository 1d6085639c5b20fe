"""The training set: rebuilt from the repository's labels, and never holding the blind test set."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT

from analyser.training import LabelledSet, build, labels_dir, load_documents, load_labels, load_rows, vendor_of


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


def _blind_sets() -> list[str]:
    """The numbered label sets outside training: this release's blind set and those waiting for later releases."""
    trained = {path.rsplit("/", 1)[-1] for path in _training_sets()}
    return sorted({p.name for p in (ROOT / "tests").glob("fresh_vendors_*")} - trained)


def test_a_blind_set_is_left_after_the_training_sets():
    numbers = sorted(int(name.rsplit("_", 1)[1]) for name in _blind_sets())
    trained = [int(path.rsplit("_", 1)[1]) for path in _training_sets() if path[-1].isdigit()]
    assert numbers and numbers[0] > max(trained)


@pytest.mark.parametrize("folder", _blind_sets())
def test_blind_test_sets_are_in_no_training_data(folder):
    rows = load_rows()
    labels = load_labels(ROOT / "tests" / folder / "labels")
    blind_vendors = {vendor_of(document) for document in labels}
    assert len(blind_vendors) == len(labels) >= 8
    assert not blind_vendors & {row["vendor"] for row in rows}
    assert folder not in {row["set"] for row in rows} | {d["set"] for d in load_documents()}


def test_every_training_vendor_is_one_name_across_sets():
    # A vendor split under two names would leak into its own cross-validation fold.
    vendors = {row["vendor"] for row in load_rows()}
    folded: dict[str, set[str]] = {}
    for vendor in vendors:
        folded.setdefault(re.sub(r"[^a-z]", "", vendor.lower()), set()).add(vendor)
    assert all(len(names) == 1 for names in folded.values())
