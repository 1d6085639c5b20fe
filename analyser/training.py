"""The labelled sentence set the topic classifier learns from, built from the corpus and the labels.

`python -m analyser.training CORPUS_DIR [SET_DIR ...]` reads every labelled document
of the corpus (clause_library/labels/*.json) and of each further labelled set (a
folder with documents/ and labels/, such as tests/fresh_vendors_2), splits it
exactly as the analyser does, and writes clause_library/training/sentences.jsonl:
one row per sentence with its set, document, vendor, language and the requirement
topics the labels give it. The file is committed, so training needs nothing
outside the repository.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .annotate import detect_language, split_sentences
from .library import default_library_path
from .markdown_reader import read_markdown
from .segment import segment

_VENDORS = {"ChatGPT": "OpenAI", "Le_Chat": "Mistral", "Vibe": "Mistral", "Grok": "xAI", "DeepSeek": "DeepSeek",
            "Google_Generative_AI_Services": "Google", "Claude_ai": "Anthropic", "Llama_API": "Meta",
            "Meta_AI": "Meta", "Microsoft_Copilot": "Microsoft", "Qwen_Chat": "Alibaba", "Perplexity": "Perplexity",
            "Amazon_Web_Services": "Amazon", "GitHub": "GitHub", "Grammarly": "Grammarly", "LinkedIn": "LinkedIn"}


def vendor_of(document: str) -> str:
    """The vendor of a corpus path: en/<Product>/..., <Product>/..., en-extra/<vendor>-..., nl/<vendor>-..."""
    parts = document.split("/")
    if parts[0] == "en" and len(parts) > 2:
        return _VENDORS.get(parts[1], parts[1])
    if len(parts) == 2 and parts[0] not in ("nl", "en", "en-extra"):
        return _VENDORS.get(parts[0], parts[0])
    words = Path(parts[-1]).stem.split("-")
    # "the-tafel-verwerkersovereenkomst" is The Tafel's, not "the"'s
    return "-".join(words[:2]) if words[0] in ("the", "de", "het") and len(words) > 2 else words[0]


def normalise(text: str) -> str:
    plain = " ".join(b.text for b in read_markdown(text)) or text
    return re.sub(r"[^\w]+", " ", plain.lower()).strip()


def labels_dir() -> Path:
    return default_library_path() / "labels"


def training_file() -> Path:
    return default_library_path() / "training" / "sentences.jsonl"


def documents_file() -> Path:
    return default_library_path() / "training" / "documents.jsonl"


def load_labels(folder: Path | None = None) -> dict[str, dict]:
    labels = {}
    for path in sorted((folder or labels_dir()).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels[data["document"]] = data
    return labels


def _label_sentences(label: dict) -> list[tuple[str, str, str]]:
    """(normalised sentence, requirement id, how it was labelled)."""
    out = []
    for requirement_id, entry in label["labels"].items():
        for kind in ("evidence", "near_miss"):
            for sentence in entry.get(kind, []):
                out.append((normalise(sentence), requirement_id, f"{kind}:{entry['status']}" if kind == "evidence" else kind))
    for requirement_id, sentences in (label.get("topic_sentences") or {}).items():
        for sentence in sentences:
            out.append((normalise(sentence), requirement_id, "topic"))
    return [s for s in out if len(s[0]) >= 15]


@dataclass(frozen=True)
class LabelledSet:
    """Documents and their labels: the corpus with the bundled labels, or a fresh-vendor folder."""

    name: str
    documents: Path
    labels: Path

    @classmethod
    def folder(cls, path: Path) -> "LabelledSet":
        return cls(path.name, path / "documents", path / "labels")


def build_rows(corpus: Path, label: dict, set_name: str = "development") -> list[dict]:
    document = label["document"]
    text = (corpus / document).read_text(encoding="utf-8")
    clauses = segment(read_markdown(text))
    language = detect_language(text)
    split_sentences(clauses, language)
    labelled = _label_sentences(label)
    rows = []
    for clause in clauses:
        for sentence in clause.sentences:
            norm = normalise(sentence.text)
            if len(norm) < 15:
                continue
            topics: dict[str, str] = {}
            for label_norm, requirement_id, kind in labelled:
                if norm in label_norm or (len(label_norm) >= 40 and label_norm in norm):
                    # evidence beats near miss beats topic for the same requirement
                    if requirement_id not in topics or kind.startswith("evidence"):
                        topics[requirement_id] = kind
            rows.append({"set": set_name, "document": document, "vendor": vendor_of(document), "language": language,
                         "text": sentence.text, "topics": topics})
    return rows


def build(sets: list[LabelledSet], out: Path | None = None, documents_out: Path | None = None) -> Path:
    """Write the sentence rows and, beside them, each document's labelled statuses (for the document model)."""
    out = out or training_file()
    documents_out = documents_out or out.with_name(documents_file().name)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle, documents_out.open("w", encoding="utf-8") as statuses:
        for labelled in sets:
            for label in load_labels(labelled.labels).values():
                rows = build_rows(labelled.documents, label, labelled.name)
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                statuses.write(json.dumps({
                    "set": labelled.name, "document": label["document"], "vendor": vendor_of(label["document"]),
                    "statuses": {rid: entry["status"] for rid, entry in label["labels"].items()},
                }, ensure_ascii=False) + "\n")
    return out


def load_rows(path: Path | None = None) -> list[dict]:
    with (path or training_file()).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_documents(path: Path | None = None) -> list[dict]:
    """The labelled statuses per training document; empty where the file is missing (an older training set)."""
    path = path or documents_file()
    if not path.is_file():
        return []
    return load_rows(path)


if __name__ == "__main__":
    corpus_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    sets = [LabelledSet("development", corpus_dir, labels_dir())]
    sets += [LabelledSet.folder(Path(arg)) for arg in sys.argv[2:]]
    print(build(sets))
