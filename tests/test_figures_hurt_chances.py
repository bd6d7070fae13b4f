""""hurt" with an object tells an injury only when an attack or a weapon does it ("the
blast hurt two officers"); else it is a harm to someone's chances ("an effort to hurt the
senator"). In the passive it is an injury ("two were hurt")."""

from __future__ import annotations

import pytest
from rule_docs import figures_found


def told(nlp, figures, text):
    return [(f["category"], f["count"]["text"]) for f in figures_found(nlp, figures, text)]


def test_hurting_someones_chances_is_no_injury(bare_nlp, figures):
    assert told(bare_nlp, figures,
                "The leak was a clumsy effort to hurt one candidate before the vote.") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The blast hurt two officers near the gate.", "two"),
        ("Two officers were hurt in the blast.", "Two"),
    ],
)
def test_an_injury_by_harm_counts(bare_nlp, figures, text, count):
    assert told(bare_nlp, figures, text) == [("injured", count)]
