"""An attack word joined by "and" or "or" to a noun of speech ("just insults and attacks",
"the criticism and the attacks on the candidate") is words, not deeds: ACCUSE, as with a
verbal modifier ("a blistering attack"). Joined to another deed it stays an assault."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def typed(nlp, component, text, word):
    return [e["type"] for e in events_found(nlp, component, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(
    "text",
    [
        "The campaign has offered no plans for the harbour, just insults and attacks.",
        "The mayor answered the criticism and the attacks on her family.",
    ],
)
def test_attacks_joined_to_words_of_speech_are_words(bare_nlp, events, text):
    assert typed(bare_nlp, events, text, "attacks") == ["ACCUSE"]


def test_attacks_joined_to_deeds_stay_assaults(bare_nlp, events):
    text = "The villagers fled the raids and attacks on their farms."
    assert typed(bare_nlp, events, text, "attacks") == ["ASSAULT"]
