"""Two verbs joined by "and" share the object the parse hangs on the second ("beat and
detained three protesters"): the first verb's recipient, and the person its lexicon entry
may need. Not when the second verb has a subject of its own, nor when the first verb's
phrase goes on before the "and". Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def events_by_trigger(nlp, events, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    return {e["trigger"]["text"]: (e["type"], text_of(e["actor"]), text_of(e["recipient"]))
            for e in events_found(nlp, events, text)}


@pytest.mark.parametrize("text, trigger, expected", [
    ("Soldiers beat and detained three protesters in Varno.", "beat",
     ("ASSAULT", "Soldiers", "three protesters")),
    ("Gunmen shot and killed a policeman at the checkpoint.", "shot",
     ("ASSAULT", "Gunmen", "a policeman")),
    ("Police arrested and charged two men over the fire.", "arrested",
     ("COERCE", "Police", "two men")),
])
def test_the_first_verb_shares_the_object(bare_nlp, events, text, trigger, expected):
    assert events_by_trigger(bare_nlp, events, text)[trigger] == expected


def test_the_people_of_a_number_are_persons(bare_nlp, events):
    # "beat" needs a person as object: "dozens of protesters" is one, through its "of"
    found = events_by_trigger(bare_nlp, events, "Soldiers beat dozens of protesters.")
    assert found["beat"] == ("ASSAULT", "Soldiers", "dozens of protesters")


@pytest.mark.parametrize("text, trigger", [
    # the second verb has its own subject: nothing is shared
    ("The rebels attacked and the army arrested five men.", "attacked"),
    # the first verb has its own object
    ("Rebels attacked the base and seized two officers.", "attacked"),
    # the first verb's phrase goes on before the joint
    ("The rebels retreated from Varno and released two officers.", "retreated"),
])
def test_nothing_is_shared_across_subjects_or_objects(bare_nlp, events, text, trigger):
    recipient = events_by_trigger(bare_nlp, events, text)[trigger][2]
    assert recipient not in ("five men", "two officers")


def test_a_sport_win_is_still_no_assault(bare_nlp, events):
    assert "beat" not in events_by_trigger(bare_nlp, events,
                                           "The home side beat and outplayed the visitors.")
