"""A phrase trigger's own object is no recipient ("opened fire", "blew up"): the party it
was done to is then in the phrase's "on" phrase or its other object. A phrase whose
object carries a modifier of its own ("fired a warning shot") is matched with it. Sentences
are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Soldiers opened fire on the crowd.", "opened fire", "the crowd"),
    ("Security forces opened fire on protesters in Varno.", "opened fire", "protesters"),
    ("Insurgents blew up a bridge near Tarsk.", "blew up", "a bridge"),
])
def test_the_party_hit_is_the_recipient(bare_nlp, events, text, trigger, recipient):
    (event,) = [e for e in events_found(bare_nlp, events, text)
                if e["trigger"]["text"] == trigger]
    assert text_of(event["recipient"]).startswith(recipient)


@pytest.mark.parametrize("text", [
    "Soldiers fired warning shots into the air near the crowd.",
    "The coast guard fired a warning shot across the bow of the boat.",
])
def test_a_phrase_with_the_objects_modifier_wins_over_the_verb(bare_nlp, events, text):
    # a warning shot threatens force (CAMEO 138), where "fired shots" would be an assault
    assert [e["type"] for e in events_found(bare_nlp, events, text)] == ["THREATEN"]
