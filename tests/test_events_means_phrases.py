"""A weapon named by a phrase is the means of an attack, never its actor or the one hit:
"a mortar round", "tear gas canisters" (a piece or load of the weapon its modifier names),
"a tonne of explosives", "dozens of rockets" (an amount of it). People named with a weapon
word ("a tank commander") stay parties."""

from __future__ import annotations

import pytest
from rule_docs import event_of, text_of


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("A mortar round damaged the clinic in the old quarter.", "damaged", "the clinic"),
        ("An artillery round destroyed the grain store on Tuesday.", "destroyed",
         "the grain store"),
        ("A tonne of explosives destroyed the railway bridge.", "destroyed",
         "the railway bridge"),
        ("Two barrels of explosives destroyed the customs post.", "destroyed",
         "the customs post"),
    ],
)
def test_a_weapon_phrase_is_no_actor(bare_nlp, events, text, trigger, recipient):
    event = event_of(bare_nlp, events, text, trigger)
    assert event["type"] == "ASSAULT"
    assert event["actor"] is None
    assert text_of(event["recipient"]) == recipient


def test_the_mode_still_comes_from_the_weapon_phrase(bare_nlp, events):
    event = event_of(bare_nlp, events, "A mortar round damaged the clinic in the old quarter.",
                     "damaged")
    assert event["mode"] == "heavy-weapons"


def test_a_person_named_with_a_weapon_word_still_acts(bare_nlp, events):
    event = event_of(bare_nlp, events, "A tank commander attacked the border village.",
                     "attacked")
    assert text_of(event["actor"]) == "A tank commander"


def test_rounds_fired_are_no_recipient(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "The militia fired mortar rounds at the refugee camp.", "fired")
    assert text_of(event["actor"]) == "The militia"
    assert text_of(event["recipient"]) == "the refugee camp"
