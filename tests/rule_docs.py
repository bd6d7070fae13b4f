"""Documents as the components before the events and figures extractors leave them, for
tests that run those extractors on a parse alone: no places, attributions or actors
unless given."""

from __future__ import annotations

import numpy
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


def head_scores(doc: Doc, rows_by_word: dict[str, dict[str, float]], types: list[str], *,
                veto: float = 0.2, add: float = 0.6) -> Doc:
    """The event head's trigger scores set by hand on ``doc``: for each word (its text),
    its types' probabilities (B- tags), the rest O; the head's thresholds ``veto`` and
    ``add``."""
    labels = ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]
    rows = numpy.zeros((len(doc), len(labels)), dtype="float32")
    rows[:, 0] = 1.0
    for token in doc:
        for type_, p in rows_by_word.get(token.text, {}).items():
            rows[token.i, labels.index(f"B-{type_}")] = p
            rows[token.i, 0] -= p
    doc._.el_trigger_scores = {"labels": labels, "rows": rows,
                               "thresholds": {"veto": veto, "add": add}}
    return doc


def event_of(nlp, component, text: str, trigger: str) -> dict:
    """The event whose trigger is ``trigger`` that ``component`` (an events extractor)
    finds in ``text`` parsed by ``nlp``."""
    doc = rule_doc(nlp, text)
    component(doc)
    return next(e for e in doc._.el_events if e["trigger"]["text"] == trigger)


def actor_of(nlp, component, text: str, trigger: str) -> str | None:
    """The text of the actor of :func:`event_of`'s event, None where it has none."""
    event = event_of(nlp, component, text, trigger)
    return event["actor"]["text"] if event["actor"] else None
