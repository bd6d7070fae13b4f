"""Work on the next item in a thread of its own while the caller handles this one.

The attribution tagger's forward pass runs in PyTorch, which computes without the
interpreter's lock, while spaCy's parse of the next batch holds it: tagging one batch
while the pipes before it parse the next keeps a second core busy that would otherwise
wait.

The work of an item that is not wanted any more (the caller stopped reading: an error, a
document's time limit) is told to stop through a flag it checks between its steps, and is
waited for, so that no thread goes on computing behind the caller's back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Stopped(Exception):
    """Raised by work that found its stop flag set."""


def check(stop: threading.Event | None) -> None:
    """Raise :class:`Stopped` where ``stop`` is set: work calls this between its steps."""
    if stop is not None and stop.is_set():
        raise Stopped


def worked_ahead(items: Iterable[Item], work: Callable[[Item, threading.Event], Result], *,
                 name: str) -> Iterator[tuple[Item, Result]]:
    """``(item, work(item, stop))`` for each of ``items`` in order. Each item's work runs in
    one thread (named after ``name``) while this generator takes the next item from
    ``items`` and its caller handles the item before: one item is worked on ahead.

    An exception of the work is raised here, at its item. When the generator is left
    early (closed, or an exception raised into it, such as a time limit's), the work in
    hand is told to stop (``stop`` is set; it should call :func:`check` between steps)
    and is waited for."""
    stop = threading.Event()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
    pending: tuple[Item, Future] | None = None
    try:
        for item in items:
            future = pool.submit(work, item, stop)
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = (item, future)
        if pending is not None:
            yield pending[0], pending[1].result()
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
