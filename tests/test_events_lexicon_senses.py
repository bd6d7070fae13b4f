"""More senses of trigger words that are no event: shooting a video or a film, fireworks
shooting over the river, "accusations of murder" (a charge, which ACCUSE tells, not a new
killing). The event senses of the same words stay. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def triggers(nlp, component, text):
    return [(e["type"], e["trigger"]["text"]) for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(("text", "word"), [
    ("The fuzzy video, shot by a worker in Tolben, spread fast.", "shot"),
    ("The crew shot a documentary about the harbour in Varna.", "shot"),
    ("Fireworks were shooting over the river at midnight.", "shooting"),
    ("In 1828, accusations of murder could not stop the candidate.", "murder"),
])
def test_no_event_in_this_sense(bare_nlp, events, text, word):
    assert word not in [t for _type, t in triggers(bare_nlp, events, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Soldiers shot two protesters in Tolben.", ("ASSAULT", "shot")),
    ("The gang committed a murder in Varna on Monday.", ("ASSAULT", "murder")),
    # a deed told as the charge: the killing is told
    ("Two men were charged with the murder of a policeman in Varna.", ("ASSAULT", "murder")),
])
def test_the_event_sense_stays(bare_nlp, events, text, expected):
    assert expected in triggers(bare_nlp, events, text)
