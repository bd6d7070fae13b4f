"""JSON lines: one article per line; a bad line costs only that line."""

from __future__ import annotations

import json

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

FIRST = {
    "text": "The school board of Elmstead voted to build a new gymnasium, its chair said.",
    "date": "2024-02-10",
    "url": "https://elmstead.example.org/gym",
    "outlet": "Elmstead Weekly",
    "title": "Board backs new gym",
}
THIRD = {
    "text": "Rail services between Elmstead and Crowhurst resume on Monday after track work.",
    "published": "2024-02-11T18:45:00+01:00",
}


def test_jsonl_with_malformed_line_in_the_middle(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps(FIRST) + "\n" + '{"text": "unfinished\n' + "\n" + json.dumps(THIRD) + "\n",
        encoding="utf-8",
    )
    first, error, third = list(iter_inputs([str(path)]))
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.source == f"{path}:1" and third.source == f"{path}:4"
    assert first.text == FIRST["text"]
    assert first.published == "2024-02-10"
    assert first.url == FIRST["url"] and first.outlet == "Elmstead Weekly"
    assert first.title == "Board backs new gym"
    assert first.path == str(path)
    assert third.published == "2024-02-11"  # "published" accepted, time dropped
    assert third.url is None and third.title is None
    assert isinstance(error, IngestError)
    assert error.source == f"{path}:2"
    assert error.message.startswith(f"{path}:2: malformed JSON on line 2: ")


def test_line_without_text_and_non_object_line(tmp_path):
    path = tmp_path / "mixed.ndjson"
    path.write_text('{"title": "no body"}\n[1, 2]\n' + json.dumps(FIRST) + "\n", encoding="utf-8")
    no_text, not_object, doc = list(iter_inputs([str(path)]))
    assert no_text.message == f'{path}:1: line 1 has no "text" string'
    assert not_object.message == f"{path}:2: line 2 is not a JSON object"
    assert doc.text == FIRST["text"]


def test_unusable_date_is_left_empty(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({**FIRST, "date": "last Tuesday"}) + "\n", encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.published is None


def test_date_argument_fills_missing_dates_only(tmp_path):
    path = tmp_path / "a.jsonl"
    undated = {"text": THIRD["text"]}
    path.write_text(json.dumps(FIRST) + "\n" + json.dumps(undated) + "\n", encoding="utf-8")
    first, second = list(iter_inputs([str(path)], date="2024-03-01"))
    assert first.published == "2024-02-10"
    assert second.published == "2024-03-01"


def test_empty_text_line_is_an_error(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "   "}) + "\n" + json.dumps(FIRST) + "\n")
    error, doc = list(iter_inputs([str(path)]))
    assert error.message == f"{path}:1: empty document"
    assert doc.text == FIRST["text"]
