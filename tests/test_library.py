"""The reference library: validated at load, and every entry's examples judged as declared."""
from __future__ import annotations

import shutil

import pytest
import yaml

from analyser.annotate import split_sentences
from analyser.assess import assess_requirement
from analyser.errors import LibraryError
from analyser.library import default_library_path, load_library
from analyser.records import Clause

SPEC_IDS = ["no-third-party-sharing", "subprocessor-control", "government-access-notice", "limited-retention",
            "deletion-on-exit", "no-training-on-customer-data", "eu-data-residency", "transfer-safeguards",
            "business-terms", "processor-role", "breach-notification", "audit-rights", "eu-governing-law",
            "no-unilateral-changes", "customer-owns-output"]
LIBRARY = load_library()


def test_library_has_the_spec_requirements_in_order():
    assert LIBRARY.ids == SPEC_IDS
    for requirement in LIBRARY.requirements:
        assert requirement.recommended_wording.nl and requirement.recommended_wording.en
        assert {e.language for e in requirement.examples} == {"nl", "en"}


EXAMPLES = [(r.id, i, e) for r in LIBRARY.requirements for i, e in enumerate(r.examples)]


@pytest.mark.parametrize("requirement_id,index,example", EXAMPLES, ids=[f"{r}-{i}" for r, i, _ in EXAMPLES])
def test_library_example_is_judged_as_declared(requirement_id, index, example):
    """The 'common test': each entry's own example sentences through the checker."""
    clause = Clause(id="c1", number="1", heading=None, text=example.text, page_start=1, page_end=1)
    split_sentences([clause], example.language)
    verdict = assess_requirement(LIBRARY.get(requirement_id), [clause])
    assert verdict.status == example.status, example.text


def _copy_library(tmp_path):
    target = tmp_path / "lib"
    shutil.copytree(default_library_path(), target, ignore=shutil.ignore_patterns("labels", "training", "__pycache__"))
    return target


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("change,message", [
    (lambda d: d.update(colour="blue"), "colour: Extra inputs are not permitted"),
    (lambda d: d["title"].pop("nl"), "title.nl: Field required"),
    (lambda d: d["keywords"]["en"].append("(unclosed"), "broken pattern"),
    (lambda d: d.update(examples=[e for e in d["examples"] if e["language"] == "en"]), "examples missing for language"),
    (lambda d: d.update(document_model={"met": 0.2}), "no probability between 0.5 and 1"),
    (lambda d: d.update(document_model={"maybe": 0.7}), "document_model.maybe"),
])
def test_library_validation_reports_location(tmp_path, change, message):
    folder = _copy_library(tmp_path)
    first = sorted((folder / "requirements").glob("*.yaml"))[0]
    _edit(first, change)
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert first.name in info.value.message and message in info.value.message


def test_library_duplicate_id_is_an_error(tmp_path):
    folder = _copy_library(tmp_path)
    files = sorted((folder / "requirements").glob("*.yaml"))
    shutil.copy(files[0], folder / "requirements" / "99-copy.yaml")
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert "duplicate id" in info.value.message and "99-copy.yaml" in info.value.message


def test_library_key_given_twice_is_an_error(tmp_path):
    # YAML itself would keep the second list of keywords and drop the first without a word.
    folder = _copy_library(tmp_path)
    first = sorted((folder / "requirements").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "keywords:\n  en: ['shared']\n", encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert first.name in info.value.message and "duplicate key 'keywords'" in info.value.message


def test_library_organisation_library_extends_default(tmp_path):
    folder = tmp_path / "org"
    (folder / "requirements").mkdir(parents=True)
    (folder / "library.yaml").write_text(yaml.safe_dump({
        "name": "Gemeente X", "version": "2025.1", "extends": "default",
        "description": {"nl": "Eigen eisen", "en": "Own requirements"}}))
    extra = yaml.safe_load((default_library_path() / "requirements" /
                            sorted(p.name for p in (default_library_path() / "requirements").glob("*.yaml"))[0]).read_text())
    extra["id"] = "open-source-model"
    (folder / "requirements" / "50-open-source-model.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True))
    library = load_library(folder)
    assert library.name == "Gemeente X" and library.ids == SPEC_IDS + ["open-source-model"]


def test_library_missing_folder_fails_loudly(tmp_path):
    with pytest.raises(LibraryError):
        load_library(tmp_path / "nothing")


def test_library_shared_exclusions_are_merged_into_each_requirement_that_names_them():
    library = load_library()
    users = {r.id: r for r in library.requirements if r.exclude_shared}
    assert len(users) >= 2
    for requirement in users.values():
        for name in requirement.exclude_shared:
            shared = library.shared_exclusions[name]
            assert set(shared.nl) <= set(requirement.exclude.nl) and set(shared.en) <= set(requirement.exclude.en)
    # every shared exclusion serves at least two requirements: otherwise it belongs in the requirement's own file
    for name in library.shared_exclusions:
        assert sum(name in r.exclude_shared for r in users.values()) >= 2, name


def test_library_unknown_shared_exclusion_is_an_error_with_its_file(tmp_path):
    folder = _copy_library(tmp_path)
    first = sorted((folder / "requirements").glob("*.yaml"))[0]
    _edit(first, lambda d: d.update(exclude_shared=d.get("exclude_shared", []) + ["no_such_thing"]))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert first.name in info.value.message and "unknown shared exclusion(s) 'no_such_thing'" in info.value.message


def test_library_broken_shared_exclusion_is_an_error_with_its_place(tmp_path):
    folder = _copy_library(tmp_path)
    _edit(folder / "library.yaml", lambda d: d["shared_exclusions"]["feedback"]["en"].append("(unclosed"))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert "library.yaml: shared_exclusions.feedback.en" in info.value.message and "broken pattern" in info.value.message


def test_library_organisation_library_uses_but_cannot_redefine_default_shared_exclusions(tmp_path):
    folder = tmp_path / "org"
    (folder / "requirements").mkdir(parents=True)
    meta = {"name": "Gemeente X", "version": "2025.1", "extends": "default",
            "description": {"nl": "Eigen eisen", "en": "Own requirements"},
            "shared_exclusions": {"newsletters": {"description": "Newsletters are no customer data.",
                                                  "en": [r"\bnewsletters?\b"]}}}
    (folder / "library.yaml").write_text(yaml.safe_dump(meta))
    extra = yaml.safe_load((default_library_path() / "requirements" / "01-no-third-party-sharing.yaml").read_text())
    extra.update(id="open-source-model", exclude_shared=["feedback", "newsletters"])
    (folder / "requirements" / "50-open-source-model.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True))
    added = load_library(folder).get("open-source-model")
    assert r"\bnewsletters?\b" in added.exclude.en and r"\bfeedback\b" in added.exclude.en

    meta["shared_exclusions"]["feedback"] = {"description": "Looser.", "en": [r"\bfeed\b"]}
    (folder / "library.yaml").write_text(yaml.safe_dump(meta))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert "shared_exclusions.feedback: already defined by the default library" in info.value.message
