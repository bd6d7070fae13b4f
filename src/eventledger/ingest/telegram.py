"""Telegram Desktop channel exports (``result.json``): one document per message."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from .encoding import normalise_line_ends
from .text import iso_day


def is_telegram_export(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("messages"), list)


def flatten_text(value: object) -> str:
    """A message's text: a string, or a list of strings and entity objects
    (``{"type": "bold", "text": "..."}``), joined into plain text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def read_telegram(export: dict, *, source: str, path: str | None) -> Iterator[Document]:
    """One Document per ordinary message with text (``source#ID``, the message id).
    Service messages (joins, pins) and messages without text are passed over silently."""
    outlet = export.get("name") if isinstance(export.get("name"), str) else None
    username = export.get("username") if isinstance(export.get("username"), str) else None
    for position, message in enumerate(export["messages"], start=1):
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        text = normalise_line_ends(flatten_text(message.get("text"))).strip()
        if not text:
            continue
        message_id = message.get("id", position)
        raw_date = message.get("date")
        url = None
        if username and isinstance(message_id, int):
            url = f"https://t.me/{username.lstrip('@')}/{message_id}"
        yield Document(
            text=text,
            path=path,
            url=url,
            outlet=outlet,
            published=iso_day(raw_date) if isinstance(raw_date, str) else None,
            title=None,
            source=f"{source}#{message_id}",
        )
