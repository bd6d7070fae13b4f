"""A light verb that carries an event noun ("launched an attack", "mounted a raid",
"carried out a wave of arrests") is no event of its own, whatever the event head says of
it: the noun tells the event. A verb that carries no event noun stays the head's to add.
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found

TYPES = ["ASSAULT", "ACCUSE", "COERCE"]
SURE = 0.9


def found(nlp, component, text, rows):
    return [(e["type"], e["trigger"]["text"])
            for e in events_found(nlp, component, text, rows=rows, types=TYPES)]


@pytest.mark.parametrize(("text", "verb", "noun"), [
    ("Militants launched an attack on the port of Varna.", "launched", "attack"),
    ("Insurgents mounted a raid on the police station in Tolben.", "mounted", "raid"),
    ("The army carried out a wave of arrests in Mirel.", "carried", "arrests"),
])
def test_the_head_adds_no_carrier_of_an_event_noun(bare_nlp, events, text, verb, noun):
    # the head is sure of the verb and doubts the noun: neither is an event then, and the
    # noun's object is never the recipient of a launching
    rows = {verb: {"ASSAULT": SURE}, noun: {"ASSAULT": 0.01, "COERCE": 0.01}}
    assert verb not in [t for _type, t in found(bare_nlp, events, text, rows)]


def test_a_carrier_gives_way_to_a_noun_of_another_type(bare_nlp, events):
    text = "The senator launched an attack on the new budget on Monday."
    rows = {"launched": {"ASSAULT": SURE}, "attack": {"ASSAULT": 0.01, "ACCUSE": SURE}}
    assert found(bare_nlp, events, text, rows) == [("ACCUSE", "attack")]


def test_a_verb_carrying_no_event_noun_is_still_added(bare_nlp, events):
    text = "Rebels launched three boats across the lake near Varna."
    rows = {"launched": {"COERCE": SURE}}
    assert found(bare_nlp, events, text, rows) == [("COERCE", "launched")]
