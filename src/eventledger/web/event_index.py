"""The store's events and figures held in memory, per store version, for the map, the
timeline and the event and figure lists of an SQLite store.

Every reader's overview asks for the map and the timeline of some window of days and
some types or country; on a store of 100,000 events each such answer is a query that
reads thousands of rows, made again for each new window. Here the events are read once
per store version, in the event list's order (day, document, id): a window of days is
then two bisections, a type or a country a list of positions made ahead, and the map's
points are JSON written ahead, joined. Only the filters ``since``, ``until``, ``type``
and ``country`` are answered here (and ``source`` for figures); ``actor``, ``q`` and
the rest go to the database.

The index is made in a thread of its own (:class:`StoreIndexes`); until it is ready for
the store's current version, the database answers as before, so a written store never
shows an older answer and a reader never waits for the index.
"""

from __future__ import annotations

import gc
import heapq
import logging
import threading
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable

import orjson
from sqlalchemy import and_, select
from sqlalchemy.engine import Engine

from .filters import Filters, SourceNames

log = logging.getLogger(__name__)


def map_feature(row) -> dict:
    """The map's GeoJSON point of one row of ``queries.map_points``."""
    (doc_id, event_id, kind, trigger, day, place, lat, lon, negated, hypothetical,
     outlet, title, approximate) = row
    return {
        "type": "Feature", "id": f"{doc_id}-{event_id}",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"doc_id": doc_id, "id": event_id, "type": kind, "trigger": trigger,
                       "day": day, "place": place, "negated": negated,
                       "hypothetical": hypothetical, "outlet": outlet, "title": title,
                       # a site or village the gazetteer lacks, at the known place the
                       # text puts it in: the point is that place's, not its own
                       "approximate": bool(approximate)},
    }


def map_answer(total: int, features: list[bytes]) -> bytes:
    """The map's JSON answer from its features, each written already."""
    return (b'{"type":"FeatureCollection","total":%d,"shown":%d,"features":[' %
            (total, len(features)) + b",".join(features) + b"]}")


def indexable(f: Filters) -> bool:
    """Whether the index answers ``f`` (else the database does)."""
    return not (f.actor or f.source or f.q)


def window(days: list[str], undated: int, f: Filters) -> tuple[int, int]:
    """The positions ``[low, high)`` of ``days`` (sorted, after ``undated`` items with no
    day) in ``f``'s window; with no window, all of them."""
    if not (f.since or f.until):
        return 0, len(days)
    low = bisect_left(days, f.since, undated) if f.since else undated
    high = bisect_right(days, f.until, undated) if f.until else len(days)
    return low, max(low, high)


def ordered_days(days: list[str], undated: int) -> None:
    if days[undated:] != sorted(days[undated:]):
        raise ValueError("items not in the order of their days")


class EventIndex:
    """The events of one store version, in the list's order (day, document id, id; an
    event without a day first, as SQLite orders NULL)."""

    def __init__(self, rows: Iterable):
        self.keys: list[tuple[str, str]] = []
        self.days: list[str] = []  # "" for an event with no day
        self.types: list[str] = []
        self.features: list[bytes | None] = []  # the map's point; None where not placed
        self.undated = 0  # events with no day (the first ones)
        by_type: dict[str, array] = {}
        by_country: dict[str, array] = {}
        by_both: dict[tuple[str, str], array] = {}
        shared: dict[str, str] = {}  # one string object per distinct day, type, country
        for position, row in enumerate(rows):
            (doc_id, event_id, kind, trigger, day, place, lat, lon, negated, hypothetical,
             outlet, title, _approximate, country) = row
            if day is not None and not isinstance(day, str):
                raise TypeError(f"event {doc_id} {event_id}: day {day!r} is not text")
            if day is None:
                self.undated += 1
            kind = shared.setdefault(kind, kind)
            # The database gives each row its own strings: one per document and id.
            self.keys.append((shared.setdefault(doc_id, doc_id),
                              shared.setdefault(event_id, event_id)))
            self.days.append(shared.setdefault(day, day) if day is not None else "")
            self.types.append(kind)
            placed = lat is not None and lon is not None
            # A copy of orjson's answer: its own keeps the 4 KiB it was written into.
            self.features.append(memoryview(orjson.dumps(map_feature(row[:13]))).tobytes()
                                 if placed else None)
            by_type.setdefault(kind, array("i")).append(position)
            if country is not None:
                country = shared.setdefault(country, country)
                by_country.setdefault(country, array("i")).append(position)
                by_both.setdefault((kind, country), array("i")).append(position)
        ordered_days(self.days, self.undated)
        self.by_type, self.by_country, self.by_both = by_type, by_country, by_both
        # The map's order: newest day first, within a day the list's order.
        self.map_rank = array("i", bytes(4 * len(self.keys)))
        rank, end = 0, len(self.days)
        while end > 0:
            start = self._day_start(end - 1)
            for position in range(start, end):
                self.map_rank[position] = rank
                rank += 1
            end = start

    def _day_start(self, position: int) -> int:
        """The first position of the run of the day at ``position``."""
        if position < self.undated:
            return 0
        return max(self.undated, bisect_left(self.days, self.days[position], self.undated,
                                             position))

    def _window(self, f: Filters) -> tuple[int, int]:
        return window(self.days, self.undated, f)

    def positions(self, f: Filters) -> list[int] | range:
        """The positions of the events passing ``f`` (:func:`indexable`), in order."""
        low, high = self._window(f)
        types = sorted({t.upper() for t in f.types})
        if types and f.country:
            lists = [self.by_both.get((kind, f.country)) for kind in types]
        elif types:
            lists = [self.by_type.get(kind) for kind in types]
        elif f.country:
            lists = [self.by_country.get(f.country)]
        else:
            return range(low, high)
        parts = [found[bisect_left(found, low):bisect_left(found, high)]
                 for found in lists if found is not None]
        if len(parts) == 1:
            return parts[0].tolist()
        return list(heapq.merge(*parts))

    def page(self, f: Filters, *, limit: int, offset: int) -> tuple[int, list[tuple[str, str]]]:
        """``(how many events pass f, the keys of the page's events)``."""
        passing = self.positions(f)
        return len(passing), [self.keys[p] for p in passing[offset:offset + limit]]

    def map_body(self, f: Filters, *, limit: int) -> bytes:
        """The map's answer for ``f``: its placed events, newest first, at most ``limit``."""
        features = self.features
        placed = [p for p in self.positions(f) if features[p] is not None]
        rank = self.map_rank
        shown = heapq.nsmallest(limit, placed, key=rank.__getitem__) \
            if len(placed) > limit else sorted(placed, key=rank.__getitem__)
        return map_answer(len(placed), [features[p] for p in shown])

    def timeline(self, f: Filters) -> list[dict]:
        """Events per day and type passing ``f``, by day then type (no day: left out)."""
        days, types = self.days, self.types
        counts = Counter((days[p], types[p]) for p in self.positions(f) if p >= self.undated)
        return [{"day": day, "type": kind, "count": count}
                for (day, kind), count in sorted(counts.items())]


class FigureIndex:
    """The figures of one store version, in the list's order (day, document id, id; a
    figure without a day first). A filter is checked on each figure of its window: the
    windows readers ask for hold few figures."""

    def __init__(self, rows: Iterable, sources: dict[tuple[str, str], frozenset]):
        self.keys: list[tuple[str, str]] = []
        self.days: list[str] = []
        # Per figure: category, its event's type, country, outlet, and the names and
        # words of the sources its attribution names (("name", x) and ("text", x)).
        self.facts: list[tuple] = []
        self.undated = 0
        shared: dict = {}
        nobody: frozenset = frozenset()
        for doc_id, figure_id, day, category, event_type, country, outlet, attribution in rows:
            if day is not None and not isinstance(day, str):
                raise TypeError(f"figure {doc_id} {figure_id}: day {day!r} is not text")
            self.undated += day is None
            self.keys.append((shared.setdefault(doc_id, doc_id),
                              shared.setdefault(figure_id, figure_id)))
            self.days.append(shared.setdefault(day, day) if day is not None else "")
            named = sources.get((doc_id, attribution), nobody) if attribution else nobody
            self.facts.append((shared.setdefault(category, category),
                               shared.setdefault(event_type, event_type),
                               shared.setdefault(country, country),
                               shared.setdefault(outlet, outlet), named))
        ordered_days(self.days, self.undated)

    def page(self, f: Filters, *, limit: int, offset: int) -> tuple[int, list[tuple[str, str]]]:
        """``(how many figures pass f, the keys of the page's figures)``; ``f`` is
        :func:`figures_indexable`."""
        low, high = window(self.days, self.undated, f)
        if not (f.types or f.country or f.source):
            return high - low, self.keys[low + offset:min(high, low + offset + limit)]
        categories = {t.lower() for t in f.types}
        types = {t.upper() for t in f.types}
        found = f.source_names or SourceNames()
        outlets = set(found.outlets)
        named = {("name", n) for n in found.names} | {("text", t) for t in found.texts}
        facts = self.facts
        passing = []
        for position in range(low, high):
            category, event_type, country, outlet, sources = facts[position]
            if f.types and category not in categories and event_type not in types:
                continue
            if f.country and country != f.country:
                continue
            if f.source and outlet not in outlets and named.isdisjoint(sources):
                continue
            passing.append(position)
        return len(passing), [self.keys[p] for p in passing[offset:offset + limit]]


def figures_indexable(f: Filters) -> bool:
    """Whether the figure index answers ``f``: no actor or free text, and a source filter
    only with the store's names that hold it (:func:`queries.source_names`)."""
    return not (f.actor or f.q or (f.source and f.source_names is None))


class StoreIndex:
    """The events, figures and stories of one store version, in memory."""

    def __init__(self, engine: Engine, version: tuple):
        from .story_index import story_index

        self.version = version
        self.events = EventIndex(event_rows(engine))
        self.figures = FigureIndex(figure_rows(engine), attribution_sources(engine))
        self.stories = story_index(engine)


def event_rows(engine: Engine):
    """Every event, in the list's order: the map's columns, then its country."""
    from .queries import DOCS, EVENTS, PLACE, _map_columns

    query = (
        select(*_map_columns(PLACE), EVENTS.c.country)
        .select_from(EVENTS.join(DOCS, DOCS.c.id == EVENTS.c.doc_id)
                     .outerjoin(PLACE, and_(PLACE.c.doc_id == EVENTS.c.doc_id,
                                            PLACE.c.id == EVENTS.c.place_id)))
        .order_by(EVENTS.c.day, EVENTS.c.doc_id, EVENTS.c.id)
    )
    with engine.connect() as conn:
        yield from conn.execute(query)


def figure_rows(engine: Engine):
    """Every figure, in the list's order, with what its filters check."""
    from .queries import DOCS, FIG_EVENT, FIGURES

    query = (
        select(FIGURES.c.doc_id, FIGURES.c.id, FIGURES.c.day, FIGURES.c.category,
               FIG_EVENT.c.type, FIGURES.c.country, DOCS.c.outlet, FIGURES.c.attribution_id)
        .select_from(FIGURES.join(DOCS, DOCS.c.id == FIGURES.c.doc_id)
                     .outerjoin(FIG_EVENT, and_(FIG_EVENT.c.doc_id == FIGURES.c.doc_id,
                                                FIG_EVENT.c.id == FIGURES.c.event_id)))
        .order_by(FIGURES.c.day, FIGURES.c.doc_id, FIGURES.c.id)
    )
    with engine.connect() as conn:
        yield from conn.execute(query)


def attribution_sources(engine: Engine) -> dict[tuple[str, str], frozenset]:
    """``{(doc_id, attribution id): {("name", name), ("text", words), ...}}``: whom each
    attribution names."""
    from .queries import SOURCES

    named: dict[tuple[str, str], set] = {}
    query = select(SOURCES.c.doc_id, SOURCES.c.attribution_id, SOURCES.c.mention_name,
                   SOURCES.c.mention_text)
    with engine.connect() as conn:
        for doc_id, attribution, name, text in conn.execute(query):
            found = named.setdefault((doc_id, attribution), set())
            found.update(pair for pair in (("name", name), ("text", text)) if pair[1] is not None)
    return {key: frozenset(found) for key, found in named.items()}


class StoreIndexes:
    """The :class:`StoreIndex` of the store's current version, made in a thread of its
    own when the version changes; None meanwhile (the database answers).

    Making one takes seconds of CPU on a large store: on a store written to again and
    again, the next is begun no sooner than ``pause`` times as long as the last took
    after it (the database answers meanwhile), so that remaking takes at most about
    ``1 / (1 + pause)`` of one core from the readers."""

    def __init__(self, engine: Engine, version: Callable[[], tuple], *, pause: float = 4.0):
        self.engine = engine
        self.version_of = version
        self.pause = pause
        self.index: StoreIndex | None = None
        self.making: tuple | None = None  # the version being made
        self.failed: tuple | None = None  # a version whose making failed (not tried again)
        self.not_before = 0.0  # when the next may begin (time.monotonic)
        self.lock = threading.Lock()

    def current(self, version: tuple | None = None) -> StoreIndex | None:
        """The index of the store's version (``version``, when read already), if made;
        else None, and its making begins (in a thread) unless under way or too soon."""
        version = self.version_of() if version is None else version
        index = self.index
        if index is not None and index.version == version:
            return index
        with self.lock:
            if (self.making is None and self.failed != version
                    and time.monotonic() >= self.not_before):
                self.making = version
                threading.Thread(target=self.make, args=(version,), daemon=True,
                                 name="eventledger-store-index").start()
        return None

    def make_now(self) -> StoreIndex | None:
        """Make the index of the store's version in this thread (as the server starts),
        unless one is under way: readers meanwhile do not begin another."""
        version = self.version_of()
        with self.lock:
            if self.making is not None:
                return None
            self.making = version
        return self.make(version)

    def make(self, version: tuple) -> StoreIndex | None:
        """Make the index of ``version`` (read after it: a write meanwhile gives a newer
        version, for which it is made again, never an older one kept as newer)."""
        began = time.monotonic()
        try:
            index = StoreIndex(self.engine, version)
        except Exception:  # the database answers instead; said once, not per request
            log.warning("the events could not be held in memory; the database answers",
                        exc_info=True)
            with self.lock:
                self.making, self.failed = None, version
            return None
        ended = time.monotonic()
        with self.lock:
            self.index, self.making = index, None
            self.not_before = ended + self.pause * (ended - began)
        # Its objects live as long as the store version: out of the collector's passes
        # (a full pass over them took some 70 ms on 100,000 events, every request waiting).
        gc.freeze()
        return index
