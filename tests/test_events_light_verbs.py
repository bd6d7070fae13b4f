"""A light verb that carries an event noun is no event of its own, whether the rules or the
event head found it: "made a request for talks" is one request."""

from __future__ import annotations

from rule_docs import head_scores as scored
from rule_docs import rule_doc


def test_a_verb_the_head_adds_over_its_event_noun_gives_way(bare_nlp, events):
    text = "The rebels made a request for talks with the council."
    doc = scored(rule_doc(bare_nlp, text), {"made": {"REQUEST": 0.9}, "request": {"REQUEST": 0.9}}, ["REQUEST", "ASSAULT"])
    events(doc)
    assert [(e["type"], e["trigger"]["text"]) for e in doc._.el_events
            if not e["hypothetical"]] == [("REQUEST", "request")]  # the talks: asked for


def test_a_light_verb_gives_way_whatever_the_type_the_head_gives_it(bare_nlp, events):
    text = "The rebels made a request for talks with the council."
    doc = scored(rule_doc(bare_nlp, text), {"made": {"ASSAULT": 0.9}, "request": {"REQUEST": 0.9}}, ["REQUEST", "ASSAULT"])
    events(doc)
    assert [(e["type"], e["trigger"]["text"]) for e in doc._.el_events
            if not e["hypothetical"]] == [("REQUEST", "request")]  # the talks: asked for
