"""Casualty words in a sense that counts no casualty: a "body" that speaks or decides is
an organisation; a named person's death told with no attack and no harm is a life told;
"missing from" a show, a list or a debate is absent, not lost. The casualty senses stay
figures ("a body was found", "died of his wounds", "missing from the camp")."""

from __future__ import annotations

import pytest
from rule_docs import figures_found


def told(nlp, figures, text):
    return [(f["category"], f["count"]["text"]) for f in figures_found(nlp, figures, text)]


def figures_of(nlp, text):
    return [(f["category"], f["count"]["text"]) for f in nlp(text)._.el_figures]


def test_a_body_that_declares_is_no_corpse(nlp):
    assert figures_of(nlp, "A regional body declared a state of emergency in the valley.") == []


def test_a_body_found_is_one_killed(nlp):
    assert figures_of(nlp, "A body was found in the river near Dornberg on Sunday.") == [
        ("killed", "A")]


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks after Justice Maria Lopez died, the court took up the case.",
        "The novelist Pedro Alvarez died on Saturday at his home by the lake.",
        "One of the court's oldest judges, Maria Lopez, died in February.",
    ],
)
def test_a_named_death_with_no_harm_is_a_life_told(bare_nlp, figures, text):
    assert told(bare_nlp, figures, text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Maria Lopez died of her wounds in hospital on Saturday.", "Maria Lopez"),
        ("Maria Lopez died after the shelling of the village.", "Maria Lopez"),
        ("Maria Lopez was killed on Saturday.", "Maria Lopez"),
    ],
)
def test_a_named_death_by_harm_is_a_casualty(bare_nlp, figures, text, count):
    assert told(bare_nlp, figures, text) == [("killed", count)]


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez and Pedro Alvarez were missing from ''Midnight Express.''",
        "Pedro Alvarez was missing from the debate on Tuesday.",
        "Three ministers were missing from the list of speakers.",
    ],
)
def test_absent_from_a_show_or_a_list_is_not_missing(bare_nlp, figures, text):
    assert told(bare_nlp, figures, text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Two children have been missing from the camp since Friday.", "Two"),
        ("Three sailors went missing from the ship.", "Three"),
    ],
)
def test_missing_from_a_place_is_missing(bare_nlp, figures, text, count):
    assert told(bare_nlp, figures, text) == [("missing", count)]
