""""Villagers blocked roads in protest at the arrests": an "in protest" phrase tells why
the verb's act was done; where that act is an event of its own it is the one protest, and
where it is none ("stopped work in protest") the protest is the event, done by the verb's
subject. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def protests(nlp, component, text):
    return [(e["trigger"]["text"], text_of(e["actor"]))
            for e in events_found(nlp, component, text) if e["type"] == "PROTEST"]


@pytest.mark.parametrize(("text", "told"), [
    ("Hundreds of villagers blocked roads in protest at the arrests.",
     [("blocked", "Hundreds of villagers")]),
    ("The lawyers marched in protest on Friday.", [("marched", "The lawyers")]),
    ("Workers stopped work in protest at the cuts.", [("protest", "Workers")]),
])
def test_one_protest(bare_nlp, events, text, told):
    assert protests(bare_nlp, events, text) == told
