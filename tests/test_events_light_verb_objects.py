"""A verb carries an event noun of its prepositional phrase ("came under attack") only
when it has no object of its own: in "received a letter concerning the bombing", the
letter is what was received, and the ministry is no party to the bombing."""

from __future__ import annotations

from rule_docs import event_of


def test_a_verb_with_its_own_object_carries_no_event(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "When the ministry received a request for e-mails concerning the 2014 "
                     "harbour bombings, officials searched the archive.", "bombings")
    assert event["actor"] is None
    assert event["recipient"] is None


def test_a_verb_without_an_object_carries_the_event(bare_nlp, events):
    event = event_of(bare_nlp, events, "The convoy came under attack from gunmen near the pass.",
                     "attack")
    assert event["actor"]["text"] == "gunmen"
    assert event["recipient"]["text"] == "The convoy"
