"""Answers kept while the store does not change.

Many readers ask the same things (the overview without filters: its map, timeline and
stories), and a large store takes a while to count and group. For an SQLite store, an
answer is kept until the database file or its write-ahead log changes (size or
modification time: every commit touches one of them, whichever process makes it). Other
databases are not cached: their changes cannot be seen from here.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path


class AnswerCache:
    """An LRU of ``key -> value``, each valid for the store version it was made at."""

    def __init__(self, database: Path | None, *, size: int):
        self.files = [database, Path(f"{database}-wal")] if database else []
        self.size = size
        self.entries: OrderedDict[str, tuple[tuple, object]] = OrderedDict()
        self.lock = threading.Lock()

    def version(self) -> tuple | None:
        if not self.files:
            return None
        stamp = []
        for path in self.files:
            try:
                info = os.stat(path)
            except FileNotFoundError:
                stamp.append(None)
            else:
                stamp.append((info.st_size, info.st_mtime_ns))
        return tuple(stamp)

    def get(self, key: str, make: Callable[[], object]):
        """The value kept for ``key`` at the current version, else ``make()`` (kept)."""
        version = self.version()
        if version is None or self.size <= 0:
            return make()
        with self.lock:
            found = self.entries.get(key)
            if found and found[0] == version:
                self.entries.move_to_end(key)
                return found[1]
        value = make()
        with self.lock:
            self.entries[key] = (version, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value
