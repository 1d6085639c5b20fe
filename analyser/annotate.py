"""spaCy annotation: language, sentences, lemmas and rule-based legal cues.

Pipelines are blank `nl`/`en` with a sentencizer and lookup lemmas from
spacy-lookups-data (no model download). An installed `*_core_*_sm` model is not
needed: the rules below only use lemmas and token text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from pathlib import Path

import numpy
import spacy
import yaml
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.nl.stop_words import STOP_WORDS as NL_STOP
from spacy.language import Language
from spacy.attrs import LOWER
from spacy.symbols import ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .library import SAFE_YAML_LOADER
from .records import Clause, Sentence

# Words that are stop words in one language only decide the language.
_EN_ONLY = frozenset(EN_STOP - NL_STOP)
_NL_ONLY = frozenset(NL_STOP - EN_STOP)
_WORD = re.compile(r"[a-zà-ÿ]+")
# Sentences longer than this are split on ';' so quotes stay readable.
MAX_SENTENCE_CHARS = 1200


def detect_language(text: str) -> str:
    """'nl' or 'en', by counting stop words that belong to one language only."""
    words = _WORD.findall(text[:200_000].lower())
    nl = sum(1 for w in words if w in _NL_ONLY)
    en = sum(1 for w in words if w in _EN_ONLY)
    return "nl" if nl > en else "en"


PATTERNS_FILE = Path(__file__).parent / "data" / "legal_patterns.yaml"

# Cues read only where they open the sentence ("You must ..."), not anywhere in it.
SENTENCE_START_CUES = {"CUSTOMER_DUTY"}


def _span_cues(span: Span) -> set[str]:
    cues = set()
    for match_id, start, end in span.doc._.cue_matches:
        name = span.doc.vocab.strings[match_id]
        if start >= span.start and end <= span.end:
            if name not in SENTENCE_START_CUES or start - span.start <= 1:  # allow one token ("(a) You must")
                cues.add(name)
    return cues


if not Span.has_extension("cues"):
    Span.set_extension("cues", getter=_span_cues)
if not Doc.has_extension("cue_matches"):
    Doc.set_extension("cue_matches", default=())


@lru_cache(maxsize=1)
def legal_patterns() -> dict:
    return yaml.load(PATTERNS_FILE.read_text(encoding="utf-8"), Loader=SAFE_YAML_LOADER)


@Language.factory("legal_cues")
def make_legal_cues(nlp: Language, name: str):
    """Negation, modality, exceptions, opt-in/opt-out, vague limits (Doc -> Doc).

    The Matcher pays for every pattern at every token, so patterns of plain words go to a PhraseMatcher, which
    looks them up, and the Matcher runs only on a line that holds a word its patterns start with."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher = Matcher(nlp.vocab)
    start_words: set[str | None] = set()
    for cue, patterns in legal_patterns()["cues"].items():
        for pattern in patterns:
            choices = _word_choices(pattern)
            if choices is None:
                matcher.add(cue, [pattern])
                start_words |= _start_words(pattern)
            else:
                phrases.add(cue, [Doc(nlp.vocab, words=[word for word in words if word])
                                  for words in product(*choices)])
    nearby = {}  # key of a target pattern in `targets` -> (cue id, trigger words, within)
    targets = Matcher(nlp.vocab)
    for cue, rules in legal_patterns().get("nearby", {}).items():
        for number, rule in enumerate(rules):
            key = f"{cue}#{number}"
            targets.add(key, [rule["target"]])
            nearby[nlp.vocab.strings[key]] = (nlp.vocab.strings.add(cue), frozenset(rule["triggers"]), rule["within"])
    matcher_starts = _word_ids(nlp, start_words)
    trigger_words = _word_ids(nlp, {word for _, words, _ in nearby.values() for word in words})

    def legal_cues(doc: Doc) -> Doc:
        words = doc.to_array(LOWER)
        matches = tuple(phrases(doc))
        if matcher_starts is None or numpy.isin(words, matcher_starts).any():
            matches += tuple(matcher(doc))
        if trigger_words is None or numpy.isin(words, trigger_words).any():
            matches += tuple(_nearby_matches(doc, nearby, targets))
        doc._.cue_matches = matches
        return doc

    return legal_cues


def _word_choices(pattern: list[dict]) -> list[list[str]] | None:
    """The lower-case words a pattern allows at each token ("" where the token is optional), or None when the
    pattern asks more of a token than its words."""
    choices = []
    for token in pattern:
        token = dict(token)
        op = token.pop("OP", None)
        if op not in (None, "?") or len(token) != 1 or next(iter(token)) not in ("LOWER", "TEXT", "ORTH"):
            return None
        attr, value = next(iter(token.items()))
        words = _listed_words(value)
        # TEXT and ORTH compare case, which only a word without letters leaves the same as LOWER
        if words is None or not all(word == word.lower() and (attr == "LOWER" or word == word.upper())
                                    for word in words):
            return None
        choices.append(words + [""] if op == "?" else words)
    return None if all("" in words for words in choices) else choices


def _start_words(pattern: list[dict]) -> set[str | None]:
    """The words a pattern's first token must be, or {None} when it may start anywhere."""
    first = pattern[0]
    words = _listed_words(first.get("LOWER"))
    if first.get("OP") not in (None, "+") or words is None:
        return {None}
    return set(words)


def _listed_words(value) -> list[str] | None:
    """The words a token attribute's value lists ("word" or {IN: [words]}), or None for any other test."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(word, str) for word in value["IN"]):
        return list(value["IN"])
    return None


def _word_ids(nlp: Language, words: set[str | None]) -> numpy.ndarray | None:
    """Lower-case word ids to look for in `Doc.to_array(LOWER)`, or None (every line qualifies) for a None."""
    if None in words:
        return None
    return numpy.array(sorted(nlp.vocab.strings.add(word) for word in words), dtype="uint64")


def _nearby_matches(doc: Doc, rules: dict, targets: Matcher) -> list[tuple[int, int, int]]:
    """(cue, trigger start, target end) where a target begins at most `within` tokens after its trigger,
    with no "." or ";" between: what a Matcher wildcard {0,within} would find, without its cost."""
    found = []
    for key, start, end in targets(doc):
        cue, triggers, within = rules[key]
        for trigger in range(start - 1, max(-1, start - within - 2), -1):
            if doc[trigger].lower_ in triggers:
                found.append((cue, trigger, end))
                break
            if doc[trigger].lower_ in (".", ";"):
                break
    return found


def _entity_patterns() -> list[dict]:
    patterns = []
    for label, spec in legal_patterns()["entities"].items():
        patterns += [{"label": label, "pattern": phrase} for phrase in spec.get("phrases", [])]
        patterns += [{"label": label, "pattern": tokens} for tokens in spec.get("tokens", [])]
    return patterns


@lru_cache(maxsize=4)
def pipeline(language: str) -> Language:
    """The blank pipeline for a language: sentencizer, lookup lemmatizer, entity and cue rules (built once)."""
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (OSError, ValueError):  # lookups missing: lemmas stay empty, the rules use token text
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    # Rule components after initialize(), which would otherwise reset the ruler's patterns.
    for abbreviation in legal_patterns().get("abbreviations", []):
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_entity_patterns())
    nlp.add_pipe("legal_cues")
    nlp.max_length = 5_000_000
    return nlp




def split_sentences(clauses: list[Clause], language: str) -> None:
    """Fill `clause.sentences` with whole sentences; each list line is its own unit."""
    nlp = pipeline(language)
    units: list[tuple[int, int, int]] = []  # clause index, start, end
    texts: list[str] = []
    for index, clause in enumerate(clauses):
        start = 0
        for part in clause.text.split("\n"):
            if part.strip():
                units.append((index, start, start + len(part)))
                texts.append(part)
            start += len(part) + 1
    for (index, offset, _), line, doc in zip(units, texts, nlp.pipe(texts, batch_size=256)):
        carry = 0  # characters of an opening bracket or quote that belong to the next sentence
        for sent in doc.sents:
            start_char = sent.start_char - carry
            text = line[start_char:sent.end_char].rstrip()  # the line is doc.text, which spaCy rebuilds each time
            carry = len(text) - len(text.rstrip("([{“‘\"'"))
            if carry:
                text = text[:-carry].rstrip()
            stripped = text.lstrip()
            if not stripped:
                continue
            start = offset + start_char + (len(text) - len(stripped))
            clauses[index].sentences.append(Sentence(
                text=stripped, start=start, end=start + len(stripped), cues=sent._.cues,
                entities=[(ent.label_, ent.text) for ent in sent.ents]))
    for clause in clauses:
        link_lead_ins(clause)


# Longer lines read as sentences of their own (cross-validation by vendor: 6, 12 and 20 words did worse; 10 was
# level with one more harmful `met`).
LIST_LINE_WORDS = 8


def link_lead_ins(clause: Clause) -> None:
    """Give each short line after a sentence ending in a colon that sentence as its lead-in: "Improve our
    models" says nothing on its own; after "You grant us a licence to use your content to:" it is a licence."""
    lead_in = None
    for sentence in clause.sentences:
        if sentence.text.rstrip().endswith(":"):
            lead_in = sentence.text
        elif lead_in is not None and len(sentence.text.split()) <= LIST_LINE_WORDS:
            sentence.lead_in = lead_in
