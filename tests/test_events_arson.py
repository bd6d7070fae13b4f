"""Arson: "militants torched the village", "rioters set fire to a police station", "set
cars on fire", "set the bus alight" are assaults of the primitive mode (PLOVER: fire),
whatever weapon names the doers ("gunmen"), which the event head does not overrule when a
person or group does them; what was set on fire is the recipient; a figurative torching of
an idea is none. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import doubted_assaults, events_found, text_of


def assaults(nlp, events, text, word):
    return [(e["trigger"]["text"], e["mode"], text_of(e["actor"]))
            for e in doubted_assaults(nlp, events, text, word)]


@pytest.mark.parametrize("text, word, expected", [
    ("Militants torched the village of Kuro overnight.", "torched",
     ("torched", "primitive", "Militants")),
    ("Rioters set fire to a police station in Varno.", "set",
     ("set fire", "primitive", "Rioters")),
    ("Looters torched three shops near the market.", "torched",
     ("torched", "primitive", "Looters")),
])
def test_arson_by_a_party_is_an_assault(bare_nlp, events, text, word, expected):
    assert assaults(bare_nlp, events, text, word) == [expected]


@pytest.mark.parametrize("text, word, expected", [
    ("Gunmen set fire to two trucks.", "set", ("set fire", "Gunmen", "two trucks")),
    ("Rioters set three cars on fire in the square.", "set", ("set", "Rioters", "three cars")),
    ("A mob set the bus alight near the market.", "set", ("set", "A mob", None)),
    ("Militants set a fire at the school.", "set", ("set", "Militants", "the school")),
])
def test_arson_told_apart_keeps_its_mode_and_target(bare_nlp, events, text, word, expected):
    found = doubted_assaults(bare_nlp, events, text, word)
    assert [(e["trigger"]["text"], text_of(e["actor"]), text_of(e["recipient"]))
            for e in found] == [expected]
    assert [e["mode"] for e in found] == ["primitive"]


def test_without_a_party_the_head_decides(bare_nlp, events):
    # no doer named: the head's doubt stands
    assert assaults(bare_nlp, events, "Three shops were torched overnight.", "torched") == []


def test_torching_an_idea_is_figurative(bare_nlp, events):
    text = "The senator torched the proposal in a speech on Monday."
    assert assaults(bare_nlp, events, text, "torched") == []
    assert [e for e in events_found(bare_nlp, events, text) if e["type"] == "ASSAULT"] == []


def test_arson_joined_to_another_act_has_its_doer(bare_nlp, events):
    text = "The attackers abducted ten women and set fire to dozens of homes."
    found = assaults(bare_nlp, events, text, "set")
    assert ("set fire", "primitive", "The attackers") in found
