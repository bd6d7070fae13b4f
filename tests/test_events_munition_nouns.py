"""A munition noun named with its weapon ("mortar rounds", "tear gas canisters", "artillery
shells") is the means of an attack, never an attack of its own: as the subject of a verb
of harm it makes that verb the attack, as the object of a verb of firing it leaves the
firing the attack, and the event head never adds it as a trigger."""

from __future__ import annotations

import pytest
from rule_docs import events_found
from test_event_head import TYPES


def assaults(nlp, component, text, scores=None):
    return [e for e in events_found(nlp, component, text, rows=scores, types=TYPES)
            if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "recipient"),
    [
        ("Tear gas canisters injured two students outside the library.", "injured",
         "crowd-control", "two students"),
        ("Artillery shells destroyed three barns near the ford.", "destroyed",
         "heavy-weapons", "three barns"),
    ],
)
def test_a_munition_as_subject_makes_the_attack(bare_nlp, events, text, trigger, mode,
                                                recipient):
    found = assaults(bare_nlp, events, text)
    assert [e["trigger"]["text"] for e in found] == [trigger]
    assert found[0]["mode"] == mode
    assert found[0]["actor"] is None  # the munition is the means, not a party
    assert found[0]["recipient"]["text"].startswith(recipient)


@pytest.mark.parametrize(
    ("text", "munition"),
    [
        ("The militia fired mortar rounds at the depot overnight.", "rounds"),
        ("The garrison fired artillery shells at the ridge.", "shells"),
    ],
)
def test_the_munition_fired_is_no_trigger(bare_nlp, events, text, munition):
    # the head, as trained, takes the munition for an assault of its own
    found = assaults(bare_nlp, events, text, {munition: {"ASSAULT": 0.9}})
    assert [e["trigger"]["text"] for e in found] == ["fired"]
    assert found[0]["mode"] == "heavy-weapons"


def test_munitions_in_store_are_no_attack(bare_nlp, events):
    assert assaults(bare_nlp, events, "The mortar rounds were stored in the shed.",
                    {"rounds": {"ASSAULT": 0.9}}) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the firing itself may be the attack
        ("Two guards died under mortar fire near the depot.", "fire"),
        # a weapon word beside it makes no means of an event noun
        ("The district recorded forty murders and ninety shootings this year.", "murders"),
    ],
)
def test_the_head_still_adds_an_event_noun(bare_nlp, events, text, word):
    found = assaults(bare_nlp, events, text, {word: {"ASSAULT": 0.9}})
    assert word in [e["trigger"]["text"].split()[-1] for e in found]
