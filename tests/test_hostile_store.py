"""A store that takes no more writes (a full disk, a read-only database) ends the run
with one clear error and loses nothing already stored; given room again, the same batch
finishes with the store an uninterrupted run gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from eventledger.cli import cli
from eventledger.document import Document
from eventledger.errors import StoreUnusableError
from eventledger.process import process_documents
from eventledger.store import Store

TEXTS = [
    "Protesters marched through Avonford on Tuesday, the city's police said. "
    "Officers said 3 people were injured.",
    "A fire destroyed a warehouse in Millbrook on Sunday, firefighters said. "
    "Two workers were hurt, according to the fire service.",
    "Troops withdrew from the village of Eastbrook overnight, the army said. "
    "Residents said 14 homes were damaged.",
    "The Northfield Times reported that 7 people were arrested after clashes in Westvale "
    "on Friday. The police declined to comment.",
]


def _documents() -> list[Document]:
    # Long enough that a few documents fill the pages the test leaves free.
    return [Document(text=(text + "\n\n") * 12, source=f"in{n}.txt", path=f"in{n}.txt")
            for n, text in enumerate(TEXTS)]


def _integrity(store: Store) -> str:
    with store._engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


def test_read_only_database_is_one_error_and_keeps_what_is_stored(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(TEXTS[0])
    second.write_text(TEXTS[1])
    db = tmp_path / "events.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["process", str(first), "--db", str(db), "-q"]).exit_code == 0
    with Store.open(db) as store:
        before = store.fingerprint()
    # Root ignores file permissions: SQLite's own read-only open stands for a read-only
    # file or mount.
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = runner.invoke(cli, ["process", str(second), "--db", read_only, "-q"])
    assert result.exit_code == 1
    assert result.output == (f"Error: [E201] database {read_only}: the database is read-only; "
                             "the documents stored before are kept\n")
    with Store.open(db) as store:
        assert store.fingerprint() == before
        assert _integrity(store) == "ok"


def _limit_pages(store: Store, free_pages: int) -> None:
    """SQLite's max_page_count stands for a full disk: ``free_pages`` pages left."""
    with store._engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store._engine.dispose()  # the pragma is per connection: new ones get it

    @event.listens_for(store._engine, "connect")
    def _full_disk(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + free_pages}")


def test_full_disk_is_one_error_and_the_rerun_completes_the_store(tmp_path, nlp):
    full = tmp_path / "full.db"
    with Store.open(full) as store:
        process_documents(_documents()[:1], store, nlp=nlp)
    with Store.open(full) as store:
        _limit_pages(store, free_pages=6)
        with pytest.raises(StoreUnusableError, match="the database or disk is full"):
            process_documents(_documents(), store, nlp=nlp, batch_size=1)
    with Store.open(full) as store:
        assert _integrity(store) == "ok"
        stored = store.document_ids()
        assert 1 <= len(stored) < len(TEXTS)
        for doc_id in stored:  # whole documents only
            record = store.get_record(doc_id)
            assert record is not None and record["events"]
        summary = process_documents(_documents(), store, nlp=nlp)
        assert summary.failed == []
        resumed = store.fingerprint()
    clean = tmp_path / "clean.db"
    with Store.open(clean) as store:
        process_documents(_documents(), store, nlp=nlp)
        assert store.fingerprint() == resumed
