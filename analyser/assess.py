"""Assess: topic sentences + the library's cues -> one verdict per requirement.

For each requirement, the sentences on its topic (classifier score, or a keyword
of the library) are read for cues. A contradiction anywhere decides `not_met`;
otherwise a commitment in a sentence the classifier itself puts on the topic, and
that the stance model does not rule out, decides `met`; otherwise `not_addressed`.
A sentence that only points to another document decides nothing. When in doubt:
`not_addressed`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import details as detail_extractors
from .library import Library, Requirement
from .records import Clause, Evidence, RequirementVerdict
from .text_utils import numbers_as_digits

@dataclass(frozen=True)
class Thresholds:
    """Classifier probabilities that put a sentence on a requirement's topic."""

    topic: float = 0.6  # on its own (chosen by cross-validation over seven label sets; 0.5 and 0.7 within 0.004)
    keyword: float = 0.1  # together with a keyword of the library
    # A `met` needs a deciding sentence that the stance model (trained on the labelled deciding sentences) gives
    # at least this chance of being a commitment: a second opinion on the cues. Cross-validation by vendor over
    # 448 documents (PDF, 10 folds; 5,457 correct and 155 harmful `met` without it): 0.1 gives +5 correct and -24
    # harmful, 0.15 +3 and -35, 0.2 -7 and -47.
    stance: float = 0.15


DEFAULT_THRESHOLDS = Thresholds()
MAX_EVIDENCE = 4  # quotes per verdict: enough for a reviewer to see the deciding sentence among them
_REFERRAL = re.compile(
    r"^(?:[^.]{0,80})\b(?:as described in|as set out in|see (?:our|the)|in accordance with (?:our|the) "
    r"(?:privacy|data processing)|zie (?:onze|de)|zoals beschreven in|conform (?:onze|de) privacy)\b",
    re.IGNORECASE,
)


# A definition ('"Services" means ...', '"Dienst": ...') defines a word; it commits to nothing.
_DEFINITION = re.compile(
    r"^\W{0,3}(?:[a-z0-9]{1,3}[.)]\s+)?(?:[\"“‘'][^\"”’']{1,80}[\"”’']\s*(?:\([^)]*\)\s*)?(?i:means|shall mean|refers to|"
    r"has the meaning|betekent|wordt verstaan|:)|[A-Z][\w-]{2,40}\s*:\s*(?:de|het|een)\s)")


# A contradiction cue that is itself negated ("will not use it for its own purposes") contradicts nothing.
# ("niet herleidbaar", "not identifiable" negate an adjective, not the clause.)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no|nothing|niet|nooit|nimmer|geen|niets|noch)\b|n['’]t\b)"
                             r"(?!\s+(?:personally\s+)?(?:herleidba|identifiab|traceab))", re.IGNORECASE)
# A comma ends the negation's reach only where a new clause begins ("…, and we may …"); a list goes on
# ("not used for marketing, advertising or training").
_CLAUSE_BREAK = re.compile(r"[;:]|,(?=\s*(?:(?:and|or|en|of)\s+)?(?:(?:we|wij|you|u|je|jij|they|zij|it)\b|"
                           r"\w+\s+(?:may|will|shall|can|must|mag|kan|zal|mogen|kunnen|moet)\b))|"
                           r"\b(?:but|however|except|unless|maar|echter|tenzij|behalve)\b", re.IGNORECASE)
# A sentence that ends by naming the term it defines ('... ("Confidential Information").') only defines it.
_DEFINES_TERM = re.compile(r"\(\s*(?:the |collectively,? |hereinafter |hierna:? )?[\"“‘'][^\"”’']{1,60}[\"”’']\s*\)\W*$",
                           re.IGNORECASE)


# An aim is not a commitment: "we aim to give 30 days' notice", "wij streven ernaar binnen 24 uur te melden".
_HEDGED = re.compile(r"\b(?:aims?|strives?|endeavou?rs?|tr(?:y|ies)|seeks?) to\b|\bstre(?:ef|eft|ven) (?:er ?)?naar\b|"
                     r"\b(?:proberen|probeert|trachten|tracht)\b", re.IGNORECASE)
# A disclaimer of liability ("is not liable for damage from the use of AI models") promises nothing.
_DISCLAIMS_LIABILITY = re.compile(r"\b(?:not|no|nor)\s+(?:be\s+)?(?:held\s+)?(?:liable|liability|responsib\w+)\b|\bdisclaims?\b|"
                                  r"\b(?:niet|geen)\s+(?:\w+\s+)?aansprakelijk\w*", re.IGNORECASE)


# "without prior written consent" is the opposite of the commitment its last words name.
_WITHOUT_BEFORE = re.compile(r"\b(?:without|zonder)(?:\s+[\w'’-]+){0,2}\s*$", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """Is the words just before `start` a negation, within the same part of the sentence?"""
    window = text[max(0, start - 150):start]
    parts = _CLAUSE_BREAK.split(window)
    return bool(_NEGATED_BEFORE.search(parts[-1]))


@dataclass
class _Compiled:
    keywords: list[re.Pattern]
    met: list[re.Pattern]
    not_met: list[re.Pattern]
    exclude: list[re.Pattern]
    met_requires: list[re.Pattern]
    anywhere: list[re.Pattern]
    unless_met: list[re.Pattern]
    despite: list[re.Pattern]

    def keyword_in(self, text: str) -> bool:
        return any(p.search(text) for p in self.keywords)

    def committed(self, text: str) -> bool:
        return any(not _WITHOUT_BEFORE.search(text, max(0, m.start() - 30), m.start())
                   for p in self.met for m in p.finditer(text))

    def contradicted(self, text: str, patterns: list[re.Pattern] | None = None) -> bool:
        return any(not _negated(text, m.start()) for p in (self.not_met if patterns is None else patterns)
                   for m in p.finditer(text))


_COMPILED: dict[int, tuple[Requirement, _Compiled]] = {}


def _compiled(requirement: Requirement) -> _Compiled:
    """The requirement's patterns, compiled once per loaded requirement."""
    cached = _COMPILED.get(id(requirement))
    if cached is None or cached[0] is not requirement:

        def both(patterns) -> list[re.Pattern]:
            # Documents mix languages (an English DPA annex in Dutch terms): use both.
            return [re.compile(p, re.IGNORECASE) for p in patterns.en + patterns.nl]

        anywhere, despite = both(requirement.not_met_anywhere), both(requirement.met_despite)
        cached = (requirement, _Compiled(both(requirement.keywords), both(requirement.met_cues) + despite,
                                         both(requirement.not_met_cues) + anywhere, both(requirement.exclude),
                                         both(requirement.met_requires), anywhere,
                                         both(requirement.not_met_unless_met), despite))
        _COMPILED[id(requirement)] = cached
    return cached[1]


@dataclass
class _Hit:
    clause: Clause
    text: str  # as quoted
    read: str  # as the patterns read it: numbers written as digits
    score: float
    cut: str  # met | not_met | not_met_unless_met | none
    model_on_topic: bool  # the classifier (not only a keyword) put the sentence on the requirement's topic
    stance: float | None  # the stance model's probability of a commitment; None where it did not read it

    def commits(self, thresholds: Thresholds | None) -> bool:
        return thresholds is None or self.stance is None or self.stance >= thresholds.stance


def _weakened(requirement: Requirement, sentence) -> bool:
    """A commitment undone by the spec's general rules, read from the sentence's spaCy cues."""
    if requirement.opt_out_is_not_met and "OPT_OUT" in sentence.cues and "OPT_IN" not in sentence.cues:
        return True
    if requirement.carve_out_is_not_met and "CARVE_OUT" in sentence.cues:
        return True
    has_duration = any(label == "DURATION" for label, _ in sentence.entities)
    return requirement.vague_limit_is_not_met and "VAGUE_LIMIT" in sentence.cues and not has_duration


def _with_lead_in(rules: _Compiled, sentence, text: str) -> str:
    """A list line read with its lead-in, for contradictions: "to:" then "Improve our models" is a licence to train.
    A lead-in that already decides (or is excluded) on its own is read on its own, so each line adds nothing."""
    if sentence.lead_in is None:
        return text
    lead_in = numbers_as_digits(sentence.lead_in)
    if rules.contradicted(lead_in) or any(p.search(lead_in) for p in rules.exclude):
        return text
    return f"{lead_in} {text}"


def _hits(requirement: Requirement, clauses: list[Clause], thresholds: Thresholds | None) -> list[_Hit]:
    """Topic sentences with the way each cuts. Without a classifier (thresholds None) keywords decide."""
    rules = _compiled(requirement)
    hits = []
    for clause in clauses:
        for sentence in clause.sentences:
            score = sentence.topics.get(requirement.id, 0.0)
            anywhere = False
            if thresholds is not None and score < thresholds.keyword:
                # the hot path: most sentences are far from every topic and skip the regexes
                if not (rules.anywhere and rules.contradicted(sentence.text, rules.anywhere)):
                    continue
                anywhere = True
            text = numbers_as_digits(sentence.text)
            if anywhere:
                on_topic, keyword = True, False  # quoted after the sentences on the topic
            elif thresholds is None or score < thresholds.topic:
                keyword = on_topic = rules.keyword_in(text)
                if not on_topic and rules.anywhere and rules.contradicted(text, rules.anywhere):
                    on_topic = True  # decides wherever it stands, as it does below the keyword threshold
            else:
                on_topic, keyword = True, rules.keyword_in(text)
            if not on_topic:
                continue
            with_lead_in = _with_lead_in(rules, sentence, text)  # only for sentences on the topic
            if any(p.search(with_lead_in) for p in rules.exclude):
                continue
            if rules.contradicted(with_lead_in):
                cut = "not_met"
            elif rules.committed(text):  # a list line commits only by its own words
                if "CUSTOMER_DUTY" in sentence.cues:
                    cut = "none"  # the customer's duty is not the vendor's commitment
                else:
                    cut = "not_met" if _weakened(requirement, sentence) else "met"
            elif rules.unless_met and rules.contradicted(with_lead_in, rules.unless_met):
                cut = "not_met_unless_met"
            else:
                cut = "none"
            if cut != "none" and _REFERRAL.search(sentence.text) and len(sentence.text) < 200:
                cut = "none"  # a pointer to another document decides nothing
            if (cut != "none" and _DEFINITION.match(sentence.text)) or (cut == "met" and _DEFINES_TERM.search(sentence.text)):
                cut = "none"  # a definition decides nothing; one that also names a term may still grant a permission
            if cut == "met" and (_DISCLAIMS_LIABILITY.search(sentence.text) or _HEDGED.search(sentence.text)):
                cut = "none"
            if len(sentence.text.split()) < 4:
                cut = "none"  # a heading ("Documented Instructions.") names a topic; it decides nothing
            hits.append(_Hit(clause, sentence.text, text, max(score, 0.5 if keyword else 0.0), cut,
                             thresholds is None or score >= thresholds.topic, sentence.stance.get(requirement.id)))
    return hits


def _evidence(hits: list[_Hit]) -> list[Evidence]:
    # The sentence most likely to decide this way first; the topic score breaks ties.
    ranked, quoted = [], set()
    for hit in sorted(hits, key=lambda h: (-h.score, int(h.clause.id[1:]))):
        if hit.text not in quoted:  # a sentence the document repeats is quoted once
            quoted.add(hit.text)
            ranked.append(hit)
    ranked = ranked[:MAX_EVIDENCE]
    ranked.sort(key=lambda h: (int(h.clause.id[1:]), h.text))
    return [Evidence(clause_id=h.clause.id, page=h.clause.page_start, quote=h.text, clause_number=h.clause.number)
            for h in ranked]


def _read_as_whole(requirement: Requirement, status: str, hits: list[_Hit], document: dict[str, float],
                   thresholds: Thresholds | None) -> tuple[str, list[_Hit]] | None:
    """The document model's verdict where the library asks for it and the rules leave room: it may make a
    `met` of silence, a `not_met` of silence; a contradiction the rules found stands. The quotes are the
    sentences the classifier puts most firmly on the topic; with none, the model decides nothing."""
    wanted = requirement.document_model
    if not wanted or not document or status == "not_met":
        return None
    on_topic = [h for h in hits if h.model_on_topic] or hits
    if not on_topic:
        return None
    if (status != "met" and document.get("met", 0.0) >= wanted.get("met", 2.0)
            and any(h.commits(thresholds) for h in on_topic)):
        return "met", on_topic
    if status == "not_addressed" and document.get("not_met", 0.0) >= wanted.get("not_met", 2.0):
        return "not_met", on_topic
    return None


def _answered(requirement: Requirement, against: list[_Hit], for_: list[_Hit]) -> bool:
    """A `met_despite` commitment answers the contradictions, unless one of them decides anywhere."""
    rules = _compiled(requirement)
    return (any(p.search(h.read) for h in for_ for p in rules.despite)
            and not any(rules.contradicted(h.read, rules.anywhere) for h in against))


def assess_requirement(requirement: Requirement, clauses: list[Clause],
                       thresholds: Thresholds | None = None,
                       document: dict[str, float] | None = None) -> RequirementVerdict:
    """`document`: the status probabilities the document model reads from the whole text, if any."""
    hits = _hits(requirement, clauses, thresholds)
    against = [h for h in hits if h.cut == "not_met"]
    outweighed = [h for h in hits if h.cut == "not_met_unless_met"]  # decide only where nothing commits
    # A commitment must be on the topic by the model's own reading: a keyword alone may contradict, never commit
    # (measured over seven label sets: `met` where the truth is not 3.3% -> 2.2%, accuracy 0.805 -> 0.791).
    for_ = [h for h in hits if h.cut == "met" and h.model_on_topic and h.commits(thresholds)]
    requires = _compiled(requirement).met_requires
    if requires and not any(p.search(h.clause.text) for h in for_ for p in requires):
        # a list item may name the core only in its lead-in (its parent clause, from the segmenter)
        by_id = {c.id: c for c in clauses} if any(h.clause.parent for h in for_) else {}
        lead_ins = [by_id[h.clause.parent].text for h in for_ if h.clause.parent in by_id]
        if not any(p.search(text) for text in lead_ins for p in requires):
            for_ = []  # a partial commitment (a list, a notice) leaves the core of the requirement open
    if against and not (for_ and (requirement.met_beats_not_met or _answered(requirement, against, for_))):
        status, deciding = "not_met", against
    elif for_:
        status, deciding = "met", for_
    elif outweighed:
        status, deciding = "not_met", outweighed
    else:
        status, deciding = "not_addressed", []
    whole = _read_as_whole(requirement, status, hits, document or {}, thresholds)
    if whole:
        status, deciding = whole
    if deciding:
        top = max(h.score for h in deciding)
        confidence = round(min(0.95, 0.45 + 0.3 * top + 0.05 * min(len(deciding), 4)), 2)
    else:
        confidence = round(0.6 if hits else 0.8, 2)
    details: dict = {}
    for kind in requirement.details:
        # Names (laws, courts, regions) come from every sentence on the topic; periods from the deciding ones.
        source = hits if kind in ("governing_law", "courts", "regions") else (deciding or hits)
        details.update(detail_extractors.extract(kind, [h.text for h in source]))
    return RequirementVerdict(id=requirement.id, category=requirement.category, status=status,
                              confidence=confidence, evidence=_evidence(deciding), details=details)


def assess(clauses: list[Clause], library: Library, thresholds: Thresholds | None = DEFAULT_THRESHOLDS,
           document_scores: dict[str, dict[str, float]] | None = None) -> list[RequirementVerdict]:
    """One verdict per requirement; thresholds None when no classifier scored the sentences."""
    scores = document_scores or {}
    return [assess_requirement(requirement, clauses, thresholds, scores.get(requirement.id))
            for requirement in library.requirements]


def tag_clauses(clauses: list[Clause], library: Library, verdicts: list[RequirementVerdict]) -> None:
    """Give each clause the requirements and categories its sentences speak to."""
    category = {r.id: r.category for r in library.requirements}
    for clause in clauses:
        best: dict[str, float] = {}
        for sentence in clause.sentences:
            for requirement_id, score in sentence.topics.items():
                if score >= DEFAULT_THRESHOLDS.topic:
                    best[requirement_id] = max(best.get(requirement_id, 0.0), score)
        for verdict in verdicts:
            for evidence in verdict.evidence:
                if evidence.clause_id == clause.id:
                    best[verdict.id] = max(best.get(verdict.id, 0.0), verdict.confidence)
        ordered = [rid for rid in library.ids if rid in best]
        clause.requirements = [(rid, round(best[rid], 2)) for rid in ordered]
        clause.categories = list(dict.fromkeys(category[rid] for rid in ordered))
