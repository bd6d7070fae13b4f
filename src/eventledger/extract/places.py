"""Places extractor (placeholder: assigns an empty list until the extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import get_list


class PlacesExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "el_places")
        return doc


@Language.factory("eventledger_places", assigns=["doc._.el_places"])
def make_places(nlp: Language, name: str) -> PlacesExtractor:
    return PlacesExtractor(nlp, name)
