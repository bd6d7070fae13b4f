"""A gathering for or with a named person ("a rally for Senator Lopez"), one at which a
named person does what the sentence tells ("During a rally in Macon, Senator Maria Lopez
mocked the press"), or a person's own march ("his march to the nomination") is the
person's campaign, no protest; a rally against something, or one told without a person,
stays a protest. Sentences, people and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of


@pytest.mark.parametrize("text", [
    "Her friends drove from Tolben to attend a Sunday night rally for Maria Lopez.",
    "Voters in Macon packed a rally with Senator Peter Varga on Friday.",
    "Senator Maria Lopez mocked the press during a rally in Macon on Friday.",
    "Senator Maria Lopez launched her campaign with a rally in Macon on Sunday.",
    "The scandal could slow his march to the nomination.",
])
def test_a_persons_gathering_is_no_protest(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "PROTEST") == []


@pytest.mark.parametrize(("text", "word"), [
    ("Senator Maria Lopez spoke at a rally against the dam in Tolben.", "rally"),
    ("Thousands joined a rally against the new tax in Tolben.", "rally"),
    ("Protesters chanted at a rally in Tolben on Monday.", "rally"),
    ("Senator Maria Lopez spoke at a rally to protest the new dam.", "rally"),
    ("Thousands joined the march to the city hall in Tolben.", "march"),
    ("Farmers greeted the minister with a rally against the dam.", "rally"),
])
def test_a_protest_gathering_stays(bare_nlp, events, text, word):
    assert word in triggers_of(bare_nlp, events, text, "PROTEST")
