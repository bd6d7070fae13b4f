"""A promise is no threat unless what is promised is harm to someone: the event head's
THREATEN on "promised to build a wall" is dropped, on "vowed to retaliate" or "promised to
impose sanctions" kept. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def threats(nlp, component, text, rows):
    return [e for e in events_found(nlp, component, text, rows=rows, types=["AGREE", "THREATEN"])
            if e["type"] == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The candidate promised to build a wall on the border.",
    "The governor pledged to open two new schools in Tolben.",
])
def test_a_promise_of_no_harm_is_no_threat(bare_nlp, events, text):
    word = text.split()[2].strip(",")
    rows = {word: {"THREATEN": 0.9, "AGREE": 0.01}}
    assert threats(bare_nlp, events, text, rows) == []


@pytest.mark.parametrize("text", [
    "The rebels vowed to retaliate against the army.",
    "The minister promised to impose sanctions on Varnia.",
    "He also vowed, \"We are going to defeat the rebels of the north.\"",
])
def test_a_promise_of_harm_is_a_threat(bare_nlp, events, text):
    word = text.split()[2].strip(",")
    rows = {word: {"THREATEN": 0.9, "AGREE": 0.01}}
    assert [e["trigger"]["text"] for e in threats(bare_nlp, events, text, rows)] == [word]
