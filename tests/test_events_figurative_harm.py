"""A word of killing or attacking told of ideas is no assault: "killing journalism", "the
bill came under assault", "an attack on democracy", or an idea that kills things ("the
policy is killing the economy"); nor is a weapon launched into no place of anyone's
("launched a rocket into space"). Told of people, groups, places, buildings or vehicles,
the same words stay assaults."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of
from test_event_head import TYPES


def assaults(nlp, component, text, scores=None):
    return triggers_of(nlp, component, text, "ASSAULT", rows=scores, types=TYPES)


@pytest.mark.parametrize(
    "text",
    [
        "Reporters are killing journalism, the editor said.",
        "The bill came under assault in the assembly.",
        "Our archived information is under constant attack.",
        "The attack on democracy must end, she said.",
        "The policy is killing the economy.",
        "The agency launched a rocket into space on Friday.",
        "The navy fired a missile into the ocean during the drill.",
    ],
)
def test_figurative_harm_is_no_assault(bare_nlp, events, text):
    assert assaults(bare_nlp, events, text) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels attacked the convoy near the border.", "attacked"),
        ("Gunmen attacked the wedding in the village.", "attacked"),
        ("Soldiers destroyed the crops of the villagers.", "destroyed"),
        ("The militia fired rockets into the town.", "fired"),
        ("The army launched rockets toward the border town.", "launched"),
        ("The army launched rockets into the sky at the rebel camp.", "launched"),
    ],
)
def test_harm_to_people_and_places_stays(bare_nlp, events, text, trigger):
    assert assaults(bare_nlp, events, text) == [trigger]


def test_the_event_head_adds_no_figurative_assault(bare_nlp, events):
    assert assaults(bare_nlp, events, "The onslaught on democracy went on for years.",
                    {"onslaught": {"ASSAULT": 0.9}}) == []
    assert assaults(bare_nlp, events, "The onslaught on the village went on for days.",
                    {"onslaught": {"ASSAULT": 0.9}}) == ["onslaught"]


def test_a_violent_attack_told_as_on_ideas_stays(bare_nlp, events):
    assert assaults(bare_nlp, events, "The towns braced for more violent attacks on their "
                    "freedom.") == ["attacks"]
