""""two foreigners were among the dead": people counted into a group of casualties are
casualties of that group's category."""

from __future__ import annotations

import pytest
from rule_docs import figures_found, text_of


def extract(nlp, figures, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], text_of(f["who"]))
            for f in figures_found(nlp, figures, text)]


@pytest.mark.parametrize("text, told", [
    ("Two tourists were among the dead.", ("killed", "dead", "Two", "tourists")),
    ("Four nurses were among the injured, the ministry said.",
     ("injured", "injured", "Four", "nurses")),
    ("Dozens of guests were dining at the inn, three of whom were among the wounded.",
     ("injured", "wounded", "three", "whom")),
])
def test_among_a_group_of_casualties(bare_nlp, figures, text, told):
    assert extract(bare_nlp, figures, text) == [told]


def test_among_a_group_of_something_else(bare_nlp, figures):
    assert extract(bare_nlp, figures, "Two senators were among the critics of the plan.") == []
