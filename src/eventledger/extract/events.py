"""Events extractor (placeholder: assigns an empty list until the extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import get_list


class EventsExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "el_events")
        return doc


@Language.factory("eventledger_events", assigns=["doc._.el_events"])
def make_events(nlp: Language, name: str) -> EventsExtractor:
    return EventsExtractor(nlp, name)
