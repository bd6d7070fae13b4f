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


def events_found(nlp, component, text: str, *, rows: dict | None = None, types=(),
                 places=(), actors=()) -> list[dict]:
    """The events ``component`` (an events extractor) finds in ``text`` parsed by ``nlp``
    (:func:`rule_doc`, with ``places`` and ``actors``); where ``rows`` is given, the event
    head's scores of those words over ``types`` are set first (:func:`head_scores`)."""
    doc = rule_doc(nlp, text, places=places, actors=actors)
    if rows is not None:
        head_scores(doc, rows, types)
    component(doc)
    return doc._.el_events


def doubted_assaults(nlp, component, text: str, word: str) -> list[dict]:
    """The ASSAULT events :func:`events_found` finds in ``text`` where the event head
    doubts ``word`` as an assault (0.05, below its veto): those the rules are sure of."""
    return [e for e in events_found(nlp, component, text, rows={word: {"ASSAULT": 0.05}},
                                    types=["ASSAULT"]) if e["type"] == "ASSAULT"]


def triggers_of(nlp, component, text: str, type_: str, **given) -> list[str]:
    """The trigger words of the events of ``type_`` that :func:`events_found` finds
    (``given``: its keyword arguments)."""
    return [e["trigger"]["text"] for e in events_found(nlp, component, text, **given)
            if e["type"] == type_]


def figures_found(nlp, component, text: str) -> list[dict]:
    """The figures ``component`` (a figures extractor) finds in ``text`` parsed by ``nlp``,
    on a document with no events."""
    doc = rule_doc(nlp, text, events=[])
    component(doc)
    return doc._.el_figures


def text_of(argument: dict | None) -> str | None:
    """The words of a party (an event's actor or recipient, a figure's ``who``), None where
    there is none."""
    return argument["text"] if argument else None


def event_of(nlp, component, text: str, trigger: str) -> dict:
    """The event whose trigger is ``trigger`` that ``component`` (an events extractor)
    finds in ``text`` parsed by ``nlp``."""
    return next(e for e in events_found(nlp, component, text) if e["trigger"]["text"] == trigger)


def actor_of(nlp, component, text: str, trigger: str) -> str | None:
    """The text of the actor of :func:`event_of`'s event, None where it has none."""
    return text_of(event_of(nlp, component, text, trigger)["actor"])
