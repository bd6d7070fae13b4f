"""A munition that comes down on something tells an attack of its own ("a mortar shell
landed on a school", "rockets fell on the town"), with the mode of the weapon, whatever
the event head says; a carrier that lands does not ("the helicopter landed"), nor a thing
that falls. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import doubted_assaults, text_of


def assaults(nlp, events, text, word):
    return [(e["trigger"]["text"], e["mode"], text_of(e["recipient"]))
            for e in doubted_assaults(nlp, events, text, word)]


@pytest.mark.parametrize("text, word, expected", [
    ("A mortar shell landed on a school in Varno on Monday.", "landed",
     [("landed", "heavy-weapons", "a school")]),
    ("Two rockets fell on the town overnight.", "fell", [("fell", "heavy-weapons", "the town")]),
])
def test_a_munition_coming_down_is_an_attack(bare_nlp, events, text, word, expected):
    found = assaults(bare_nlp, events, text, word)
    assert [(t, m) for t, m, _r in found] == [(t, m) for t, m, _r in expected]
    assert expected[0][2] in found[0][2]


@pytest.mark.parametrize("text, word", [
    ("The helicopter carrying the minister landed in Varno.", "landed"),
    ("The drone landed safely near the base.", "landed"),
    ("Shares fell sharply on Monday.", "fell"),
    ("The minister landed in Varno on Monday.", "landed"),
])
def test_a_carrier_or_a_person_landing_is_none(bare_nlp, events, text, word):
    assert assaults(bare_nlp, events, text, word) == []
