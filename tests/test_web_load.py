"""What keeps `eventledger serve` quick with many readers: an answer made once per store
version however many ask for it at once, an ETag that lets a browser keep it, the
overview's answers made as the server starts, reading connections that map the store, and
a window's stories read from the nearer end of the store."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from web_store import build_store, copy_store, hostile_record, march_report

from eventledger.store import Store
from eventledger.stories import assign_stories
from eventledger.web import create_app
from eventledger.web.cache import AnswerCache, file_version
from eventledger.web.database import open_reader
from eventledger.web.filters import Filters
from eventledger.web.queries import _narrower_end, list_stories
from eventledger.web.settings import WebSettings


@pytest.fixture
def private_store(nlp, tmp_path):
    build_store(nlp)
    return copy_store(tmp_path)


def _database(path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE t (x)")


def _write(path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO t VALUES (1)")


def test_readers_asking_at_once_wait_for_one_answer(tmp_path):
    path = tmp_path / "s.db"
    _database(path)
    cache = AnswerCache(file_version(path), size=8)
    calls = []

    def make():
        calls.append(1)
        time.sleep(0.3)  # a long count: the other readers arrive meanwhile
        return object()

    answers = []
    readers = [threading.Thread(target=lambda: answers.append(cache.get_tagged("k", make)))
               for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert len(calls) == 1
    assert len({id(value) for value, _ in answers}) == 1
    assert len({tag for _, tag in answers}) == 1
    # Kept until the store changes; then made again, under another tag.
    assert cache.get_tagged("k", make) == answers[0] and len(calls) == 1
    _write(path)
    value, tag = cache.get_tagged("k", make)
    assert len(calls) == 2 and tag != answers[0][1] and value is not answers[0][0]


def test_a_failed_answer_reaches_every_waiting_reader_and_is_not_kept(tmp_path):
    path = tmp_path / "s.db"
    _database(path)
    cache = AnswerCache(file_version(path), size=8)
    calls = []

    def fail():
        calls.append(1)
        time.sleep(0.3)
        raise RuntimeError("the store went away")

    errors = []

    def read():
        try:
            cache.get("k", fail)
        except RuntimeError as exc:
            errors.append(str(exc))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert errors == ["the store went away"] * 4 and len(calls) == 1
    assert cache.get("k", lambda: "made") == "made"


def test_kept_answers_carry_an_etag_and_a_browser_that_has_one_gets_304(private_store):
    with TestClient(create_app(private_store)) as client:
        first = client.get("/api/stories")
        etag = first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"
        again = client.get("/api/stories", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        assert client.get("/api/stories", headers={"If-None-Match": f'W/{etag}, "x"'}
                          ).status_code == 304
        # Another filter is another answer.
        other = client.get("/api/stories?type=ASSAULT", headers={"If-None-Match": etag})
        assert other.status_code == 200 and other.headers["etag"] != etag
        record = hostile_record()
        record["document"] = {**record["document"], "id": "etagwrite0000000"}
        with Store.open(private_store) as writer:  # as `eventledger process` would
            writer.write_record(record, extractor_version="hand-written")
        changed = client.get("/api/stories", headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed.headers["etag"] != etag
        assert changed.json() == client.get("/api/stories").json()


def test_the_overviews_answers_are_made_as_the_server_starts(private_store):
    app = create_app(private_store)
    cache = app.state.web.cache
    wanted = {"/api/map?", "/api/timeline?", "/api/stories?"}
    assert not cache.entries
    with TestClient(app) as client:
        deadline = time.monotonic() + 60
        while not wanted <= set(cache.entries) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert wanted <= set(cache.entries)  # before any reader asked
        for key in wanted:
            kept = cache.entries[key][1]
            assert client.get(key.rstrip("?")).content == kept


def test_reading_connections_map_the_store_and_keep_its_pages(private_store):
    settings = WebSettings(sqlite_mmap_bytes=8_000_000, sqlite_cache_kib=4096)
    state = create_app(private_store, settings=settings).state.web
    try:
        with state.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == 8_000_000
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -4096
            assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 1
    finally:
        state.close()


def test_a_window_finds_the_same_stories_from_either_end(tmp_path):
    path = tmp_path / "window.db"
    start = date(2025, 1, 1)
    with Store.open(path) as store:
        for number in range(30):
            record = march_report(number, start + timedelta(days=12 * number), prefix="window",
                                  town=f"Lakeview{number}", step=1.0)
            store.write_record(record, extractor_version="hand-written")
            assign_stories(store, [record["document"]["id"]],
                           records={record["document"]["id"]: record})
    with closing(sqlite3.connect(path)) as conn:
        stories = conn.execute("SELECT id, first_date, last_date, seq FROM stories").fetchall()
    assert len(stories) == 30
    _store, engine = open_reader(path)
    try:
        windows = [("2025-01-10", "2025-03-01"), ("2025-11-01", "2025-12-20"),
                   ("2025-05-01", "2025-06-15"), ("2024-01-01", "2026-12-31")]
        ends = [_narrower_end(engine, Filters(since=s, until=u)) for s, u in windows]
        assert ends[:2] == ["first", "last"]  # the nearer end of the store
        for since, until in windows:
            total, rows = list_stories(engine, Filters(since=since, until=until),
                                       limit=500, offset=0)
            expected = sorted((s for s in stories if s[2] >= since and s[1] <= until),
                              key=lambda s: (s[1], s[3]), reverse=True)
            assert [row["id"] for row in rows] == [s[0] for s in expected]
            assert total == len(expected) > 0
    finally:
        engine.dispose()


def test_a_pinned_answer_is_never_dropped_to_make_room(tmp_path):
    path = tmp_path / "s.db"
    _database(path)
    cache = AnswerCache(file_version(path), size=2)
    made = []
    cache.get("overview", lambda: made.append("overview") or "map", pin=True)
    for n in range(5):  # many answers few ask for again
        cache.get(f"window{n}", lambda: "answer")
    assert list(cache.entries) == ["overview", "window3", "window4"]
    assert cache.get("overview", lambda: made.append("again") or "map") == "map"
    assert made == ["overview"]
    _write(path)  # a pinned answer is made again when the store changes, as any other
    assert cache.get("overview", lambda: made.append("changed") or "new map") == "new map"
    assert made == ["overview", "changed"]
