"""A call between parties is a consultation (CAMEO 041, discuss by telephone: PLOVER
CONSULT): "spoke by telephone", "talked by phone with", "in a phone call with"; a call
with no party told is none ("the phone call lasted an hour"). Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def consultations(nlp, component, text):
    return [(e["trigger"]["text"], text_of(e["actor"]), text_of(e["recipient"]))
            for e in events_found(nlp, component, text) if e["type"] == "CONSULT"]


@pytest.mark.parametrize(("text", "told"), [
    ("The two presidents spoke by telephone on Monday.",
     ("spoke by telephone", "The two presidents", None)),
    ("The rebels talked by phone with the mediators.",
     ("talked by phone", "The rebels", "the mediators")),
    ("In a phone call with the king, the minister discussed the border.",
     ("phone call", "the minister", "the king")),
    ("The two leaders held a telephone conversation on Sunday.",
     ("telephone conversation", "The two leaders", None)),
])
def test_a_call_between_parties_is_a_consultation(bare_nlp, events, text, told):
    assert told in consultations(bare_nlp, events, text)


@pytest.mark.parametrize("text", [
    "The phone call lasted an hour.",
    "The minister spoke at length about the budget.",
])
def test_no_consultation(bare_nlp, events, text):
    assert consultations(bare_nlp, events, text) == []
