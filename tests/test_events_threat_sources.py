"""A threat is made by a party: a threat noun whose source is a thing or a phenomenon ("a
threat from rising seas", "the threat posed by the virus") is a risk, no event; one from
a person or group stays, and so does one from a noun the word lists do not know.
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def threats(nlp, component, text):
    return [e for e in events_found(nlp, component, text) if e["type"] == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The island of Varna faces a threat from rising seas.",
    "The threat posed by the virus remains high in Tolben.",
    "Farmers in the valley face a growing threat from drought.",
    "The port faces a new threat from terrorism, the report says.",
])
def test_a_threat_from_a_thing_is_no_event(bare_nlp, events, text):
    assert threats(bare_nlp, events, text) == []


@pytest.mark.parametrize(("text", "source"), [
    ("Journalists in Tolben face threats from the gang.", "the gang"),
    ("The drivers were given an ultimatum by their bosses.", "their bosses"),
])
def test_a_threat_from_a_party_stays(bare_nlp, events, text, source):
    assert [e["actor"]["text"] for e in threats(bare_nlp, events, text)] == [source]
