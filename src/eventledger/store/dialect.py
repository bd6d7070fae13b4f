"""Everything database-specific: engine set-up, connection pragmas, upserts.

The rest of the store speaks portable SQLAlchemy Core; a new backend (PostgreSQL) adds
its branch here and nowhere else.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

log = logging.getLogger(__name__)

# Seconds a writer waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT = 30.0
# Execution option that makes a transaction take the write lock at BEGIN.
WRITE = "eventledger_write"


def database_url(target: str | Path) -> str:
    """An SQLAlchemy URL for ``target``: a URL as given, a file path as ``sqlite:///``."""
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def create_store_engine(target: str | Path) -> Engine:
    url_text = database_url(target)
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(f"cannot open database {target}: not a path or database URL") from exc
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    try:
        return create_engine(url, future=True, pool_pre_ping=True)
    except Exception as exc:  # missing driver, bad options
        raise StoreError(f"cannot open database {target}: {exc}") from exc


def _sqlite_engine(url) -> Engine:
    memory = url.database in (None, "", ":memory:")
    if memory:
        # One shared connection, or every connection would see its own empty database.
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    else:
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # The driver's own transaction handling is turned off: we emit BEGIN ourselves
        # (below) so that SQLite's transactions include DDL and writers lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        # IMMEDIATE takes the write lock at once: a read-then-write transaction cannot
        # fail half-way because another process wrote in between.
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def upsert(conn: Connection, table: Table, values: dict, *, keys: list[str]) -> None:
    """Insert ``values`` into ``table``, or update the row with the same ``keys``."""
    name = conn.dialect.name
    if name == "sqlite":
        stmt = sqlite.insert(table).values(**values)
    elif name == "postgresql":
        stmt = postgresql.insert(table).values(**values)
    else:  # portable fallback: delete then insert, inside the caller's transaction
        where = [table.c[k] == values[k] for k in keys]
        conn.execute(table.delete().where(*where))
        conn.execute(table.insert().values(**values))
        return
    updates = {k: v for k, v in values.items() if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))
