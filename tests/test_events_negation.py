"""Negation: an event whose party is no one is negated ("no one was arrested", "neither
side attacked", "police arrested nobody"); so is a deed denied ("denied the attack",
"denied threatening the judge") or called off ("the talks were cancelled"), but not a
statement named by its noun and rejected, which was made all the same ("rejected the
criticism"). Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def negations(nlp, events, text):
    return {e["trigger"]["text"]: e["negated"] for e in events_found(nlp, events, text)}


@pytest.mark.parametrize("text, trigger, negated", [
    # no one as the party
    ("No one was arrested after the march.", "arrested", True),
    ("Nobody was arrested in Varno on Monday.", "arrested", True),
    ("Neither side attacked the town.", "attacked", True),
    ("Police arrested no one at the border post.", "arrested", True),
    ("Police arrested one man at the border post.", "arrested", False),
    ("Gunmen attacked the village, but no one was hurt.", "attacked", False),
    # a deed denied, a statement rejected
    ("The army denied the attack on the village.", "attack", True),
    ("The rebels denied threatening the judge.", "threatening", True),
    ("Varnia rejected the criticism as interference in its affairs.", "criticism", False),
    ("The ministry dismissed the demands of the strikers.", "demands", False),
    # an event called off
    ("The talks were cancelled after the attack.", "talks", True),
    ("The government called off the talks.", "talks", True),
    ("The rally was called off because of the rain.", "rally", True),
    ("The rally was held despite the rain.", "rally", False),
])
def test_what_is_said_not_to_have_happened(bare_nlp, events, text, trigger, negated):
    assert negations(bare_nlp, events, text)[trigger] is negated
