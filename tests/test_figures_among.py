""""two foreigners were among the dead", "among those killed were two nurses", "the dead
included six children": people counted into a group of casualties are casualties of that
group's category."""

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
    ("Three guards were among those killed.", ("killed", "killed", "Three", "guards")),
    ("Among the dead were four children.", ("killed", "dead", "four", "children")),
    ("Among those arrested were two reporters.",
     ("arrested", "arrested", "two", "reporters")),
    ("The wounded included five firefighters.", ("injured", "wounded", "five", "firefighters")),
])
def test_among_a_group_of_casualties(bare_nlp, figures, text, told):
    assert extract(bare_nlp, figures, text) == [told]


def test_one_group_counts_each_of_its_members(bare_nlp, figures):
    assert extract(bare_nlp, figures, "Among those killed were two nurses and a driver.") == [
        ("killed", "killed", "two", "nurses"), ("killed", "killed", "a", "driver")]


@pytest.mark.parametrize("text", [
    "Two senators were among the critics of the plan.",
    "Among the guests were three ministers.",
    "Among those invited were two envoys.",
    "The delegation included six ministers.",
])
def test_among_a_group_of_something_else(bare_nlp, figures, text):
    assert extract(bare_nlp, figures, text) == []
