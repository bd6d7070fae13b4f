"""What the web lists read quickly from (schema version 7): every event's and figure's
day stored and indexed, a source filter looked up through the store's names, and a day
window's stories read from the longest story's span before it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta

import pytest
from old_store import make_database_at
from sqlalchemy import select
from web_store import build_store, march_report

from eventledger.store import Store
from eventledger.stories import assign_stories
from eventledger.web.database import open_reader
from eventledger.web.filters import Filters
from eventledger.web.queries import (
    EVENTS,
    FIGURES,
    event_conditions,
    figure_conditions,
    known_names,
    list_events,
    list_figures,
    list_stories,
    source_names,
    story_bounds,
)

TEXT = ("Gunmen attacked Westfield on Monday. Police said 4 people were killed. "
        "Traders marched later. Medics counted 2 injured.")


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def _record(doc_id: str = "days0001") -> dict:
    """Two events (one dated, one not) and three figures (of the dated event, of the
    undated one, of no event), in a document published on 2025-03-10."""
    def event(eid: str, trigger: str, when: str | None) -> dict:
        return {"id": eid, "type": "ASSAULT", "mode": None, "trigger": _span(trigger),
                "actor": None, "recipient": None, "location": {"place": "P1"}, "date": when,
                "date_precision": "day" if when else None, "attribution": None,
                "negated": False, "hypothetical": False}

    def figure(fid: str, count: str, category: str, of: str | None) -> dict:
        n = int(count)
        return {"id": fid, "category": category, "trigger": _span(category),
                "count": {**_span(count), "low": n, "high": n, "exact": True},
                "who": None, "location": {"place": "P1"}, "event": of,
                "attribution": "Q1"}

    return {
        "document": {"id": doc_id, "path": None, "url": None, "outlet": "Westfield Wire",
                     "published": "2025-03-10", "title": "Westfield", "language": "en",
                     "text": TEXT},
        "attributions": [{"id": "Q1", "kind": "indirect",
                          "source": {**_span("Police"), "name": "police", "actor": None},
                          "cue": _span("said"), "content": _span("4 people were killed"),
                          "channel": None, "cites": [], "cited_by": []}],
        "events": [event("E1", "attacked", "2025-03-03"), event("E2", "marched", None)],
        "figures": [figure("F1", "4", "killed", "E1"), figure("F2", "2", "injured", "E2"),
                    figure("F3", "2", "injured", None)],
        "places": [{"id": "P1", **_span("Westfield"), "name": "Westfield", "geonameid": None,
                    "country": "KE", "lat": 1.0, "lon": 36.0, "kind": "city"}],
        "actors": [], "disagreements": [],
    }


EXPECTED_DAYS = {("events", "E1"): "2025-03-03", ("events", "E2"): "2025-03-10",
                 ("figures", "F1"): "2025-03-03", ("figures", "F2"): "2025-03-10",
                 ("figures", "F3"): "2025-03-10"}


def _days(path) -> dict:
    with closing(sqlite3.connect(path)) as conn:
        return {(table, item): day for table in ("events", "figures")
                for item, day in conn.execute(f"SELECT id, day FROM {table}")}


def test_items_keep_their_day_when_written_and_when_migrated(tmp_path):
    with Store.open(tmp_path / "fresh.db") as store:
        store.write_record(_record(), extractor_version="hand-written")
    assert _days(tmp_path / "fresh.db") == EXPECTED_DAYS
    # A store of version 6 holds the same items without days: opening it works them out.
    make_database_at(tmp_path / "v6.db", _record(), 6)
    with Store.open(tmp_path / "v6.db") as store:
        assert store.schema_version() >= 7
    assert _days(tmp_path / "v6.db") == EXPECTED_DAYS


def _plan(engine, query) -> str:
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        return " | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_windows_and_types_are_read_from_the_day_indexes(tmp_path):
    path = tmp_path / "plan.db"
    with Store.open(path) as store:
        store.write_record(_record(), extractor_version="hand-written")
    _store, engine = open_reader(path)
    try:
        window = Filters(since="2025-03-01", until="2025-03-31")

        def keys(table, conditions):
            return select(table.c.doc_id, table.c.id).where(*conditions)

        assert "USING COVERING INDEX ix_events_day (day>? AND day<?)" in _plan(
            engine, keys(EVENTS, event_conditions(window)))
        assert "ix_events_type_country_day (type=? AND country=? AND day>? AND day<?)" in _plan(
            engine, keys(EVENTS, event_conditions(Filters(
                since="2025-03-01", until="2025-03-31", types=("ASSAULT",), country="KE"))))
        assert "ix_figures_day (day>? AND day<?)" in _plan(
            engine, keys(FIGURES, figure_conditions(window)))
        # and they find what the days say
        total, rows = list_figures(engine, Filters(since="2025-03-05", until="2025-03-31"),
                                   limit=50, offset=0)
        assert total == 2 and [row["id"] for row in rows] == ["F2", "F3"]
        total, rows = list_events(engine, Filters(until="2025-03-05"), limit=50, offset=0)
        assert total == 1 and rows[0]["id"] == "E1" and rows[0]["day"] == "2025-03-03"
    finally:
        engine.dispose()


def test_source_names_are_found_in_the_store_whatever_their_case():
    known = {"outlets": ["Lake Radio", "Daily Bench"], "names": ["the police", "Lake radio"],
             "texts": ["Police", "POLICE sources", "Witnesses"]}
    found = source_names(known, "PoLiCe")
    assert found.outlets == () and found.names == ("the police",)
    assert found.texts == ("Police", "POLICE sources")
    assert source_names(known, "lake radio").outlets == ("Lake Radio",)
    assert source_names(known, "nobody") is not None  # found nothing: matches nothing
    assert source_names(known, "e", most=3) is None  # too many: the database matches


@pytest.mark.parametrize("source", ["lake radio", "LAKE", "hospital", "police", "nobody",
                                    "'; DROP TABLE figures; --", "%", "_"])
def test_a_source_filter_finds_the_same_items_through_the_names(nlp, source):
    _store, engine = open_reader(build_store(nlp))
    try:
        found = source_names(known_names(engine), source)
        for lister in (list_events, list_figures, list_stories):
            for window in ({}, {"since": "2025-01-01", "until": "2025-12-31"}):
                plain = Filters(source=source, **window)
                named = Filters(source=source, source_names=found, **window)
                assert (lister(engine, named, limit=500, offset=0)
                        == lister(engine, plain, limit=500, offset=0))
    finally:
        engine.dispose()


def test_a_window_reads_stories_from_the_longest_span_before_it(tmp_path):
    path = tmp_path / "spans.db"
    start = date(2025, 1, 1)
    days = [start + timedelta(days=n) for n in (0, 2, 4, 60, 200, 201)]
    with Store.open(path) as store:
        for number, day in enumerate(days):
            record = march_report(number, day, prefix="span")
            store.write_record(record, extractor_version="hand-written")
            assign_stories(store, [record["document"]["id"]],
                           records={record["document"]["id"]: record})
    _store, engine = open_reader(path)
    try:
        bounds = story_bounds(engine)
        with closing(sqlite3.connect(path)) as conn:
            spans = conn.execute("SELECT first_date, last_date FROM stories").fetchall()
        longest = max((date.fromisoformat(b) - date.fromisoformat(a)).days for a, b in spans)
        assert longest > 0  # reports days apart make one story
        assert bounds.longest == longest
        assert (bounds.oldest, bounds.newest) == ("2025-01-01", "2025-07-21")
        for since, until in [("2025-01-03", "2025-01-04"), ("2025-01-05", "2025-03-01"),
                             ("2025-07-21", "2025-08-01"), ("2024-01-01", "2026-01-01"),
                             ("2025-03-02", "2025-07-19")]:
            window = Filters(since=since, until=until)
            assert (list_stories(engine, window, limit=50, offset=0, bounds=bounds)
                    == list_stories(engine, window, limit=50, offset=0))
    finally:
        engine.dispose()
