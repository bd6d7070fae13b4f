"""Firing on, at or into people ("police fired on protesters") and trading fire ("the two
sides exchanged fire") are assaults with firearms, no weapon named; firing workers is
none. Swapping or exchanging prisoners is their release (PLOVER RETREAT); exchanging views
is not. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def coded(nlp, component, text):
    return [(e["type"], e["mode"], e["trigger"]["text"], text_of(e["actor"]),
             text_of(e["recipient"])) for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(("text", "told"), [
    ("Police fired on protesters in Varno.",
     ("ASSAULT", "firearms", "fired on", "Police", "protesters")),
    ("The soldiers fired into the crowd.",
     ("ASSAULT", "firearms", "fired into", "The soldiers", "the crowd")),
    ("The two sides exchanged fire near the border.",
     ("ASSAULT", "firearms", "exchanged fire", "The two sides", None)),
    ("Varnia and Tolben swapped 200 prisoners of war on Friday.",
     ("RETREAT", "release", "swapped", "Varnia and Tolben", "200 prisoners of war")),
])
def test_fire_and_prisoners(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == [told]


@pytest.mark.parametrize("text", [
    "The company fired at least 30 workers.",
    "The ministers exchanged views on trade.",
])
def test_no_event(bare_nlp, events, text):
    assert coded(bare_nlp, events, text) == []
