""""Orvania's protests", "the city's bombing": a place named as the owner of an event
tells where it was, not who did it, when the event is one only people do or the place is
smaller than a country; "Orvania's strikes" keep the state as their actor."""

from __future__ import annotations

from rule_docs import events_found


def event_of(nlp, events, text, trigger, places):
    found = events_found(nlp, events, text, places=[
        {"id": f"P{n}", "text": name, "start": text.index(name),
         "end": text.index(name) + len(name), "name": name, "kind": kind}
        for n, (name, kind) in enumerate(places, start=1)])
    return next(e for e in found if e["trigger"]["text"] == trigger)


def test_a_country_does_not_protest(bare_nlp, events):
    event = event_of(bare_nlp, events, "Orvania's student protests grew on Monday.",
                     "protests", [("Orvania", "country")])
    assert event["type"] == "PROTEST"
    assert event["actor"] is None


def test_a_town_does_not_bomb(bare_nlp, events):
    event = event_of(bare_nlp, events, "Kessa's bombing shocked the region.",
                     "bombing", [("Kessa", "city")])
    assert event["actor"] is None


def test_a_country_may_strike(bare_nlp, events):
    event = event_of(bare_nlp, events, "Orvania's airstrikes on the port continued.",
                     "airstrikes", [("Orvania", "country")])
    assert event["actor"]["text"] == "Orvania"
