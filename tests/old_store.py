"""A database as an older eventledger left it: the tests of each migration start from one."""

from __future__ import annotations

from eventledger.store.dialect import create_store_engine
from eventledger.store.migrations import upgrade
from eventledger.store.rows import record_rows
from eventledger.store.schema import ITEM_TABLES, build_metadata


def make_database_at(path, record: dict, version: int) -> None:
    """A database at schema ``version`` holding ``record``, each row cut to the columns that
    version had (version 1 had no country columns, version 3 no units)."""
    engine = create_store_engine(path)
    try:
        assert upgrade(engine, target=version) == 0
        tables = build_metadata(version).tables
        doc_row, rows = record_rows(record)
        with engine.begin() as conn:
            conn.execute(tables["documents"].insert().values(
                **doc_row, extractor_version="0.9", created_at="2025-01-01T00:00:00+00:00"))
            for name in (n for n in ITEM_TABLES if n in tables):
                columns = set(tables[name].c.keys())
                if rows[name]:
                    conn.execute(tables[name].insert(),
                                 [{k: v for k, v in row.items() if k in columns}
                                  for row in rows[name]])
    finally:
        engine.dispose()
