"""A count denied by "no" or "not" ("no one was killed", "not one soldier was wounded")
counts no casualty, as "no civilians were killed" gives none; nor does a killing or
wounding tried, meant or threatened ("the attempted murder of two officers", "tried to
kill two guards", "threatened to kill ten hostages"), nor one that only could, would or
will happen ("the storm could kill hundreds"). A toll told beside them, and an estimate
("up to 30 may have been killed"), stay."""

from __future__ import annotations

import pytest


def figures_of(nlp, text):
    return [(f["category"], f["count"]["text"]) for f in nlp(text)._.el_figures]


@pytest.mark.parametrize("text", [
    "No one was killed in the attack on the depot.",
    "Not one soldier was wounded in the shelling.",
])
def test_a_denied_count_is_no_casualty(nlp, text):
    assert figures_of(nlp, text) == []


def test_a_toll_beside_a_denied_count_stays(nlp):
    text = "No one was killed in the raid, but two guards were injured."
    assert figures_of(nlp, text) == [("injured", "two")]


@pytest.mark.parametrize("text", [
    "He was charged with the attempted murder of two police officers.",
    "The gunman tried to kill three guards at the gate.",
    "The rebels threatened to kill ten hostages on Friday.",
    "A failed assassination of two ministers shook the capital.",
    "The colonel ordered his men to kill twenty prisoners.",
])
def test_a_killing_tried_or_meant_is_no_casualty(nlp, text):
    assert figures_of(nlp, text) == []


def test_a_killing_done_in_a_failed_bid_stays(nlp):
    text = "Gunmen killed two guards in a failed bid to free the prisoners."
    assert figures_of(nlp, text) == [("killed", "two")]



@pytest.mark.parametrize("text", [
    "Officials said the storm could kill hundreds of people in the valley.",
    "How can a stranger kill a farmer in his own field?",
    "The rebels said the hostages will be killed at dawn.",
    "Four soldiers would have died without the armour.",
])
def test_a_killing_that_only_could_happen_is_no_casualty(nlp, text):
    assert figures_of(nlp, text) == []


@pytest.mark.parametrize(("text", "count"), [
    ("Up to 30 people may have been killed in the raid on the depot.", "Up to 30"),
    ("Dozens of villagers are feared to have died in the shelling.", "Dozens"),
])
def test_an_estimate_in_the_perfect_stays(nlp, text, count):
    assert figures_of(nlp, text) == [("killed", count)]
