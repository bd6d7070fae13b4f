"""A statement named by its noun and rejected or denied was made all the same ("rejected
the criticism", "dismissed the demands"); a deed denied is negated ("denied the attack",
"denied threatening the judge"). Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def negations(nlp, events, text):
    return {e["trigger"]["text"]: e["negated"] for e in events_found(nlp, events, text)}


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
