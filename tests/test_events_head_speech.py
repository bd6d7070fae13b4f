"""The event head adds no verb of saying that the trigger lexicon does not list: "the
rebels said they ..." reports, it is no accusation, whatever the head scores it; a verb of
the lexicon that also reports ("warned", "denied") stays the rules' to decide. Sentences are
invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def added(nlp, component, text, word, type_):
    found = events_found(nlp, component, text, rows={word: {type_: 0.95}},
                         types=["ACCUSE", "THREATEN"])
    return [e["trigger"]["text"] for e in found if e["type"] == type_]


@pytest.mark.parametrize(("text", "word"), [
    ("The rebels said they had left the town.", "said"),
    ("The minister added that the border was open.", "added"),
    ("The spokesman confirmed the report on Monday.", "confirmed"),
])
def test_a_verb_of_saying_is_no_event(bare_nlp, events, text, word):
    assert added(bare_nlp, events, text, word, "ACCUSE") == []


def test_a_verb_the_lexicon_lists_stays(bare_nlp, events):
    text = "The rebels warned the villagers to leave the town."
    assert added(bare_nlp, events, text, "warned", "THREATEN") == ["warned"]
