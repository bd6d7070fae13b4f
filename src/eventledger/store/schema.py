"""The store's tables, in SQLAlchemy Core, at any schema version.

``build_metadata(version)`` describes the schema as it stands after migration ``version``;
:mod:`eventledger.store.migrations` creates version 1 from it and brings older databases
forward, so a fresh database and an upgraded one end up with the same tables.

Every extraction item lives in its own table keyed by ``(doc_id, id)``: ``id`` is the
record-local id ("E1", "p2-A1"). Each row keeps the main fields as columns (spans as
``<name>_text``, ``<name>_start``, ``<name>_end``) and the item's full JSON in
``item_json``, so unknown extra fields survive. References inside a document are
composite foreign keys (event -> place, event -> attribution, figure -> event / place /
attribution, disagreement -> figure through ``disagreement_figures``, incident -> place);
deleting a document cascades to all of them. The ``incident_id`` columns of events,
figures and disagreements (version 6) are indexed but carry no foreign key, because
SQLite cannot add one to an existing table and an upgraded store must match a fresh one. Signatures and near-duplicate links describe the text,
not an extraction, and are written before a document is stored: they have no foreign key
and survive re-extraction.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 8

# The tables that hold one document's extraction, in insertion order (references first).
ITEM_TABLES = (
    "places",
    "actors",
    "attributions",
    "attribution_sources",
    "incidents",
    "events",
    "figures",
    "disagreements",
    "disagreement_figures",
)


def _span(name: str, *, nullable: bool = True) -> list[Column]:
    return [
        Column(f"{name}_text", Text, nullable=nullable),
        Column(f"{name}_start", Integer, nullable=nullable),
        Column(f"{name}_end", Integer, nullable=nullable),
    ]


def _named(name: str) -> list[Column]:
    return [
        *_span(name),
        Column(f"{name}_name", Text),
        Column(f"{name}_actor", String(64)),
    ]


def _doc_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE")


def _local_fk(column: str, table: str) -> ForeignKeyConstraint:
    """A reference to another item of the same document (NULL: no reference)."""
    return ForeignKeyConstraint(
        ["doc_id", column], [f"{table}.doc_id", f"{table}.id"], ondelete="CASCADE"
    )


def _schema_version_table(md: MetaData, version: int) -> Table:
    return Table(
        "schema_version",
        md,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("description", Text, nullable=False),
        Column("applied_at", String(32), nullable=False),
    )


def _documents_table(md: MetaData, version: int) -> Table:
    return Table(
        "documents",
        md,
        Column("id", String(64), primary_key=True),
        Column("path", Text),
        Column("url", Text),
        Column("outlet", Text),
        Column("published", String(10)),
        Column("title", Text),
        Column("language", String(16)),
        Column("text", Text, nullable=False),
        Column("extractor_version", String(64), nullable=False),
        Column("record_json", Text, nullable=False),
        Column("created_at", String(32), nullable=False),
        Index("ix_documents_published", "published"),
        Index("ix_documents_outlet", "outlet"),
    )


def _places_table(md: MetaData, version: int) -> Table:
    # A place the gazetteer lacks, put at a known one (version 8): the map says so.
    extra = [Column("approximate", Boolean)] if version >= 8 else []
    return Table(
        "places",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        *_span("mention"),
        Column("name", Text),
        Column("geonameid", Integer),
        Column("country", String(2)),
        Column("lat", Float),
        Column("lon", Float),
        Column("kind", String(16)),
        *extra,
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
        Index("ix_places_country", "country"),
    )


def _actors_table(md: MetaData, version: int) -> Table:
    return Table(
        "actors",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("name", Text),
        Column("country", String(8)),
        Column("sector", Text),
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
        Index("ix_actors_name", "name"),
    )


def _attributions_table(md: MetaData, version: int) -> Table:
    return Table(
        "attributions",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("kind", String(16)),
        *_named("source"),
        *_span("cue"),
        *_span("content", nullable=False),
        *_span("channel"),
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
    )


def _attribution_sources_table(md: MetaData, version: int) -> Table:
    # Who an attribution names: its source, the sources it cites, the outlets that
    # carried it. One row each, so that the --source filter is one indexed query.
    by_words = [Index("ix_attribution_sources_text", "mention_text")] if version >= 7 else []
    return Table(
        "attribution_sources",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("attribution_id", String(64), nullable=False),
        Column("role", String(16), nullable=False),  # source | cites | cited_by
        Column("position", Integer, nullable=False),
        *_named("mention"),
        PrimaryKeyConstraint("doc_id", "attribution_id", "role", "position"),
        _doc_fk(),
        _local_fk("attribution_id", "attributions"),
        Index("ix_attribution_sources_name", "mention_name"),
        *by_words,
    )


def _events_table(md: MetaData, version: int) -> Table:
    event_extra = [Column("country", String(2))] if version >= 2 else []
    event_index = [Index("ix_events_country", "country")] if version >= 2 else []
    if version == 5 or version == 6:
        # What the web application's lists filter and count on, with the keys, so that
        # a count or a page of keys is read from the index alone (by day from version 7).
        event_index += [Index("ix_events_type_country_date", "type", "country", "date",
                              "doc_id", "id"),
                        Index("ix_events_date_type_country", "date", "type", "country",
                              "doc_id", "id")]
    if version >= 6:
        event_extra.append(Column("incident_id", String(64)))
        event_index.append(Index("ix_events_incident", "doc_id", "incident_id"))
    if version >= 7:
        # The event's day (its date, else its document's): what the lists filter, count
        # and order on, one indexed column instead of an OR over two tables.
        event_extra.append(Column("day", String(10)))
        event_index += [Index("ix_events_day", "day", "doc_id", "id", "type", "country"),
                        Index("ix_events_type_country_day", "type", "country", "day",
                              "doc_id", "id")]
    return Table(
        "events",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("type", String(16), nullable=False),
        Column("mode", String(32)),
        *_span("trigger", nullable=False),
        *_named("actor"),
        *_named("recipient"),
        Column("place_id", String(64)),
        Column("origin_place_id", String(64)),  # the extra "origin" field, where given
        Column("date", String(10)),
        Column("date_precision", String(8)),
        Column("attribution_id", String(64)),
        Column("negated", Boolean, nullable=False),
        Column("hypothetical", Boolean, nullable=False),
        *event_extra,
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
        _local_fk("place_id", "places"),
        _local_fk("attribution_id", "attributions"),
        Index("ix_events_type", "type"),
        Index("ix_events_date", "date"),
        *event_index,
    )


def _figures_table(md: MetaData, version: int) -> Table:
    figure_extra = [Column("country", String(2))] if version >= 2 else []
    figure_index = [Index("ix_figures_country", "country")] if version >= 2 else []
    # What the count counts (version 4): "people", "families", ... (data/units.json).
    figure_extra += [Column("unit", String(32), nullable=False)] if version >= 4 else []
    if version >= 6:
        figure_extra += [Column("incident_id", String(64)), Column("cumulative", Boolean)]
        figure_index.append(Index("ix_figures_incident", "doc_id", "incident_id"))
    if version >= 7:
        # The figure's day (its event's date, else its document's), as events.day.
        figure_extra.append(Column("day", String(10)))
        figure_index.append(Index("ix_figures_day", "day", "doc_id", "id"))
    if version >= 8:
        # Some of the people a toll counts (a named victim), no toll: eventledger.tolls.
        figure_extra.append(Column("part", Boolean))
    return Table(
        "figures",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("category", String(16), nullable=False),
        *_span("trigger", nullable=False),
        *_span("count", nullable=False),
        Column("low", Integer),
        Column("high", Integer),
        Column("exact", Boolean),
        *_span("who"),
        Column("place_id", String(64)),
        Column("event_id", String(64)),
        Column("attribution_id", String(64)),
        *figure_extra,
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
        _local_fk("place_id", "places"),
        _local_fk("event_id", "events"),
        _local_fk("attribution_id", "attributions"),
        Index("ix_figures_category", "category"),
        *figure_index,
    )


def _disagreements_table(md: MetaData, version: int) -> Table:
    extra = [Column("incident_id", String(64))] if version >= 6 else []
    return Table(
        "disagreements",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("about", Text),
        *extra,
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
    )


def _disagreement_figures_table(md: MetaData, version: int) -> Table:
    return Table(
        "disagreement_figures",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("disagreement_id", String(64), nullable=False),
        Column("position", Integer, nullable=False),
        Column("figure_id", String(64), nullable=False),
        PrimaryKeyConstraint("doc_id", "disagreement_id", "position"),
        _doc_fk(),
        _local_fk("disagreement_id", "disagreements"),
        _local_fk("figure_id", "figures"),
    )


def _incidents_table(md: MetaData, version: int) -> Table | None:
    """Incidents (version 6): what happened, once, with the place and date it happened."""
    if version < 6:
        return None
    return Table(
        "incidents",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("id", String(64), nullable=False),
        Column("type", String(16), nullable=False),
        Column("place_id", String(64)),
        Column("date", String(10)),
        Column("date_precision", String(8)),
        Column("country", String(2)),
        Column("item_json", Text, nullable=False),
        PrimaryKeyConstraint("doc_id", "id"),
        _doc_fk(),
        _local_fk("place_id", "places"),
        Index("ix_incidents_date", "date"),
        Index("ix_incidents_country", "country"),
    )


def _signatures_table(md: MetaData, version: int) -> Table:
    return Table(
        "signatures",
        md,
        Column("doc_id", String(64), primary_key=True),
        Column("signature", LargeBinary, nullable=False),
    )


def _near_duplicates_table(md: MetaData, version: int) -> Table:
    # One row per pair, the smaller id first, so a link is stored once whichever way round.
    return Table(
        "near_duplicates",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("other_id", String(64), nullable=False),
        Column("similarity", Float, nullable=False),
        PrimaryKeyConstraint("doc_id", "other_id"),
        Index("ix_near_duplicates_other", "other_id"),
    )


# The tables of every version, one function per table, in the order they are created.
TABLES = (
    _schema_version_table,
    _documents_table,
    _places_table,
    _actors_table,
    _attributions_table,
    _attribution_sources_table,
    _incidents_table,
    _events_table,
    _figures_table,
    _disagreements_table,
    _disagreement_figures_table,
    _signatures_table,
    _near_duplicates_table,
)


def build_metadata(version: int = SCHEMA_VERSION) -> MetaData:
    """The tables as they are after migration ``version``."""
    md = MetaData()
    for table in TABLES:
        table(md, version)
    if version >= 3:
        _story_tables(md, version)
    return md


def _story_tables(md: MetaData, version: int) -> None:
    """Stories (version 3): events and figures of different documents that describe one
    incident. Members keep the features clustering compares (type family, day, grid cell,
    country, coordinates, actors, terms), so that finding candidate stories for a new
    item is one indexed query on ``story_members`` and never reads the records. Like
    signatures, members have no foreign key: they are derived and rebuilt at will."""
    Table(
        "stories",
        md,
        Column("id", String(16), primary_key=True),
        Column("seq", Integer, nullable=False),  # creation order: ids are "S" + seq
        Column("family", String(16), nullable=False),
        Column("type", String(16)),
        Column("first_date", String(10)),
        Column("last_date", String(10)),
        Column("country", String(2)),
        Column("place", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("n_items", Integer, nullable=False),
        Column("n_documents", Integer, nullable=False),
        Index("ix_stories_seq", "seq", unique=True),
        Index("ix_stories_first_date", "first_date"),
        Index("ix_stories_country", "country"),
        # A window's stories from either end, the keys and order in the index.
        *([Index("ix_stories_first_last", "first_date", "last_date", "seq", "id"),
           Index("ix_stories_last_date", "last_date", "first_date", "seq", "id")]
          if version >= 5 else []),
    )
    Table(
        "story_members",
        md,
        Column("doc_id", String(64), nullable=False),
        Column("item_id", String(64), nullable=False),
        Column("kind", String(8), nullable=False),  # event | figure
        Column("story_id", String(16), nullable=False),
        Column("family", String(16), nullable=False),
        Column("type", String(16), nullable=False),  # PLOVER type or figure category
        Column("day", String(10)),
        Column("cell", String(24), nullable=False),  # grid cell, "C:XX" or "-"
        Column("country", String(2)),
        Column("lat", Float),
        Column("lon", Float),
        Column("place", Text),
        Column("actors", Text, nullable=False),  # JSON list of lower-cased names
        Column("terms", Text, nullable=False),  # evidence words, space-separated
        Column("doc_terms", Text, nullable=False),  # the document's key words
        PrimaryKeyConstraint("doc_id", "item_id"),
        Index("ix_story_members_story", "story_id"),
        Index("ix_story_members_cell", "family", "cell", "day"),
        Index("ix_story_members_country", "family", "country", "day"),
        Index("ix_story_members_day", "family", "day"),
        # The stories with a member of a type, or in a country (the web lists' filters).
        *([Index("ix_story_members_type", "type", "story_id"),
           Index("ix_story_members_country_story", "country", "story_id")]
          if version >= 5 else []),
    )


metadata = build_metadata()
T = metadata.tables
