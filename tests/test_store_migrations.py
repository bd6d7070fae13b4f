"""Schema versions: a version-1 database is migrated on open, a newer one is refused."""

from __future__ import annotations

import pytest
from old_store import make_database_at
from sqlalchemy import inspect
from test_store import make_record

from eventledger.errors import StoreError
from eventledger.store import SCHEMA_VERSION, Store
from eventledger.store.dialect import create_store_engine
from eventledger.store.migrations import MIGRATIONS, current_version, upgrade


def _make_v1_database(path, record: dict) -> None:
    """A database as eventledger with schema version 1 left it, holding ``record``."""
    make_database_at(path, record, 1)


def _columns(store: Store, table: str) -> set[str]:
    with store._engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_every_version_has_its_migration():
    assert len(MIGRATIONS) == SCHEMA_VERSION >= 2


def test_fresh_database_is_at_the_current_version(tmp_path):
    with Store.open(tmp_path / "new.db") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert "country" in _columns(store, "events")


def test_version_1_database_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.db"
    record = make_record("old-doc")
    _make_v1_database(path, record)
    engine = create_store_engine(path)
    with engine.connect() as conn:
        assert current_version(conn) == 1
        assert "country" not in {c["name"] for c in inspect(conn).get_columns("events")}
    engine.dispose()

    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert "country" in _columns(store, "events") and "country" in _columns(store, "figures")
        with store._engine.connect() as conn:
            indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
            # Migration 2 backfilled the new column from the places.
            countries = dict(conn.exec_driver_sql("SELECT id, country FROM events").all())
        assert "ix_events_country" in indexes
        assert countries == {"E1": "KE", "E2": "TZ", "E3": None}
        # Old data is readable and the new filter works on it.
        assert store.get_record("old-doc") == record
        assert [r["document"]["id"] for r in store.iter_records(country="TZ")] == ["old-doc"]
        store.write_record(make_record("new-doc"), extractor_version="1.0")

    # The upgraded database is the same as one made fresh with the same content.
    with Store.open(tmp_path / "fresh.db") as fresh, Store.open(path) as upgraded:
        fresh.write_record(record, extractor_version="0.9")
        fresh.write_record(make_record("new-doc"), extractor_version="1.0")
        assert fresh.fingerprint() == upgraded.fingerprint()


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "again.db"
    Store.open(path).close()
    with Store.open(path) as store:
        with store._engine.connect() as conn:
            versions = conn.exec_driver_sql(
                "SELECT version FROM schema_version ORDER BY version").scalars().all()
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    engine = create_store_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO schema_version (version, description, applied_at) "
            f"VALUES ({SCHEMA_VERSION + 1}, 'from the future', '2030-01-01')")
    engine.dispose()
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}, newer"):
        Store.open(path)


def _indexes(engine) -> set[str]:
    with engine.connect() as conn:
        found = inspect(conn)
        return {i["name"] for table in found.get_table_names() for i in found.get_indexes(table)}


def test_version_3_database_gets_the_reading_indexes(tmp_path):
    path = tmp_path / "v3.db"
    engine = create_store_engine(path)
    try:
        assert upgrade(engine, target=3) == 0
        before = _indexes(engine)
    finally:
        engine.dispose()
    assert "ix_events_type_country_date" not in before
    with Store.open(path) as store:
        store.write_record(make_record("doc"), extractor_version="1.0")
        after = _indexes(store._engine)
    # the reading indexes (version 5, by day from version 7), the incident indexes
    # (version 6)
    assert after - before == {"ix_events_day", "ix_events_type_country_day", "ix_figures_day",
                              "ix_attribution_sources_text",
                              "ix_stories_first_last", "ix_stories_last_date",
                              "ix_story_members_type",
                              "ix_story_members_country_story",
                              "ix_events_incident", "ix_figures_incident",
                              "ix_incidents_date", "ix_incidents_country"}
    with Store.open(tmp_path / "fresh.db") as fresh:
        assert _indexes(fresh._engine) == after
