""""bomber" names an aircraft or a person: where the text makes it a person (on foot or on
a motorbike, wearing something, an age or a name beside it, "who" after it, "his" or
"himself" in its clause), the attack's mode is explosives, not aerial."""

from __future__ import annotations

import pytest
from rule_docs import event_of


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A bomber on a motorbike attacked the checkpoint at dawn.", "attacked"),
        ("The bomber, 19, attacked the bus station on Friday.", "attacked"),
        ("A bomber who had crossed the river attacked the market.", "attacked"),
        ("A bomber wearing a long coat attacked the wedding hall.", "attacked"),
        ("The bomber detonated his device at the gate of the depot.", "detonated"),
    ],
)
def test_a_bomber_who_is_a_person_is_no_aircraft(bare_nlp, events, text, trigger):
    event = event_of(bare_nlp, events, text, trigger)
    assert event["type"] == "ASSAULT"
    assert event["mode"] == "explosives"


def test_bombers_that_fly_stay_aerial(bare_nlp, events):
    event = event_of(bare_nlp, events, "Heavy bombers attacked the rail yards overnight.",
                     "attacked")
    assert event["mode"] == "aerial"
