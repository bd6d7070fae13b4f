"""Ingest: from files, folders, globs and standard input to :class:`Document` objects.

``iter_inputs(inputs, date=..., max_bytes=..., stdin=...)`` yields, in a fixed order,
a :class:`~eventledger.document.Document` for every article it finds and an
:class:`~eventledger.errors.IngestError` (yielded, not raised) for every input that
cannot be used, so that the caller reports one line and carries on with the batch.

What the names lead to
    A file; a folder (read recursively, names sorted, hidden files and folders
    skipped); a glob pattern (``*``, ``?``, ``[...]``, and ``**`` for any depth; matches
    sorted); ``-`` for standard input. A file reached twice is read once.

How the format is chosen
    By the file extension when it is one of these, otherwise (and always for standard
    input) from the opening bytes:

    ============================== ================ ==================================
    format                         extensions       sniffed when the content opens with
    ============================== ================ ==================================
    HTML page (trafilatura)        .html .htm       ``<html``, ``<!doctype html``, any
                                   .xhtml           other tag
    RSS / RDF / Atom feed          .xml .rss .atom  ``<rss``, ``<feed``, ``<rdf:RDF``,
    (feedparser)                   .rdf             ``<?xml``
    JSON lines                     .jsonl .ndjson   ``{`` (one object with "text" is
                                                    one article)
    Telegram Desktop export        .json            ``{`` and an object with "messages"
    seed format / plain text       .txt, others     anything else
    ============================== ================ ==================================

    * Seed format: a text whose first line starts ``date YYYY-MM-DD``; the body follows
      on the same line after a space (or on the next line). ``published`` is that date
      and the text is the body alone.
    * Plain text: ``published`` is the ``date`` argument, or None; never guessed.
    * HTML: the main text (one line per paragraph or heading; menus, asides and footers
      left out), the title, the date the page states about itself, the site name as
      outlet and the canonical URL. No text found is an error.
    * Feeds: one Document per entry (source ``path#N``): text is the entry's content,
      else its summary, with HTML removed; title, link, date (published, else updated)
      and the feed's title as outlet. The XML is first parsed with defusedxml, so
      entity-expansion bombs, external references and malformed XML are refused.
    * JSON lines: one Document per line (source ``path:LINE``) from the fields ``text``
      (required), ``date`` or ``published``, ``url``, ``outlet``, ``title``. A bad line
      is one error; the other lines still count.
    * Telegram export (``result.json``): one Document per message of type "message"
      with text (source ``path#ID``); formatted text (lists of strings and entity
      objects) is flattened; the channel name is the outlet. Service messages and
      messages without text are passed over silently. Any other ``.json`` is an error.

Checks on every input
    Size (from the file system, before reading) against ``max_bytes``; binary content
    (NUL bytes, many control characters); encoding (UTF-8 with or without BOM, UTF-16/32
    with BOM, else charset-normalizer's guess, else "unknown text encoding"); empty text;
    language (py3langid; anything clearly not English is skipped with an error, texts
    under 20 characters are not judged). Line ends become ``\\n``; whitespace around
    the text is dropped and nothing else is changed, since every offset points into it.
    The ``date`` argument fills in ``published`` wherever the input does not state one.

Near-duplicates (the same wire story on two sites) are found with
:class:`eventledger.ingest.neardup.NearDuplicateIndex`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..document import Document
from ..errors import IngestError
from .limits import DocumentTimeout, InputLimits, time_limit
from .readers import count_inputs, expand_inputs, finish, read_input
from .text import iso_day

IngestResult = Document | IngestError
"""What :func:`iter_inputs` yields: a usable article, or why an input is not one."""

DEFAULT_MAX_BYTES = 20_000_000

__all__ = ["InputLimits", "IngestResult", "count_inputs", "iter_inputs"]


def iter_inputs(
    inputs: list[str],
    *,
    date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    limits: InputLimits | None = None,
    on_more: Callable[[], None] | None = None,
) -> Iterator[IngestResult]:
    """Documents and IngestErrors for ``inputs``, in a deterministic order.

    ``date`` (YYYY-MM-DD) is the publication date of inputs that do not state one; a
    malformed ``date`` raises IngestError at once, since it concerns the whole call.
    ``stdin`` is read for ``-`` (default: ``sys.stdin.buffer``). ``limits`` bounds each
    input's bytes, each document's characters, nesting depth and reading time (default:
    ``max_bytes`` and the other limits' defaults); an input over one is an IngestError.

    Inputs are read one at a time as the results are taken: only the input being read
    is in memory. ``on_more`` is called for every result after an input's first (a feed
    or JSON lines file holds many documents), so that a total taken beforehand with
    :func:`count_inputs` can grow to the number of results.
    """
    if date is not None and iso_day(date) != date:
        raise IngestError("--date", f"{date!r} is not a date in the form YYYY-MM-DD")
    limits = limits or InputLimits(max_bytes=max_bytes)
    for name in ("max_bytes", "max_chars", "max_depth"):
        if getattr(limits, name) <= 0:
            raise IngestError(name, "the limit must be a positive number")
    return _generate(inputs, date=date, limits=limits, stdin=stdin, on_more=on_more)


def _generate(
    inputs: list[str], *, date: str | None, limits: InputLimits, stdin: BinaryIO | None,
    on_more: Callable[[], None] | None = None,
) -> Iterator[IngestResult]:
    for item in expand_inputs(inputs):
        try:
            with time_limit(limits.max_seconds):
                results = list(read_input(item, limits=limits, stdin=stdin))
        except DocumentTimeout as exc:
            results = [IngestError(item.source, str(exc))]
        for number, result in enumerate(results):
            if number and on_more is not None:
                on_more()
            if isinstance(result, IngestError):
                yield result
            else:
                yield finish(result, date=date, max_chars=limits.max_chars)
