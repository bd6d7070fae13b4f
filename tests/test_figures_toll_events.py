"""A casualty figure is the toll of an event that harms people, never of a statement, a
request or an accusation that its sentence hangs it on."""

from __future__ import annotations

from rule_docs import rule_doc


def extract(nlp, events, figures, text):
    doc = rule_doc(nlp, text)
    events(doc)
    figures(doc)
    return doc


def linked_event(doc, category):
    figure = next(f for f in doc._.el_figures if f["category"] == category)
    return next((e for e in doc._.el_events if e["id"] == figure["event"]), None)


def test_a_request_around_a_killing_is_not_its_event(bare_nlp, events, figures):
    doc = extract(bare_nlp, events, figures,
                  "The union called for a strike on Monday following the killing of four "
                  "miners at the pit.")
    assert any(e["type"] == "REQUEST" for e in doc._.el_events)
    assert linked_event(doc, "killed") is None


def test_an_accusation_of_killing_is_not_its_event(bare_nlp, events, figures):
    doc = extract(bare_nlp, events, figures,
                  "The farmer is accused of killing three hikers near the lake.")
    assert any(e["type"] == "ACCUSE" for e in doc._.el_events)
    assert linked_event(doc, "killed") is None


def test_the_attack_of_the_sentence_is_still_the_event(bare_nlp, events, figures):
    doc = extract(bare_nlp, events, figures,
                  "The mayor condemned the bombing of the market, which killed six traders.")
    event = linked_event(doc, "killed")
    assert event is not None and event["type"] == "ASSAULT"
    assert event["trigger"]["text"] == "bombing"


def test_an_event_told_below_the_killing_is_its_cause(bare_nlp, events, figures):
    # whatever its type: the clause under the killing tells how it came about
    doc = extract(bare_nlp, events, figures,
                  "Nine miners were killed after the owners ordered them into the flooded "
                  "shaft.")
    event = linked_event(doc, "killed")
    assert event is not None and event["trigger"]["text"] == "ordered"
