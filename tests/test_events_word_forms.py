"""A word's entry in the trigger lexicon is the one whose part of speech fits it: "talks"
as a noun is its own entry (CONSULT), not the verb "talk", which needs "with"; the verb
keeps its own. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def consults(nlp, component, text):
    return [(e["trigger"]["text"], text_of(e["actor"]))
            for e in events_found(nlp, component, text) if e["type"] == "CONSULT"]


@pytest.mark.parametrize(("text", "told"), [
    ("The prime minister held talks with the Tolben president on Monday.",
     [("talks", "The prime minister")]),
    ("The two delegations talked with each other in Varno.",
     [("talked", "The two delegations")]),
])
def test_the_entry_of_the_words_part_of_speech(bare_nlp, events, text, told):
    assert consults(bare_nlp, events, text) == told


def test_the_verb_still_needs_its_preposition(bare_nlp, events):
    assert consults(bare_nlp, events, "The minister talked for an hour.") == []
