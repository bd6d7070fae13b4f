""""There were eight women and four men injured": a participle or state after counts
joined by "and" tells what every one of them suffered, though the parse hangs it on the
last. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import figures_found, text_of


def extract(nlp, figures, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], text_of(f["who"]))
            for f in figures_found(nlp, figures, text)]


@pytest.mark.parametrize("text, told", [
    ("There were eight women and four men injured in the blast.",
     [("injured", "injured", "eight", "women"), ("injured", "injured", "four", "men")]),
    ("Police found two guards and three drivers dead at the depot.",
     [("killed", "dead", "two", "guards"), ("killed", "dead", "three", "drivers")]),
])
def test_a_participle_after_joined_counts_tells_of_each(bare_nlp, figures, text, told):
    assert extract(bare_nlp, figures, text) == told


def test_a_participle_of_one_noun_only(bare_nlp, figures):
    # "wanted" tells no casualty: neither count is one
    text = "Police arrested two men and three women wanted for fraud."
    assert [c for c, *_ in extract(bare_nlp, figures, text)] == ["arrested", "arrested"]
