"""The document: one article's text and metadata, the unit every record points into."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form a document's identity is computed from: NFC, whitespace folded, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """A stable id from the normalised text: the same article ingested twice is one document."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article. ``text`` is exactly what every character offset refers to."""

    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, or None when the input does not say
    title: str | None = None
    language: str = "en"
    # Where it came from, for messages: a path, "path#entry 3", "-" for standard input.
    source: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)

    def to_record(self) -> dict:
        """The ``document`` object of the extraction record (CONTRACT)."""
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_record(cls, record: dict) -> Document:
        return cls(
            text=record["text"],
            path=record.get("path"),
            url=record.get("url"),
            outlet=record.get("outlet"),
            published=record.get("published"),
            title=record.get("title"),
            language=record.get("language") or "en",
            source=record.get("path") or record.get("url") or record["id"],
            id=record["id"],
        )
