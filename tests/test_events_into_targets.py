"""What an attack is driven into is the one attacked ("rammed into the crowd", "crashed
into a patrol": a vehicle holding explosives), and so is a party something is shot into;
where a weapon went ("launched a rocket into space") is no recipient."""

from __future__ import annotations

import pytest
from rule_docs import event_of, events_found, text_of


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("A car packed with explosives rammed into the crowd on Sunday.", "rammed",
         "the crowd"),
        ("A van packed with explosives crashed into a border patrol.", "crashed",
         "a border patrol"),
    ],
)
def test_into_names_the_one_attacked(bare_nlp, events, text, trigger, recipient):
    event = event_of(bare_nlp, events, text, trigger)
    assert event["type"] == "ASSAULT"
    assert event["recipient"]["text"] == recipient


def test_into_is_no_recipient_of_a_request(bare_nlp, events):
    found = events_found(bare_nlp, events, "The minister called for an inquiry into the shooting.")
    assert all(text_of(e["recipient"]) != "the shooting" for e in found)


def test_where_a_weapon_went_is_no_recipient(bare_nlp, events):
    # a launch into space is no attack at all (test_events_figurative_harm), let alone one
    # on space
    found = events_found(bare_nlp, events,
                         "The army launched a long-range rocket into space on Monday.")
    assert all(text_of(e["recipient"]) != "space" for e in found)
