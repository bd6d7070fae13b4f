"""RSS, RDF and Atom feeds: one document per entry, by feedparser.

The bytes are first parsed with defusedxml, which refuses entity declarations (the
"billion laughs" bomb) and external references, and reports malformed XML, before
feedparser (which is lenient) ever sees them.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser

from ..document import Document
from ..errors import IngestError
from .encoding import InputProblem, looks_binary, normalise_line_ends

log = logging.getLogger(__name__)

FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Tags after which a new line starts when entry HTML is turned into text.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article "
    "header footer figure figcaption dd dt hr".split()
)
_SKIP_TAGS = frozenset({"script", "style", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_WHITESPACE = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # A line break inside HTML text is only a space; block tags make the lines.
            self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph (block element), spaces
    inside a line folded, no empty lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def check_xml(data: bytes) -> str:
    """The local name of the document's root element; refuses unsafe or malformed XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except DefusedXmlException as exc:
        raise InputProblem(f"unsafe or malformed XML: {_defused_reason(exc)}") from exc
    except ParseError as exc:
        raise InputProblem(f"unsafe or malformed XML: {exc}") from exc
    return root.tag.rsplit("}", 1)[-1]


def _defused_reason(exc: Exception) -> str:
    name = type(exc).__name__
    if name == "EntitiesForbidden":
        return "entity declarations are refused (they can expand without limit or read local files)"
    if name == "DTDForbidden":
        return "document type declarations are refused"
    if name == "ExternalReferenceForbidden":
        return "external references are refused"
    return f"{name}: {exc}"


def _entry_text(entry) -> str:
    """The entry's full content where the feed gives it, else its summary, as plain text."""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return _as_text(value, item.get("type"))
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _as_text(summary, detail.get("type"))


def _as_text(value: str, content_type: str | None) -> str:
    if content_type == "text/plain":
        return normalise_line_ends(value).strip()
    return html_to_text(value)


def _one_line(value: str | None, detail: dict | None) -> str | None:
    """A title as one line of plain text (feedparser has unescaped it already)."""
    text = _as_text(value or "", (detail or {}).get("type"))
    return " ".join(text.split()) or None


def _entry_day(entry) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed")
    # "in" first: feedparser's get("updated_parsed") falls back to a published date it
    # could not parse, with a DeprecationWarning.
    if not parsed and "updated_parsed" in entry:
        parsed = entry["updated_parsed"]
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _bozo_problem(parsed) -> str | None:
    """feedparser's complaint about the feed, unless it is only about the encoding label."""
    import feedparser

    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if isinstance(exc, benign):
        log.debug("feed: %s", exc)
        return None
    return f"malformed feed: {exc}"


def read_feed(data: bytes, *, source: str, path: str | None) -> Iterator[Document | IngestError]:
    """One Document per entry (``source#N``, N from 1), or one IngestError for the feed."""
    import feedparser  # late: only feeds need it

    if looks_binary(data):
        raise InputProblem("not a text file (binary content)")
    root = check_xml(data)
    if root not in FEED_ROOTS:
        raise InputProblem(f"XML is not an RSS, RDF or Atom feed (root element <{root}>)")
    # Bytes, not text: feedparser honours the XML declaration's encoding itself.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    problem = _bozo_problem(parsed)
    if problem:
        raise InputProblem(problem)
    if not parsed.entries:
        raise InputProblem("feed has no entries")
    outlet = _one_line(parsed.feed.get("title"), parsed.feed.get("title_detail"))
    for number, entry in enumerate(parsed.entries, start=1):
        label = f"{source}#{number}"
        title = _one_line(entry.get("title"), entry.get("title_detail"))
        yield Document(
            text=_entry_text(entry),
            path=path,
            url=entry.get("link") or None,
            outlet=outlet,
            published=_entry_day(entry),
            title=title,
            source=label,
        )
