"""The subject pronoun of a reported clause stands for the report's speaker: "he" or "she"
for a person ("the minister said she had ordered"), "it" for an organisation ("the
authority said it had detained"). Not in a quote, where the speaker says "I", nor where
the cue names someone else the pronoun may stand for ("asked Alvarez why he had")."""

from __future__ import annotations

import pytest


def event_of(nlp, text, trigger):
    return next(e for e in nlp(text)._.el_events if e["trigger"]["text"] == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Interior Minister Maria Lopez said she had ordered police to close the border.",
         "ordered", "Interior Minister Maria Lopez"),
        ("The Harbour Authority said it had detained three sailors on Monday.", "detained",
         "The Harbour Authority"),
    ],
)
def test_the_pronoun_is_the_speaker(nlp, text, trigger, actor):
    assert event_of(nlp, text, trigger)["actor"]["text"] == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ('"He attacked the guard first," Officer Pedro Alvarez said.', "He"),
        ("The moderator asked Pedro Alvarez why he had attacked the guard.", "he"),
    ],
)
def test_a_quote_or_someone_spoken_to_keeps_the_pronoun(nlp, text, actor):
    assert event_of(nlp, text, "attacked")["actor"]["text"] == actor


def test_a_killing_the_speaker_says_it_did_is_sure(nlp):
    # "it" is the army: a killing done by a group, which the event head does not overrule
    text = "The army said it had killed eight militants in an operation in the north."
    assert event_of(nlp, text, "killed")["actor"]["text"] == "The army"
