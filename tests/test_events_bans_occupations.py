"""A ban on gatherings is PLOVER's COERCE 'restrict' (CAMEO 1721), a ban on a party or a
movement COERCE 'ban' (CAMEO 1722); the gathering banned is no event of its own. Troops
occupying, capturing or retaking a town is COERCE 'seize' (CAMEO 192, occupy territory);
students or workers occupying a building protest, as at a sit-in. Occupying a seat or a
place in a ranking, capturing a mood or a moment, is no event. Sentences and places are
invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def coded(nlp, component, text):
    return [(e["type"], e["mode"], e["trigger"]["text"], text_of(e["actor"]))
            for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(("text", "told"), [
    ("The authorities banned all gatherings in the centre of Varno.",
     [("COERCE", "restrict", "banned", "The authorities")]),
    ("The governor banned the march planned for Sunday.",
     [("COERCE", "restrict", "banned", "The governor")]),
    ("The court banned the movement on Monday.",
     [("COERCE", "ban", "banned", "The court")]),
    ("The council outlawed protests outside the ministry.",
     [("COERCE", "restrict", "outlawed", "The council")]),
    ("Troops occupied the town of Mirel.",
     [("COERCE", "seize", "occupied", "Troops")]),
    ("Students occupied the main building of the university.",
     [("PROTEST", "demo", "occupied", "Students")]),
    ("Rebels captured the town of Osk on Sunday.", [("COERCE", "seize", "captured", "Rebels")]),
    ("Government troops recaptured the town of Osk.",
     [("COERCE", "seize", "recaptured", "Government troops")]),
    ("The army retook the airport.", [("COERCE", "seize", "retook", "The army")]),
])
def test_bans_and_occupations(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == told


@pytest.mark.parametrize("text", [
    "The party occupies 40 seats in the assembly.",
    "The firm occupied the top spot in the ranking for a decade.",
    "The city banned smoking in bars.",
    "The film captured the mood of the country.",
    "The photographer captured the moment the statue fell.",
])
def test_no_event(bare_nlp, events, text):
    assert coded(bare_nlp, events, text) == []
