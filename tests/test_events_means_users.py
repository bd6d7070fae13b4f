""""They used the airfield to bomb the port": what is used is the means, and its user
is the actor of what it is used for; "asked the army to attack" keeps the one asked as
the actor."""

from __future__ import annotations

from rule_docs import event_of


def test_the_user_acts_not_what_is_used(bare_nlp, events):
    event = event_of(bare_nlp, events, "They could use the old airfield to bomb the port.",
                     "bomb")
    assert event["actor"]["text"] == "They"
    assert event["recipient"]["text"] == "the port"
