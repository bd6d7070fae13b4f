""""the alleged gunman, Omar Ruiz, was shot dead": a role noun followed by the name of
whom it is names that party by the name."""

from __future__ import annotations

from rule_docs import events_found, text_of


def extract(nlp, events, text):
    return {e["trigger"]["text"]: e for e in events_found(nlp, events, text)}


def test_the_name_after_a_role_is_the_recipient(bare_nlp, events):
    found = extract(bare_nlp, events, "Gunmen killed the mayor, Ahmed Khan, in the town.")
    assert text_of(found["killed"]["recipient"]) == "Ahmed Khan"
    assert text_of(found["killed"]["actor"]) == "Gunmen"


def test_the_name_after_a_role_is_the_actor(bare_nlp, events):
    found = extract(bare_nlp, events, "The group's leader, Abu Karim, ordered the raid.")
    assert text_of(found["ordered"]["actor"]) == "Abu Karim"


def test_a_role_after_a_role_is_no_name(bare_nlp, events):
    found = extract(bare_nlp, events, "The rebels, a splinter faction, stormed the depot.")
    assert text_of(found["stormed"]["actor"]) == "The rebels"
