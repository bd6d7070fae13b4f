""""Our goal is to destroy X": an aim or a task never acts itself; its owner is the actor
of the act it aims at, and with no owner there is none ("the mission is to destroy X")."""

from __future__ import annotations

from rule_docs import event_of


def test_the_owner_of_an_aim_acts(bare_nlp, events):
    event = event_of(bare_nlp, events, "The council's aim is to destroy the old bridge.",
                     "destroy")
    assert event["actor"]["text"] == "The council"  # the owner, without its ending
    assert event["recipient"]["text"] == "the old bridge"


def test_an_aim_with_no_owner_names_no_actor(bare_nlp, events):
    event = event_of(bare_nlp, events, "The mission is to destroy the bridge.", "destroy")
    assert event["actor"] is None
    assert event["recipient"]["text"] == "the bridge"
