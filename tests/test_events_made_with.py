"""A weapon used to make something ("used explosives to make roadside bombs") is the
material, not the means of an attack: a verb of wielding whose purpose is a verb of
making tells no attack; used to do harm or to disperse a crowd, it still does."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of


@pytest.mark.parametrize(
    "text",
    [
        "The militants have been using fertiliser and explosives to make roadside bombs.",
        "The miners used explosives to build a tunnel through the hill.",
    ],
)
def test_a_weapon_used_to_make_something_is_no_attack(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "ASSAULT") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police used tear gas to disperse the crowd at the depot.", "used"),
        ("The rebels used explosives to blow up the bridge.", "blow up"),
    ],
)
def test_a_weapon_used_against_people_or_things_is_an_attack(bare_nlp, events, text,
                                                             trigger):
    assert triggers_of(bare_nlp, events, text, "ASSAULT") == [trigger]
