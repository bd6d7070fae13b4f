"""An attack or assault called political, verbal, personal or scathing ("under political
attack", "a blistering attack on the governor") is words, not deeds: PLOVER's ACCUSE
('disapprove'), no ASSAULT, and the event head does not make an assault of it; an attack
with no such word stays an assault. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def coded(nlp, component, text, rows=None):
    return [(e["type"], e["trigger"]["text"])
            for e in events_found(nlp, component, text, rows=rows, types=["ASSAULT", "ACCUSE"])]


@pytest.mark.parametrize(("text", "word"), [
    ("The mayor of Tolben says he is under political attack because of the polls.",
     "attack"),
    ("The senator launched a blistering attack on the governor on Monday.", "attack"),
    ("Her rivals stepped up their personal attacks on the candidate.", "attacks"),
    ("The columnist called the speech a verbal assault on the press.", "assault"),
])
def test_an_attack_in_words_is_an_accusation(bare_nlp, events, text, word):
    assert coded(bare_nlp, events, text) == [("ACCUSE", word)]
    # a head that doubts the accusation and is sure of an assault adds none
    rows = {word: {"ACCUSE": 0.01, "ASSAULT": 0.9}}
    assert ("ASSAULT", word) not in coded(bare_nlp, events, text, rows)


@pytest.mark.parametrize("text", [
    "Militants launched a deadly attack on the port of Varna.",
    "The attack on the convoy near Tolben killed four soldiers.",
])
def test_an_attack_stays(bare_nlp, events, text):
    assert ("ASSAULT", "attack") in coded(bare_nlp, events, text)
