"""The event head adds no noun of a person as an event: "false accusers", "a Cruz
endorser", "the investigator", "the kidnappers", "critics" are people, whatever the head
scores them. A noun of an act keeps the head's addition. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found

TYPES = ["ACCUSE", "SUPPORT", "ASSAULT"]


def added(nlp, component, text, word, type_):
    found = events_found(nlp, component, text, rows={word: {type_: 0.95}}, types=TYPES)
    return [e["trigger"]["text"] for e in found if e["type"] == type_]


@pytest.mark.parametrize(("text", "word", "type_"), [
    ("The senator dismissed his accusers as liars.", "accusers", "ACCUSE"),
    ("A Dorn endorser won the seat.", "endorser", "SUPPORT"),
    ("The investigator visited the site on Monday.", "investigator", "ACCUSE"),
    ("The kidnappers released a video.", "kidnappers", "ASSAULT"),
    ("Critics of the plan met in Varno.", "Critics", "ACCUSE"),
])
def test_no_person_is_an_event(bare_nlp, events, text, word, type_):
    assert added(bare_nlp, events, text, word, type_) == []


def test_a_noun_of_an_act_is_added(bare_nlp, events):
    text = "The senator dismissed the accusation as a lie."
    assert added(bare_nlp, events, text, "accusation", "ACCUSE") == ["accusation"]
