"""The store: extraction records in a relational database (SQLite by default).

One document and all of its items are written in one transaction, so a crash leaves
either the whole document or none of it. The record's full JSON is kept next to the
columns, so :meth:`Store.get_record` gives back exactly what was written.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import exists, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StoreError
from . import dialect
from .migrations import upgrade
from .rows import SECTIONS, load_record, record_rows
from .schema import ITEM_TABLES, T

log = logging.getLogger(__name__)

WriteStatus = Literal["written", "unchanged", "replaced"]
# counts() keys: the tables a user thinks in.
COUNTED = (
    "documents", "attributions", "events", "figures", "places", "actors", "incidents",
    "disagreements", "near_duplicates", "signatures",
)
# Columns left out of fingerprint(): when something happened, not what is stored.
_TIMESTAMPS = {"created_at", "applied_at"}
# How many records iter_records reads per query.
_PAGE = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Store:
    """Extraction records in a database. Open with :meth:`Store.open`."""

    def __init__(self, engine: Engine, *, label: str):
        self._engine = engine
        self.label = label

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, target: str | Path) -> Store:
        """The store at ``target``: an SQLite file path or an SQLAlchemy URL. A missing
        SQLite file is created; an older schema is migrated; a newer one is refused."""
        label = dialect.display_name(target)
        engine = dialect.create_store_engine(target)
        try:
            upgrade(engine, label=label)
            dialect.check_database(engine, label)
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(
                f"cannot open database {label}: {dialect.one_line(reason)}"
            ) from exc
        return cls(engine, label=label)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.label!r})"

    def _read(self):
        return self._engine.connect()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection in a write transaction (SQLite: the write lock taken at BEGIN)."""
        with self._engine.connect() as conn:
            conn = conn.execution_options(**{dialect.WRITE: True})
            with conn.begin():
                yield conn

    def _error(self, action: str, exc: SQLAlchemyError) -> StoreError:
        reason = getattr(exc, "orig", None) or exc
        return StoreError(f"database {self.label}: {action} failed: {dialect.one_line(reason)}")

    # -- documents -------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            found = conn.execute(select(T["documents"].c.id).where(T["documents"].c.id == doc_id))
            return found.first() is not None

    def document_version(self, doc_id: str) -> str | None:
        """The extractor version the stored document was extracted with (None: not stored)."""
        docs = T["documents"]
        with self._read() as conn:
            return conn.execute(
                select(docs.c.extractor_version).where(docs.c.id == doc_id)
            ).scalar_one_or_none()

    def find_documents(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix``, sorted."""
        docs = T["documents"]
        with self._read() as conn:
            query = (
                select(docs.c.id)
                .where(docs.c.id.like(_like_escape(prefix) + "%", escape="\\"))
                .order_by(docs.c.id)
            )
            return list(conn.execute(query).scalars())

    def write_record(
        self, record: dict, *, extractor_version: str, replace: bool = False
    ) -> WriteStatus:
        """Store ``record`` (CONTRACT) in one transaction.

        ``"written"``: new document. ``"unchanged"``: already stored and ``replace`` is
        false, nothing touched. ``"replaced"``: the old items deleted and the new ones
        inserted, atomically. Raises :class:`StoreError` for a record the tables cannot
        hold (missing fields, references to unknown items); nothing is then written."""
        try:
            doc_row, rows = record_rows(record)
        except (AttributeError, TypeError, KeyError) as exc:
            raise StoreError(f"not a valid extraction record: {exc}") from exc
        doc_id = doc_row["id"]
        docs = T["documents"]
        try:
            with self._write() as conn:
                # Another process writing the same document waits here, then finds it.
                dialect.lock(conn, f"document:{doc_id}")
                stored = conn.execute(select(docs.c.id).where(docs.c.id == doc_id)).first()
                if stored and not replace:
                    return "unchanged"
                if stored:
                    self._delete_items(conn, doc_id)
                    conn.execute(
                        docs.update().where(docs.c.id == doc_id).values(
                            **doc_row, extractor_version=extractor_version
                        )
                    )
                else:
                    conn.execute(docs.insert().values(
                        **doc_row, extractor_version=extractor_version, created_at=_now()
                    ))
                for name in ITEM_TABLES:
                    if rows[name]:
                        conn.execute(T[name].insert(), rows[name])
        except IntegrityError as exc:
            raise StoreError(
                f"cannot store document {doc_id}: the record is inconsistent "
                f"(duplicate id or reference to an unknown item): {dialect.one_line(exc.orig)}"
            ) from exc
        except SQLAlchemyError as exc:
            raise self._error(f"writing document {doc_id}", exc) from exc
        return "replaced" if stored else "written"

    @staticmethod
    def _delete_items(conn: Connection, doc_id: str) -> None:
        for name in reversed(ITEM_TABLES):
            table = T[name]
            conn.execute(table.delete().where(table.c.doc_id == doc_id))

    def get_record(self, doc_id: str) -> dict | None:
        """The extraction record of ``doc_id`` exactly as written, or None."""
        docs = T["documents"]
        with self._read() as conn:
            row = conn.execute(
                select(docs.c.record_json, docs.c.text).where(docs.c.id == doc_id)
            ).first()
        return load_record(row.record_json, row.text) if row else None

    # -- filtered reading ------------------------------------------------------------
    def iter_records(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        types: Iterable[str] | None = None,
        country: str | None = None,
        source: str | None = None,
    ) -> Iterator[dict]:
        """Stored records, by published date then id, that pass every filter given.

        ``since``/``until``: the document's published date (YYYY-MM-DD, inclusive; a
        document without one passes only when neither is given). ``types``: PLOVER
        types of events. ``country``: ISO2 of an event's or figure's place. ``source``:
        case-insensitive substring of the outlet or of any attribution's source, cites
        or cited_by (text or resolved name).

        With ``types``, ``country`` or ``source`` given, a record keeps only the events
        and figures that pass all three (everything else of the document stays), and is
        left out when none does. An event passes ``source`` when the outlet or its own
        attribution matches; a figure likewise; a figure passes ``types`` when the event
        it links to does (a figure linked to no event has no type and fails ``types``).
        """
        types_set = {t.upper() for t in types} if types else None
        country = country.upper() if country else None
        needle = source.lower() if source else None
        ids = self._candidate_ids(since, until, types_set, country, needle)
        for start in range(0, len(ids), _PAGE):
            page = ids[start:start + _PAGE]
            docs = T["documents"]
            with self._read() as conn:
                found = {
                    row.id: load_record(row.record_json, row.text)
                    for row in conn.execute(
                        select(docs.c.id, docs.c.record_json, docs.c.text)
                        .where(docs.c.id.in_(page))
                    )
                }
            for doc_id in page:
                record = found.get(doc_id)
                if record is None:  # deleted meanwhile
                    continue
                if types_set is None and country is None and needle is None:
                    yield record
                    continue
                kept = _filter_items(record, types_set, country, needle)
                if kept is not None:
                    yield kept

    def _candidate_ids(self, since, until, types_set, country, needle) -> list[str]:
        """Ids of documents that may pass: the SQL half of the filters (indexed)."""
        docs, events, figures = T["documents"], T["events"], T["figures"]
        sources = T["attribution_sources"]
        query = select(docs.c.id)
        if since:
            query = query.where(docs.c.published >= since)
        if until:
            query = query.where(docs.c.published <= until)
        if types_set:
            query = query.where(exists().where(
                events.c.doc_id == docs.c.id, events.c.type.in_(sorted(types_set))
            ))
        if country:
            query = query.where(or_(
                exists().where(events.c.doc_id == docs.c.id, events.c.country == country),
                exists().where(figures.c.doc_id == docs.c.id, figures.c.country == country),
            ))
        if needle:
            pattern = "%" + _like_escape(needle) + "%"
            query = query.where(or_(
                func.lower(docs.c.outlet).like(pattern, escape="\\"),
                exists().where(
                    sources.c.doc_id == docs.c.id,
                    or_(
                        func.lower(sources.c.mention_name).like(pattern, escape="\\"),
                        func.lower(sources.c.mention_text).like(pattern, escape="\\"),
                    ),
                ),
            ))
        query = query.order_by(docs.c.published.is_(None), docs.c.published, docs.c.id)
        with self._read() as conn:
            return list(conn.execute(query).scalars())

    # -- near duplicates -------------------------------------------------------------
    def save_signature(self, doc_id: str, signature: bytes) -> None:
        with self._write() as conn:
            dialect.upsert(conn, T["signatures"],
                           {"doc_id": doc_id, "signature": bytes(signature)}, keys=["doc_id"])

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        table = T["signatures"]
        with self._read() as conn:
            rows = conn.execute(select(table.c.doc_id, table.c.signature).order_by(table.c.doc_id))
            result = [(row.doc_id, bytes(row.signature)) for row in rows]
        yield from result

    def link_near_duplicate(self, doc_id: str, other_id: str, similarity: float) -> None:
        """Record that two documents are near-duplicates (either order; idempotent: a
        second call updates the similarity)."""
        if doc_id == other_id:
            return
        first, second = sorted((doc_id, other_id))
        with self._write() as conn:
            dialect.upsert(
                conn, T["near_duplicates"],
                {"doc_id": first, "other_id": second, "similarity": float(similarity)},
                keys=["doc_id", "other_id"],
            )

    def near_duplicates(self, doc_id: str) -> list[tuple[str, float]]:
        """``[(other id, similarity)]``, most similar first."""
        table = T["near_duplicates"]
        with self._read() as conn:
            rows = conn.execute(
                select(table.c.other_id.label("other"), table.c.similarity)
                .where(table.c.doc_id == doc_id)
                .union_all(
                    select(table.c.doc_id.label("other"), table.c.similarity)
                    .where(table.c.other_id == doc_id)
                )
            ).all()
        return sorted(((r.other, r.similarity) for r in rows), key=lambda r: (-r[1], r[0]))

    # -- stories ---------------------------------------------------------------------
    @contextmanager
    def story_session(self) -> Iterator[StorySession]:
        """Story reads and writes in one write transaction (used by
        :mod:`eventledger.stories`): a document's assignment is all or nothing."""
        try:
            with self._write() as conn:
                # One assigner at a time across processes: each sees every story before it.
                dialect.lock(conn, dialect.STORIES_LOCK)
                yield StorySession(conn)
        except SQLAlchemyError as exc:
            raise self._error("assigning stories", exc) from exc

    def story_rows(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        types: Iterable[str] | None = None,
        country: str | None = None,
        ids: Iterable[str] | None = None,
    ) -> list[dict]:
        """Stories in creation order, as dicts of the ``stories`` columns. ``since`` /
        ``until``: the story's date range overlaps them; ``types``: a member has one
        of these PLOVER types or figure categories; ``country``: a member's country."""
        stories, members = T["stories"], T["story_members"]
        query = select(stories)
        if since:
            query = query.where(stories.c.last_date >= since)
        if until:
            query = query.where(stories.c.first_date <= until)
        if types:
            wanted = sorted({t.upper() for t in types} | {t.lower() for t in types})
            query = query.where(exists().where(
                members.c.story_id == stories.c.id, members.c.type.in_(wanted)))
        if country:
            query = query.where(exists().where(
                members.c.story_id == stories.c.id, members.c.country == country.upper()))
        if ids is not None:
            query = query.where(stories.c.id.in_(sorted(set(ids))))
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(query.order_by(stories.c.seq))]

    def story_members(self, story_id: str) -> list[dict]:
        """The members of one story, by day then document and item."""
        members = T["story_members"]
        with self._read() as conn:
            rows = conn.execute(
                select(members).where(members.c.story_id == story_id)
                .order_by(members.c.day.is_(None), members.c.day, members.c.doc_id,
                          members.c.item_id)
            )
            return [dict(row._mapping) for row in rows]

    def document_ids(self) -> list[str]:
        """Every stored document id, by published date (unknown last) then id."""
        docs = T["documents"]
        with self._read() as conn:
            return list(conn.execute(
                select(docs.c.id).order_by(docs.c.published.is_(None), docs.c.published,
                                           docs.c.id)
            ).scalars())

    # -- summaries -------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(T[name])).scalar_one()
                for name in COUNTED
            }

    def schema_version(self) -> int:
        table = T["schema_version"]
        with self._read() as conn:
            return conn.execute(select(func.max(table.c.version))).scalar_one() or 0

    def fingerprint(self) -> str:
        """SHA-256 of every table's rows in primary-key order, timestamps left out: two
        stores with the same logical content have the same fingerprint."""
        digest = hashlib.sha256()
        with self._read() as conn:
            for name in sorted(T):
                table = T[name]
                columns = [c for c in table.columns if c.name not in _TIMESTAMPS]
                order = list(table.primary_key.columns) or columns
                digest.update(f"\x00table {name}\x00".encode())
                for row in conn.execute(select(*columns).order_by(*order)):
                    digest.update(json.dumps(
                        [_canonical(v) for v in row], ensure_ascii=False
                    ).encode("utf-8"))
                    digest.update(b"\n")
        return digest.hexdigest()


class StorySession:
    """Story table access inside one write transaction (:meth:`Store.story_session`)."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def next_seq(self) -> int:
        stories = T["stories"]
        return (self.conn.execute(select(func.max(stories.c.seq))).scalar_one() or 0) + 1

    def members_of_document(self, doc_id: str) -> list[dict]:
        members = T["story_members"]
        rows = self.conn.execute(
            select(members).where(members.c.doc_id == doc_id).order_by(members.c.item_id))
        return [dict(row._mapping) for row in rows]

    def candidates(
        self,
        family: str,
        *,
        cells: Iterable[str] = (),
        country: str | None = None,
        day_from: str | None = None,
        day_to: str | None = None,
        exclude_doc: str | None = None,
        limit: int = 500,
    ) -> list[dict]:
        """Members of type ``family`` in one of ``cells`` or in ``country`` (any cell),
        with a day in ``[day_from, day_to]`` or none (no window given: any day). Each
        branch is an index range on ``(family, cell|country, day)``; ``limit`` caps the
        most recent rows, so the cost does not grow with the store."""
        members = T["story_members"]
        cells = sorted(set(cells))
        places = []
        if cells:
            places.append(members.c.cell.in_(cells))
        if country:
            places.append(members.c.country == country)
        # One query per place branch and day condition, so that each is a range of one
        # index: (family, cell, day) or (family, country, day).
        days = ([members.c.day.between(day_from, day_to), members.c.day.is_(None)]
                if day_from and day_to else [None])
        found: dict[tuple[str, str], dict] = {}
        for place in places:
            for day in days:
                query = select(members).where(members.c.family == family, place)
                if day is not None:
                    query = query.where(day)
                if exclude_doc:
                    query = query.where(members.c.doc_id != exclude_doc)
                query = query.order_by(members.c.story_id.desc(), members.c.doc_id,
                                       members.c.item_id).limit(limit)
                for row in self.conn.execute(query):
                    found[(row.doc_id, row.item_id)] = dict(row._mapping)
        return [found[key] for key in sorted(found)]

    def delete_document(self, doc_id: str) -> list[str]:
        """Remove a document's members; returns the stories they were in."""
        members = T["story_members"]
        touched = sorted(set(self.conn.execute(
            select(members.c.story_id).where(members.c.doc_id == doc_id)).scalars()))
        self.conn.execute(members.delete().where(members.c.doc_id == doc_id))
        return touched

    def clear(self) -> None:
        self.conn.execute(T["story_members"].delete())
        self.conn.execute(T["stories"].delete())

    def insert_members(self, rows: list[dict]) -> None:
        if rows:
            self.conn.execute(T["story_members"].insert(), rows)

    def insert_story(self, row: dict) -> None:
        self.conn.execute(T["stories"].insert().values(**row))

    def story_members(self, story_id: str) -> list[dict]:
        members = T["story_members"]
        rows = self.conn.execute(select(members).where(members.c.story_id == story_id)
                                 .order_by(members.c.doc_id, members.c.item_id))
        return [dict(row._mapping) for row in rows]

    def update_story(self, story_id: str, values: dict | None) -> None:
        """Set a story's summary columns; None: delete it (no members left)."""
        stories = T["stories"]
        if values is None:
            self.conn.execute(stories.delete().where(stories.c.id == story_id))
        else:
            self.conn.execute(stories.update().where(stories.c.id == story_id).values(**values))


def _canonical(value):
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return value


# -- item-level filtering ----------------------------------------------------------------

def _matches(named: dict | None, needle: str) -> bool:
    if not isinstance(named, dict):
        return False
    return any(needle in (named.get(k) or "").lower() for k in ("name", "text"))


def _attribution_matches(attribution: dict | None, needle: str) -> bool:
    if not attribution:
        return False
    if _matches(attribution.get("source"), needle):
        return True
    return any(
        _matches(value, needle)
        for role in ("cites", "cited_by")
        for value in attribution.get(role) or []
    )


def _filter_items(record: dict, types_set, country, needle) -> dict | None:
    """``record`` keeping only the events and figures that pass; None when none does."""
    places = {p.get("id"): p for p in record.get("places", [])}
    attributions = {a.get("id"): a for a in record.get("attributions", [])}
    outlet = (record["document"].get("outlet") or "").lower()
    outlet_ok = needle is not None and needle in outlet

    def place_country(item: dict) -> str | None:
        location = item.get("location")
        place = places.get(location.get("place")) if isinstance(location, dict) else None
        return (place.get("country") or "").upper() if place else None

    def source_ok(item: dict) -> bool:
        if needle is None or outlet_ok:
            return True
        return _attribution_matches(attributions.get(item.get("attribution")), needle)

    events = [
        ev for ev in record.get("events", [])
        if (types_set is None or str(ev.get("type", "")).upper() in types_set)
        and (country is None or place_country(ev) == country)
        and source_ok(ev)
    ]
    event_types = {ev.get("id"): str(ev.get("type", "")).upper() for ev in record.get("events", [])}
    figures = [
        fig for fig in record.get("figures", [])
        if (types_set is None or event_types.get(fig.get("event")) in types_set)
        and (country is None or place_country(fig) == country)
        and source_ok(fig)
    ]
    if not events and not figures:
        return None
    return {**record, "events": events, "figures": figures}


__all__ = ["Store", "StorySession", "WriteStatus", "SECTIONS"]
