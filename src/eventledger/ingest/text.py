"""Plain text and the seed format (a first line ``date YYYY-MM-DD`` then the body)."""

from __future__ import annotations

import re
from datetime import date as Date

from ..document import Document
from .encoding import InputProblem

# The seed format: "date 2025-04-07 The body starts here..." (the body may instead
# start on the next line). Leading whitespace before "date" is tolerated.
_SEED = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n\s*|[ \t]*\Z)")


def is_seed(text: str) -> bool:
    return _SEED.match(text) is not None


def iso_day(value: str) -> str | None:
    """``value``'s first ten characters when they are a real date ``YYYY-MM-DD``."""
    head = value.strip()[:10]
    try:
        return Date.fromisoformat(head).isoformat() if len(head) == 10 else None
    except ValueError:
        return None


def read_text(text: str, *, source: str, path: str | None) -> Document:
    """A text file: the seed format when its first line says ``date YYYY-MM-DD``, plain
    text otherwise. Whitespace around the body is dropped; the body is kept as it is."""
    match = _SEED.match(text)
    published = None
    if match:
        published = iso_day(match.group(1))
        if published is None:
            raise InputProblem(f"the first line names {match.group(1)!r}, which is not a date")
        text = text[match.end() :]
    return Document(text=text.strip(), path=path, published=published, source=source)
