"""Passive verbs joined by "and" share their subject and their "by" phrase: in "two
protesters were beaten and arrested by police" the police beat and arrested the two."""

from __future__ import annotations

from rule_docs import events_found


def arguments_of(nlp, component, text):
    return {e["trigger"]["text"]: ((e["actor"] or {}).get("text"),
                                   (e["recipient"] or {}).get("text"))
            for e in events_found(nlp, component, text)}


def test_joined_passives_share_subject_and_agent(bare_nlp, events):
    found = arguments_of(bare_nlp, events,
                         "Two protesters were beaten and arrested by police in the square.")
    assert found["beaten"] == ("police", "Two protesters")
    assert found["arrested"] == ("police", "Two protesters")


def test_a_joined_passive_without_agent_keeps_the_subject(bare_nlp, events):
    found = arguments_of(bare_nlp, events,
                         "Several reporters were mocked and criticized on social media.")
    assert found["criticized"] == (None, "Several reporters")
