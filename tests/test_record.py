import copy

from eventledger.record import record_problems

TEXT = "Rebels shelled Kidal on Monday, the army said."


def make_record():
    return {
        "document": {"id": "d1", "path": None, "url": None, "outlet": None,
                     "published": "2025-01-06", "title": None, "language": "en", "text": TEXT},
        "attributions": [{
            "id": "A1", "kind": "indirect",
            "source": {"text": "the army", "start": 32, "end": 40, "name": "the army", "actor": "R1"},
            "cue": {"text": "said", "start": 41, "end": 45},
            "content": {"text": "Rebels shelled Kidal on Monday", "start": 0, "end": 30},
            "channel": None, "cites": [], "cited_by": []}],
        "events": [{
            "id": "E1", "type": "ASSAULT", "mode": "heavy-weapons",
            "trigger": {"text": "shelled", "start": 7, "end": 14},
            "actor": {"text": "Rebels", "start": 0, "end": 6, "name": "Rebels", "actor": None},
            "recipient": None, "location": {"place": "P1"}, "date": "2025-01-06",
            "date_precision": "day", "attribution": "A1", "negated": False, "hypothetical": False}],
        "figures": [],
        "places": [{"id": "P1", "text": "Kidal", "start": 15, "end": 20, "name": "Kidal",
                    "geonameid": 2455290, "country": "ML", "lat": 18.44, "lon": 1.41,
                    "kind": "city"}],
        "actors": [{"id": "R1", "name": "the army", "country": None, "sector": "military",
                    "mentions": [{"text": "the army", "start": 32, "end": 40}]}],
        "disagreements": [],
    }


def test_valid_record_has_no_problems():
    assert record_problems(make_record()) == []


def test_span_text_must_equal_document_text():
    record = make_record()
    record["events"][0]["trigger"]["text"] = "attacked"
    assert any("not the document text" in p for p in record_problems(record))


def test_references_must_exist():
    record = make_record()
    record["events"][0]["attribution"] = "A9"
    record["events"][0]["location"] = {"place": "P7"}
    problems = record_problems(record)
    assert any("unknown attribution id 'A9'" in p for p in problems)
    assert any("unknown place id 'P7'" in p for p in problems)


def test_schema_rejects_unknown_type_and_missing_field():
    record = make_record()
    bad = copy.deepcopy(record)
    bad["events"][0]["type"] = "ATTACK"
    assert record_problems(bad)
    bad = copy.deepcopy(record)
    del bad["figures"]
    assert any("'figures' is a required property" in p for p in record_problems(bad))
