"""`eventledger serve` over PostgreSQL: a real server (initdb, pg_ctl) started for the
test, filled through the same Store, answers as the SQLite store does, read-only."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from system_requirements import unavailable
from web_store import build_store

from eventledger.store import Store
from eventledger.stories import assign_stories
from eventledger.web import create_app


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user then."""
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            unavailable("running as root without runuser: cannot start PostgreSQL")
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="module")
def postgres_url():
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        unavailable("PostgreSQL is not installed (tools/system-deps.sh installs it)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("the psycopg driver is not installed")
    folder = Path(tempfile.mkdtemp(prefix="eventledger-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-A", "trust", "-U", "ledger"]),
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l",
                                    str(folder / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    try:
        subprocess.run(_as_server_user([_bin("createdb"), "-h", "127.0.0.1", "-p", str(port),
                                        "-U", "ledger", "ledger"]), check=True,
                       capture_output=True)
        subprocess.run(_as_server_user([_bin("createdb"), "-h", "127.0.0.1", "-p", str(port),
                                        "-U", "ledger", "empty"]), check=True,
                       capture_output=True)
        yield f"postgresql+psycopg://ledger@127.0.0.1:{port}/ledger"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


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


def test_an_empty_postgres_database_is_set_up_as_every_command_does(postgres_url):
    empty = postgres_url.rsplit("/", 1)[0] + "/empty"
    with TestClient(create_app(empty)) as client:
        assert client.get("/api/events").json()["total"] == 0
        assert client.get("/").status_code == 200


def test_an_unreachable_server_is_one_line(postgres_url):
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
