"""Telegram Desktop channel exports (result.json)."""

from __future__ import annotations

import json

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

EXPORT = {
    "name": "Harbour Town Updates",
    "type": "public_channel",
    "id": 1234567,
    "messages": [
        {
            "id": 1,
            "type": "service",
            "date": "2024-04-01T09:00:00",
            "action": "create_channel",
            "text": "",
        },
        {
            "id": 2,
            "type": "message",
            "date": "2024-04-02T10:15:00",
            "text": [
                {"type": "bold", "text": "Road closed:"},
                " the coast road near Port Ellis is closed after a landslide, ",
                {"type": "text_link", "text": "the council", "href": "https://example.org"},
                " said on Tuesday.",
            ],
        },
        {"id": 3, "type": "message", "date": "2024-04-02T11:00:00", "text": ""},
        {
            "id": 4,
            "type": "message",
            "date": "2024-04-03T08:30:00",
            "text": "Crews expect to reopen the coast road by Friday evening, officials said.",
        },
    ],
}


def _write(tmp_path, data, name="result.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_export_messages_flattened_service_and_empty_skipped(tmp_path):
    path = _write(tmp_path, EXPORT)
    first, second = list(iter_inputs([path]))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == (
        "Road closed: the coast road near Port Ellis is closed after a landslide, "
        "the council said on Tuesday."
    )
    assert first.published == "2024-04-02"
    assert first.outlet == "Harbour Town Updates"
    assert first.url is None and first.title is None
    assert first.source == f"{path}#2" and second.source == f"{path}#4"
    assert second.published == "2024-04-03"


def test_username_gives_message_links(tmp_path):
    path = _write(tmp_path, {**EXPORT, "username": "harbourtown"})
    first, _second = list(iter_inputs([path]))
    assert first.url == "https://t.me/harbourtown/2"


def test_other_json_is_an_error_and_batch_goes_on(tmp_path):
    other = _write(tmp_path, {"articles": [{"text": "x"}]}, name="other.json")
    export = _write(tmp_path, EXPORT)
    results = list(iter_inputs([other, export]))
    assert isinstance(results[0], IngestError)
    assert results[0].message.startswith(f"{other}: JSON is not a Telegram export")
    assert [r.source for r in results[1:]] == [f"{export}#2", f"{export}#4"]


def test_malformed_json_file(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"name": "x",\n "messages": [\n {"id": 1,,}]}', encoding="utf-8")
    [error] = list(iter_inputs([str(path)]))
    assert isinstance(error, IngestError)
    assert error.message.startswith(f"{path}: malformed JSON on line 3: ")
