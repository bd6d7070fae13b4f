"""A past participle heading a clause of its own before the main clause, with no subject
or auxiliary ("Arrested last week, the activist was freed", "Attacked by gunmen, the
convoy turned back"), is a passive: the main clause's subject underwent it, and only its
"by" phrase names who did it. "Having attacked the village, the militants ..." stays
active."""

from __future__ import annotations

import pytest
from rule_docs import event_of, text_of


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        ("Arrested last week, the activist was freed on Monday.", "Arrested", None,
         "the activist"),
        ("Attacked by raiders near the ford, the convoy turned back.", "Attacked",
         "raiders", "the convoy"),
        ("Asked to name the driver, the witness pointed at the defendant.", "Asked", None,
         "the witness"),
    ],
)
def test_the_main_subject_undergoes_a_fronted_participle(bare_nlp, events, text, trigger,
                                                         actor, recipient):
    event = event_of(bare_nlp, events, text, trigger)
    if actor is None:
        assert event["actor"] is None
    else:
        assert text_of(event["actor"]).startswith(actor)
    assert text_of(event["recipient"]) == recipient


def test_a_perfect_participle_stays_active(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "Having attacked the village, the militants withdrew to the hills.",
                     "attacked")
    assert text_of(event["actor"]) == "the militants"
    assert text_of(event["recipient"]) == "the village"
