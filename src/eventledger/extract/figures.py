"""Figures extractor (placeholder: assigns an empty list until the extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import get_list


class FiguresExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "el_figures")
        return doc


@Language.factory("eventledger_figures", assigns=["doc._.el_figures"])
def make_figures(nlp: Language, name: str) -> FiguresExtractor:
    return FiguresExtractor(nlp, name)
