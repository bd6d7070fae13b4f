"""The store keeps incidents: their table, the incident columns of events, figures and
disagreements, and the migration that adds them to a store of schema version 3."""

from __future__ import annotations

import copy

from old_store import make_database_at
from sqlalchemy import inspect
from test_store import make_record

from eventledger.record import record_problems
from eventledger.store import SCHEMA_VERSION, Store
from eventledger.store.dialect import create_store_engine
from eventledger.store.migrations import current_version


def record_with_incidents(doc_id: str = "doc-i") -> dict:
    """make_record's shelling as one incident, with the missing people's toll cumulative."""
    record = copy.deepcopy(make_record(doc_id))
    record["incidents"] = [{"id": "I1", "type": "ASSAULT", "location": {"place": "P1"},
                            "date": "2025-03-03", "date_precision": "day",
                            "events": ["E1"], "figures": ["F1", "F2", "F3"]}]
    for item in record["events"]:
        item["incident"] = "I1" if item["id"] == "E1" else None
    for item in record["figures"]:
        item["unit"] = "people"
        item["incident"] = "I1" if item["id"] in ("F1", "F2", "F3") else None
        if item["id"] == "F4":
            item["cumulative"] = True
    record["disagreements"][0]["incident"] = "I1"
    return record


def test_the_record_with_incidents_follows_the_schema():
    assert record_problems(record_with_incidents()) == []
    broken = record_with_incidents()
    broken["figures"][0]["incident"] = "I9"
    assert record_problems(broken) == ["figures.F1.incident: unknown incident id 'I9'"]


def test_incidents_are_stored_with_their_columns(tmp_path):
    record = record_with_incidents()
    with Store.open(tmp_path / "events.db") as store:
        store.write_record(record, extractor_version="1.0")
        assert store.counts()["incidents"] == 1
        assert store.get_record("doc-i") == record
        with store._engine.connect() as conn:
            incident = conn.exec_driver_sql(
                "SELECT id, type, place_id, date, country FROM incidents").one()
            figures = dict(conn.exec_driver_sql(
                "SELECT id, incident_id FROM figures WHERE cumulative").all())
            events = dict(conn.exec_driver_sql("SELECT id, incident_id FROM events").all())
            disagreement = conn.exec_driver_sql(
                "SELECT incident_id FROM disagreements").scalar_one()
        assert tuple(incident) == ("I1", "ASSAULT", "P1", "2025-03-03", "KE")
        assert figures == {"F4": None}
        assert events == {"E1": "I1", "E2": None, "E3": None}
        assert disagreement == "I1"
        # re-extraction swaps the incidents with the rest of the document
        store.write_record(make_record("doc-i"), extractor_version="2.0", replace=True)
        assert store.counts()["incidents"] == 0


def test_version_3_store_gets_the_incident_tables(tmp_path):
    path = tmp_path / "v3.db"
    old = make_record("old-doc")
    make_database_at(path, old, 3)
    engine = create_store_engine(path)
    with engine.connect() as conn:
        assert current_version(conn) == 3
        assert not inspect(conn).has_table("incidents")
    engine.dispose()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.get_record("old-doc") == old
        store.write_record(record_with_incidents("new-doc"), extractor_version="1.0")
        assert store.counts()["incidents"] == 1
    # the upgraded store is the one a fresh store would be with the same documents
    with Store.open(tmp_path / "fresh.db") as fresh, Store.open(path) as upgraded:
        fresh.write_record(old, extractor_version="0.9")
        fresh.write_record(record_with_incidents("new-doc"), extractor_version="1.0")
        assert fresh.fingerprint() == upgraded.fingerprint()
