"""Weapons thrown: "protesters threw stones at the police", "hurled petrol bombs", "threw
a grenade", "pelted police with stones" are assaults, their mode from what was thrown
(stones, bricks and fire bombs: PLOVER's primitive weapons); a ball thrown is none.
Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def assaults(nlp, component, text):
    return [(e["trigger"]["text"], e["mode"], text_of(e["actor"]), text_of(e["recipient"]))
            for e in events_found(nlp, component, text) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(("text", "told"), [
    ("Protesters threw stones at the police.",
     ("threw", "primitive", "Protesters", "the police")),
    ("Youths hurled rocks and petrol bombs at soldiers.",
     ("hurled", "primitive", "Youths", "soldiers")),
    ("A man threw a grenade at the guards.", ("threw", "explosives", "A man", "the guards")),
    ("Rioters pelted police with stones.", ("pelted", "primitive", "Rioters", "police")),
])
def test_a_weapon_thrown_is_an_assault(bare_nlp, events, text, told):
    assert assaults(bare_nlp, events, text) == [told]


@pytest.mark.parametrize("text", [
    "The pitcher threw the ball to the catcher.",
    "Varno threw a party for the delegates.",
])
def test_a_thing_thrown_is_none(bare_nlp, events, text):
    assert assaults(bare_nlp, events, text) == []
