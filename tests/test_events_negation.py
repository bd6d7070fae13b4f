"""Negation: an event whose party is no one is negated ("no one was arrested", "neither
side attacked", "police arrested nobody"); so is a deed denied ("denied the attack",
"denied threatening the judge"), but not a statement named by its noun and rejected,
which was made all the same ("rejected the criticism"). Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def negations(nlp, events, text):
    return {e["trigger"]["text"]: e["negated"] for e in events_found(nlp, events, text)}


@pytest.mark.parametrize("text, trigger", [
    ("No one was arrested after the march.", "arrested"),
    ("Nobody was arrested in Varno on Monday.", "arrested"),
    ("Neither side attacked the town.", "attacked"),
    ("Police arrested no one at the border post.", "arrested"),
])
def test_no_party_negates_the_event(bare_nlp, events, text, trigger):
    assert negations(bare_nlp, events, text)[trigger] is True


@pytest.mark.parametrize("text, trigger", [
    ("Police arrested one man at the border post.", "arrested"),
    ("Gunmen attacked the village, but no one was hurt.", "attacked"),
])
def test_a_party_or_a_toll_of_none_elsewhere_does_not(bare_nlp, events, text, trigger):
    assert negations(bare_nlp, events, text)[trigger] is False


@pytest.mark.parametrize("text, trigger", [
    ("Varnia rejected the criticism as interference in its affairs.", "criticism"),
    ("The ministry dismissed the demands of the strikers.", "demands"),
])
def test_a_statement_rejected_was_made(bare_nlp, events, text, trigger):
    assert negations(bare_nlp, events, text)[trigger] is False


@pytest.mark.parametrize("text, trigger", [
    ("The army denied the attack on the village.", "attack"),
    ("The rebels denied threatening the judge.", "threatening"),
])
def test_a_deed_denied_is_negated(bare_nlp, events, text, trigger):
    assert negations(bare_nlp, events, text)[trigger] is True
