""""the blast claimed nine lives", "claimed the lives of 14 people": lives taken are a
killed figure, the verb and "lives" its trigger, the subject's event its cause."""

from __future__ import annotations

import pytest


def figures_of(nlp, text):
    """Each figure, and whether it is tied to an event of the sentence (its cause)."""
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], f["count"]["low"],
             f["event"] is not None) for f in nlp(text)._.el_figures]


@pytest.mark.parametrize("text, told", [
    ("The explosion claimed nine lives at the market in Dornberg on Tuesday.",
     ("killed", "claimed nine lives", "nine", 9, True)),
    ("The bombing claimed the lives of 14 people at the station in Velmar.",
     ("killed", "claimed the lives", "14", 14, True)),
    ("The clashes have claimed more than 200 lives since March, officials said.",
     ("killed", "claimed more than 200 lives", "more than 200", 201, True)),
    ("The attack cost 31 lives in the north of the province.",
     ("killed", "cost 31 lives", "31", 31, True)),
])
def test_lives_claimed_are_killed(nlp, text, told):
    assert figures_of(nlp, text) == [told]


def test_one_life_claimed(nlp):
    assert [f[:4] for f in figures_of(nlp, "The fire claimed the life of a firefighter "
                                            "in Ostrava.")] == [
        ("killed", "claimed the life", "a", 1)]


def test_claims_of_no_lives_are_no_figure(nlp):
    assert figures_of(nlp, "Two groups claimed the attack on the depot in Tarsk.") == []
    assert figures_of(nlp, "The company claimed 40 acres of land near the lake.") == []


def test_a_life_of_its_own_is_no_figure(nlp):
    assert figures_of(nlp, "Once a rumour spreads in the valley, it takes on a life of "
                           "its own.") == []
