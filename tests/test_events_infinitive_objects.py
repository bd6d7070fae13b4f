"""An infinitive on a noun that is its object names who acts through the noun's holder:
"Obama and Xi have other topics to discuss" (the topics are discussed), "the best chance
that we have to discuss" (the relative pronoun is the object); "asked Dorn to withdraw"
keeps Dorn as the one to act."""

from __future__ import annotations

import pytest
from rule_docs import actor_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Obama and Xi also have other topics to discuss.", "Obama and Xi"),
        ("It remains one of the best opportunities that we have to discuss our differences.",
         "we"),
    ],
)
def test_the_holder_acts(bare_nlp, events, text, actor):
    assert actor_of(bare_nlp, events, text, "discuss") == actor


def test_the_one_asked_acts(bare_nlp, events):
    assert actor_of(bare_nlp, events, "The council asked Dorn to withdraw from the race.",
                    "withdraw") == "Dorn"
