"""The store: lossless round trips, write statuses, fingerprints, filters, errors."""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest

from eventledger.errors import StoreError
from eventledger.store import Store

TEXT = (
    "Shells struck the market in Riverton on Monday, the city council said. "
    "Four people were killed and twelve were injured, the Valley Herald reported, "
    "citing hospital staff. "
    "At least three people were killed, the regional governor said. "
    "Police arrested two men in Eastport. "
    "No shots were fired at the border post, the army said. "
    "Two people remain missing in Riverton."
)


def span(phrase: str, after: str = "", text: str = TEXT) -> dict:
    """The CONTRACT span of the first ``phrase`` at or after ``after``."""
    start = text.index(phrase, text.index(after) if after else 0)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def named(phrase: str, name: str | None = None, actor: str | None = None,
          after: str = "") -> dict:
    return {**span(phrase, after), "name": name or phrase, "actor": actor}


def count(phrase: str, low, high, exact: bool, after: str = "") -> dict:
    return {**span(phrase, after), "low": low, "high": high, "exact": exact}


def make_record(doc_id: str = "doc-a", *, published: str | None = "2025-03-04",
                outlet: str | None = "Daily Test", riverton_country: str = "KE",
                eastport_country: str = "TZ") -> dict:
    """A hand-made extraction record of TEXT that follows the CONTRACT."""
    return {
        "document": {
            "id": doc_id, "path": f"/in/{doc_id}.txt", "url": f"https://example.org/{doc_id}",
            "outlet": outlet, "published": published, "title": "Market shelled",
            "language": "en", "text": TEXT,
        },
        "attributions": [
            {"id": "A1", "kind": "indirect",
             "source": named("the city council", "Riverton City Council", "R1"),
             "cue": span("said"), "content": span("Shells struck the market in Riverton on Monday"),
             "channel": None, "cites": [], "cited_by": []},
            {"id": "A2", "kind": "indirect", "source": named("the Valley Herald", "Valley Herald"),
             "cue": span("reported"),
             "content": span("Four people were killed and twelve were injured"),
             "channel": None, "cites": [named("hospital staff")], "cited_by": []},
            {"id": "A3", "kind": "indirect", "source": named("the army", "army"),
             "cue": span("said", "the army"),
             "content": span("No shots were fired at the border post"),
             "channel": None, "cites": [], "cited_by": []},
            {"id": "A4", "kind": "indirect",
             "source": named("the regional governor", "regional governor"),
             "cue": span("said", "the regional governor"),
             "content": span("At least three people were killed"),
             "channel": None, "cites": [], "cited_by": [], "confidence": 0.8},
        ],
        "events": [
            {"id": "E1", "type": "ASSAULT", "mode": "heavy-weapons", "trigger": span("struck"),
             "actor": None, "recipient": named("the market"),
             "location": {"place": "P1"}, "date": "2025-03-03", "date_precision": "day",
             "attribution": "A1", "negated": False, "hypothetical": False, "origin": None},
            {"id": "E2", "type": "COERCE", "mode": "arrest", "trigger": span("arrested"),
             "actor": named("Police", actor="R2"), "recipient": named("two men"),
             "location": {"place": "P2"}, "date": None, "date_precision": None,
             "attribution": None, "negated": False, "hypothetical": False,
             "origin": {"place": "P1"}},
            {"id": "E3", "type": "ASSAULT", "mode": "firearms", "trigger": span("fired"),
             "actor": None, "recipient": None, "location": None, "date": None,
             "date_precision": None, "attribution": "A3", "negated": True,
             "hypothetical": False},
        ],
        "figures": [
            {"id": "F1", "category": "killed", "trigger": span("killed"),
             "count": count("Four", 4, 4, True), "who": span("people"),
             "location": {"place": "P1"}, "event": "E1", "attribution": "A2"},
            {"id": "F2", "category": "injured", "trigger": span("injured"),
             "count": count("twelve", 12, 12, True), "who": None,
             "location": {"place": "P1"}, "event": "E1", "attribution": "A2"},
            {"id": "F3", "category": "killed", "trigger": span("killed", "At least"),
             "count": count("At least three", 3, None, False), "who": span("people", "three"),
             "location": {"place": "P1"}, "event": "E1", "attribution": "A4"},
            {"id": "F4", "category": "missing", "trigger": span("missing"),
             "count": count("Two", 2, 2, True), "who": span("people", "Two people"),
             "location": {"place": "P3"}, "event": None, "attribution": None},
        ],
        "places": [
            {"id": "P1", **span("Riverton"), "name": "Riverton", "geonameid": None,
             "country": riverton_country, "lat": 1.5, "lon": 36.25, "kind": "city"},
            {"id": "P2", **span("Eastport"), "name": "Eastport", "geonameid": 12345,
             "country": eastport_country, "lat": -6.75, "lon": 39.5, "kind": "city"},
            {"id": "P3", **span("Riverton", "remain"), "name": "Riverton", "geonameid": None,
             "country": riverton_country, "lat": 1.5, "lon": 36.25, "kind": "city"},
        ],
        "actors": [
            {"id": "R1", "name": "Riverton City Council", "country": riverton_country,
             "sector": "government", "mentions": [span("the city council")]},
            {"id": "R2", "name": "Police", "country": eastport_country, "sector": "police",
             "mentions": [span("Police")]},
        ],
        "disagreements": [{"id": "D1", "about": "killed in Riverton", "figures": ["F1", "F3"]}],
    }


def test_record_builder_offsets_are_consistent():
    record = make_record()

    def check(value):
        if isinstance(value, dict):
            if {"text", "start", "end"} <= value.keys() and isinstance(value["start"], int):
                assert TEXT[value["start"]:value["end"]] == value["text"]
            for item in value.values():
                check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)

    check({k: v for k, v in record.items() if k != "document"})


@pytest.fixture
def store(database):
    with Store.open(database) as opened:
        yield opened


def test_round_trip_is_lossless(store):
    record = make_record()
    assert store.write_record(record, extractor_version="1.0") == "written"
    back = store.get_record("doc-a")
    assert back == record
    # Key order and unknown extra fields ("origin", "confidence") survive too.
    assert json.dumps(back) == json.dumps(record)
    assert back["attributions"][3]["confidence"] == 0.8
    assert store.get_record("nope") is None
    assert store.has_document("doc-a") and not store.has_document("doc-b")
    assert store.document_version("doc-a") == "1.0"
    assert store.document_version("doc-b") is None


def test_counts_per_table(store):
    store.write_record(make_record(), extractor_version="1.0")
    assert store.counts() == {
        "documents": 1, "attributions": 4, "events": 3, "figures": 4, "places": 3,
        "actors": 2, "incidents": 0, "disagreements": 1, "near_duplicates": 0,
        "signatures": 0,
    }


def test_columns_hold_the_main_fields(store):
    store.write_record(make_record(), extractor_version="1.0")
    with store._engine.connect() as conn:
        event = conn.exec_driver_sql(
            "SELECT type, mode, trigger_text, trigger_start, place_id, origin_place_id, "
            "country, negated FROM events WHERE id = 'E2'").one()
        figure = conn.exec_driver_sql(
            "SELECT low, high, exact, event_id, attribution_id, country "
            "FROM figures WHERE id = 'F3'").one()
        sources = conn.exec_driver_sql(
            "SELECT role, mention_name FROM attribution_sources WHERE attribution_id = 'A2' "
            "ORDER BY role").all()
        links = conn.exec_driver_sql(
            "SELECT figure_id FROM disagreement_figures ORDER BY position").scalars().all()
    assert tuple(event) == ("COERCE", "arrest", "arrested", TEXT.index("arrested"), "P2",
                            "P1", "TZ", False)
    assert tuple(figure) == (3, None, False, "E1", "A4", "KE")
    assert [tuple(s) for s in sources] == [("cites", "hospital staff"), ("source", "Valley Herald")]
    assert links == ["F1", "F3"]


def test_unchanged_writes_nothing_and_replace_swaps_atomically(store):
    record = make_record()
    store.write_record(record, extractor_version="1.0")
    before = store.fingerprint()
    changed = copy.deepcopy(record)
    changed["events"] = changed["events"][:1]
    changed["figures"] = [f for f in changed["figures"] if f["id"] == "F4"]
    changed["disagreements"] = []

    assert store.write_record(changed, extractor_version="2.0") == "unchanged"
    assert store.fingerprint() == before
    assert store.get_record("doc-a") == record
    assert store.document_version("doc-a") == "1.0"

    assert store.write_record(changed, extractor_version="2.0", replace=True) == "replaced"
    assert store.get_record("doc-a") == changed
    assert store.document_version("doc-a") == "2.0"
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["figures"]) == (1, 1, 1)
    assert counts["disagreements"] == 0
    assert store.fingerprint() != before

    # replace=True on a new document simply writes it.
    assert store.write_record(make_record("doc-b"), extractor_version="1.0",
                              replace=True) == "written"


def test_fingerprint_ignores_write_order_and_timestamps(tmp_path):
    records = [make_record(f"doc-{i}", published=f"2025-03-0{i}") for i in range(1, 5)]
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "two.db") as two:
        for record in records:
            one.write_record(record, extractor_version="1.0")
        for record in reversed(records):
            two.write_record(record, extractor_version="1.0")
        two.save_signature("doc-1", b"\x01\x02")
        assert one.fingerprint() != two.fingerprint()
        one.save_signature("doc-1", b"\x01\x02")
        assert one.fingerprint() == two.fingerprint()
        # A rerun over the same input changes nothing.
        for record in records:
            assert one.write_record(record, extractor_version="1.0") == "unchanged"
        assert one.fingerprint() == two.fingerprint()
        two.write_record(make_record("doc-1"), extractor_version="1.1", replace=True)
        assert one.fingerprint() != two.fingerprint()


def test_signatures_and_near_duplicates(store):
    store.save_signature("doc-a", b"abc")
    store.save_signature("doc-b", b"xyz")
    store.save_signature("doc-a", b"abd")  # a new signature replaces the old one
    assert list(store.iter_signatures()) == [("doc-a", b"abd"), ("doc-b", b"xyz")]

    store.link_near_duplicate("doc-b", "doc-a", 0.9)
    store.link_near_duplicate("doc-a", "doc-b", 0.9)
    store.link_near_duplicate("doc-a", "doc-c", 0.8)
    store.link_near_duplicate("doc-a", "doc-a", 1.0)  # a document is not its own duplicate
    assert store.counts()["near_duplicates"] == 2
    assert store.near_duplicates("doc-a") == [("doc-b", 0.9), ("doc-c", 0.8)]
    assert store.near_duplicates("doc-c") == [("doc-a", 0.8)]
    assert store.near_duplicates("doc-z") == []

    # They describe the text: re-extracting a document keeps them.
    store.write_record(make_record("doc-a"), extractor_version="1.0")
    store.write_record(make_record("doc-a"), extractor_version="2.0", replace=True)
    assert store.near_duplicates("doc-b") == [("doc-a", 0.9)]
    assert dict(store.iter_signatures())["doc-a"] == b"abd"


def test_find_documents_by_prefix(store):
    for doc_id in ("ab12", "ab34", "ac56", "a_x"):
        store.write_record(make_record(doc_id), extractor_version="1.0")
    assert store.find_documents("ab") == ["ab12", "ab34"]
    assert store.find_documents("a_") == ["a_x"]  # "_" is literal, not a wildcard
    assert store.find_documents("zz") == []


def _ids(records):
    return [r["document"]["id"] for r in records]


@pytest.fixture
def filled(store):
    store.write_record(make_record("doc-1", published="2025-03-01"), extractor_version="1")
    store.write_record(make_record("doc-2", published="2025-03-15", outlet="Evening Post",
                                   riverton_country="UG"), extractor_version="1")
    store.write_record(make_record("doc-3", published="2025-04-02", outlet=None),
                       extractor_version="1")
    store.write_record(make_record("doc-0", published=None), extractor_version="1")
    return store


def test_filter_by_published_range(filled):
    assert _ids(filled.iter_records()) == ["doc-1", "doc-2", "doc-3", "doc-0"]
    assert _ids(filled.iter_records(since="2025-03-15")) == ["doc-2", "doc-3"]
    assert _ids(filled.iter_records(until="2025-03-15")) == ["doc-1", "doc-2"]
    assert _ids(filled.iter_records(since="2025-03-02", until="2025-04-01")) == ["doc-2"]
    # Unfiltered records are whole.
    assert next(filled.iter_records(since="2025-04-01")) == make_record(
        "doc-3", published="2025-04-02", outlet=None)


def test_filter_by_type_keeps_only_passing_events_and_their_figures(filled):
    records = list(filled.iter_records(types=["coerce"]))
    assert _ids(records) == ["doc-1", "doc-2", "doc-3", "doc-0"]
    assert [e["id"] for e in records[0]["events"]] == ["E2"]
    assert records[0]["figures"] == []  # no figure links to the arrest
    assert len(records[0]["places"]) == 3 and len(records[0]["attributions"]) == 4

    records = list(filled.iter_records(types=["ASSAULT"], since="2025-03-10"))
    assert [e["id"] for e in records[0]["events"]] == ["E1", "E3"]
    assert [f["id"] for f in records[0]["figures"]] == ["F1", "F2", "F3"]
    assert list(filled.iter_records(types=["PROTEST"])) == []


def test_filter_by_country(filled):
    records = list(filled.iter_records(country="ug"))
    assert _ids(records) == ["doc-2"]
    assert [e["id"] for e in records[0]["events"]] == ["E1"]
    assert [f["id"] for f in records[0]["figures"]] == ["F1", "F2", "F3", "F4"]
    records = list(filled.iter_records(country="TZ", until="2025-03-01"))
    assert _ids(records) == ["doc-1"]
    assert [e["id"] for e in records[0]["events"]] == ["E2"] and records[0]["figures"] == []


def test_filter_by_source(filled):
    # The outlet: everything of the document passes.
    records = list(filled.iter_records(source="evening"))
    assert _ids(records) == ["doc-2"]
    assert len(records[0]["events"]) == 3 and len(records[0]["figures"]) == 4
    # A cited source: only what that attribution says.
    records = list(filled.iter_records(source="HOSPITAL"))
    assert _ids(records) == ["doc-1", "doc-2", "doc-3", "doc-0"]
    assert records[0]["events"] == []
    assert [f["id"] for f in records[0]["figures"]] == ["F1", "F2"]
    records = list(filled.iter_records(source="governor", types=["ASSAULT"]))
    assert [f["id"] for f in records[0]["figures"]] == ["F3"]
    assert list(filled.iter_records(source="nobody at all")) == []
    assert list(filled.iter_records(source="%")) == []


def test_invalid_record_leaves_no_partial_document(store):
    broken = make_record()
    broken["figures"][2]["event"] = "E9"  # the last item refers to an unknown event
    with pytest.raises(StoreError, match="doc-a"):
        store.write_record(broken, extractor_version="1.0")
    assert not store.has_document("doc-a")
    assert set(store.counts().values()) == {0}

    duplicate = make_record()
    duplicate["events"].append(copy.deepcopy(duplicate["events"][0]))
    with pytest.raises(StoreError):
        store.write_record(duplicate, extractor_version="1.0")
    missing = make_record()
    del missing["events"][1]["type"]
    with pytest.raises(StoreError, match="event E2"):
        store.write_record(missing, extractor_version="1.0")
    with pytest.raises(StoreError):
        store.write_record({"events": []}, extractor_version="1.0")
    assert set(store.counts().values()) == {0}

    # A failed replace keeps the old version whole.
    store.write_record(make_record(), extractor_version="1.0")
    before = store.fingerprint()
    with pytest.raises(StoreError):
        store.write_record(broken, extractor_version="2.0", replace=True)
    assert store.fingerprint() == before
    assert store.get_record("doc-a") == make_record()


def test_unusable_paths_raise_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open(tmp_path / "no" / "such" / "dir" / "x.db")
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="cannot open database .*not a database"):
        Store.open(not_db)
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open("nosuchdriver://host/db")


def test_sqlite_pragmas_on_every_connection(tmp_path):
    store = Store.open(tmp_path / "events.db")
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    # The file is an ordinary SQLite database others can read.
    store.write_record(make_record(), extractor_version="1.0")
    store.close()
    with sqlite3.connect(tmp_path / "events.db") as plain:
        assert plain.execute("SELECT count(*) FROM events").fetchone() == (3,)


def test_url_and_memory_targets(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'url.db'}") as by_url:
        by_url.write_record(make_record(), extractor_version="1.0")
    with Store.open(tmp_path / "url.db") as by_path:
        assert by_path.get_record("doc-a") == make_record()
    with Store.open(":memory:") as memory:
        memory.write_record(make_record(), extractor_version="1.0")
        assert memory.counts()["events"] == 3


def test_concurrent_writers_do_not_lose_documents(database):
    from concurrent.futures import ThreadPoolExecutor

    path = database
    Store.open(path).close()

    def write(worker: int) -> list[str]:
        with Store.open(path) as own:  # one store per writer, as separate processes would
            return [own.write_record(make_record(f"w{worker}-{i}"), extractor_version="1")
                    for i in range(25)] + [
                own.write_record(make_record("same"), extractor_version="1")]

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = [s for result in pool.map(write, range(4)) for s in result]
    assert statuses.count("written") == 101 and statuses.count("unchanged") == 3
    with Store.open(path) as store:
        assert store.counts()["documents"] == 101
        assert store.counts()["events"] == 303
