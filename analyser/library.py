"""The reference library of required procurement terms, loaded and validated.

A library is a folder: `library.yaml` (name, version, categories) and
`requirements/*.yaml`, one requirement per file. Every problem is reported with
its file and field; nothing falls back silently to a default.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import LibraryError

Language = Literal["nl", "en"]
Category = Literal["data_sharing", "data_retention", "retraining", "hosting", "contract_type",
                   "data_protection", "legal"]
CORE_CATEGORIES = ("data_sharing", "data_retention", "retraining", "hosting")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


class Example(_Strict):
    language: Language
    status: Literal["met", "not_met", "not_addressed"]
    text: str = Field(min_length=10)


class Source(_Strict):
    title: str
    reference: str = ""


class Patterns(_Strict):
    """Regular expressions (case-insensitive), per language."""

    nl: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    @field_validator("nl", "en")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"broken pattern {pattern!r}: {exc}") from exc
        return patterns

    def get(self, language: str) -> list[str]:
        return self.nl if language == "nl" else self.en


class SharedExclusion(Patterns):
    """Sentences that never decide any of the requirements that name it (feedback, cookie data):
    defined once in `library.yaml`, so that the requirements it serves cannot drift apart."""

    description: str = Field(min_length=1)


def _merge(own: Patterns, shared: list[Patterns]) -> Patterns:
    return Patterns(nl=own.nl + [p for s in shared for p in s.nl], en=own.en + [p for s in shared for p in s.en])


class Requirement(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]+$")
    category: Category
    title: Bilingual
    requirement: Bilingual
    rationale: Bilingual
    sources: list[Source] = Field(min_length=1)
    met_when: Bilingual
    not_met_when: Bilingual
    recommended_wording: Bilingual
    keywords: Patterns
    examples: list[Example] = Field(min_length=2)
    # Cues the assessment uses: a topic sentence that matches decides which way it cuts.
    met_cues: Patterns = Field(default_factory=Patterns)
    not_met_cues: Patterns = Field(default_factory=Patterns)
    # Contradictions so specific that they decide wherever they stand, even in a sentence the classifier
    # does not put on the topic ("a sublicensable licence you grant us"): unseen vendors word things anew.
    not_met_anywhere: Patterns = Field(default_factory=Patterns)
    # Contradictions that a commitment elsewhere in the document outweighs: a vendor that calls itself the
    # controller of account data may still be the processor of the customer's data, which the DPA then says.
    not_met_unless_met: Patterns = Field(default_factory=Patterns)
    # Commitments that answer the other sentences' contradictions (a right to terminate when the customer does
    # not accept changed terms answers the vendor's right to change them); they count as met cues too. A
    # contradiction of `not_met_anywhere` still decides.
    met_despite: Patterns = Field(default_factory=Patterns)
    # Sentences that never decide this requirement, though they share its words
    # (a "worldwide licence" says nothing about where data is hosted).
    exclude: Patterns = Field(default_factory=Patterns)
    # Names of `shared_exclusions` in library.yaml that hold for this requirement too; merged into `exclude` at load.
    exclude_shared: list[str] = Field(default_factory=list)
    # The spec's general rules, applied through the spaCy cues of annotate: a commitment that only offers an
    # opt-out is not an opt-in; one with a vague limit ("as long as necessary") and no duration is no limit.
    opt_out_is_not_met: bool = False
    vague_limit_is_not_met: bool = False
    # An exception that lets the content through after all ("except once de-identified", "unless our privacy
    # statement says otherwise") undoes the commitment it qualifies.
    carve_out_is_not_met: bool = False
    # For requirements on how a thing is done (transfers): a commitment to the safeguard anywhere in the
    # document answers sentences that only say the thing happens, so `met` then beats `not_met`.
    met_beats_not_met: bool = False
    # Where the requirement has a core that a partial commitment lacks (sub-processors: a right to object or
    # prior consent, not only a list or a notice), `met` needs one deciding sentence that matches these.
    met_requires: Patterns = Field(default_factory=Patterns)
    # Where a verdict is a property of the whole document (is it business terms?), a model that reads the
    # whole document may fill the rules' silence: status -> the probability it needs ("met" or "not_met").
    document_model: dict[Literal["met", "not_met"], float] = Field(default_factory=dict)
    details: list[Literal["retention_days", "regions", "breach_hours", "governing_law", "courts",
                          "subprocessor_list"]] = Field(default_factory=list)

    @field_validator("document_model")
    @classmethod
    def _probabilities(cls, thresholds: dict[str, float]) -> dict[str, float]:
        for status, value in thresholds.items():
            if not 0.5 <= value <= 1.0:
                raise ValueError(f"document_model.{status}: {value} is no probability between 0.5 and 1")
        return thresholds

    @field_validator("examples")
    @classmethod
    def _both_languages(cls, examples: list[Example]) -> list[Example]:
        languages = {e.language for e in examples}
        missing = {"nl", "en"} - languages
        if missing:
            raise ValueError(f"examples missing for language(s): {', '.join(sorted(missing))}")
        return examples


class LibraryMeta(_Strict):
    name: str
    version: str
    description: Bilingual
    extends: str | None = None  # "default": start from the bundled library, then add or replace
    shared_exclusions: dict[str, SharedExclusion] = Field(default_factory=dict)

    @field_validator("shared_exclusions")
    @classmethod
    def _names(cls, shared: dict[str, SharedExclusion]) -> dict[str, SharedExclusion]:
        for name in shared:
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise ValueError(f"{name!r}: a shared exclusion's name is lower case, digits and underscores")
        return shared


class Library(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    version: str
    description: Bilingual
    requirements: tuple[Requirement, ...]
    path: str
    shared_exclusions: dict[str, SharedExclusion] = Field(default_factory=dict)

    def get(self, requirement_id: str) -> Requirement:
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        raise KeyError(requirement_id)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.requirements]


def default_library_path() -> Path:
    return Path(str(resources.files("clause_library")))


def _errors_of(exc: ValidationError, where: str) -> list[str]:
    return [f"{where}: {'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors()]


# libyaml's parser when PyYAML was built with it: it parses the library's YAML about 12 times faster.
SAFE_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDuplicateKeys(SAFE_YAML_LOADER):
    """PyYAML keeps the last of two equal keys without a word; an edited library must hear of it."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path, problems: list[str]):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDuplicateKeys)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot be read as YAML: {exc}")
        return None


def load_library(path: str | Path | None = None) -> Library:
    """Load and validate a library folder; raise LibraryError listing every problem."""
    folder = Path(path) if path else default_library_path()
    problems: list[str] = []
    meta_file = folder / "library.yaml"
    if not meta_file.is_file():
        raise LibraryError(f"{folder}: not a requirements library (library.yaml is missing).")
    raw_meta = _read_yaml(meta_file, problems)
    meta = None
    if raw_meta is not None:
        try:
            meta = LibraryMeta.model_validate(raw_meta)
        except ValidationError as exc:
            problems.extend(_errors_of(exc, str(meta_file)))
    requirements: list[Requirement] = []
    shared: dict[str, SharedExclusion] = {}
    if meta is not None and meta.extends == "default" and folder.resolve() != default_library_path().resolve():
        default = load_library(None)
        requirements, shared = list(default.requirements), dict(default.shared_exclusions)
    for name, exclusion in (meta.shared_exclusions if meta is not None else {}).items():
        if name in shared:  # redefining one would leave the default requirements on the old patterns
            problems.append(f"{meta_file}: shared_exclusions.{name}: already defined by the default library")
        shared[name] = exclusion
    seen: dict[str, Path] = {}
    files = sorted((folder / "requirements").glob("*.yaml"))
    if not files and not requirements:
        problems.append(f"{folder / 'requirements'}: no requirement files (*.yaml) found.")
    for file in files:
        raw = _read_yaml(file, problems)
        if raw is None:
            continue
        try:
            requirement = Requirement.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_errors_of(exc, str(file)))
            continue
        if requirement.id in seen:
            problems.append(f"{file}: id: duplicate id {requirement.id!r} (also in {seen[requirement.id]})")
            continue
        unknown = [name for name in requirement.exclude_shared if name not in shared]
        if unknown:
            problems.append(f"{file}: exclude_shared: unknown shared exclusion(s) {', '.join(map(repr, unknown))} "
                            f"({meta_file.name} defines: {', '.join(sorted(shared)) or 'none'})")
            continue
        if requirement.exclude_shared:
            requirement = requirement.model_copy(update={"exclude": _merge(
                requirement.exclude, [shared[name] for name in requirement.exclude_shared])})
        seen[requirement.id] = file
        replaced = [i for i, r in enumerate(requirements) if r.id == requirement.id]
        if replaced:  # an organisation's library tightens a default requirement
            requirements[replaced[0]] = requirement
        else:
            requirements.append(requirement)
    if problems or meta is None:
        raise LibraryError("The requirements library is invalid:\n" + "\n".join(f"- {p}" for p in problems))
    return Library(name=meta.name, version=meta.version, description=meta.description,
                   requirements=tuple(requirements), path=str(folder), shared_exclusions=shared)
