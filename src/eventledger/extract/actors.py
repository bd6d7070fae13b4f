"""Actors extractor (placeholder: assigns an empty list until the extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import get_list


class ActorsExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "el_actors")
        return doc


@Language.factory("eventledger_actors", assigns=["doc._.el_actors"])
def make_actors(nlp: Language, name: str) -> ActorsExtractor:
    return ActorsExtractor(nlp, name)
