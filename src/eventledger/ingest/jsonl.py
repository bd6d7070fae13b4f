"""JSON lines: one article per line, ``{"text": ..., "date": ..., "url": ..., ...}``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from ..document import Document
from ..errors import IngestError
from .encoding import InputProblem, normalise_line_ends
from .limits import check_json_depth
from .text import iso_day

log = logging.getLogger(__name__)


def _optional_str(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def json_problem(exc: ValueError, line: int | None = None) -> str:
    """What is wrong with JSON that ``json.loads`` refused, in words for one line."""
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON on line {line or exc.lineno}: {exc.msg} (column {exc.colno})"
    # Python reads integers of at most 4300 digits (sys.get_int_max_str_digits).
    where = f" on line {line}" if line else ""
    return f"JSON{where} holds a number too long to read"


def record_to_document(record: dict, *, source: str, path: str | None) -> Document:
    """A Document from one JSON object; ``text`` must be there (checked by the caller)."""
    raw_date = _optional_str(record, "date", "published")
    published = iso_day(raw_date) if raw_date else None
    if raw_date and published is None:
        log.warning("%s: date %r is not YYYY-MM-DD; left empty", source, raw_date)
    return Document(
        text=normalise_line_ends(record["text"]).strip(),
        path=path,
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet"),
        published=published,
        title=_optional_str(record, "title"),
        source=source,
    )


def read_jsonl(
    text: str, *, source: str, path: str | None, max_depth: int = 256
) -> Iterator[Document | IngestError]:
    """One Document per non-blank line (``source:LINE``); a bad line (malformed, or
    nested more than ``max_depth`` levels) is one IngestError and the lines after it are
    still read."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        label = f"{source}:{number}"
        try:
            check_json_depth(line, max_depth)
        except InputProblem as exc:
            yield IngestError(label, f"line {number}: {exc}")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:  # malformed, or an integer of thousands of digits
            yield IngestError(label, json_problem(exc, number))
            continue
        if not isinstance(record, dict):
            yield IngestError(label, f"line {number} is not a JSON object")
            continue
        if not isinstance(record.get("text"), str):
            yield IngestError(label, f'line {number} has no "text" string')
            continue
        yield record_to_document(record, source=label, path=path)
