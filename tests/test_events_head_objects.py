"""A word whose entry needs a person or group as its object ("released three hostages")
is no event without one, whether the rules or the event head found it: "a video released
on Sunday" released no one, and "on Sunday" is no one. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def released(nlp, component, text, rows=None):
    found = events_found(nlp, component, text, rows=rows, types=["RETREAT"])
    return [e["trigger"]["text"] for e in found if e["type"] == "RETREAT"]


@pytest.mark.parametrize("rows", [None, {"released": {"RETREAT": 0.95}}])
def test_no_one_released(bare_nlp, events, rows):
    assert released(bare_nlp, events, "The group posted a video released on Sunday.", rows) == []


def test_people_released(bare_nlp, events):
    text = "The rebels released three hostages on Sunday."
    assert released(bare_nlp, events, text) == ["released"]
