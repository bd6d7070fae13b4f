"""PostgreSQL as the store: the driver, messages, the same content as SQLite, and several
processes writing one database at once (a real server, tests/pg_server.py)."""

from __future__ import annotations

import multiprocessing
import re

import pytest
from test_store import make_record
from test_stories import CORPUS, GOLD

from eventledger.errors import StoreError
from eventledger.store import SCHEMA_VERSION, Store
from eventledger.store.dialect import display_name, parse_url
from eventledger.stories import assign_stories, list_stories


def test_a_postgresql_url_picks_psycopg_3():
    assert parse_url("postgresql://ana@db.example:5433/events").drivername == (
        "postgresql+psycopg")
    assert parse_url("postgresql+psycopg2://ana@h/e").drivername == "postgresql+psycopg2"
    assert parse_url("events.db").drivername == "sqlite"


def test_messages_name_the_database_without_its_password():
    assert display_name("postgresql://ana:secret@db.example/events") == (
        "postgresql://ana:***@db.example/events")
    assert display_name("events.db") == "events.db"


def test_an_unreachable_server_is_one_line(postgres_server):
    from pg_server import free_port

    url = f"postgresql://ana:secret@127.0.0.1:{free_port()}/events"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = caught.value.message
    assert message.startswith("cannot open database postgresql://ana:***@127.0.0.1:")
    assert "\n" not in message and "secret" not in message
    assert "refused" in message or "failed" in message


def test_sqlite_and_postgresql_hold_the_same_content(postgres_server, tmp_path):
    records = [make_record(f"doc-{i}", published=f"2025-03-0{i}") for i in range(1, 5)]
    with Store.open(tmp_path / "events.db") as lite, \
            Store.open(postgres_server.create_database()) as pg:
        for store in (lite, pg):
            for record in records:
                store.write_record(record, extractor_version="1.0")
            store.save_signature("doc-1", b"\x00\xff")
            store.link_near_duplicate("doc-2", "doc-1", 0.75)
        assert pg.get_record("doc-3") == records[2]
        assert list(pg.iter_signatures()) == list(lite.iter_signatures())
        assert pg.counts() == lite.counts()
        assert pg.fingerprint() == lite.fingerprint()


# -- several processes at once --------------------------------------------------------------

def _open_and_write(url: str, worker: int, barrier) -> list[str]:
    barrier.wait()  # all open the new database at the same moment: one migrates
    with Store.open(url) as store:
        statuses = [store.write_record(make_record(f"w{worker}-{i}"), extractor_version="1")
                    for i in range(10)]
        statuses += [store.write_record(make_record(f"shared-{i}"), extractor_version="1")
                     for i in range(10)]
    return statuses


def test_processes_opening_and_writing_one_new_database(postgres_server):
    url = postgres_server.create_database()
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(3)
        with context.Pool(3) as pool:
            results = pool.starmap(_open_and_write, [(url, w, barrier) for w in range(3)])
    statuses = [s for result in results for s in result]
    # Each shared document is written by exactly one process; the others find it.
    assert statuses.count("written") == 30 + 10 and statuses.count("unchanged") == 20
    with Store.open(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["documents"] == 40
        assert store.counts()["events"] == 120


def _write_and_assign(url: str, records: list[dict], barrier) -> None:
    barrier.wait()
    with Store.open(url) as store:
        for record in records:
            store.write_record(record, extractor_version="test")
            assign_stories(store, [record["document"]["id"]], records={
                record["document"]["id"]: record})


def test_concurrent_story_assignment_stays_consistent(postgres_server):
    """Two processes store overlapping halves of the corpus and assign stories at the same
    time: every story id is used once, each document's items are in stories once, and
    the reports group as one process groups them."""
    url = postgres_server.create_database()
    Store.open(url).close()
    first, second = CORPUS[:8], CORPUS[4:][::-1]  # r05-r08 in both, in opposite orders
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(2)
        with context.Pool(2) as pool:
            pool.starmap(_write_and_assign, [(url, first, barrier), (url, second, barrier)])
    with Store.open(url) as store:
        tables = list_stories(store)
        ids = [t.story["id"] for t in tables]
        assert len(ids) == len(set(ids)) == len(GOLD)
        assert ids == [f"S{n:06d}" for n in range(1, len(ids) + 1)]
        assert sorted(map(sorted, (t.documents for t in tables))) == sorted(map(sorted, GOLD))
        for table in tables:
            members = store.story_members(table.story["id"])
            keys = [(m["doc_id"], m["item_id"]) for m in members]
            assert len(keys) == len(set(keys))
            assert table.story["n_items"] == len(members)
            assert table.story["n_documents"] == len({m["doc_id"] for m in members})
        assert store.counts()["documents"] == len(CORPUS)


def _process(inputs, db):
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "eventledger.cli", "process", *map(str, inputs), "--db", db,
         "-q", "--batch-size", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _member_keys(store) -> list[tuple[str, str]]:
    keys = []
    for row in store.story_rows():
        keys += [(m["doc_id"], m["item_id"]) for m in store.story_members(row["id"])]
    return sorted(keys)


def test_two_process_runs_over_overlapping_inputs(postgres_server, tmp_path):
    from test_cli import _write_corpus

    corpus = _write_corpus(tmp_path / "all", count=8)
    names = sorted(p.name for p in corpus.iterdir())
    first, second = names[:6], names[2:]  # four files in both
    reference = postgres_server.create_database()
    assert _process([corpus], reference).wait(timeout=600) == 0

    shared = postgres_server.create_database()
    runs = [_process([corpus / n for n in first], shared),
            _process([corpus / n for n in reversed(second)], shared)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    stored = [int(re.search(r"(\d+) stored", out).group(1)) for out, _err in outputs]
    assert sum(stored) == 8, outputs  # the four shared files were stored by one run only
    with Store.open(shared) as store, Store.open(reference) as ref:
        assert store.counts() == ref.counts()  # every document once, with all its items
        rows = store.story_rows()
        assert [r["id"] for r in rows] == [f"S{n:06d}" for n in range(1, len(rows) + 1)]
        assert _member_keys(store) == _member_keys(ref)  # every item in one story
        for row in rows:
            members = store.story_members(row["id"])
            assert row["n_items"] == len(members)
            assert row["n_documents"] == len({m["doc_id"] for m in members})


def test_a_database_not_in_byte_order_is_warned_about(postgres_server, caplog):
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=postgres_server.port, user="eventledger",
                         dbname="postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE by_bytes TEMPLATE template0")
        conn.execute("CREATE DATABASE by_words LOCALE_PROVIDER icu ICU_LOCALE 'en-US' "
                     "LOCALE 'C' TEMPLATE template0")
    with caplog.at_level("WARNING", logger="eventledger"):
        Store.open(postgres_server.url("by_bytes")).close()
        assert caplog.records == []
        Store.open(postgres_server.url("by_words")).close()
    assert [r.getMessage() for r in caplog.records] == [
        f"database {postgres_server.url('by_words')} does not sort text in byte order; "
        "eventledger lists items as SQLite does only with the C collation (CREATE DATABASE "
        "... LC_COLLATE 'C' TEMPLATE template0)"]
