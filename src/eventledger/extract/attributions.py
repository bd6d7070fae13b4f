"""Attributions extractor (placeholder: assigns an empty list until the extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import get_list


class AttributionsExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "el_attributions")
        return doc


@Language.factory("eventledger_attributions", assigns=["doc._.el_attributions"])
def make_attributions(nlp: Language, name: str) -> AttributionsExtractor:
    return AttributionsExtractor(nlp, name)
