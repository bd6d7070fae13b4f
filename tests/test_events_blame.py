""""blamed the bombing on X": X is the party blamed (the recipient of the blaming), not
the bombing's target."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def extract(nlp, events, text):
    return {e["trigger"]["text"]: e for e in events_found(nlp, events, text)}


def recipient(event):
    return (event["recipient"] or {}).get("text")


@pytest.mark.parametrize("text", [
    "The governor blamed the bombing on the separatists.",
    "At first, some blamed the attack on the separatists.",
])
def test_the_blamed_party_is_no_target(bare_nlp, events, text):
    found = extract(bare_nlp, events, text)
    assert found["blamed"]["type"] == "ACCUSE"
    assert recipient(found["blamed"]) == "the separatists"
    attack = found.get("bombing") or found["attack"]
    assert recipient(attack) is None


def test_a_target_of_its_own_stays(bare_nlp, events):
    found = extract(bare_nlp, events, "Some blamed the mayor for the attack on the depot.")
    assert recipient(found["blamed"]) == "the mayor"
    assert recipient(found["attack"]) == "the depot"


def test_a_blamed_person_keeps_the_recipient(bare_nlp, events):
    found = extract(bare_nlp, events, "The mayor blamed the guards on television.")
    assert recipient(found["blamed"]).startswith("the guards")


def test_the_event_may_stand_in_an_of_phrase(bare_nlp, events):
    found = extract(bare_nlp, events,
                    "The senator blamed the problem of street shootings on the gangs.")
    assert recipient(found["blamed"]) == "the gangs"
    assert recipient(found["shootings"]) is None
