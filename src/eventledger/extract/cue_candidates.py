"""Where in a document an attribution can be: the tokens that could report one, so that the
span tagger reads only the windows that hold one (``attribution_spans``'s
``only_cue_windows``).

A token is a cue candidate when it is a reporting word of the cue lexicon (its verbs, nouns,
citing verbs and survey nouns, by lemma or by form), a verb with a clause of its own ("she
believes that ..."), a quotation mark, or a word of an "according to" phrase. The test is
generous on purpose: missing a window loses its attributions, reading one too many only
costs time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy
from spacy.tokens import Doc

if TYPE_CHECKING:  # the attributions package imports the tagger's component
    from .attributions.lexicon import CueLexicon

# Straight and typographic double quotation marks and guillemets; single ones are mostly
# apostrophes, and a quotation inside one is inside a double one too.
QUOTATION_MARKS = frozenset('"“”„‟«»')


def reporting_words(cues: CueLexicon) -> frozenset[str]:
    """The lexicon's reporting words: its verbs, nouns, citing verbs and survey nouns."""
    return frozenset(set(cues.verbs) | cues.nouns | cues.cite_verbs | cues.survey_nouns)


def cue_candidates(doc: Doc, cues: CueLexicon,
                   words: frozenset[str] | None = None) -> numpy.ndarray:
    """One flag per token of ``doc``: whether it could report an attribution. ``words``:
    ``reporting_words(cues)``, given by a caller that reads many documents with one
    lexicon."""
    if words is None:
        words = reporting_words(cues)
    flags = numpy.zeros(len(doc), dtype=bool)
    for token in doc:
        flags[token.i] = (
            token.lemma_.lower() in words
            or token.lower_ in words
            or any(ch in QUOTATION_MARKS for ch in token.text)
            or (token.pos_ in ("VERB", "AUX") and any(c.dep_ == "ccomp" for c in token.children))
        )
    text = doc.text.lower()
    for phrase in cues.according_to:
        for found in re.finditer(r"\b" + re.escape(phrase) + r"\b", text):
            words_of = doc.char_span(found.start(), found.end(), alignment_mode="expand")
            if words_of is not None:
                flags[words_of.start : words_of.end] = True
    return flags
