"""Limits on one input (settings with packaged defaults): bytes per file, characters per
document, nesting depth of HTML, XML and JSON, time per input. Over a limit: one line,
the input skipped, the inputs after it still read."""

from __future__ import annotations

import json

import pytest

from eventledger.config import load_settings
from eventledger.errors import IngestError
from eventledger.ingest import InputLimits, iter_inputs
from eventledger.ingest.limits import json_depth, markup_depth

ARTICLE = "The council in Avonford voted on Monday to reopen the old bridge to traffic."


def _results(paths, **limits):
    return list(iter_inputs([str(p) for p in paths], limits=InputLimits(**limits)))


def _messages(results):
    return [r.message if isinstance(r, IngestError) else "ok" for r in results]


def test_limits_are_settings_with_packaged_defaults():
    limits = load_settings().input_limits()
    assert limits.max_bytes == 20_000_000
    assert limits.max_chars == 1_000_000
    assert limits.max_depth == 256
    assert limits.max_seconds == 300


def test_limits_follow_the_environment(monkeypatch):
    monkeypatch.setenv("EVENTLEDGER_MAX_PARSE_DEPTH", "12")
    monkeypatch.setenv("EVENTLEDGER_MAX_DOCUMENT_CHARS", "500")
    limits = load_settings().input_limits()
    assert (limits.max_depth, limits.max_chars) == (12, 500)


def test_html_nested_deeper_than_the_limit(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 5000 + f"<p>{ARTICLE}</p>"
                    + "</div>" * 5000 + "</body></html>")
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE)
    assert _messages(_results([deep, plain])) == [
        f"{deep}: HTML nested more than 256 levels deep (limit max_parse_depth)", "ok"
    ]


def test_sloppy_html_is_not_deep():
    # Unclosed paragraphs and list items, end tags that close what was left open inside.
    page = b"<html><body>" + b"<p>one <li>two " * 2000 + b"<div><span><b>x</div>" * 2000
    assert markup_depth(page) == 5


def test_feed_nested_deeper_than_the_limit(tmp_path):
    feed = tmp_path / "deep.xml"
    feed.write_text('<?xml version="1.0"?><rss><channel><item><description>'
                    + "<x>" * 400 + "text" + "</x>" * 400
                    + "</description></item></channel></rss>")
    assert _messages(_results([feed])) == [
        f"{feed}: XML nested more than 256 levels deep (limit max_parse_depth)"
    ]


def test_json_nested_deeper_than_the_limit(tmp_path):
    export = tmp_path / "result.json"
    export.write_text('{"messages": ' + "[" * 100_000 + "]" * 100_000 + "}")
    lines = tmp_path / "articles.jsonl"
    lines.write_text(json.dumps({"text": ARTICLE}) + "\n"
                     + '{"text": ' + "[" * 300 + "]" * 300 + "}\n")
    assert _messages(_results([export, lines])) == [
        f"{export}: JSON nested more than 256 levels deep (limit max_parse_depth)",
        "ok",
        f"{lines}:2: line 2: JSON nested more than 256 levels deep (limit max_parse_depth)",
    ]


def test_brackets_inside_json_strings_are_not_nesting():
    assert json_depth('{"text": "[[[[[[ \\" {{{{ ]"}') == 1
    assert json_depth('[[1], {"a": [2]}]') == 3


def test_document_over_the_character_limit(tmp_path):
    lines = tmp_path / "articles.jsonl"
    lines.write_text(json.dumps({"text": ARTICLE}) + "\n"
                     + json.dumps({"text": ARTICLE * 20}) + "\n")
    assert _messages(_results([lines], max_chars=200)) == [
        "ok",
        f"{lines}:2: document is 1,520 characters, more than the 200 limit "
        "(max_document_chars): skipped",
    ]


def test_file_over_the_byte_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10)
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE)
    assert _messages(_results([big, small], max_bytes=100)) == [
        f"{big}: file is 760 bytes, larger than the 100 bytes limit", "ok"
    ]


@pytest.mark.parametrize("name", ["max_bytes", "max_chars", "max_depth"])
def test_a_limit_must_be_positive(name):
    with pytest.raises(IngestError, match="positive"):
        iter_inputs(["x"], limits=InputLimits(**{name: 0}))


def test_reading_past_the_time_limit(tmp_path):
    page = tmp_path / "long.html"
    page.write_text("<html><body><article>" + f"<p>{ARTICLE}</p>" * 400
                    + "</article></body></html>")
    assert _messages(_results([page], max_seconds=0.001)) == [
        f"{page}: took longer than the 0.001 s limit per document: skipped"
    ]
    assert _messages(_results([page], max_seconds=0)) == ["ok"]  # 0: no limit


def test_a_number_too_long_to_read_fails_its_line_only(tmp_path):
    # Python refuses integers of more than 4300 digits with a ValueError, not a
    # JSONDecodeError: once the whole file was lost with it.
    lines = tmp_path / "articles.jsonl"
    lines.write_text('{"text": "' + ARTICLE + '", "n": ' + "9" * 5000 + "}\n"
                     + json.dumps({"text": ARTICLE + " Again."}) + "\n")
    export = tmp_path / "result.json"
    export.write_text('{"messages": [], "n": ' + "9" * 5000 + "}")
    assert _messages(_results([lines, export])) == [
        f"{lines}:1: JSON on line 1 holds a number too long to read",
        "ok",
        f"{export}: JSON holds a number too long to read",
    ]
