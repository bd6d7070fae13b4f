"""The event_location evaluation on a tiny JSON lines file written here."""

from __future__ import annotations

import json

import pytest

from eventledger.errors import EvaluationError
from eventledger.eval.event_location import (
    evaluate_event_location,
    format_event_location,
    gold_locations,
)


def record(text, verb, locations=(), *, source="RELABEL", as_tokens=None):
    """A record with the VERB span of word ``verb`` and LOCATION spans of ``locations``
    (character offsets; ``as_tokens``: (first, last) token indices instead)."""
    start = text.index(verb)
    spans = [{"start": start, "end": start + len(verb), "label": "VERB"}]
    for name in locations:
        begin = text.index(name)
        spans.append({"start": begin, "end": begin + len(name), "label": "LOCATION"})
    if as_tokens is not None:
        spans.append({"start": as_tokens[0], "end": as_tokens[1], "label": "LOCATION"})
    return {"id": len(text), "text": text, "spans": spans, "source": source}


@pytest.fixture()
def data_file(tmp_path):
    rows = [
        # right: the place of "in"
        record("Two guards were killed in Madrid on Sunday.", "killed", ["Madrid"]),
        # right: no place given, none answered
        record("The company fired its manager after the audit.", "fired"),
        # right: the target, not the origin ("Lisbon" given as token indices 6..6)
        record("Rockets were fired from Madrid towards Lisbon.", "fired", as_tokens=(6, 6)),
        # wrong: the gold names a place the text leaves implicit; we answer Paris
        record("Police arrested a man in Paris.", "arrested", ["a man"], source="AP"),
        # right, noisier source: a verb that is no trigger goes to the locator directly
        record("Soldiers patrolled the streets of Berlin on Friday.", "patrolled",
               ["Berlin"], source="AP"),
    ]
    path = tmp_path / "event_location.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_accuracy_on_relabel_and_all(nlp, data_file):
    result = evaluate_event_location(data_file, nlp=nlp, details=True)
    assert result["relabel"] == {"accuracy": 1.0, "right": 3, "records": 3}
    assert result["all"]["records"] == 5 and result["all"]["right"] == 4
    assert result["all"]["accuracy"] == pytest.approx(0.8)
    by_id = {item["verb"] + str(item["id"]): item for item in result["records"]}
    assert any(item["answer"] == "Lisbon" and item["right"] for item in by_id.values())
    wrong = [item for item in result["records"] if not item["right"]]
    assert [item["answer"] for item in wrong] == ["Paris"]
    patrolled = next(item for item in result["records"] if item["verb"] == "patrolled")
    assert (patrolled["answer"], patrolled["how"]) == ("Berlin", "locator")


def test_literal_reading_of_token_spans(nlp, data_file):
    result = evaluate_event_location(data_file, nlp=nlp)
    # read as characters, "6..6" is an empty span: "no place", so "Lisbon" is wrong
    assert result["literal"]["relabel"]["right"] == 2
    report = format_event_location(result)
    assert "RELABEL records" in report and "1.000" in report


def test_gold_spans_as_token_indices(bare_nlp):
    text = "Crowds protested in New Delhi on Monday."
    doc = bare_nlp.make_doc(text)
    as_chars = {"spans": [{"start": 20, "end": 29, "label": "LOCATION"}]}
    as_tokens = {"spans": [{"start": 3, "end": 4, "label": "LOCATION"}]}
    empty = {"spans": [{"start": 0, "end": 0, "label": "LOCATION"}]}
    assert gold_locations(as_chars, doc) == [(20, 29)]
    assert gold_locations(as_tokens, doc) == [(20, 29)]
    assert gold_locations(as_tokens, doc, token_offsets=False) == []
    assert gold_locations(empty, doc, token_offsets=False) == []


def test_file_without_verbs_is_an_error(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text(json.dumps({"text": "Nothing here.", "spans": []}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate_event_location(path, nlp=object())


def test_halves_split_the_records_by_their_id(tmp_path):
    from eventledger.eval.event_location import read_records

    rows = [record(f"Guards were killed in Madrid on day {n}.", "killed", ["Madrid"])
            for n in range(12)]
    for number, row in enumerate(rows):
        row["id"] = f"record-{number}"
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    train = [r["id"] for r in read_records(path, "train")]
    dev = [r["id"] for r in read_records(path, "dev")]
    assert train and dev and not set(train) & set(dev)
    assert sorted(train + dev) == sorted(r["id"] for r in rows)
    assert train == [r["id"] for r in read_records(path, "train")]  # the same every time
    with pytest.raises(EvaluationError):
        read_records(path, "third")
