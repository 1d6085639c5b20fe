"""Classify: which requirement topics a sentence speaks to, and how a whole document reads (scikit-learn).

A TF-IDF (word and character n-grams, so Dutch compounds and English phrasing
both count) + one-vs-rest logistic regression, trained on the labelled sentences
in clause_library/training/. Beside it, a document model (word TF-IDF + logistic
regression per requirement, trained on the labelled documents' statuses) gives the
probability of each status from the whole text, for the requirements whose library
entry asks for it. A stance model (logistic regression per requirement on the topic
model's features) gives the chance that a sentence on a topic commits to it, learnt from
the sentences labelled as deciding `met` against the other sentences on that topic.
Training is deterministic and takes about three minutes; the fitted models are cached
per training-data hash, scikit-learn version and model format, and that hash is the
model version every report records.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from .assess import DEFAULT_THRESHOLDS
from .records import Clause

# Bumped when the fitted object changes shape, so an older cached model is not loaded into newer code.
MODEL_FORMAT = "4"  # 2: with the stance model; 3: its coefficients kept sparse; 4: topics fitted in worker processes
# The stance of a sentence is read where the assessment may quote it: from its keyword threshold up.
STANCE_TOPIC = DEFAULT_THRESHOLDS.keyword


def make_pipeline(n_jobs: int | None = None) -> Pipeline:
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True,
                                  max_features=60000)),
    ])
    # The primal problem: with ~19,000 sentences it solves in half the time of the dual, to the same
    # probabilities (largest difference 5e-5 on the training set).
    # One binary model per topic, on `n_jobs` processes. With -1 joblib gives each worker one BLAS thread, so the
    # model is the same on any number of cores; fitted in one process, liblinear's sums followed the machine's BLAS
    # threads (topic probabilities moved by up to 4e-5).
    model = OneVsRestClassifier(LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000,
                                                   solver="liblinear", random_state=0), n_jobs=n_jobs)
    return Pipeline([("features", features), ("model", model)])


class DocumentModel:
    """Whole document text -> {requirement id: {status: probability}}, one logistic regression per requirement."""

    def fit(self, texts: list[str], statuses: list[dict[str, str]]) -> "DocumentModel":
        self.vectoriser_ = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        features = self.vectoriser_.fit_transform(texts)
        self.models_ = {}
        for requirement_id in sorted({rid for row in statuses for rid in row}):
            y = [row.get(requirement_id, "not_addressed") for row in statuses]
            if len(set(y)) > 1:
                self.models_[requirement_id] = LogisticRegression(C=4.0, max_iter=3000).fit(features, y)
        return self

    def predict(self, text: str) -> dict[str, dict[str, float]]:
        features = self.vectoriser_.transform([text])
        return {rid: dict(zip(model.classes_, map(float, model.predict_proba(features)[0])))
                for rid, model in self.models_.items()}


class StanceModel:
    """Per requirement, on the sentences labelled on its topic: does the sentence commit to the requirement
    (labelled as a `met` deciding sentence) or not (a `not_met` deciding sentence, a near miss, other topic
    sentences)? It reads the topic model's features. The assessment asks it for a second opinion on `met`."""

    def fit(self, features, topics: list[dict[str, str]], min_examples: int = 5) -> "StanceModel":
        self.models_ = {}
        for requirement_id in sorted({rid for row in topics for rid in row}):
            rows = [i for i, row in enumerate(topics) if requirement_id in row]
            y = [topics[i][requirement_id] == "evidence:met" for i in rows]
            if min_examples <= sum(y) < len(y):
                # a feature that never occurs in this topic's rows feels only the regularisation, so its weight
                # is exactly 0: kept sparse, the model is a fraction of its dense size, with the same predictions
                self.models_[requirement_id] = LogisticRegression(
                    C=4.0, class_weight="balanced", max_iter=3000, solver="liblinear", random_state=0,
                ).fit(features[rows], y).sparsify()
        return self

    def predict(self, features, topic_rows: dict[str, list[int]]) -> dict[str, dict[int, float]]:
        """requirement id -> {row: probability of a commitment} for the rows on that topic."""
        out = {}
        for requirement_id, rows in topic_rows.items():
            model = self.models_.get(requirement_id)
            if model is not None and rows:
                out[requirement_id] = dict(zip(rows, map(float, model.predict_proba(features[rows])[:, 1])))
        return out


class TopicClassifier:
    """Sentence -> {requirement id: probability}. Fit on rows of the training set."""

    def __init__(self, min_examples: int = 3, n_jobs: int | None = None):
        self.min_examples = min_examples
        self.n_jobs = n_jobs
        self.documents_: DocumentModel | None = None
        self.stance_: StanceModel | None = None

    def fit(self, texts: list[str], topics: list[list[str]]) -> "TopicClassifier":
        counts: dict[str, int] = {}
        for labels in topics:
            for label in labels:
                counts[label] = counts.get(label, 0) + 1
        kept = sorted(k for k, n in counts.items() if n >= self.min_examples)
        self.binarizer_ = MultiLabelBinarizer(classes=kept)
        y = self.binarizer_.fit_transform([[t for t in labels if t in kept] for labels in topics])
        self.pipeline_ = make_pipeline(self.n_jobs)
        features = self.pipeline_.named_steps["features"].fit_transform(texts)
        # the worker processes share the matrix read-only, and liblinear needs its indices sorted first
        features.sort_indices()
        self.pipeline_.named_steps["model"].fit(features, y)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.pipeline_.predict_proba(texts)

    def features(self, texts: list[str]):
        return self.pipeline_.named_steps["features"].transform(texts)

    def fit_stance(self, texts: list[str], topics: list[dict[str, str]]) -> "TopicClassifier":
        """The stance model, on the sentences labelled on some topic, with how each was labelled."""
        labelled = [i for i, row in enumerate(topics) if row]
        self.stance_ = StanceModel().fit(self.features([texts[i] for i in labelled]), [topics[i] for i in labelled])
        return self

    @property
    def classes_(self) -> list[str]:
        return list(self.binarizer_.classes_)

    def score_clauses(self, clauses: list[Clause]) -> None:
        sentences = [s for c in clauses for s in c.sentences]
        if not sentences:
            return
        features = self.features([s.text for s in sentences])
        probabilities = self.pipeline_.named_steps["model"].predict_proba(features)
        classes = self.classes_
        for sentence, row in zip(sentences, probabilities):
            sentence.topics = {cls: float(p) for cls, p in zip(classes, row) if p >= 0.05}
        if self.stance_ is not None:
            on_topic: dict[str, list[int]] = {}
            for i, sentence in enumerate(sentences):
                for requirement_id, p in sentence.topics.items():
                    if p >= STANCE_TOPIC:
                        on_topic.setdefault(requirement_id, []).append(i)
            for requirement_id, scored in self.stance_.predict(features, on_topic).items():
                for i, p in scored.items():
                    sentences[i].stance[requirement_id] = p

    def score_document(self, clauses: list[Clause]) -> dict[str, dict[str, float]]:
        """Each requirement's status probabilities read from the whole document (empty without a document model)."""
        if self.documents_ is None:
            return {}
        return self.documents_.predict(" ".join(s.text for c in clauses for s in c.sentences))


def rows_to_xy(rows: list[dict]) -> tuple[list[str], list[list[str]]]:
    return [r["text"] for r in rows], [sorted(r["topics"]) for r in rows]


def train(rows: list[dict], documents: list[dict] | None = None, n_jobs: int | None = None) -> TopicClassifier:
    """The topic model on `rows`; with `documents` (labelled statuses), also the document model on those of
    them whose sentences are among `rows` (so a cross-validation fold leaves a vendor out of both). `n_jobs` is
    the number of processes for the topic model's per-topic fits (-1: every core)."""
    texts, topics = rows_to_xy(rows)
    classifier = TopicClassifier(n_jobs=n_jobs).fit(texts, topics).fit_stance(texts, [r["topics"] for r in rows])
    if documents:
        text_of: dict[str, list[str]] = {}
        for row in rows:
            text_of.setdefault(row["document"], []).append(row["text"])
        kept = [d for d in documents if d["document"] in text_of]
        if kept:
            classifier.documents_ = DocumentModel().fit([" ".join(text_of[d["document"]]) for d in kept],
                                                        [d["statuses"] for d in kept])
    return classifier


def cache_dir() -> Path:
    return Path(os.environ.get("ANALYSER_CACHE_DIR", Path.home() / ".cache" / "clause-analyser"))


def default_classifier() -> TopicClassifier | None:
    """The classifier trained on the bundled training set, from cache when it is there."""
    from .training import documents_file, load_documents, load_rows, training_file

    path = training_file()
    if not path.is_file():
        return None
    statuses = documents_file()
    digest = hashlib.sha256(path.read_bytes() + (statuses.read_bytes() if statuses.is_file() else b"")
                            + sklearn.__version__.encode() + MODEL_FORMAT.encode()).hexdigest()[:12]
    cached = cache_dir() / f"topics-{digest}.pkl"
    classifier = None
    if cached.is_file():
        try:
            with cached.open("rb") as handle:
                classifier = pickle.load(handle)
        except Exception:  # a stale or damaged cache is rebuilt, never trusted
            classifier = None
    if classifier is None:
        # the one fit of the bundled model uses every core (cross-validation runs its folds in parallel instead)
        classifier = train(load_rows(path), load_documents(), n_jobs=-1)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            with tmp.open("wb") as handle:
                pickle.dump(classifier, handle)
            tmp.replace(cached)
        except OSError:
            pass  # read-only home: train again next time
    classifier.version = f"topics-{digest}"
    return classifier
