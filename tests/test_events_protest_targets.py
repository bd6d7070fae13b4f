""""In protest of the tests": the "of" phrase of a protest that names no person or group is
what is protested, not who protests ("the protest of the students" keeps its actor)."""

from __future__ import annotations

from rule_docs import rule_doc


def event_of(nlp, component, text):
    doc = rule_doc(nlp, text)
    component(doc)
    return next(e for e in doc._.el_events if e["type"] == "PROTEST")


def text_of(argument):
    return argument["text"] if argument else None


def test_what_is_protested_is_no_protester(bare_nlp, events):
    event = event_of(bare_nlp, events, "Parents kept their children home in protest of testing.")
    assert event["actor"] is None
    assert text_of(event["recipient"]) == "testing"


def test_the_protesters_stay_actors(bare_nlp, events):
    event = event_of(bare_nlp, events, "The protest of the students lasted a week.")
    assert text_of(event["actor"]) == "the students"
