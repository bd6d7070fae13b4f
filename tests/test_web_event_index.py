"""The events, figures and stories held in memory per store version
(``web/event_index.py``, ``web/story_index.py``): the map, the timeline and the lists
they answer are the database's answers, byte for byte, and a write to the store is never
answered from an older index."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import orjson
import pytest
from fastapi.testclient import TestClient

from eventledger.store import Store
from eventledger.stories import assign_stories
from eventledger.web import create_app
from eventledger.web.api import with_source_names
from eventledger.web.app import WebState
from eventledger.web.event_index import StoreIndexes, figures_indexable, map_feature
from eventledger.web.filters import Filters
from eventledger.web.queries import (
    event_rows,
    figure_rows,
    list_events,
    list_figures,
    list_stories,
    map_points,
    story_bounds,
    story_rows,
    timeline,
)
from eventledger.web.settings import WebSettings

TYPES = ["PROTEST", "ASSAULT", "COERCE"]
COUNTRIES = ["KE", "UG", None]
START = date(2025, 3, 1)


def _record(number: int, rng: random.Random) -> dict:
    """An invented report with three events: types, countries and days drawn by ``rng``;
    some events have no place, and some reports no date at all (their events no day)."""
    towns = ["Lakeview", "Hillside", "Rivermouth"]
    source = rng.choice(["Police", "Medics", "Witnesses"])
    text = " ".join(f"Traders marched in {town} on the day." for town in towns)
    text += f" Report {number}. {source} said 4 people were killed."
    undated = number % 9 == 0
    published = None if undated else (START + timedelta(days=rng.randrange(12))).isoformat()

    def span(phrase: str, after: int = 0) -> dict:
        start = text.index(phrase, after)
        return {"text": phrase, "start": start, "end": start + len(phrase)}

    places, events, cursor = [], [], 0
    for index, town in enumerate(towns):
        country = rng.choice(COUNTRIES)
        placed = rng.random() < 0.8
        places.append({"id": f"P{index + 1}", **span(town), "name": town, "geonameid": None,
                       "country": country, "lat": 1.0 + number / 100 if placed else None,
                       "lon": 30.0 + index if placed else None, "kind": "city"})
        trigger = span("marched", cursor)
        cursor = trigger["end"]
        own_day = None if undated or rng.random() < 0.5 else \
            (START + timedelta(days=rng.randrange(12))).isoformat()
        events.append({"id": f"E{index + 1}", "type": rng.choice(TYPES), "mode": None,
                       "trigger": trigger, "actor": None, "recipient": None,
                       "location": {"place": f"P{index + 1}"}, "date": own_day,
                       "date_precision": "day" if own_day else None, "attribution": None,
                       "negated": index == 2, "hypothetical": False})
    figures = [{"id": f"F{index + 1}", "category": category, "trigger": span(category),
                "count": {**span("4"), "low": 4, "high": 4, "exact": True},
                "who": span("people"), "location": {"place": "P1"},
                "event": rng.choice([None, "E1", "E2"]), "attribution": attribution}
               for index, (category, attribution) in enumerate(
                   [("killed", "Q1"), ("killed", None)][:rng.randrange(1, 3)])]
    attributions = [{"id": "Q1", "kind": "indirect",
                     "source": {**span(source), "name": source.lower(), "actor": None},
                     "cue": span("said"), "content": span("4 people were killed"),
                     "channel": None, "cites": [], "cited_by": []}]
    return {
        "document": {"id": f"ix{number:04d}", "path": None, "url": None,
                     "outlet": rng.choice(["Lake Times", "Police Gazette"]),
                     "published": published, "title": f"Report {number}", "language": "en",
                     "text": text},
        "attributions": attributions, "events": events, "figures": figures, "places": places,
        "actors": [], "disagreements": [],
    }


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("event_index") / "ledger.db"
    rng = random.Random(5)
    with Store.open(path) as store:
        for number in range(60):
            record = _record(number, rng)
            store.write_record(record, extractor_version="hand-written")
            doc_id = record["document"]["id"]
            assign_stories(store, [doc_id], records={doc_id: record})
    return path


def _filters() -> list[Filters]:
    days = [None, "2025-03-01", "2025-03-04", "2025-03-12", "2099-01-01"]
    found = []
    for since in days:
        for until in days:
            if since and until and since > until:
                continue
            for types in [(), ("protest",), ("ASSAULT", "COERCE"), ("AID",), ("killed",)]:
                for country in [None, "KE", "TZ"]:
                    for source in [None, "police", "ZZZ"]:
                        found.append(Filters(since=since, until=until, types=types,
                                             country=country, source=source))
    return found


def _sql_map(engine, f: Filters, limit: int) -> bytes:
    total, rows = map_points(engine, f, limit=limit)
    features = [map_feature(row) for row in rows]
    return orjson.dumps({"type": "FeatureCollection", "total": total,
                         "shown": len(features), "features": features})


def test_the_index_answers_as_the_database(store_path):
    state = WebState(str(store_path), WebSettings())
    try:
        made = state.indexes.make_now()
        index, figures = made.events, made.figures
        assert index.undated > 0 and len(index.keys) == 180
        assert figures.undated > 0 and 60 < len(figures.keys) < 120
        stories = made.stories
        assert len(stories.ids) > 10, stories.firsts
        bounds = story_bounds(state.engine)
        pages = ((50, 0), (4, 0), (4, 9), (500, 170))
        for f in _filters():
            if not f.source:
                for limit, offset in pages:
                    total, ids = stories.page(f, limit=limit, offset=offset)
                    assert (total, story_rows(state.engine, ids)) == list_stories(
                        state.engine, f, limit=limit, offset=offset, bounds=bounds), f
            f = with_source_names(state, f)
            assert figures_indexable(f)
            for limit, offset in pages:
                total, keys = figures.page(f, limit=limit, offset=offset)
                assert (total, figure_rows(state.engine, keys)) == \
                    list_figures(state.engine, f, limit=limit, offset=offset), f
            if f.source:
                continue  # events by source: the database's
            for limit in (5000, 7):
                assert index.map_body(f, limit=limit) == _sql_map(state.engine, f, limit), f
            assert index.timeline(f) == timeline(state.engine, f), f
            for limit, offset in pages:
                total, keys = index.page(f, limit=limit, offset=offset)
                assert (total, event_rows(state.engine, keys)) == \
                    list_events(state.engine, f, limit=limit, offset=offset), f
    finally:
        state.close()


def test_a_write_is_never_answered_from_an_older_index(store_path, tmp_path):
    path = tmp_path / "ledger.db"
    path.write_bytes(store_path.read_bytes())
    with TestClient(create_app(path)) as client:
        state = client.app.state.web
        deadline = time.monotonic() + 60
        while state.index() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert state.index() is not None
        before = client.get("/api/map?type=PROTEST").json()["total"]
        record = _record(900, random.Random(1))
        for event in record["events"]:
            event["type"] = "PROTEST"
        for place in record["places"]:
            place["lat"], place["lon"] = 2.0, 31.0
        with Store.open(path) as writer:  # as `eventledger process` would, meanwhile
            writer.write_record(record, extractor_version="hand-written")
        # The store's version changed: the database answers until the index is made again.
        assert client.get("/api/map?type=PROTEST").json()["total"] == before + 3
        while state.index() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(state.index().events.keys) == 183
        assert client.get("/api/map?type=PROTEST&limit=1").json()["total"] == before + 3


def test_remaking_waits_after_the_last_making(store_path):
    versions = iter(range(1000))
    state = WebState(str(store_path), WebSettings())
    try:
        indexes = StoreIndexes(state.engine, lambda: ("v", next(versions)), pause=1000.0)
        first = indexes.make(indexes.version_of())
        assert first is not None and indexes.current(first.version) is first
        # A newer version: the database answers, and the next making waits its turn.
        assert indexes.current() is None and indexes.making is None
        assert indexes.index is first
    finally:
        state.close()
