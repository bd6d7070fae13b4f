"""Limits on what one input may cost: size, nesting depth and time.

The values are settings (``max_input_bytes``, ``max_document_chars``, ``max_parse_depth``,
``max_seconds_per_document`` in ``data/defaults.toml``). An input over a limit is one
:class:`~eventledger.errors.IngestError` line, and the batch goes on.

Depth is measured before a parser sees the input: libxml2 silently drops HTML below its
256th level, Python's json module recurses, and a feed nested a million levels deep is
not news.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .encoding import InputProblem


@dataclass(frozen=True)
class InputLimits:
    """What one input may cost; 0 for the seconds turns the time limit off."""

    max_bytes: int = 20_000_000
    max_chars: int = 1_000_000
    max_depth: int = 256
    max_seconds: float = 300.0


class DocumentTimeout(BaseException):
    """Reading or extracting one document took longer than the limit.

    A BaseException, as KeyboardInterrupt is: libraries that catch every Exception
    (trafilatura does, around its extractors) must not swallow it and go on."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than the {seconds:g} s limit per document: skipped")
        self.seconds = seconds


# ---------------------------------------------------------------- depth

_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:_.-]*)[^>]*?(/?)>")
# Elements that never hold others, and those whose end tag HTML lets the writer leave out
# (a <p> or <li> is closed by the next one): neither adds a level.
_FLAT = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp".split()
)
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def markup_depth(data: bytes, *, stop_above: int | None = None) -> int:
    """How deeply the elements of HTML or XML ``data`` nest, as a browser would read it:
    an end tag closes the elements left open inside it, and a stray one is ignored.
    Counting stops once ``stop_above`` is passed."""
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    deepest = 0
    for match in _TAG.finditer(_COMMENT.sub(b"", data)):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _FLAT or self_closing:
            continue
        if not closing:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            deepest = max(deepest, len(stack))
            if stop_above is not None and deepest > stop_above:
                break
        elif open_count.get(name):
            while stack:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
    return deepest


def json_depth(text: str, *, stop_above: int | None = None) -> int:
    """How deeply the arrays and objects of JSON ``text`` nest (brackets inside strings
    are not counted). Counting stops once ``stop_above`` is passed."""
    if stop_above is not None and text.count("[") + text.count("{") <= stop_above:
        return 0  # cannot be deeper than the limit: spare the scan
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if stop_above is not None and deepest > stop_above:
                break
        else:
            depth = max(depth - 1, 0)
    return deepest


def check_markup_depth(data: bytes, limit: int, *, kind: str) -> None:
    if markup_depth(data, stop_above=limit) > limit:
        raise InputProblem(f"{kind} nested more than {limit} levels deep (limit max_parse_depth)")


def check_json_depth(text: str, limit: int) -> None:
    if json_depth(text, stop_above=limit) > limit:
        raise InputProblem(f"JSON nested more than {limit} levels deep (limit max_parse_depth)")


def check_document_size(text: str, limit: int) -> str | None:
    """The message for a document over ``limit`` characters, or None."""
    if len(text) > limit:
        return (f"document is {len(text):,} characters, more than the {limit:,} limit "
                f"(max_document_chars): skipped")
    return None


# ---------------------------------------------------------------- time

@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block once ``seconds`` have passed.

    It works by SIGALRM, so only in the main thread of a process on a POSIX system;
    elsewhere (a worker thread, Windows), and for ``seconds`` 0 or None, the block runs
    without a limit. Not reentrant: an inner limit replaces the outer one."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
