""""clashes between police and protesters": a two-sided event's first party is its actor
and the second its recipient, each phrase without the other."""

from __future__ import annotations

import pytest
from rule_docs import event_of


def parties(event):
    return ((event["actor"] or {}).get("text"), (event["recipient"] or {}).get("text"))


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    ("Clashes between police and students left the square in ruins.", "Clashes",
     "police", "students"),
    ("Two men died in a battle between soldiers and smugglers in the old port.", "battle",
     "soldiers", "smugglers"),
    # a gerund the parser takes for a verb
    ("Fighting between the army and rebels has forced thousands from their homes.",
     "Fighting", "the army", "rebels"),
])
def test_the_second_party_is_the_recipient(bare_nlp, events, text, trigger, actor,
                                           recipient):
    event = event_of(bare_nlp, events, text, trigger)
    assert event["type"] == "ASSAULT"
    assert parties(event) == (actor, recipient)


def test_a_meeting_keeps_every_party_as_actor(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "A meeting between the two ministers and the envoy ended on Monday.",
                     "meeting")
    assert event["type"] == "CONSULT"
    assert parties(event) == ("the two ministers and the envoy", None)
