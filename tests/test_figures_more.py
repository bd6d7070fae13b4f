""""three more were wounded", "injuring scores more": who is the count with its "more",
the further people it stands for, not a bare number."""

from __future__ import annotations

import pytest
from rule_docs import figures_found


def extract(nlp, figures, text):
    return {f["category"]: f for f in figures_found(nlp, figures, text)}


@pytest.mark.parametrize("text, who, count", [
    ("Two guards died and three more were wounded at the gate.", "three more", "three"),
    ("The gunmen killed eight villagers and injured dozens more.", "dozens more", "dozens"),
    ("Six miners were dead and some 30 more were hurt.", "30 more", "some 30"),
])
def test_more_is_part_of_who(bare_nlp, figures, text, who, count):
    injured = extract(bare_nlp, figures, text)["injured"]
    assert injured["who"]["text"] == who
    assert text[injured["who"]["start"]:injured["who"]["end"]] == who
    assert injured["count"]["text"] == count


def test_a_noun_after_more_is_who(bare_nlp, figures):
    injured = extract(bare_nlp, figures, "Four were killed and 20 more farmers were hurt.")[
        "injured"]
    assert injured["who"]["text"] == "farmers"
