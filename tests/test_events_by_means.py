"""A weapon that kills, injures, damages or destroys, or that someone uses, tells an attack
of its own where the sentence tells none otherwise."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def assaults(nlp, component, text):
    return [e for e in events_found(nlp, component, text) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "recipient"),
    [
        ("A roadside bomb killed four soldiers near the bridge.", "killed", "explosives",
         "four soldiers"),
        ("A car bomb injured twelve shoppers outside the market.", "injured", "explosives",
         "twelve shoppers"),
        ("Three farmers were killed by a landmine on Sunday.", "killed", "explosives",
         "Three farmers"),
        ("A hand grenade wounded two children in the square.", "wounded", "explosives",
         "two children"),
    ],
)
def test_a_weapon_as_subject_or_agent_is_an_attack(bare_nlp, events, text, trigger, mode,
                                                   recipient):
    found = assaults(bare_nlp, events, text)
    assert [e["trigger"]["text"] for e in found] == [trigger]
    assert found[0]["mode"] == mode
    assert found[0]["actor"] is None  # the weapon is the means, not a party
    assert found[0]["recipient"]["text"].startswith(recipient)


@pytest.mark.parametrize(
    "text",
    [
        # the blast is the attack; its toll is no second one
        "The blast killed six workers at the depot.",
        # an attack told otherwise in the sentence: the grenade's toll is its outcome
        "Rebels stormed the depot, and a grenade killed two guards.",
        # an accident is no attack
        "The old mine accidentally killed two hikers last spring.",
        # a name that looks like a weapon word
        "Shell damaged its old offices in the port.",
        # a weapon that is not the subject
        "The workers damaged the old rifles in a furnace.",
    ],
)
def test_no_attack_of_its_own(bare_nlp, events, text):
    found = assaults(bare_nlp, events, text)
    assert not [e for e in found if e["trigger"]["text"] in ("killed", "damaged")], found


def test_a_weapon_used_is_an_attack_by_its_user(bare_nlp, events):
    found = assaults(bare_nlp, events, "Riot police used tear gas on the marchers in Tolben.")
    assert [e["trigger"]["text"] for e in found] == ["used"]
    assert found[0]["mode"] == "crowd-control"
    assert found[0]["actor"]["text"] == "Riot police"
    assert found[0]["recipient"] is None or "gas" not in found[0]["recipient"]["text"]
    passive = assaults(bare_nlp, events, "Over 400kg of explosives had been used, the army said.")
    assert [(e["trigger"]["text"], e["mode"]) for e in passive] == [("used", "explosives")]
    assert passive[0]["recipient"] is None  # the explosives are the means, not the target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a carrier is no weapon when used
        ("The minister used the plane to travel to the summit.", []),
        ("The farmers use old machines to sort the grain.", []),
        # the attack the sentence tells is the one
        ("Some fifty rebels used a bomb to blow up the convoy.", ["blow up"]),
        # a gunman is a person, not the means: the killing keeps its actor
        ("Two guards were killed by a gunman near the depot.", ["killed"]),
    ],
)
def test_a_use_that_is_no_attack_of_its_own(bare_nlp, events, text, expected):
    assert [e["trigger"]["text"] for e in assaults(bare_nlp, events, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A car packed with explosives rammed into the gate of the ministry.",
         [("rammed", "explosives")]),
        ("A man on a motorbike laden with grenades crashed into the checkpoint.",
         [("crashed", "explosives")]),
        # a vehicle that crashes is no attack, nor is a carrier a weapon
        ("A military helicopter crashed into a hill near Varna.", []),
        ("A lorry slammed into a bus on the coast road.", []),
    ],
)
def test_a_vehicle_with_a_weapon_driven_into_something(bare_nlp, events, text, expected):
    assert [(e["trigger"]["text"], e["mode"]) for e in assaults(bare_nlp, events, text)] == (
        expected)


def test_the_event_head_keeps_it(nlp):
    """The trained head, which learned from rule output without this sense, does not veto
    it: the rules are sure where a weapon is the subject."""
    doc = nlp("A roadside bomb killed four soldiers near the bridge on Tuesday.")
    assert [(e["type"], e["trigger"]["text"]) for e in doc._.el_events] == [
        ("ASSAULT", "killed")
    ]
    figure = next(f for f in doc._.el_figures if f["category"] == "killed")
    assert figure["event"] == doc._.el_events[0]["id"]
