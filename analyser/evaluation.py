"""Measurements of the analyser on the corpus, shared by tests, the notebook and benchmarks."""
from __future__ import annotations

import re
from pathlib import Path

from .ingest import ingest_bytes
from .segment import segment

_PRINTED_NUMBER = re.compile(
    r"^(?:[#>*+\-\s]|\*\*)*(?P<num>\d{1,3}(?:\.\d{1,3}){1,3}|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)\\?\.?\)?\s+(?=\S)",
    re.MULTILINE,
)


def printed_multilevel_numbers(markdown: str) -> set[str]:
    """Multi-level clause numbers (2.11, 1.1.3, A.1) that start a line of the source."""
    return {m.group("num") for m in _PRINTED_NUMBER.finditer(markdown.replace("\\.", "."))}


def number_recall(markdown: str, data: bytes, name: str) -> tuple[int, int, set[str]]:
    """(found, printed, missing) for one rendering of a Markdown source."""
    printed = printed_multilevel_numbers(markdown)
    numbers = {c.number for c in segment(ingest_bytes(data, name).blocks) if c.number}
    missing = {n for n in printed if n not in numbers}
    return len(printed) - len(missing), len(printed), missing


def corpus_documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.md") if p.name != "README.md")


# --- Verdicts, leave one vendor out -------------------------------------------------------------

STATUSES = ("met", "not_met", "not_addressed")


def _render(markdown: str, fmt: str, title: str) -> tuple[bytes, str]:
    from .render import render_docx, render_pdf

    if fmt == "pdf":
        return render_pdf(markdown, title), f"{title}.pdf"
    if fmt == "docx":
        return render_docx(markdown, title), f"{title}.docx"
    return markdown.encode("utf-8"), f"{title}.md"


def evidence_found(quotes: list[str], truth: list[str]) -> bool:
    """Does a quote contain (or sit inside) one of the labelled deciding sentences?"""
    from .training import normalise

    quotes_n = [normalise(q) for q in quotes]
    for sentence in truth:
        s = normalise(sentence)
        if any(s and (s in q or (len(q) >= 30 and q in s)) for q in quotes_n):
            return True
    return False


def _analyse_labelled(analyser, documents: Path, labels: dict[str, dict], formats: tuple[str, ...],
                      set_name: str) -> list[dict]:
    """One row per (document, format, requirement) of `labels` (document path -> label), analysed by `analyser`."""
    from .training import vendor_of

    results = []
    for document, label in labels.items():
        markdown = (documents / document).read_text(encoding="utf-8")
        for fmt in formats:
            data, name = _render(markdown, fmt, Path(document).stem)
            result = analyser.analyse_bytes(data, name)
            for verdict in result.requirements:
                truth = label["labels"][verdict.id]
                quotes = [e.quote for e in verdict.evidence]
                results.append({
                    "set": set_name, "document": document, "vendor": vendor_of(document),
                    "language": result.language, "format": fmt,
                    "requirement": verdict.id, "truth": truth["status"], "predicted": verdict.status,
                    "evidence_hit": evidence_found(quotes, truth.get("evidence", [])) if quotes else False,
                    "quotes": quotes, "truth_evidence": truth.get("evidence", []),
                })
    return results


def vendor_folds(vendors: list[str], folds: int) -> list[list[str]]:
    """Vendors dealt round-robin into folds, sorted so the folds come out the same on every machine."""
    dealt: list[list[str]] = [[] for _ in range(min(folds, len(vendors)))]
    for i, vendor in enumerate(sorted(vendors)):
        dealt[i % len(dealt)].append(vendor)
    return dealt


def cross_validate_by_vendor(sets, folds: int = 10, formats: tuple[str, ...] = ("pdf", "docx"),
                             library=None, n_jobs: int | None = None) -> list[dict]:
    """One row per (document, format, requirement) of every labelled set, each predicted by a
    classifier that was trained without any sentence or document of that document's vendor.

    `sets` are `training.LabelledSet`s whose sentences are in the training file. Vendors are dealt into
    `folds` groups; for each group the classifier is trained on every other vendor's sentences and the
    group's documents are rendered and analysed end to end. Leave-one-vendor-out would train once per
    vendor (hundreds of times); a few folds keep the same guarantee at a fraction of the cost (the notebook
    uses two, so that `make test` stays within its time on two cores).
    The folds run in parallel on `n_jobs` processes (default: every core); the rows come out in fold order
    whatever the number of processes.
    """
    from joblib import Parallel, cpu_count, delayed

    from .training import load_labels, vendor_of

    documents = [(labelled.documents, labelled.name, document, label) for labelled in sets
                 for document, label in load_labels(labelled.labels).items()]
    groups = vendor_folds(sorted({vendor_of(d) for _, _, d, _ in documents}), folds)
    per_fold = Parallel(n_jobs=n_jobs or cpu_count())(  # cpu_count heeds a container's CPU quota
        delayed(_analyse_fold)([d for d in documents if vendor_of(d[2]) in group], set(group), formats, library)
        for group in groups)
    return [row for rows in per_fold for row in rows]


def _analyse_fold(documents: list[tuple], held_out: set[str], formats: tuple[str, ...], library) -> list[dict]:
    """Train without the `held_out` vendors, then analyse their `documents` (folder, set name, path, label)."""
    from .classify import train
    from .pipeline import Analyser
    from .training import load_documents, load_rows

    analyser = Analyser(library=library, use_model=False)
    analyser.classifier = train([r for r in load_rows() if r["vendor"] not in held_out], load_documents())
    results = []
    for folder, set_name, document, label in documents:
        results += _analyse_labelled(analyser, folder, {document: label}, formats, set_name)
    return results


def evaluate_unseen(documents: Path, labels_folder: Path, formats: tuple[str, ...] = ("pdf", "docx"),
                    library=None) -> list[dict]:
    """A labelled set that is in no training data, analysed with the shipped model and library."""
    from .pipeline import Analyser
    from .training import load_labels

    labels = load_labels(labels_folder)
    return _analyse_labelled(Analyser(library=library), documents, labels, formats, labels_folder.parent.name)


def summarise(results: list[dict]) -> dict:
    """The figures issue 3 asks for."""
    n = len(results)
    correct = sum(r["truth"] == r["predicted"] for r in results)
    not_met_truth = sum(r["truth"] != "met" for r in results)
    harmful = sum(r["predicted"] == "met" and r["truth"] != "met" for r in results)
    tp = sum(r["predicted"] == r["truth"] == "not_met" for r in results)
    fp = sum(r["predicted"] == "not_met" and r["truth"] != "not_met" for r in results)
    fn = sum(r["truth"] == "not_met" and r["predicted"] != "not_met" for r in results)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    decided = [r for r in results if r["truth"] == r["predicted"] and r["truth"] != "not_addressed"]
    evidence = sum(r["evidence_hit"] for r in decided) / len(decided) if decided else 0.0
    by_language = {}
    for language in sorted({r["language"] for r in results}):
        subset = [r for r in results if r["language"] == language]
        by_language[language] = sum(r["truth"] == r["predicted"] for r in subset) / len(subset)
    keyed: dict[tuple, dict[str, str]] = {}
    for r in results:
        keyed.setdefault((r["document"], r["requirement"]), {})[r["format"]] = r["predicted"]
    pairs = [v for v in keyed.values() if len(v) > 1]
    agreement = sum(len(set(v.values())) == 1 for v in pairs) / len(pairs) if pairs else 1.0
    return {
        "verdicts": n,
        "accuracy": correct / n if n else 0.0,
        "met_when_not_met_or_not_addressed": harmful / not_met_truth if not_met_truth else 0.0,
        "f1_not_met": f1,
        "evidence_contains_deciding_sentence": evidence,
        "accuracy_by_language": by_language,
        "pdf_docx_agreement": agreement,
    }
