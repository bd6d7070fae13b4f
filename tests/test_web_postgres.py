"""`eventledger serve` over PostgreSQL: a real server (initdb, pg_ctl) started for the
test, filled through the same Store, answers as the SQLite store does, read-only."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from web_store import build_store

from eventledger.store import Store
from eventledger.stories import assign_stories
from eventledger.web import create_app


@pytest.fixture(scope="module")
def postgres_url(postgres_server):
    """A database on the session's throwaway server (tests/pg_server.py)."""
    return postgres_server.create_database()


@pytest.fixture(scope="module")
def clients(nlp, postgres_url):
    sqlite_path = build_store(nlp)
    with Store.open(sqlite_path) as source, Store.open(postgres_url) as target:
        for doc_id in source.document_ids():
            target.write_record(source.get_record(doc_id), extractor_version="copied")
            assign_stories(target, [doc_id])
    with TestClient(create_app(sqlite_path)) as lite, TestClient(create_app(postgres_url)) as pg:
        yield lite, pg


@pytest.mark.parametrize("url", [
    "/api/events?limit=500", "/api/figures?type=killed", "/api/stories?source=lake radio",
    "/api/map?country=CD", "/api/timeline?since=2025-03-04", "/api/stories/S000001",
    "/api/documents/hostile00000000a", "/api/export?format=csv&type=ASSAULT",
    "/api/events?q=%27%3B%20DROP%20TABLE%20events%3B%20--",
])
def test_postgres_answers_as_sqlite_does(clients, url):
    lite, pg = clients
    expected, answer = lite.get(url), pg.get(url)
    assert answer.status_code == expected.status_code == 200
    assert answer.content == expected.content


def test_postgres_pages_render(clients):
    _lite, pg = clients
    assert "S000001" in pg.get("/").text
    assert "at least 21" in pg.get("/stories/S000001").text


def test_postgres_reading_is_read_only(clients):
    _lite, pg = clients
    with pytest.raises(DBAPIError, match="read-only"):
        with pg.app.state.web.engine.connect() as conn:
            conn.execute(text("DELETE FROM stories"))
            conn.commit()


def test_an_empty_postgres_database_is_set_up_as_every_command_does(postgres_server):
    empty = postgres_server.create_database()
    with TestClient(create_app(empty)) as client:
        assert client.get("/api/events").json()["total"] == 0
        assert client.get("/").status_code == 200


def test_an_unreachable_server_is_one_line():
    from click.testing import CliRunner

    from eventledger.cli import cli

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    result = CliRunner().invoke(cli, ["serve", "--db",
                                      f"postgresql+psycopg://ledger@127.0.0.1:{closed}/none"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_postgres_nul_in_an_address_is_400_not_500(clients):
    _lite, pg = clients
    for url in ("/documents/ab%00cd", "/api/stories/S%00", "/actors/x%00", "/api/events?q=%00"):
        assert pg.get(url).status_code == 400, url


def test_postgres_answers_are_kept_per_store_version_with_an_etag(nlp, postgres_server):
    url = postgres_server.create_database()
    with Store.open(build_store(nlp)) as source, Store.open(url) as target:
        first, *rest = source.document_ids()
        target.write_record(source.get_record(first), extractor_version="copied")
        with TestClient(create_app(url)) as client:
            answer = client.get("/api/events")
            etag = answer.headers["etag"]
            assert "/api/events?" in client.app.state.web.cache.entries
            # Nothing written meanwhile: the browser's copy is current, and so is ours.
            kept = client.get("/api/events", headers={"If-None-Match": etag})
            assert kept.status_code == 304 and kept.headers["etag"] == etag
            for doc_id in rest:
                target.write_record(source.get_record(doc_id), extractor_version="copied")
            changed = client.get("/api/events", headers={"If-None-Match": etag})
            assert changed.status_code == 200 and changed.headers["etag"] != etag
            assert changed.json()["total"] > answer.json()["total"] > 0
