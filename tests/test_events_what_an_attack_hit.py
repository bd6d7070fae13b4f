"""A verb of hitting whose doer is an attack noun ("the explosion targeted a bakery") tells
what that attack hit, which the noun takes as its recipient: no attack of its own, from
the rules or from the event head. A weapon as the doer ("the bomb targeted a market")
still makes the verb the attack. What runs into a device left in place ("the convoy hit a
roadside bomb") is what was hit, by no one named."""

from __future__ import annotations

import pytest
from rule_docs import events_found
from test_event_head import TYPES


def assaults(nlp, component, text, scores=None):
    found = events_found(nlp, component, text, rows=scores, types=TYPES)
    return [e for e in found if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "attack", "recipient"),
    [
        ("The explosion targeted a bakery on the market square.", "explosion", "a bakery"),
        ("The bombing targeted a grain store in the valley.", "bombing", "a grain store"),
    ],
)
def test_what_the_attack_targeted_is_its_recipient(bare_nlp, events, text, attack,
                                                   recipient):
    found = assaults(bare_nlp, events, text)
    assert [e["trigger"]["text"] for e in found] == [attack]
    assert found[0]["recipient"]["text"].startswith(recipient)


def test_the_head_adds_no_attack_for_what_a_blast_did(bare_nlp, events):
    # the head, as trained, takes "shattering" for an assault of its own
    text = ("The blast caused heavy damage to the shops, shattering the windows of a "
            "school.")
    found = assaults(bare_nlp, events, text, {"shattering": {"ASSAULT": 0.9},
                                              "blast": {"ASSAULT": 0.9}})
    assert [e["trigger"]["text"] for e in found] == ["blast"]


def test_the_head_still_adds_what_a_party_did(bare_nlp, events):
    text = "The rebels burned the granary, shattering the windows of a school."
    found = assaults(bare_nlp, events, text, {"shattering": {"ASSAULT": 0.9}})
    assert "shattering" in [e["trigger"]["text"] for e in found]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The bomb targeted a grain store in the valley.", "targeted"),
        ("Soldiers destroyed the bridge over the river.", "destroyed"),
    ],
)
def test_a_weapon_or_a_party_as_doer_makes_the_attack(bare_nlp, events, text, trigger):
    assert trigger in [e["trigger"]["text"] for e in assaults(bare_nlp, events, text)]


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Their convoy hit a roadside bomb south of Orl.", "hit", "Their convoy"),
    ("A bus struck a landmine near Orl.", "struck", "A bus"),
    # a party that hits something with a weapon is its doer
    ("Rebels hit the convoy with a roadside bomb.", "hit", "the convoy"),
])
def test_what_ran_into_a_device_was_hit(bare_nlp, events, text, trigger, recipient):
    (attack,) = [e for e in assaults(bare_nlp, events, text) if e["trigger"]["text"] == trigger]
    assert attack["recipient"]["text"] == recipient
    assert (attack["actor"] is None) is (recipient != "the convoy")
