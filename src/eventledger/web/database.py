"""The stores the web application reads and writes.

Pages and the reading API go through a read-only :class:`~eventledger.store.Store`: an
SQLite file opened with ``mode=ro`` (and ``query_only``), or a PostgreSQL connection whose
transactions are read-only. Writes (``POST /api/documents``) open the ordinary store, on
first use.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..store import Store
from ..store.dialect import SQLITE_BUSY_TIMEOUT, database_url
from ..store.schema import SCHEMA_VERSION, T

log = logging.getLogger(__name__)


def is_sqlite(target: str | Path) -> bool:
    return database_url(target).startswith("sqlite")


def sqlite_file(target: str | Path) -> Path | None:
    """The database file of an SQLite target, else None."""
    if not is_sqlite(target):
        return None
    database = make_url(database_url(target)).database
    return Path(database).expanduser().resolve() if database and database != ":memory:" else None


def _read_only_engine(target: str | Path, *, mmap_bytes: int = 0,
                      cache_kib: int = 0) -> Engine:
    url_text = database_url(target)
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(f"cannot open database {target}: not a path or database URL") from exc
    if url.get_backend_name() != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True,
                                 execution_options={"postgresql_readonly": True}
                                 if url.get_backend_name() == "postgresql" else {})
        except Exception as exc:  # missing driver, bad options
            raise StoreError(f"cannot open database {target}: {exc}") from exc
    path = Path(url.database or "").expanduser().resolve()
    if not url.database or url.database == ":memory:":
        raise StoreError("serve needs a database file or URL, not an in-memory database")
    if not path.is_file():
        raise StoreError(f"cannot open database {target}: no such file")
    engine = create_engine(
        f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true",
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # A second guard: even a writable handle would refuse to change anything.
            cursor.execute("PRAGMA query_only=ON")
            # Readers map the file and keep more pages: a page is then a memory read,
            # not a system call, for every query of every request.
            if mmap_bytes:
                cursor.execute(f"PRAGMA mmap_size={int(mmap_bytes)}")
            if cache_kib:
                cursor.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        finally:
            cursor.close()

    return engine


def _one_line(reason) -> str:
    return " ".join(str(reason).split())


def _open_once(target: str | Path) -> None:
    """Open the store for writing and close it: this creates or migrates it, as every
    other command does. Its error comes on one line."""
    try:
        Store.open(target).close()
    except StoreError as exc:
        raise StoreError(_one_line(exc.message)) from exc


def open_reader(target: str | Path, *, mmap_bytes: int = 0,
                cache_kib: int = 0) -> tuple[Store, Engine]:
    """A read-only store over ``target`` and its engine (for the listing queries).

    A database server's store, an SQLite file that does not exist yet, or one at an older
    schema, is first opened once for writing (which creates or migrates it), as every
    other command does. ``mmap_bytes`` and ``cache_kib``: how much of an SQLite file
    each reading connection maps and caches (0: SQLite's defaults)."""
    if not is_sqlite(target) or not Path(make_url(database_url(target)).database or "").is_file():
        _open_once(target)
    tuning = {"mmap_bytes": mmap_bytes, "cache_kib": cache_kib}
    engine = _read_only_engine(target, **tuning)
    try:
        with engine.connect() as conn:
            version = conn.execute(select(T["schema_version"].c.version)
                                   .order_by(T["schema_version"].c.version.desc())).scalar()
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open database {target}: {_one_line(reason)}") from exc
    if version is None or version < SCHEMA_VERSION:
        engine.dispose()
        _open_once(target)  # migrates, as any command would
        engine = _read_only_engine(target, **tuning)
    elif version > SCHEMA_VERSION:
        engine.dispose()
        raise StoreError(f"database {target} has schema version {version}, newer than this "
                         f"eventledger ({SCHEMA_VERSION}); upgrade eventledger")
    return Store(engine, label=str(target)), engine
