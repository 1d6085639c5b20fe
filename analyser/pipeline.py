"""The analysis from file to verdicts: ingest -> segment -> annotate -> classify -> assess.

`Analyser` loads the library and the model once and analyses any number of files;
a file that cannot be read becomes a FileError and the others go on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .annotate import detect_language, split_sentences
from .assess import DEFAULT_THRESHOLDS, assess, tag_clauses
from .errors import UnreadableFile
from .ingest import Limits, ingest_bytes, ingest_path
from .library import Library, load_library
from .records import DocumentResult, FileError, IngestedDocument
from .segment import segment


@dataclass
class Report:
    documents: list[DocumentResult]
    errors: list[FileError]
    library: Library
    model_version: str | None
    analyser_version: str = __version__
    suppliers: list = field(default_factory=list)


class Analyser:
    def __init__(self, library: Library | str | Path | None = None, language: str = "auto",
                 limits: Limits | None = None, use_model: bool = True):
        self.library = library if isinstance(library, Library) else load_library(library)
        self.language = language
        self.limits = limits  # None: read the settings at each analysis
        self.classifier = None
        self.thresholds = DEFAULT_THRESHOLDS
        if use_model:
            from .classify import default_classifier

            self.classifier = default_classifier()

    @property
    def model_version(self) -> str | None:
        return self.classifier.version if self.classifier else None

    def analyse_document(self, document: IngestedDocument) -> DocumentResult:
        clauses = segment(document.blocks)
        text = "\n".join(c.text for c in clauses)
        language = self.language if self.language in ("nl", "en") else detect_language(text)
        split_sentences(clauses, language)
        document_scores = None
        if self.classifier:
            self.classifier.score_clauses(clauses)
            document_scores = self.classifier.score_document(clauses)
        verdicts = assess(clauses, self.library, self.thresholds if self.classifier else None, document_scores)
        tag_clauses(clauses, self.library, verdicts)
        return DocumentResult(document=document, language=language, clauses=clauses, requirements=verdicts)

    def analyse_bytes(self, data: bytes, name: str) -> DocumentResult:
        return self.analyse_document(ingest_bytes(data, name, self.limits))

    def analyse_path(self, path: str | Path) -> DocumentResult:
        return self.analyse_document(ingest_path(path, self.limits))

    def analyse(self, paths: list[str | Path], supplier: str | None = None) -> Report:
        documents, errors = [], []
        for path in paths:
            try:
                documents.append(self.analyse_path(path))
            except UnreadableFile as exc:
                errors.append(FileError(file=str(path), code=exc.code, message=exc.message))
        report = Report(documents=documents, errors=errors, library=self.library, model_version=self.model_version)
        if supplier:
            from .supplier import combine

            report.suppliers.append(combine(supplier, documents, self.library))
        return report
