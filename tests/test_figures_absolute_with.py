"""The absolute "with": "six soldiers were killed, with two others and an Afghan injured"
tells an injured figure of each counted group of the "with" phrase, wherever the parse
hangs its participle."""

from __future__ import annotations

import pytest


def figures_of(nlp, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], f["count"]["low"],
             f["who"]["text"] if f["who"] else None) for f in nlp(text)._.el_figures]


@pytest.mark.parametrize("text, injured", [
    ("Six Canadian peacekeepers were killed with two other Canadians and an Armenian "
     "injured.",
     [("injured", "injured", "two", 2, "other Canadians"),
      ("injured", "injured", "an", 1, "Armenian")]),
    ("Four police officers were killed with three other officers and a Georgian wounded.",
     [("injured", "wounded", "three", 3, "other officers"),
      ("injured", "wounded", "a", 1, "Georgian")]),
    ("Police said a gunman shot dead four people at the market, with an Afghan and three "
     "children injured.",
     [("injured", "injured", "an", 1, "Afghan"),
      ("injured", "injured", "three", 3, "children")]),
    ("The blast killed three people in Tarsk, with dozens more wounded.",
     [("injured", "wounded", "dozens", 24, "dozens more")]),
])
def test_the_people_of_a_with_phrase_are_injured(nlp, text, injured):
    found = figures_of(nlp, text)
    assert [f for f in found if f[0] == "injured"] == injured
    assert [f[0] for f in found].count("injured") == len(injured)


def test_a_with_phrase_of_no_casualty_is_no_figure(nlp):
    found = figures_of(nlp, "Three soldiers were killed in Tarsk, with two officers "
                            "present at the scene.")
    assert [f[0] for f in found] == ["killed"]
