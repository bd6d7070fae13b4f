"""Documents as the components before the events and figures extractors leave them, for
tests that run those extractors on a parse alone: no places, attributions or actors
unless given."""

from __future__ import annotations

from spacy.tokens import Doc

PUBLISHED = "2024-03-05"


def rule_doc(nlp, text: str, *, places=(), actors=(), events=None) -> Doc:
    """``text`` parsed by ``nlp``, published on ``PUBLISHED``, with ``places`` and
    ``actors`` as found before; ``events`` (a list) where figures run without events."""
    doc = nlp(text)
    doc._.el_published = PUBLISHED
    doc._.el_excluded = []
    doc._.el_places = list(places)
    doc._.el_attributions = []
    doc._.el_actors = list(actors)
    if events is not None:
        doc._.el_events = list(events)
    return doc
