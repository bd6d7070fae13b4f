"""Senses of trigger words that are no event, told by the words around them: a modifier
("a heart attack", "a campaign rally"), a preposition ("seized on the remark"), an object
("struck a deal", "rallied thousands of volunteers", "demonstrated a good grasp", "killed
the bill"), what a "for" phrase asks ("a request for comment"), a person's own gathering
("his rallies"), a participle that tells who people are ("the attacking forces"). The
events the same words tell stay."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def triggers(nlp, component, text):
    return [(e["type"], e["trigger"]["text"]) for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The old mayor of Varna died of a heart attack in 1990.", "attack"),
        ("The senator spoke for an hour at a campaign rally in Tolben.", "rally"),
        ("Thousands cheered at Senator Elena Ruiz's rally in Tolben.", "rally"),
        ("At his rallies, the candidate mocks the press.", "rallies"),
        ("The governor rallied thousands of volunteers before the vote.", "rallied"),
        ("Shares rallied on Monday after the bank's report.", "rallied"),
        ("The two parties struck a deal on the budget late on Friday.", "struck"),
        ("Her rivals quickly seized on the gaffe.", "seized"),
        ("The opposition seized the opportunity to press for a vote.", "seized"),
        ("The young minister demonstrated a good grasp of the figures.", "demonstrated"),
        ("Senators killed the bill on Tuesday night.", "killed"),
        ("The ministry did not respond to a request for comment on Friday.", "request"),
        ("Reporters asked the mayor's office for comment.", "asked"),
        ("Critics say the new levy kills jobs in the north.", "kills"),
        # a participle telling who people are
        ("Commanders sent fighting units to the front.", "fighting"),
        ("The attacking forces withdrew at dusk.", "attacking"),
    ],
)
def test_no_event_in_this_sense(bare_nlp, events, text, word):
    assert word not in [t for _type, t in triggers(bare_nlp, events, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked the convoy near Varna.", ("ASSAULT", "attacked")),
        ("Protesters held a rally against the new tax in Tolben.", ("PROTEST", "rally")),
        ("A rally against the election results drew thousands in Tolben.",
         ("PROTEST", "rally")),
        ("Police seized rifles at the border crossing.", ("COERCE", "seized")),
        ("Students demonstrated outside the ministry on Monday.",
         ("PROTEST", "demonstrated")),
        ("Workers struck for higher pay at the port.", ("PROTEST", "struck")),
        ("Gunmen killed three villagers near Varna.", ("ASSAULT", "killed")),
        ("The rebels sent a request for talks to the council.", ("REQUEST", "request")),
        ("Shooting victims were taken to the hospital in Varna.", ("ASSAULT", "Shooting")),
        ("Protesting farmers gathered outside the ministry.", ("PROTEST", "Protesting")),
    ],
)
def test_the_event_sense_stays(bare_nlp, events, text, expected):
    assert expected in triggers(bare_nlp, events, text)


def test_a_rally_of_a_person_among_the_actors_is_no_protest(bare_nlp, events):
    text = "Hundreds of fans flew to a Dorn rally in Tolben on Monday."
    start = text.index("Dorn")
    person = {"id": "R1", "name": "Mara Dorn", "kind": "person", "mentions": [
        {"text": "Dorn", "start": start, "end": start + 4}]}
    group = {**person, "kind": "organization"}
    for actors, expected in (([person], []), ([group], [("PROTEST", "rally")])):
        doc = bare_nlp(text)
        doc._.el_published = "2024-03-05"
        doc._.el_excluded, doc._.el_places, doc._.el_attributions = [], [], []
        doc._.el_actors = actors
        events(doc)
        assert [(e["type"], e["trigger"]["text"]) for e in doc._.el_events] == expected
