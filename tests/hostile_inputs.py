"""Hypothesis strategies for hostile input, and the invariants every reader and
extractor must keep. Shared by the property tests (tests/test_fuzz_*.py, few examples)
and the long fuzz run (benchmarks/fuzz.py, many).

The sentences, names and numbers are invented for these tests, not taken from news.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable

from hypothesis import strategies as st

from eventledger.document import Document
from eventledger.errors import EventledgerError, IngestError
from eventledger.ingest.limits import InputLimits
from eventledger.ingest.readers import Input, finish, read_input

SENTENCES = [
    "Gunmen attacked a checkpoint near Eastbrook on Sunday, the regional police said.",
    "At least 14 people were killed and 30 injured, according to hospital officials.",
    "The ministry denied that any civilians were hurt.",
    "“We will rebuild the bridge,” the mayor of Avonford said on Tuesday.",
    "Channel 9 reported that between 20 and 30 protesters were arrested.",
    "A spokesperson declined to confirm the figure.",
    "Residents said dozens of homes were destroyed in the flooding.",
    "Troops withdrew from the village of Millbrook overnight, the army said.",
    "The Northfield Times, citing a medic, put the death toll at 31.",
    "Police said 99999999999999999999999999 people were killed.",
]
NAMES = ["Omar Haddad", "Lena Kowalski", "the interior ministry", "Channel 9", "Dr. Amara Osei",
         "Lt. Col. Ruth Baker", "the Avonford Herald", "a hospital source"]
NUMBERS = ["27", "1,200", "0", "-5", "1e309", "NaN", "inf", "1.5 million", "twenty-seven",
           "a billion billion", "99999999999999999999999999", "9" * 400, "between 3 and",
           "more than", "½", "٣٤", "１２"]
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›", "``", "''", "「", "」"]
ODD = ["\x00", "\x07", "\x1b", "\x7f", "\r", "\r\n", "\t", "\f", "\v", "\u2028", "\u2029",
       "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",
       "\ufeff", "\u0301", "\u0308" * 5, "\ufffd", "\U0001f525", "\u00a0", "\u3000", "\x85"]
SEPARATORS = [" ", "", "\n", "\n\n", ", ", ". "]
# Any character but lone surrogates, which no decoded file holds.
CHARACTERS = st.characters(exclude_categories=("Cs",))

piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(NAMES),
    st.sampled_from(NUMBERS),
    st.sampled_from(QUOTES),
    st.sampled_from(ODD),
    st.text(CHARACTERS, max_size=12),
)


@st.composite
def hostile_text(draw, max_pieces: int = 24) -> str:
    """A mixture of invented sentences, names, numbers, quotation marks in any balance,
    control, bidirectional and zero-width characters, and random Unicode."""
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=max_pieces))
    return "".join(text + sep for text, sep in parts)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis"]


@st.composite
def encoded(draw, text: str) -> bytes:
    """``text`` in some encoding (unencodable characters replaced), maybe cut short."""
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.integers(0, 3)) == 0 and data:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def text_file(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=400))
    head = draw(st.sampled_from(["", "date 2025-02-30 ", "date 2025-06-02 ", "date 2025-06-02\n"]))
    return draw(encoded(head + draw(hostile_text())))


TAGS = ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<script>", "</script>",
        "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br/>", "&amp;", "&#0;", "&#x110000;",
        "&nbsp;", "&bogus;", "<meta charset='utf-16'>", "<meta charset=\"x-unknown\">",
        "<html>", "<title>", "</title>", "<h1>", "<figcaption>", "<time datetime='2025-13-45'>",
        "<table><tr><td>", "<a href='javascript:alert(1)'>", "<", ">", "<div " * 3]


@st.composite
def html_file(draw) -> bytes:
    parts = draw(st.lists(st.one_of(st.sampled_from(TAGS), hostile_text(max_pieces=4)),
                          max_size=30))
    if draw(st.booleans()):
        parts = ["<html><body><article>", *parts, "</article></body></html>"]
    if draw(st.integers(0, 9)) == 0:
        depth = draw(st.integers(200, 3000))
        parts = ["<div>" * depth, *parts, "</div>" * depth]
    return draw(encoded("".join(parts)))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_escape(text: str) -> str:
    """``text`` as XML character data: markup escaped, characters XML forbids left out."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def feed_file(draw) -> bytes:
    def field(name: str) -> str:
        text = draw(hostile_text(max_pieces=6))
        raw = draw(st.integers(0, 4)) == 0
        return f"<{name}>{text if raw else _xml_escape(text)}</{name}>"

    root = draw(st.sampled_from(["rss", "rss", "rss", "feed", "feed", "channel", "html"]))
    items = "".join(
        "<item>" + field("title") + field("description")
        + draw(st.sampled_from(["", "<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>",
                                "<pubDate>yesterday</pubDate>", "<link>x</link>"]))
        + "</item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    if root == "feed":
        items = items.replace("description>", "summary>").replace("pubDate>", "updated>")
    prolog = draw(st.sampled_from([
        "", "", '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?>',
        '<?xml version="1.0" encoding="latin-1"?>',
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ]))
    body = f"{prolog}<{root}><channel>{field('title')}{items}</channel></{root}>"
    if root == "feed":
        body = body.replace("<item>", "<entry>").replace("</item>", "</entry>")
    if draw(st.booleans()):
        return body.encode("utf-8")  # as declared (or by default): the feed may be read
    return draw(encoded(body))


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(max_pieces=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                 max_size=3),
    max_leaves=8,
)


@st.composite
def article_object(draw) -> dict:
    article = draw(st.dictionaries(st.sampled_from(["text", "date", "published", "url", "outlet",
                                                    "title", "other"]), json_value, max_size=5))
    if draw(st.booleans()):
        article["text"] = draw(hostile_text())
    return article


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


@st.composite
def jsonl_file(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        line = _dump(draw(article_object()))
        kind = draw(st.integers(0, 9))
        if kind == 0:
            line = line[: draw(st.integers(0, len(line)))]  # truncated
        elif kind == 1:
            depth = draw(st.integers(100, 2000))
            line = '{"text": ' + "[" * depth + "]" * depth + "}"
        elif kind == 2:  # more digits than Python turns into an int
            line = line.rstrip("}") + ', "n": ' + "9" * draw(st.integers(4200, 6000)) + "}"
        lines.append(line)
    return draw(encoded("\n".join(lines)))


@st.composite
def telegram_file(draw) -> bytes:
    def message() -> dict:
        text = draw(st.one_of(
            hostile_text(max_pieces=8),
            st.lists(st.one_of(hostile_text(max_pieces=3),
                               st.fixed_dictionaries({"type": st.sampled_from(["bold", "link"]),
                                                      "text": hostile_text(max_pieces=3)})),
                     max_size=4),
            json_value,
        ))
        return {"id": draw(st.one_of(st.integers(), st.text(max_size=4))),
                "type": draw(st.sampled_from(["message", "service", "other"])),
                "date": draw(st.sampled_from(["2025-06-02T10:00:00", "2025-02-30", "", "x"])),
                "text": text}

    export = {"name": draw(st.one_of(st.text(max_size=10), st.integers())),
              "messages": [message() for _ in range(draw(st.integers(0, 4)))]}
    data = _dump(export)
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return draw(encoded(data))


# Reader name -> (file extension that picks it, strategy of file contents).
READERS: dict[str, tuple[str, Callable[[], st.SearchStrategy[bytes]]]] = {
    "text": (".txt", text_file),
    "html": (".html", html_file),
    "feed": (".xml", feed_file),
    "jsonl": (".jsonl", jsonl_file),
    "telegram": (".json", telegram_file),
}

LIMITS = InputLimits(max_bytes=1_000_000, max_chars=100_000, max_depth=256, max_seconds=0)


def read_file(data: bytes, extension: str, folder: str | None = None) -> list:
    """Everything the readers make of ``data`` in a file with ``extension``."""
    handle, path = tempfile.mkstemp(suffix=extension, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return [item if isinstance(item, IngestError) else finish(item, date=None,
                                                                  max_chars=LIMITS.max_chars)
                for item in read_input(Input(path, path), limits=LIMITS)]
    finally:
        os.unlink(path)


def check_read(results: list) -> None:
    """The readers' invariants: Documents and eventledger's own errors only, each for a
    problem foreseen (no reader library's exception caught as a last resort); a Document
    has non-empty text without CR line ends or surrounding whitespace."""
    for item in results:
        if isinstance(item, EventledgerError):
            assert item.message and "\n" not in item.message, item.message
            # A foreseen problem, in eventledger's words: not a library's exception that
            # the last-resort handler caught ("could not be read (ValueError: ...)").
            assert "could not be read (" not in item.message, item.message
            continue
        assert isinstance(item, Document), type(item)
        assert item.text and item.text == item.text.strip() and "\r" not in item.text
        assert item.published is None or len(item.published) == 10


def check_record(record: dict, text: str) -> None:
    """The extractors' invariants on one record: it validates against the JSON Schema,
    every span is the document text at its offsets, every id it refers to exists."""
    from eventledger.record import record_problems

    assert record["document"]["text"] == text
    problems = record_problems(record)
    assert not problems, problems
