"""From what the user named (paths, folders, globs, "-") to Documents and IngestErrors.

Three steps, each its own function: :func:`expand_inputs` turns the names into a sorted,
de-duplicated list of things to read; :func:`read_bytes` reads one of them with the size
and file-kind checks; :func:`read_input` picks the format and runs its reader. Finally
:func:`finish` refuses empty and non-English documents and fills in the fallback date.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..document import Document
from ..errors import IngestError
from .encoding import InputProblem, decode_bytes
from .feeds import read_feed
from .html import read_html
from .jsonl import json_problem, read_jsonl, record_to_document
from .language import SUPPORTED, unsupported_language
from .limits import InputLimits, check_document_size, check_json_depth, check_markup_depth
from .telegram import is_telegram_export, read_telegram
from .text import read_text

log = logging.getLogger(__name__)

STDIN = "-"

_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
}
_SNIFF_BYTES = 2048


@dataclass(frozen=True)
class Input:
    """One thing to read: a file, standard input, or a name that led nowhere."""

    source: str  # the label messages use
    path: str | None  # None for standard input
    problem: str | None = None  # known before reading: "no such file"


# ---------------------------------------------------------------- names to inputs


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(top: str, *, report_empty: bool) -> Iterator[Input]:
    """Files under ``top``, depth first, names sorted, hidden files and folders skipped;
    a folder that cannot be listed is reported, and (``report_empty``) so is a folder
    that holds no files."""
    failures: list[OSError] = []
    found = failed = False
    for folder, dirs, files in os.walk(top, onerror=failures.append):
        failed = failed or bool(failures)
        yield from _folder_failures(failures)
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name):
                found = True
                path = os.path.join(folder, name)
                yield Input(path, path)
    failed = failed or bool(failures)
    yield from _folder_failures(failures)
    if report_empty and not found and not failed:
        yield Input(top, None, "no files in this folder")


def _folder_failures(failures: list[OSError]) -> Iterator[Input]:
    for exc in failures:
        folder = exc.filename or "?"
        yield Input(str(folder), None, f"folder {_os_problem(exc)}")
    failures.clear()


def _named(item: str, *, from_glob: bool = False) -> Iterator[Input]:
    if item == STDIN:
        yield Input(STDIN, None)
    elif os.path.isdir(item):
        # A folder matched by "**" is one of many: its emptiness is not worth a message.
        yield from _walk(item, report_empty=not from_glob)
    elif os.path.lexists(item):
        # A path that exists only as a link is a broken link: reported by read_bytes.
        yield Input(item, item)
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Input(item, None, "no files match this pattern")
        for match in matches:
            yield from _named(match, from_glob=True)
    else:
        yield Input(item, item, "no such file")


def expand_inputs(inputs: Iterable[str]) -> Iterator[Input]:
    """Every file the names lead to, in the order given (folders and glob matches sorted).
    A file reached twice (a folder and a glob, say) is read once; so is standard input."""
    seen: set[str] = set()
    for item in inputs:
        for found in _named(item):
            if found.problem is None:
                key = STDIN if found.path is None else os.path.realpath(found.path)
                if key in seen:
                    continue
                seen.add(key)
            yield found


def count_inputs(inputs: Iterable[str]) -> int:
    """How many inputs :func:`expand_inputs` leads to (files, standard input, names that
    lead nowhere), from the file system's listings alone: nothing is opened or read."""
    return sum(1 for _ in expand_inputs(inputs))


# ---------------------------------------------------------------- reading bytes


def describe_size(size: int, *, limit: bool = False) -> str:
    """``"52.4 MB"``, ``"3.1 kB"``, ``"512 bytes"``; limits without needless decimals."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:g} {unit}" if limit else f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"file is {more}{describe_size(size)}, larger than the "
        f"{describe_size(max_bytes, limit=True)} limit"
    )


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "unreadable: permission denied"
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"unreadable: {reason}"


def read_bytes(path: str, *, max_bytes: int) -> bytes:
    """The file's bytes. Its size is checked before anything is read, and special files
    (pipes, devices) are refused rather than opened, since reading them can block."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise InputProblem("no such file (broken symbolic link)") from exc
        raise InputProblem("no such file") from exc
    except OSError as exc:
        raise InputProblem(_os_problem(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputProblem(f"not a regular file ({_kind_of(info.st_mode)})")
    if info.st_size > max_bytes:
        raise InputProblem(_too_large(info.st_size, max_bytes))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputProblem(_os_problem(exc)) from exc
    if len(data) > max_bytes:  # it grew since stat
        raise InputProblem(_too_large(len(data), max_bytes, at_least=True))
    return data


def read_stream(stream: BinaryIO | None, *, max_bytes: int) -> bytes:
    """Standard input (or ``stream``), at most ``max_bytes``."""
    if stream is None:
        stream = sys.stdin.buffer
    elif hasattr(stream, "buffer"):  # a text stream such as sys.stdin
        stream = stream.buffer
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):  # an io.StringIO, say
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise InputProblem(_too_large(len(data), max_bytes, at_least=True))
    return data


# ---------------------------------------------------------------- formats


def detect_format(name: str | None, data: bytes) -> str:
    """``"html"``, ``"feed"``, ``"jsonl"``, ``"json"`` or ``"text"``: from the file
    extension when it is a known one, else from the opening bytes."""
    if name:
        extension = os.path.splitext(name)[1].lower()
        if extension in _EXTENSIONS:
            return _EXTENSIONS[extension]
    head = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"<"):
        for root in (b"<rss", b"<feed", b"<rdf:rdf"):
            if root in head:
                return "feed"
        if head.startswith(b"<?xml") and b"<html" not in head:
            return "feed"  # some other XML: the feed reader says what it is instead
        return "html"
    if head.startswith(b"{"):
        return "json-or-lines"
    return "text"


def _read_json(
    text: str, *, source: str, path: str | None, strict: bool, max_depth: int
) -> Iterator:
    """A ``.json`` file (``strict``) must be a Telegram export; sniffed JSON from
    standard input or an unknown extension may also be JSON lines."""
    check_json_depth(text, max_depth)
    try:
        data = json.loads(text)
    except ValueError as exc:  # malformed, or an integer of thousands of digits
        if strict:
            raise InputProblem(json_problem(exc)) from exc
        yield from read_jsonl(text, source=source, path=path, max_depth=max_depth)
        return
    if is_telegram_export(data):
        yield from read_telegram(data, source=source, path=path)
    elif strict:
        raise InputProblem(
            'JSON is not a Telegram export (an object with a "messages" list); '
            "for one article per line, use JSON lines (.jsonl)"
        )
    elif isinstance(data, dict) and isinstance(data.get("text"), str):
        yield record_to_document(data, source=source, path=path)  # one article object
    else:
        yield from read_jsonl(text, source=source, path=path, max_depth=max_depth)


def _parse(
    fmt: str, data: bytes, *, source: str, path: str | None, max_depth: int
) -> Iterator:
    if fmt == "feed":
        check_markup_depth(data, max_depth, kind="XML")
        yield from read_feed(data, source=source, path=path)
    elif fmt == "html":
        check_markup_depth(data, max_depth, kind="HTML")
        yield read_html(data, source=source, path=path)
    else:
        text = decode_bytes(data)
        if fmt == "jsonl":
            yield from read_jsonl(text, source=source, path=path, max_depth=max_depth)
        elif fmt in ("json", "json-or-lines"):
            yield from _read_json(text, source=source, path=path, strict=fmt == "json",
                                  max_depth=max_depth)
        else:
            yield read_text(text, source=source, path=path)


def read_input(
    item: Input, *, limits: InputLimits, stdin: BinaryIO | None = None
) -> Iterator[Document | IngestError]:
    """Everything one input holds: Documents, and an IngestError for what is wrong."""
    if item.problem:
        yield IngestError(item.source, item.problem)
        return
    try:
        if item.path is None:
            data = read_stream(stdin, max_bytes=limits.max_bytes)
        else:
            data = read_bytes(item.path, max_bytes=limits.max_bytes)
        if not data.strip():
            raise InputProblem("empty document")
        yield from _parse(detect_format(item.path, data), data, source=item.source,
                          path=item.path, max_depth=limits.max_depth)
    except InputProblem as exc:
        yield IngestError(item.source, str(exc))
    except Exception as exc:  # a reader library failing must not end the batch
        # The caller prints one line; the traceback is for -v (INFO) only.
        log.info("%s: unexpected failure while reading", item.source, exc_info=True)
        yield IngestError(item.source, f"could not be read ({unexpected(exc)})")


def unexpected(exc: BaseException) -> str:
    """An exception nobody foresaw, in one line: its class and the first line of its text."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def finish(
    document: Document, *, date: str | None, max_chars: int | None = None
) -> Document | IngestError:
    """The last checks every Document passes: not empty, not over ``max_chars``, English;
    the ``date`` given by the caller fills in a publication date the input does not state."""
    if not document.text.strip():
        return IngestError(document.source, "empty document")
    too_long = check_document_size(document.text, max_chars) if max_chars else None
    if too_long:
        return IngestError(document.source, too_long)
    problem = unsupported_language(document.text)
    if problem:
        return IngestError(document.source, problem)
    document.language = SUPPORTED
    if document.published is None and date is not None:
        document.published = date
    return document
