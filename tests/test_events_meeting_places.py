"""Where a meeting or a request took place is no recipient: "met at the Cafe Dupont", "on
Dupont Circle"; an attack's "at" keeps its target ("fired at the convoy")."""

from __future__ import annotations

from rule_docs import event_of


def test_a_place_met_at_is_no_recipient(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "We met at the Cafe Marlow on Tenley Circle in Washington.", "met")
    assert event["actor"]["text"] == "We"
    assert event["recipient"] is None


def test_whom_one_met_with_stays_the_recipient(bare_nlp, events):
    event = event_of(bare_nlp, events, "The envoy met with the rebel commander on Tuesday.",
                     "met")
    assert event["recipient"]["text"] == "the rebel commander"
