"""The people a verb does something to, counted as its object: "shot dead two protesters"
(the state before the object), "gunned down three farmers", "police rounded up 30" (a
phrase with a particle), "forced 500 people from their homes" (a phrase around the
object); never the noun of the phrase itself ("suffered injuries")."""

from __future__ import annotations

import pytest
from rule_docs import figures_found, text_of


def told(nlp, figures, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], text_of(f["who"]))
            for f in figures_found(nlp, figures, text)]


@pytest.mark.parametrize("text, expected", [
    ("Soldiers shot dead two protesters in Varno on Friday.",
     [("killed", "dead", "two", "protesters")]),
    ("Rebel fighters shot dead a village chief on Tuesday.",
     [("killed", "dead", "a", "village chief")]),
    ("Gunmen gunned down three farmers near Tarsk.",
     [("killed", "gunned down", "three", "farmers")]),
    ("Police rounded up 30 protesters in the square.",
     [("arrested", "rounded up", "30", "protesters")]),
    ("Doctors treated 14 people for burns after the fire.",
     [("injured", "treated 14 people for burns", "14", "people")]),
    # the doer of a phrase with an object of its own is no victim
    ("A mob hacked two men to death in the market.",
     [("killed", "hacked two men to death", "two", "men")]),
    ("Three women were stabbed to death in their home.",
     [("killed", "stabbed to death", "Three", "women")]),
    ("A mob hacked more than 20 people to death in the market.",
     [("killed", "hacked more than 20 people to death", "more than 20", "people")]),
    # people forced or driven from their homes
    ("The shelling forced more than 20,000 people from their homes.",
     [("displaced", "forced more than 20,000 people from their homes", "more than 20,000",
       "people")]),
    ("The floods drove 500 villagers from their homes.",
     [("displaced", "drove 500 villagers from their homes", "500", "villagers")]),
    ("The offensive forced 3,000 families to flee.",
     [("displaced", "forced 3,000 families to flee", "3,000", "families")]),
])
def test_the_object_of_a_phrase_or_a_state_is_counted(bare_nlp, figures, text, expected):
    assert told(bare_nlp, figures, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the object is the phrase's own noun: the sufferers are the subject
    ("Twelve people suffered injuries in the blast.",
     [("injured", "suffered injuries", "Twelve", "people")]),
    # a state after the object is the object's, as before
    ("Police shot two protesters dead.", [("killed", "dead", "two", "protesters")]),
    # no state and no phrase: shooting alone tells no toll
    ("Soldiers shot two protesters in the leg.", []),
])
def test_other_objects_keep_their_reading(bare_nlp, figures, text, expected):
    assert told(bare_nlp, figures, text) == expected
