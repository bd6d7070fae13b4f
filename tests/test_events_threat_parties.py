"""A threat is made by a party: a thing that "threatens" or "warns" tells a risk ("the
deficit threatens to derail the talks", "the report warns that prices will rise"), and
an advisory is no threat ("a travel warning"). What is threatened is no recipient
("threatened more attacks"); whom is ("threatened the judge")."""

from __future__ import annotations

import pytest
from rule_docs import events_found, triggers_of


def threats(nlp, component, text, actors=()):
    return triggers_of(nlp, component, text, "THREATEN", actors=actors)


@pytest.mark.parametrize(
    "text",
    [
        "The deficit threatens to derail the budget talks in Varna.",
        "That threatened to leave many families without cover next year.",
        "With shares down by half, the pressure kept growing, threatening further losses.",
        "The quarterly report warns that prices will rise again.",
        "The ministry issued a travel warning for the northern provinces.",
        "Forecasters issued a storm warning for the coast on Monday.",
    ],
)
def test_no_threat_without_a_party(bare_nlp, events, text):
    assert threats(bare_nlp, events, text) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The government threatened to expel the Velorian diplomats.", "threatened"),
        ("The company threatened to sue the newspaper over the story.", "threatened"),
        ("Rebels threatened to attack the capital within a week.", "threatened"),
        ("The militia warned that it would retaliate against any raid.", "warned"),
        ("Bands of armed men roam the streets, warning residents to stay inside.",
         "warning"),
        ("It threatened to cut off the gas supply to Velor.", "threatened"),
    ],
)
def test_a_party_threatens(bare_nlp, events, text, trigger):
    assert threats(bare_nlp, events, text) == [trigger]


def test_one_of_the_documents_actors_is_a_party(bare_nlp, events):
    text = "The outfit threatened to burn the crops at Tolben."
    assert threats(bare_nlp, events, text) == []  # a common noun no lexicon knows
    start = text.index("outfit")
    actor = {"id": "A1", "name": "the outfit", "mentions": [
        {"text": "The outfit", "start": 0, "end": start + len("outfit")}]}
    assert threats(bare_nlp, events, text, [actor]) == ["threatened"]


@pytest.mark.parametrize("text, recipient", [
    ("The militants have threatened more attacks on the capital.", None),
    ("The opposition has threatened a boycott of the vote.", None),
    ("The militants threatened the judge.", "the judge"),
    ("The army threatened the village.", "the village"),
])
def test_what_is_threatened_is_no_recipient(bare_nlp, events, text, recipient):
    (threat,) = [e for e in events_found(bare_nlp, events, text) if e["type"] == "THREATEN"]
    assert (threat["recipient"] or {}).get("text") == recipient
