"""Everything database-specific: engine set-up, connection pragmas, upserts, locks.

The rest of the store speaks portable SQLAlchemy Core; a backend adds its branch here and
nowhere else. SQLite serialises writers with its write lock (``BEGIN IMMEDIATE``);
PostgreSQL, which many processes write at once, uses transaction-level advisory locks
(:func:`lock`): one per document id while it is written, one for story assignment, one
for schema migrations.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from sqlalchemy import Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

log = logging.getLogger(__name__)

# Seconds a writer waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT = 30.0
# Execution option that makes a transaction take the write lock at BEGIN.
WRITE = "eventledger_write"
# The driver a bare postgresql:// URL gets: psycopg 3 (SQLAlchemy's own default is psycopg2).
POSTGRESQL_DRIVER = "postgresql+psycopg"
# Advisory lock names (PostgreSQL): each becomes a 64-bit key, see lock().
SCHEMA_LOCK = "eventledger:schema"
STORIES_LOCK = "eventledger:stories"


def database_url(target: str | Path) -> str:
    """An SQLAlchemy URL for ``target``: a URL as given, a file path as ``sqlite:///``."""
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def parse_url(target: str | Path) -> URL:
    """The SQLAlchemy URL of ``target``; ``postgresql://`` picks psycopg 3."""
    try:
        url = make_url(database_url(target))
    except ArgumentError as exc:
        raise StoreError(f"cannot open database {target}: not a path or database URL") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=POSTGRESQL_DRIVER)
    return url


def display_name(target: str | Path) -> str:
    """``target`` as messages show it: as the user wrote it, but a URL without its
    password (SQLAlchemy's rendering quotes characters, so it is used only then)."""
    text = str(target)
    if "://" not in text:
        return text
    try:
        url = make_url(text)
    except ArgumentError:
        return text
    return text if url.password is None else url.render_as_string(hide_password=True)


def one_line(reason: object) -> str:
    """A driver's message on one line (psycopg's span several, with hints)."""
    return re.sub(r"\s+", " ", str(reason)).strip()


def create_store_engine(target: str | Path) -> Engine:
    url = parse_url(target)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # missing driver, bad options
        raise StoreError(
            f"cannot open database {display_name(target)}: {one_line(exc)}"
        ) from exc


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


def lock(conn: Connection, name: str) -> None:
    """Hold the lock ``name`` until the transaction of ``conn`` ends (PostgreSQL: an
    advisory lock; other processes taking the same name wait). SQLite needs none: a
    write transaction there already holds the database's only write lock."""
    if conn.dialect.name != "postgresql":
        return
    key = int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(),
                         "big", signed=True)
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def check_database(engine: Engine, label: str) -> None:
    """Warn about a PostgreSQL database whose text order is not byte order: ids then sort
    differently from SQLite ("p1-E10" against "p10-E1", "B" against "a"), and so do
    listings of stories."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        # Byte order puts capitals first and "-" before digits; word orders do neither.
        byte_order = conn.execute(text("SELECT 'B' < 'a' AND 'p1-E10' < 'p10-E1'")).scalar_one()
    if not byte_order:
        log.warning("database %s does not sort text in byte order; eventledger lists items "
                    "as SQLite does only with the C collation (CREATE DATABASE ... "
                    "LC_COLLATE 'C' TEMPLATE template0)", label)
