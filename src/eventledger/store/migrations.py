"""Schema versions: an ordered list of migrations, applied in one transaction on open.

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``. A fresh database runs
them all; an older one runs those it misses; a database written by a newer eventledger
is refused rather than guessed at. To change the schema: edit
:func:`eventledger.store.schema.build_metadata` behind ``version >= N``, add migration N
here, and raise ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, inspect, select, update
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError
from ..units import unit_of
from .dialect import SCHEMA_LOCK, WRITE, lock
from .schema import SCHEMA_VERSION, build_metadata

log = logging.getLogger(__name__)

Migration = tuple[str, Callable[[Connection], None]]


def _create_v1(conn: Connection) -> None:
    """The first schema, frozen as it was: version 1 of :func:`build_metadata`."""
    build_metadata(1).create_all(conn)


def _add_item_countries(conn: Connection) -> None:
    """events.country and figures.country, copied from their place, indexed: the
    --country filter then needs no join."""
    md = build_metadata(2)
    places = md.tables["places"]
    for name in ("events", "figures"):
        table = md.tables[name]
        # ALTER TABLE ... ADD COLUMN is the same in SQLite and PostgreSQL.
        conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN country VARCHAR(2)")
        country = (
            select(places.c.country)
            .where(places.c.doc_id == table.c.doc_id, places.c.id == table.c.place_id)
            .scalar_subquery()
        )
        conn.execute(update(table).values(country=country))
        for index in table.indexes:
            if "country" in index.columns:
                index.create(conn)


def _add_stories(conn: Connection) -> None:
    """stories and story_members with their candidate-lookup indexes; existing
    documents get stories from ``eventledger.stories.rebuild_stories``."""
    md = build_metadata(3)
    for name in ("stories", "story_members"):
        md.tables[name].create(conn)


def _add_figure_units(conn: Connection) -> None:
    """figures.unit: what each count counts. Figures stored before had none and were
    compared as people; their unit is read from their counted noun ("several families":
    families), as :func:`eventledger.extract.units.unit_of` reads a record without one."""
    conn.exec_driver_sql(
        "ALTER TABLE figures ADD COLUMN unit VARCHAR(32) NOT NULL DEFAULT 'people'"
    )
    figures = build_metadata(4).tables["figures"]
    rows = conn.execute(
        select(figures.c.doc_id, figures.c.id, figures.c.who_text).where(
            figures.c.who_text.is_not(None)
        )
    ).all()
    for doc_id, figure_id, who in rows:
        unit = unit_of({"who": {"text": who}})
        if unit != "people":
            conn.execute(
                update(figures)
                .where(figures.c.doc_id == doc_id, figures.c.id == figure_id)
                .values(unit=unit)
            )


def _add_reading_indexes(conn: Connection) -> None:
    """Indexes of the web application's lists: events by type, country and day, and by
    day, type and country (with their keys); stories by first and by last day (with
    their keys); story members by type and by country with their story."""
    _create_new_indexes(conn, 5)


def _create_new_indexes(conn: Connection, version: int) -> None:
    """The indexes that schema ``version`` has and the version before it had not."""
    old = {index.name for table in build_metadata(version - 1).tables.values()
           for index in table.indexes}
    for table in build_metadata(version).tables.values():
        for index in table.indexes:
            if index.name not in old:
                index.create(conn)


def _add_incidents(conn: Connection) -> None:
    """The incidents table and the incident columns of events, figures and disagreements.
    Records stored before have no incidents: ``process --reprocess`` gives them some."""
    md = build_metadata(6)
    md.tables["incidents"].create(conn)
    columns = {"events": ["incident_id VARCHAR(64)"],
               "figures": ["incident_id VARCHAR(64)", "cumulative BOOLEAN"],
               "disagreements": ["incident_id VARCHAR(64)"]}
    for name, added in columns.items():
        for column in added:
            conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN {column}")
        for index in md.tables[name].indexes:
            if "incident_id" in index.columns:
                index.create(conn)
    # what a record stored before says: no toll of it is cumulative
    conn.execute(update(md.tables["figures"]).values(cumulative=False))


def _add_item_days(conn: Connection) -> None:
    """events.day and figures.day: the day the web application's lists filter, count and
    order on (an event's date, else its document's; a figure's event's date, else its
    document's), indexed with the keys; attribution_sources.mention_text indexed. The
    reading indexes of version 5 on events.date give way to those on events.day."""
    md = build_metadata(7)
    docs, events, figures = (md.tables[name] for name in ("documents", "events", "figures"))
    for name in ("events", "figures"):
        conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN day VARCHAR(10)")
    published = (select(docs.c.published).where(docs.c.id == events.c.doc_id)
                 .scalar_subquery())
    conn.execute(update(events).values(day=func.coalesce(events.c.date, published)))
    linked = events.alias("linked")
    event_date = (select(linked.c.date)
                  .where(linked.c.doc_id == figures.c.doc_id, linked.c.id == figures.c.event_id)
                  .scalar_subquery())
    published = (select(docs.c.published).where(docs.c.id == figures.c.doc_id)
                 .scalar_subquery())
    conn.execute(update(figures).values(day=func.coalesce(event_date, published)))
    for name in ("ix_events_type_country_date", "ix_events_date_type_country"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    _create_new_indexes(conn, 7)


def _add_parts_and_approximate_places(conn: Connection) -> None:
    """figures.part: a figure that counts some of the people a toll counts (a named
    victim), which story ranges leave aside; places.approximate: a place the gazetteer
    lacks, put at a known one, which the map marks. Records stored before say nothing of
    either: ``process --reprocess`` reads them again."""
    md = build_metadata(8)
    for table, column in (("figures", "part"), ("places", "approximate")):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} BOOLEAN")
        conn.execute(update(md.tables[table]).values({column: False}))


MIGRATIONS: list[Migration] = [
    ("documents, extraction items, signatures, near-duplicate links", _create_v1),
    ("country of events and figures", _add_item_countries),
    ("stories across documents", _add_stories),
    ("the unit each figure counts", _add_figure_units),
    ("indexes of the web application's lists", _add_reading_indexes),
    ("incidents within a document", _add_incidents),
    ("the day of events and figures, indexed for the web application", _add_item_days),
    ("figures that are parts of a toll, places put at a known place",
     _add_parts_and_approximate_places),
]

assert len(MIGRATIONS) == SCHEMA_VERSION, "every schema version needs its migration"


def current_version(conn: Connection) -> int:
    """The schema version of the database (0: empty, nothing created yet)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    table = build_metadata(1).tables["schema_version"]
    rows = conn.execute(select(table.c.version)).scalars().all()
    return max(rows, default=0)


def upgrade(engine: Engine, *, target: int = SCHEMA_VERSION, label: str = "") -> int:
    """Bring the database to version ``target`` in one transaction; returns the version
    it had. Raises :class:`StoreError` for a database newer than this code."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{WRITE: True})
        with conn.begin():
            lock(conn, SCHEMA_LOCK)  # two processes opening a new database: one migrates
            found = current_version(conn)
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"database {label} has schema version {found}, newer than this "
                    f"eventledger supports ({SCHEMA_VERSION}); upgrade eventledger to open it"
                )
            if found >= target:
                return found
            version_table = build_metadata(1).tables["schema_version"]
            for number in range(found + 1, target + 1):
                description, migrate = MIGRATIONS[number - 1]
                log.info("database %s: migrating to schema version %d (%s)",
                         label, number, description)
                migrate(conn)
                conn.execute(
                    version_table.insert().values(
                        version=number,
                        description=description,
                        applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                    )
                )
            return found
