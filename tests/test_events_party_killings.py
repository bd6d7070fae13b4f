"""A killing, wounding, rape, torture or abduction done by a person or group is an assault
even where the event head doubts it ("gunmen killed five people", "armed men kidnapped 30
students"); one told without its doer or without a person hit, or done by a weapon, an
illness or an accident, is left to the head and the figures; one done to oneself is no
assault at all. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found

TYPES = ["ASSAULT", "COERCE"]
DOUBTED = {"ASSAULT": 0.05}  # below the head's veto


def assaults(nlp, component, text, rows=None):
    return [e for e in events_found(nlp, component, text, rows=rows, types=TYPES)
            if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(("text", "word", "actor"), [
    ("Masked gunmen killed five traders in the market of Tolben.", "killed", "Masked gunmen"),
    ("Rebel fighters killed twelve villagers near Varna on Sunday.", "killed",
     "Rebel fighters"),
    ("Two farmers were shot by soldiers on Monday.", "shot", "soldiers"),
    ("The men who murdered the guard fled across the river.", "murdered", "The men"),
    ("They stabbed three customs officers at the border post.", "stabbed", "They"),
    ("Police tortured three detainees in Varna, a rights group said.", "tortured", "Police"),
    ("Soldiers raped two women in the village of Tolben.", "raped", "Soldiers"),
    ("The army claimed to have killed 40 insurgents.", "killed", "The army"),
    ("Insurgents executed four hostages on Sunday.", "executed", "Insurgents"),
    ("Armed men kidnapped 30 students from a school near Varna.", "kidnapped", "Armed men"),
    ("Gunmen abducted two engineers near Tolben.", "abducted", "Gunmen"),
])
def test_a_killing_by_a_party_stays_though_the_head_doubts_it(bare_nlp, events, text, word,
                                                              actor):
    found = assaults(bare_nlp, events, text, {word: DOUBTED})
    assert [(e["trigger"]["text"], e["actor"]["text"]) for e in found] == [(word, actor)]


@pytest.mark.parametrize("text", [
    "Cholera killed thirty people in the camp at Varna last month.",
    "The flood killed nine people in the valley.",
    "The collapse of the old bridge killed two drivers.",
    "Four guards were killed near Tolben on Monday.",
    "The senator shot back at his critics on Monday.",
])
def test_without_a_party_as_doer_the_head_still_decides(bare_nlp, events, text):
    assert assaults(bare_nlp, events, text, {"killed": DOUBTED, "shot": DOUBTED}) == []


@pytest.mark.parametrize(("text", "word"), [
    ("Two people were killed in clashes between herders and farmers.", "clashes"),
    ("Fighting between rival militias broke out near Varna.", "Fighting"),
])
def test_an_assault_between_parties_stays_though_the_head_doubts_it(bare_nlp, events, text,
                                                                    word):
    found = assaults(bare_nlp, events, text, {word: DOUBTED})
    assert [e["trigger"]["text"] for e in found] == [word]


@pytest.mark.parametrize(("text", "word"), [
    ("The old mayor of Varna killed himself in 2003.", "killed"),
    ("The candidate shot himself in the foot with that remark.", "shot"),
])
def test_harm_done_to_oneself_is_no_assault(bare_nlp, events, text, word):
    # neither the rules nor a head sure of an assault make one of it
    assert assaults(bare_nlp, events, text) == []
    assert assaults(bare_nlp, events, text, {word: {"ASSAULT": 0.95}}) == []


def test_a_bomber_who_kills_others_with_himself_is_an_assault(bare_nlp, events):
    text = "The attacker killed himself and six guards at the gate of the depot."
    assert [e["trigger"]["text"] for e in assaults(bare_nlp, events, text)] == ["killed"]
