"""Sending: "sent 3,000 troops" is a mobilisation and "sent medicine" aid, whatever stands
between the verb and what is sent; a letter sent is neither. Food or medicine delivered,
distributed or provided is aid; details provided are not. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def sent(nlp, events, text):
    return [(e["trigger"]["text"], e["type"], text_of(e["actor"]))
            for e in events_found(nlp, events, text)]


@pytest.mark.parametrize("text, expected", [
    ("Varnia sent 3,000 troops to the border region on Friday.",
     [("sent", "MOBILIZE", "Varnia")]),
    ("The council dispatched reinforcements to the north.",
     [("dispatched", "MOBILIZE", "The council")]),
    ("Varnia sent medicine and food to the flood victims.", [("sent", "AID", "Varnia")]),
    ("The agency delivered food and medicine to 2,000 families.",
     [("delivered", "AID", "The agency")]),
    ("Volunteers distributed food in the camp.", [("distributed", "AID", "Volunteers")]),
])
def test_troops_or_supplies_sent_are_an_event(bare_nlp, events, text, expected):
    assert sent(bare_nlp, events, text) == expected


@pytest.mark.parametrize("text", [
    "The minister sent a letter to the council.",
    "The ministry provided details of the plan.",
])
def test_a_letter_sent_is_none(bare_nlp, events, text):
    assert sent(bare_nlp, events, text) == []
