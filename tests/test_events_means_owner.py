"""A weapon as subject is the means, not a party; a name qualifying it, or its owner, is
the actor: "Taliban rockets hit the airport", "the army's helicopters attacked". Sentences
and names are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def actors(nlp, events, text):
    return [text_of(e["actor"]) for e in events_found(nlp, events, text)
            if e["type"] == "ASSAULT"]


@pytest.mark.parametrize("text, actor", [
    ("Taliban rockets hit the airport.", "Taliban"),
    ("Russian jets bombed a market in Varno.", "Russian"),
])
def test_the_weapons_owner_acts(bare_nlp, events, text, actor):
    assert actors(bare_nlp, events, text) == [actor]


def test_the_owner_of_a_possessive_without_its_ending(bare_nlp, events):
    assert actors(bare_nlp, events, "The army's helicopters attacked rebel positions.") == [
        "The army"]
    assert actors(bare_nlp, events, "Varnia's attack on the port killed two.") == ["Varnia"]


def test_a_weapon_of_no_one_named_has_no_actor(bare_nlp, events):
    assert actors(bare_nlp, events, "A mortar round damaged the school.") == [None]
