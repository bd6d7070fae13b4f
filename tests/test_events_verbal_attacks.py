"""An attack or assault called political, verbal, personal or scathing ("under political
attack", "a blistering attack on the governor") is words, no PLOVER ASSAULT; an attack
with no such word stays one. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import rule_doc

from eventledger.extract.events import EventsExtractor


@pytest.fixture(scope="module")
def events(bare_nlp):
    return EventsExtractor(bare_nlp, "events_verbal_attacks_test")


def assaults(nlp, component, text):
    doc = rule_doc(nlp, text)
    component(doc)
    return [e["trigger"]["text"] for e in doc._.el_events if e["type"] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The mayor of Tolben says he is under political attack because of the polls.",
    "The senator launched a blistering attack on the governor on Monday.",
    "Her rivals stepped up their personal attacks on the candidate.",
    "The columnist called the speech a verbal assault on the press.",
])
def test_an_attack_in_words_is_no_assault(bare_nlp, events, text):
    assert assaults(bare_nlp, events, text) == []


@pytest.mark.parametrize("text", [
    "Militants launched a deadly attack on the port of Varna.",
    "The attack on the convoy near Tolben killed four soldiers.",
])
def test_an_attack_stays(bare_nlp, events, text):
    assert "attack" in assaults(bare_nlp, events, text)
