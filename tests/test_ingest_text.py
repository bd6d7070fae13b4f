"""Seed format and plain text files."""

from __future__ import annotations

from eventledger.document import Document, document_id
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

BODY = (
    "The council of Millbrook approved a new budget on Monday after a long debate.\n\n"
    "The mayor said the money would go to schools and roads.\n"
    "Opposition members voted against it."
)


def _documents(results):
    return [r for r in results if isinstance(r, Document)]


def test_seed_format_takes_date_and_strips_prefix(tmp_path):
    path = tmp_path / "000_seed.txt"
    path.write_text(" date 2025-04-07 " + BODY + "\n", encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.published == "2025-04-07"
    assert doc.text == BODY  # paragraphs kept exactly, prefix gone
    assert doc.text.startswith("The council")
    assert doc.path == str(path) and doc.source == str(path)
    assert doc.language == "en" and doc.title is None
    assert doc.id == document_id(BODY)


def test_seed_date_on_its_own_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-12-31\n\n" + BODY, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.published == "2024-12-31"
    assert doc.text == BODY


def test_seed_date_wins_over_date_argument(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2025-04-07 " + BODY, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)], date="2020-01-01"))
    assert doc.published == "2025-04-07"


def test_seed_with_impossible_date_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("date 2025-13-40 " + BODY, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    error, doc = list(iter_inputs([str(bad), str(good)]))
    assert isinstance(error, IngestError)
    assert "not a date" in error.message and error.source == str(bad)
    assert isinstance(doc, Document)


def test_plain_text_without_date_has_no_date(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.published is None
    assert doc.text == BODY


def test_plain_text_with_date_argument(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)], date="2024-05-06"))
    assert doc.published == "2024-05-06"


def test_malformed_date_argument_is_refused(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    try:
        iter_inputs([str(path)], date="6 May 2024")
    except IngestError as exc:
        assert "YYYY-MM-DD" in exc.message
    else:
        raise AssertionError("a malformed --date must be refused")


def test_line_endings_normalised(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(BODY.replace("\n", "\r\n").encode("utf-8"))
    [doc] = list(iter_inputs([str(path)]))
    assert doc.text == BODY
    assert "\r" not in doc.text


def test_unknown_extension_is_read_as_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("date 2023-02-03 " + BODY, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.published == "2023-02-03" and doc.text == BODY


def test_same_text_twice_same_id(tmp_path):
    first = tmp_path / "one.txt"
    second = tmp_path / "two.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text("date 2024-01-01 " + BODY + "\n\n", encoding="utf-8")
    one, two = _documents(iter_inputs([str(first), str(second)]))
    assert one.id == two.id
    assert one.source != two.source
