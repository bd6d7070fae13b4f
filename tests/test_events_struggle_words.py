"""Words of struggle ("fight", "battle", "combat", "tackle") are an assault only against a
person or group: against a thing ("fight inflation", "combat corruption", "there may be no
disease to battle", "the battle against cancer") they are none, whether the rules or the
event head found them. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of

SURE = {"ASSAULT": 0.9}


def assaults(nlp, component, text, word):
    return triggers_of(nlp, component, text, "ASSAULT", rows={word: SURE}, types=["ASSAULT"])


@pytest.mark.parametrize(("text", "word"), [
    ("With the new vaccine, there may be no disease to battle in Tolben.", "battle"),
    ("The central bank of Varnia vowed to fight inflation.", "fight"),
    ("The new cabinet pledged to combat corruption in the ports.", "combat"),
    ("Doctors in Mirel are battling a rare fever.", "battling"),
    ("Her long battle against cancer ended in May.", "battle"),
    ("The mayor promised to tackle crime and poverty.", "tackle"),
    ("Engineers who have battled online threats for years were consulted.", "battled"),
])
def test_a_struggle_against_a_thing_is_no_assault(bare_nlp, events, text, word):
    assert assaults(bare_nlp, events, text, word) == []


@pytest.mark.parametrize(("text", "word"), [
    ("Rebels fought government troops near Varna.", "fought"),
    ("Police battled the protesters for three hours in Tolben.", "battled"),
    ("The army fought the Northern Front near the border.", "fought"),
    ("The battle against the rebels lasted three days.", "battle"),
])
def test_a_struggle_against_a_party_stays(bare_nlp, events, text, word):
    assert assaults(bare_nlp, events, text, word) == [word]
