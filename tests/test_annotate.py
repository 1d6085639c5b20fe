"""The annotate stage's legal cues on real corpus documents."""
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from analyser.annotate import SENTENCE_START_CUES, legal_patterns, pipeline, split_sentences
from analyser.ingest import ingest_bytes
from analyser.segment import segment


@pytest.mark.parametrize("document, language", [
    ("en/Le_Chat/Data_Processor_Agreement.md", "en"),
    ("en/Le_Chat/Privacy_Policy.md", "en"),
    ("nl/starred-bewerkersovereenkomst.md", "nl"),
    ("nl/starred-algemene-voorwaarden.md", "nl"),
])
def test_annotate_cues_are_those_of_the_plain_matcher(corpus, document, language):
    """The cue patterns run partly through a PhraseMatcher for speed; every sentence must still get exactly the
    cues that spaCy's Matcher gives for the pattern data as written."""
    clauses = segment(ingest_bytes((corpus / document).read_bytes(), Path(document).name).blocks)
    split_sentences(clauses, language)
    nlp = pipeline(language)
    reference = Matcher(nlp.vocab)
    for cue, patterns in legal_patterns()["cues"].items():
        reference.add(cue, patterns)
    nearby_cues = set(legal_patterns()["nearby"])
    sentences = [sentence for clause in clauses for sentence in clause.sentences]
    cued = 0
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        expected = {nlp.vocab.strings[key] for key, start, _ in reference(doc)
                    if nlp.vocab.strings[key] not in SENTENCE_START_CUES or start <= 1}
        assert sentence.cues - nearby_cues == expected, sentence.text
        cued += bool(expected)
    assert cued > len(sentences) / 6  # the documents do exercise the cues
