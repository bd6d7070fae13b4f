"""Stories join incidents: an incident's later mentions and its figures go where its lead
event goes, and a cumulative toll joins no story. Records are built by hand."""

from __future__ import annotations

from eventledger.store import Store
from eventledger.stories import assign_stories, list_stories

MON = "2025-03-03"


def _span(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def _event(text: str, number: int, trigger: str, incident: str, place: str | None) -> dict:
    return {"id": f"E{number}", "type": "ASSAULT", "mode": None,
            "trigger": _span(text, trigger), "actor": None, "recipient": None,
            "location": {"place": place} if place else None,
            "date": MON if place else None, "date_precision": "day" if place else None,
            "attribution": None, "negated": False, "hypothetical": False,
            "incident": incident}


def _figure(text: str, number: int, words: str, low: int, trigger: str, *, event=None,
            incident=None, cumulative=False) -> dict:
    item = {"id": f"F{number}", "category": "killed", "trigger": _span(text, trigger),
            "count": {**_span(text, words), "low": low, "high": low, "exact": True},
            "who": None, "location": None, "event": event, "attribution": None,
            "incident": incident}
    if cumulative:
        item["cumulative"] = True
    return item


def _record(doc_id: str, text: str, events: list, figures: list, incidents: list) -> dict:
    return {
        "document": {"id": doc_id, "path": None, "url": None, "outlet": f"Outlet {doc_id}",
                     "published": MON, "title": None, "language": "en", "text": text},
        "attributions": [], "events": events, "figures": figures,
        "places": [{"id": "P1", **_span(text, "Riverton"), "name": "Riverton",
                    "geonameid": None, "country": "KE", "lat": 1.5, "lon": 36.25,
                    "kind": "city"}],
        "actors": [], "incidents": incidents, "disagreements": [],
    }


LONG = ("Shells struck the market in Riverton on Monday. The shelling killed four people. "
        "Six died, a nurse said. Since 2020, 300 people have been killed in the district.")
SHORT = "The market in Riverton was shelled on Monday, killing five people."


def _long() -> dict:
    return _record(
        "long", LONG,
        [_event(LONG, 1, "struck", "I1", "P1"), _event(LONG, 2, "shelling", "I1", None)],
        [_figure(LONG, 1, "four", 4, "killed", event="E2", incident="I1"),
         _figure(LONG, 2, "Six", 6, "died", incident="I1"),
         _figure(LONG, 3, "300", 300, "killed in the district", cumulative=True)],
        [{"id": "I1", "type": "ASSAULT", "location": {"place": "P1"}, "date": MON,
          "date_precision": "day", "events": ["E1", "E2"], "figures": ["F1", "F2"]}])


def _short() -> dict:
    return _record(
        "short", SHORT, [_event(SHORT, 1, "shelled", "I1", "P1")],
        [_figure(SHORT, 1, "five", 5, "killing", event="E1", incident="I1")],
        [{"id": "I1", "type": "ASSAULT", "location": {"place": "P1"}, "date": MON,
          "date_precision": "day", "events": ["E1"], "figures": ["F1"]}])


def test_an_incident_is_one_item_of_one_story(tmp_path):
    with Store.open(tmp_path / "events.db") as store:
        for record in (_long(), _short()):
            store.write_record(record, extractor_version="1")
        assign_stories(store, ["long", "short"])
        with store.story_session() as session:
            members = session.members_of_document("long")
            short_members = session.members_of_document("short")
        by_item = {m["item_id"]: m for m in members}
        # the cumulative toll is in no story; every item of the incident is in one
        assert set(by_item) == {"E1", "E2", "F1", "F2"}
        assert len({m["story_id"] for m in members}) == 1
        # the later mention has the lead event's day and place, not its own (none)
        assert (by_item["E2"]["day"], by_item["E2"]["cell"]) == (
            by_item["E1"]["day"], by_item["E1"]["cell"])
        (story,) = {m["story_id"] for m in members}
        assert {m["story_id"] for m in short_members} == {story}
        (table,) = [t for t in list_stories(store) if t.story["id"] == story]
        # one table per incident and category: the incident's tolls, not the district's
        assert sorted(r.figure for r in table.figures["killed"].rows) == ["4", "5", "6"]
        assert table.documents == ["long", "short"]
