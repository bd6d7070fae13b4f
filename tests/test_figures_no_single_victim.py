"""Words that never count one victim: "a massacre" is no toll of one, "taking a toll on the
campaign" no death, and "a lot of" people are at least two, not one "lot"."""

from __future__ import annotations

import pytest
from rule_docs import figures_found, text_of


def told(nlp, figures, text):
    return [(f["category"], f["count"]["low"], text_of(f["who"]))
            for f in figures_found(nlp, figures, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The long trial is taking a toll on the governor.",
        "The general was accused of a massacre in the hills.",
    ],
)
def test_no_one_victim(bare_nlp, figures, text):
    assert told(bare_nlp, figures, text) == []


def test_a_lot_of_people_are_at_least_two(bare_nlp, figures):
    assert told(bare_nlp, figures, "A lot of young soldiers died in that valley.") == [
        ("killed", 2, "young soldiers")]
