"""Lemma corrections: word forms the model's rule lemmatizer gets wrong ("staged" becomes
"stag", "raped" "rap"), set right before it runs (``data/lemmas.json``). The extractors
read lemmas, so a wrong one hides a trigger ("raped"), a light verb ("staged a raid") or
a cue ("hoped")."""

from __future__ import annotations

from spacy.language import Language

from ..data_files import packaged_json

PIPE_NAME = "eventledger_lemma_corrections"


def lemma_corrections() -> dict[str, str]:
    """Lower-case word form -> its lemma."""
    return packaged_json("lemmas.json")["corrections"]


def add_lemma_corrections(nlp: Language) -> Language:
    """An attribute ruler before the model's lemmatizer that gives the listed forms their
    lemma; the lemmatizer leaves a lemma that is already set. Nothing without a
    lemmatizer, or when the ruler is there already."""
    if "lemmatizer" not in nlp.pipe_names or PIPE_NAME in nlp.pipe_names:
        return nlp
    ruler = nlp.add_pipe("attribute_ruler", name=PIPE_NAME, before="lemmatizer")
    by_lemma: dict[str, list[str]] = {}
    for form, lemma in lemma_corrections().items():
        by_lemma.setdefault(lemma, []).append(form)
    for lemma, forms in sorted(by_lemma.items()):
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})
    return nlp
