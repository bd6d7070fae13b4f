"""Casualty verbs joined on one count: "130 more were mutilated, injured and traumatised"
is one injured figure whose trigger runs over the verbs; "twelve were killed or injured"
tells neither category alone, and is casualties (``other``); two counts, each with its
verb, stay two figures."""

from __future__ import annotations

import pytest


def figures_of(nlp, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"])
            for f in nlp(text)._.el_figures]


def test_verbs_of_one_category_make_one_figure(nlp):
    text = ("In an hour of shelling, nine people were dead and some 130 more were mutilated, "
            "injured and mentally scarred.")
    assert figures_of(nlp, text) == [("killed", "dead", "nine"),
                                     ("injured", "mutilated, injured", "some 130")]


@pytest.mark.parametrize("text, trigger", [
    ("Twelve people were killed or injured in the shelling of Tarsk.", "killed or injured"),
    ("Five soldiers were killed and wounded in the clash near Velmar.", "killed and wounded"),
])
def test_verbs_of_two_categories_on_one_count_are_casualties(nlp, text, trigger):
    assert figures_of(nlp, text) == [("other", trigger, text.split()[0])]


def test_two_counts_stay_two_figures(nlp):
    assert figures_of(nlp, "Two children were killed and six injured in the shelling.") == [
        ("killed", "killed", "Two"), ("injured", "injured", "six")]
    assert figures_of(nlp, "The storm killed seven people and injured 15 in the valley.") == [
        ("killed", "killed", "seven"), ("injured", "injured", "15")]


@pytest.mark.parametrize("text, expected", [
    ("A boy was shot and wounded by a sniper near the market.",
     [("injured", "wounded", "A")]),
    ("Three protesters were beaten and arrested by police.",
     [("arrested", "arrested", "Three")]),
    ("Two soldiers were shot and killed at a checkpoint.", [("killed", "killed", "Two")]),
])
def test_a_casualty_verb_after_another_verb_counts(nlp, text, expected):
    # the count is the subject of the first verb, which tells no casualty of its own
    assert figures_of(nlp, text) == expected


def test_a_verb_with_a_subject_of_its_own_is_not_shared(nlp):
    assert figures_of(nlp, "Five men were shot and the police arrested nobody.") == []
