"""Answers kept while the store does not change.

Many readers ask the same things (the overview without filters: its map, timeline and
stories), and a large store takes a while to count and group. An answer is kept while
the store's version stays the same: for an SQLite store, the size and modification time
of the database file and its write-ahead log (every commit touches one of them,
whichever process makes it); for PostgreSQL, the server's current snapshot (the
transactions begun and not yet ended: a commit anywhere on the server changes it, a
reading transaction does not), which every process serving the store reads alike.

An answer is made once per store version: readers who ask for it while it is being made
wait for that one rather than each making their own (a crowd opening the overview at
once would otherwise run the same long query side by side).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine


def file_version(database: Path) -> Callable[[], tuple]:
    """The version of the SQLite store ``database``: its file's and its write-ahead
    log's size and modification time."""
    files = [database, Path(f"{database}-wal")]

    def version() -> tuple:
        stamp = []
        for path in files:
            try:
                info = os.stat(path)
            except FileNotFoundError:
                stamp.append(None)
            else:
                stamp.append((info.st_size, info.st_mtime_ns))
        return tuple(stamp)

    return version


def snapshot_version(engine: Engine) -> Callable[[], tuple]:
    """The version of a PostgreSQL store: the server's current snapshot (the oldest
    transaction still running, the next to begin, those running between). A commit
    changes it, whichever database of the server it writes to (an answer is then made
    again for nothing, never kept past a change); reading does not."""
    query = text("SELECT CAST(pg_current_snapshot() AS TEXT)")

    def version() -> tuple:
        with engine.connect() as conn:
            return ("snapshot", conn.execute(query).scalar_one())

    return version


class AnswerCache:
    """An LRU of ``key -> value``, each valid for the store version it was made at.
    ``version``: what gives the store's version (:func:`file_version`,
    :func:`snapshot_version`); None keeps nothing."""

    def __init__(self, version: Callable[[], tuple] | None, *, size: int):
        self.version_of = version
        self.size = size
        self.entries: OrderedDict[str, tuple[tuple, object]] = OrderedDict()
        # Keys never dropped to make room (what every reader needs, long to make).
        self.pinned: set[str] = set()
        self.making: dict[tuple[str, tuple], Future] = {}
        self.lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.version_of is not None and self.size > 0

    def version(self) -> tuple | None:
        return self.version_of() if self.version_of is not None else None

    def get(self, key: str, make: Callable[[], object], *, pin: bool = False):
        """The value kept for ``key`` at the current version, else ``make()`` (kept).
        ``pin``: the key is never dropped to make room for others (only replaced when
        the store changes): the LRU would otherwise drop an answer every reader needs
        and that takes long to make, among many that few ask for again."""
        if pin:
            self.pinned.add(key)
        return self.get_tagged(key, make)[0]

    def get_tagged(self, key: str, make: Callable[[], object]) -> tuple[object, str | None]:
        """``(value, tag)``: the value as :meth:`get` gives it, and an entity tag that
        names the key and the store version it was made at (None when not cached). Every
        process serving the same store gives the same tag for the same answer."""
        version = self.version()
        if version is None or self.size <= 0:
            return make(), None
        tag = hashlib.sha1(repr((key, version)).encode()).hexdigest()[:24]
        with self.lock:
            found = self.entries.get(key)
            if found and found[0] == version:
                self.entries.move_to_end(key)
                return found[1], tag
            pending = self.making.get((key, version))
            mine = pending is None
            if mine:
                pending = self.making[(key, version)] = Future()
        if not mine:
            return pending.result(), tag  # made by another reader (its error, if it failed)
        try:
            value = make()
        except BaseException as exc:
            with self.lock:
                self.making.pop((key, version), None)
            pending.set_exception(exc)
            raise
        with self.lock:
            self.entries[key] = (version, value)
            self.entries.move_to_end(key)
            excess = len(self.entries) - self.size - len(self.pinned)
            if excess > 0:
                oldest = [k for k in self.entries if k not in self.pinned][:excess]
                for dropped in oldest:
                    del self.entries[dropped]
            self.making.pop((key, version), None)
        pending.set_result(value)
        return value, tag
