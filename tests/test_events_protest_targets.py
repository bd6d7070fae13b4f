""""In protest of the tests": the "of" phrase of a protest that names no person or group is
what is protested, not who protests ("the protest of the students" keeps its actor); who
protests is the subject of the verb whose "in protest" phrase it is."""

from __future__ import annotations

from rule_docs import events_found, text_of


def event_of(nlp, component, text):
    return next(e for e in events_found(nlp, component, text) if e["type"] == "PROTEST")


def test_what_is_protested_is_no_protester(bare_nlp, events):
    event = event_of(bare_nlp, events, "Parents kept their children home in protest of testing.")
    assert text_of(event["actor"]) == "Parents"
    assert text_of(event["recipient"]) == "testing"


def test_the_protesters_stay_actors(bare_nlp, events):
    event = event_of(bare_nlp, events, "The protest of the students lasted a week.")
    assert text_of(event["actor"]) == "the students"
