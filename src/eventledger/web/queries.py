"""The web application's listing queries, in SQLAlchemy Core over the store's tables.

A page of events, figures or stories, the map's points and the timeline's counts are
each one indexed query with its filters as bound parameters, so that they stay fast on a
large store (the records' JSON is read only for one document or one story at a time).
An event's day is its own date, else its document's publication date; a figure's is its
event's date, else its document's: both are stored, indexed, as the items' ``day``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import orjson
from sqlalchemy import (
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    tuple_,
    union,
)
from sqlalchemy.engine import Engine

from ..store.schema import T
from ..stories.table import figure_key
from .filters import Filters, SourceNames

DOCS = T["documents"]
EVENTS = T["events"]
FIGURES = T["figures"]
PLACES = T["places"]
SOURCES = T["attribution_sources"]
ATTRIBUTIONS = T["attributions"]
STORIES = T["stories"]
MEMBERS = T["story_members"]
# The tables' aliases the queries use, made once: an alias of a wide table costs more
# Python to make than a short query takes the database to answer.
SOURCE_DOC, FILTER_DOC = DOCS.alias("source_doc"), DOCS.alias("filter_doc")
NAMED = SOURCES.alias("named")
Q_PLACE, PLACE, PLACED = (PLACES.alias(n) for n in ("q_place", "place", "placed"))
FIG_EVENT = EVENTS.alias("fig_event")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column, text: str):
    return func.lower(column).like(_like(text), escape="\\")


def _from_source(doc_id, attribution_id, text: str, found: SourceNames | None = None, *,
                 per_item: bool = False):
    """The item's outlet, or a name its attribution gives (source, cites, carriers), holds
    ``text``. Written as two IN look-ups, so that the database finds the few matching
    documents and attributions first and reaches the items through their keys. ``found``:
    the names holding ``text`` (:func:`source_names`), looked up on their indexes;
    without them, every name is matched against ``text`` here. ``per_item``: other
    filters find the candidates (a day window), whose document and attribution are then
    looked up by key, rather than every item of the matching sources."""
    if found is not None:
        doc, source = SOURCE_DOC, NAMED
        # Per item, the names are checked on the attribution's rows, never looked up
        # (the name's index would read every row of that name, for every item).
        names = [_unindexed(source.c[column], per_item).in_(values)
                 for column, values in (("mention_name", found.names),
                                        ("mention_text", found.texts)) if values]
        either = []
        if found.outlets and per_item:
            either.append(exists().where(doc.c.id == doc_id, doc.c.outlet.in_(found.outlets)))
        elif found.outlets:
            either.append(doc_id.in_(select(doc.c.id).where(doc.c.outlet.in_(found.outlets))))
        if names and per_item:
            either.append(exists().where(source.c.doc_id == doc_id,
                                         source.c.attribution_id == attribution_id,
                                         or_(*names)))
        elif names:
            either.append(tuple_(doc_id, attribution_id).in_(
                select(source.c.doc_id, source.c.attribution_id).where(or_(*names))))
        return or_(*either) if either else false()
    # Outlets are few: match their names on the outlet index, then take their documents.
    names = select(DOCS.c.outlet).where(_contains(DOCS.c.outlet, text)).distinct()
    outlets = select(DOCS.c.id).where(DOCS.c.outlet.in_(names))
    named = select(SOURCES.c.doc_id, SOURCES.c.attribution_id).where(
        or_(_contains(SOURCES.c.mention_name, text), _contains(SOURCES.c.mention_text, text)))
    return or_(doc_id.in_(outlets), tuple_(doc_id, attribution_id).in_(named))


def known_names(engine: Engine) -> dict[str, list[str]]:
    """Every outlet, source name and source's words in the store, once each, read from
    their indexes: what a source filter is matched against (kept per store version)."""
    columns = {"outlets": DOCS.c.outlet, "names": SOURCES.c.mention_name,
               "texts": SOURCES.c.mention_text}
    with engine.connect() as conn:
        return {key: conn.execute(select(column).where(column.is_not(None)).distinct())
                .scalars().all() for key, column in columns.items()}


def source_names(known: dict[str, list[str]], text: str, *, most: int = 500
                 ) -> SourceNames | None:
    """The known names (:func:`known_names`) that hold ``text``, whatever its case, as
    the database's ``lower(name) LIKE '%text%'`` finds them; None when more than ``most``
    do (the database then matches them itself, rather than be sent a long list)."""
    needle = text.lower()
    found = {key: tuple(name for name in names if needle in name.lower())
             for key, names in known.items()}
    if sum(len(names) for names in found.values()) > most:
        return None
    return SourceNames(**found)


def _unindexed(column, skip: bool):
    """``column``, or when ``skip``, an expression of it that no index serves."""
    return column.concat("") if skip else column


def _within(column, since: str | None, until: str | None):
    if since and until:
        return column.between(since, until)
    return column >= since if since else column <= until


def _event_actor(event, text: str):
    return or_(*(_contains(event.c[f"{role}_{part}"], text)
                 for role in ("actor", "recipient") for part in ("name", "text")))


def _documents_where(condition_of) -> object:
    """The ids of the documents for which ``condition_of(documents)`` holds: a list the
    database makes once per query, so that an item's filter on its document needs no
    join, and its own index can serve the rest."""
    doc = FILTER_DOC
    return select(doc.c.id).where(condition_of(doc))


def event_day(event=EVENTS):
    """An event's day: its date, else its document's (stored, as ``day``)."""
    return event.c.day


def event_conditions(f: Filters, event=EVENTS) -> list:
    """Where-clauses on ``event`` for the filters (on its columns and indexes; what they
    ask of its document is a list of document ids)."""
    where = []
    if f.since or f.until:
        where.append(_within(event.c.day, f.since, f.until))
    # With a day window, the window's index finds the candidates: type or country alone
    # are then checked on them, not looked up (without statistics, the database would
    # otherwise take the type's index and read every event of that type). Both together
    # lead to the day in the index of type, country and day.
    windowed = bool(f.since or f.until) and not (f.types and f.country)
    if f.types:
        where.append(_unindexed(event.c.type, windowed).in_(sorted({t.upper() for t in f.types})))
    if f.country:
        where.append(_unindexed(event.c.country, windowed) == f.country)
    if f.actor:
        where.append(_event_actor(event, f.actor))
    if f.source:
        where.append(_from_source(event.c.doc_id, event.c.attribution_id, f.source,
                                  f.source_names, per_item=bool(f.since or f.until)))
    if f.q:
        place = Q_PLACE
        where.append(or_(
            _contains(event.c.trigger_text, f.q),
            event.c.doc_id.in_(_documents_where(lambda doc: _contains(doc.c.title, f.q))),
            _event_actor(event, f.q),
            exists().where(place.c.doc_id == event.c.doc_id, place.c.id == event.c.place_id,
                           _contains(place.c.name, f.q)),
        ))
    return where


def figure_conditions(f: Filters) -> list:
    """Where-clauses on FIGURES (its event, if any, as ``fig_event``; what they ask of its
    document is a list of document ids)."""
    linked = FIG_EVENT
    has_event = and_(linked.c.doc_id == FIGURES.c.doc_id, linked.c.id == FIGURES.c.event_id)
    where = []
    if f.since or f.until:
        # Its event's date in the window, or no dated event and the document's date in it.
        where.append(_within(FIGURES.c.day, f.since, f.until))
    if f.types:
        where.append(or_(
            FIGURES.c.category.in_(sorted({t.lower() for t in f.types})),
            exists().where(has_event, linked.c.type.in_(sorted({t.upper() for t in f.types}))),
        ))
    if f.country:
        where.append(FIGURES.c.country == f.country)
    if f.actor:
        where.append(exists().where(has_event, _event_actor(linked, f.actor)))
    if f.source:
        where.append(_from_source(FIGURES.c.doc_id, FIGURES.c.attribution_id, f.source,
                                  f.source_names, per_item=bool(f.since or f.until)))
    if f.q:
        place = Q_PLACE
        where.append(or_(
            _contains(FIGURES.c.trigger_text, f.q), _contains(FIGURES.c.who_text, f.q),
            FIGURES.c.doc_id.in_(_documents_where(lambda doc: _contains(doc.c.title, f.q))),
            exists().where(place.c.doc_id == FIGURES.c.doc_id, place.c.id == FIGURES.c.place_id,
                           _contains(place.c.name, f.q)),
        ))
    return where


def _page(engine: Engine, keys, order, limit: int, offset: int,
          details) -> tuple[int, list[dict]]:
    """``(how many rows pass, the page of them)``.

    ``keys`` selects the passing rows' keys: they alone are counted (a window over every
    passing row) and ordered by ``order`` to pick the page. ``details(page)`` then
    selects the columns shown for the page's keys (``page``, a subquery), so that the
    joins and subqueries of the shown columns are worked out for the page's rows only.
    The count is a query of its own (not a window over the page's query), so that it is
    read from an index and the page's query can stop after the page where an index gives
    the order; a first page shorter than ``limit`` is its own count."""
    page = keys.order_by(*order).limit(limit).offset(offset).subquery("page")
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(details(page))]
        if offset == 0 and len(rows) < limit:
            total = len(rows)
        else:
            total = conn.execute(select(func.count()).select_from(keys.subquery())).scalar_one()
    return total, rows


def _source_name():
    """The name (else the words) of an item's attribution's source, as a subquery."""
    return lambda doc_id, attribution_id: (
        select(func.coalesce(ATTRIBUTIONS.c.source_name, ATTRIBUTIONS.c.source_text))
        .where(ATTRIBUTIONS.c.doc_id == doc_id, ATTRIBUTIONS.c.id == attribution_id)
        .scalar_subquery()
    )


def _event_details(page) -> object:
    """The shown columns of the events whose keys are in ``page``, in the lists' order."""
    place = PLACE
    return (
        select(
            EVENTS.c.doc_id, EVENTS.c.id, EVENTS.c.type, EVENTS.c.mode,
            EVENTS.c.trigger_text.label("trigger"), event_day().label("day"),
            func.coalesce(EVENTS.c.actor_name, EVENTS.c.actor_text).label("actor"),
            func.coalesce(EVENTS.c.recipient_name, EVENTS.c.recipient_text).label("recipient"),
            EVENTS.c.country, place.c.name.label("place"), place.c.lat, place.c.lon,
            EVENTS.c.negated, EVENTS.c.hypothetical, EVENTS.c.attribution_id.label("attribution"),
            _source_name()(EVENTS.c.doc_id, EVENTS.c.attribution_id).label("source"),
            DOCS.c.outlet, DOCS.c.published, DOCS.c.title,
        )
        .select_from(
            page.join(EVENTS, and_(EVENTS.c.doc_id == page.c.doc_id, EVENTS.c.id == page.c.id))
            .join(DOCS, DOCS.c.id == EVENTS.c.doc_id)
            .outerjoin(place, and_(place.c.doc_id == EVENTS.c.doc_id,
                                   place.c.id == EVENTS.c.place_id))
        )
        .order_by(event_day(), EVENTS.c.doc_id, EVENTS.c.id)
    )


def list_events(engine: Engine, f: Filters, *, limit: int, offset: int):
    keys = select(EVENTS.c.doc_id, EVENTS.c.id).where(*event_conditions(f))
    order = [event_day(), EVENTS.c.doc_id, EVENTS.c.id]
    return _page(engine, keys, order, limit, offset, _event_details)


def _keyed(details):
    """``details(page)`` for the page of items whose keys are the JSON array ``:keys``
    (of ``[doc_id, id]``), in the lists' order: one statement, whatever the keys, so that
    it is built and compiled once (SQLite's ``json_each``; the in-memory index that gives
    the keys serves SQLite stores only)."""
    each = func.json_each(bindparam("keys")).table_valued("value")
    page = select(func.json_extract(each.c.value, "$[0]").label("doc_id"),
                  func.json_extract(each.c.value, "$[1]").label("id")).subquery("page")
    return details(page)


def _keyed_rows(engine: Engine, statement, keys: list[tuple[str, str]]) -> list[dict]:
    if not keys:
        return []
    with engine.connect() as conn:
        found = conn.execute(statement, {"keys": orjson.dumps(keys).decode()})
        return [dict(row._mapping) for row in found]


def event_rows(engine: Engine, keys: list[tuple[str, str]]) -> list[dict]:
    """The shown columns of the events ``keys`` (``(doc_id, id)``), in the lists' order."""
    return _keyed_rows(engine, EVENT_ROWS, keys)


def _figure_details(page) -> object:
    """The shown columns of the figures whose keys are in ``page``, in the list's order."""
    place = PLACE
    return (
        select(
            FIGURES.c.doc_id, FIGURES.c.id, FIGURES.c.category,
            FIGURES.c.count_text.label("count"), FIGURES.c.low, FIGURES.c.high,
            FIGURES.c.exact, FIGURES.c.who_text.label("who"), FIGURES.c.unit,
            FIGURES.c.trigger_text.label("trigger"), FIGURES.c.event_id.label("event"),
            FIGURES.c.country, place.c.name.label("place"), place.c.lat, place.c.lon,
            FIGURES.c.attribution_id.label("attribution"),
            _source_name()(FIGURES.c.doc_id, FIGURES.c.attribution_id).label("source"),
            DOCS.c.outlet, DOCS.c.published, DOCS.c.title,
        )
        .select_from(
            page.join(FIGURES, and_(FIGURES.c.doc_id == page.c.doc_id,
                                    FIGURES.c.id == page.c.id))
            .join(DOCS, DOCS.c.id == FIGURES.c.doc_id)
            .outerjoin(place, and_(place.c.doc_id == FIGURES.c.doc_id,
                                   place.c.id == FIGURES.c.place_id))
        )
        .order_by(FIGURES.c.day, FIGURES.c.doc_id, FIGURES.c.id)
    )


def figure_rows(engine: Engine, keys: list[tuple[str, str]]) -> list[dict]:
    """The shown columns of the figures ``keys`` (``(doc_id, id)``), in the list's order."""
    return _keyed_rows(engine, FIGURE_ROWS, keys)


EVENT_ROWS, FIGURE_ROWS = _keyed(_event_details), _keyed(_figure_details)


def list_figures(engine: Engine, f: Filters, *, limit: int, offset: int):
    """A page of figures by day (the order of the day's index: a page is read from it
    without sorting every figure passing the filters)."""
    keys = select(FIGURES.c.doc_id, FIGURES.c.id).where(*figure_conditions(f))
    order = [FIGURES.c.day, FIGURES.c.doc_id, FIGURES.c.id]
    return _page(engine, keys, order, limit, offset, _figure_details)


@dataclass(frozen=True)
class StoryBounds:
    """The oldest first day and newest last day of the stories, and the most days any
    story spans (None where a day is not a full date)."""

    oldest: str | None
    newest: str | None
    longest: int | None


def story_bounds(engine: Engine) -> StoryBounds:
    """The stories' :class:`StoryBounds` (a pass over the stories of more than one day:
    kept per store version)."""
    with engine.connect() as conn:
        oldest = conn.execute(select(func.min(STORIES.c.first_date))).scalar()
        newest = conn.execute(select(func.max(STORIES.c.last_date))).scalar()
        longest = longest_span(conn.execute(select(STORIES.c.first_date, STORIES.c.last_date)
                               .where(STORIES.c.first_date != STORIES.c.last_date)))
    return StoryBounds(oldest, newest, longest)


def longest_span(spans) -> int | None:
    """The most days between the first and last day of ``spans`` (pairs of days, either
    None); None where a day is not a full date (no bound is known then)."""
    longest = 0
    try:
        for first, last in spans:
            if first is not None and last is not None and first != last:
                longest = max(longest, (date.fromisoformat(last) -
                                        date.fromisoformat(first)).days)
    except (TypeError, ValueError):
        return None
    return longest


def days_before(day: str, days: int | None) -> str | None:
    """The day ``days`` days before ``day``; None where either is not known."""
    if days is None:
        return None
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None


def _earliest_first(f: Filters, bounds: StoryBounds | None) -> str | None:
    """The earliest first day a story overlapping the window (both ends given) can have:
    its ``since``, less the longest story; so that the first day's index reads the
    window's stories only. None when not known."""
    if not (f.since and f.until) or bounds is None:
        return None
    return days_before(f.since, bounds.longest)


def _narrower_end(engine: Engine, f: Filters, bounds: StoryBounds | None = None
                  ) -> str | None:
    """For a window with both ends, which of the stories' indexes finds fewer candidates:
    "first" (first_date up to ``until``) or "last" (last_date from ``since``), judged
    from how far each end lies from the oldest first day and the newest last day. The
    database, without statistics, would take either."""
    if not (f.since and f.until):
        return None
    if bounds is None:
        with engine.connect() as conn:
            oldest = conn.execute(select(func.min(STORIES.c.first_date))).scalar()
            newest = conn.execute(select(func.max(STORIES.c.last_date))).scalar()
    else:
        oldest, newest = bounds.oldest, bounds.newest
    if not oldest or not newest:
        return None
    try:
        before = (date.fromisoformat(f.until) - date.fromisoformat(oldest[:10])).days
        after = (date.fromisoformat(newest[:10]) - date.fromisoformat(f.since)).days
    except ValueError:
        return None
    return "first" if before <= after else "last"


def _story_conditions(f: Filters, narrower: str | None = None,
                      earliest: str | None = None) -> list:
    where = []
    if earliest:
        # No story overlapping the window began before ``earliest``: the first day's
        # index then reads from there up to ``until``.
        narrower = "first"
        where.append(STORIES.c.first_date >= earliest)
    if f.since:
        where.append(_unindexed(STORIES.c.last_date, narrower == "first") >= f.since)
    if f.until:
        where.append(_unindexed(STORIES.c.first_date, narrower == "last") <= f.until)
    # As Store.story_rows: a member of one of the types, a member in the country. With a
    # day window (few stories), each candidate's members are looked up; without one, one
    # pass over the members is cheaper than a look-up per story.
    def with_member(condition):
        if f.since or f.until:
            return exists().where(MEMBERS.c.story_id == STORIES.c.id, condition)
        return STORIES.c.id.in_(select(MEMBERS.c.story_id).where(condition))

    if f.types:
        wanted = sorted({t.upper() for t in f.types} | {t.lower() for t in f.types})
        where.append(with_member(MEMBERS.c.type.in_(wanted)))
    if f.country:
        where.append(with_member(MEMBERS.c.country == f.country))
    if f.actor or f.source or f.q:
        # A story passes when one of its members passes the item filters.
        item_filters = Filters(actor=f.actor, source=f.source, q=f.q)
        by_event = (
            select(MEMBERS.c.story_id)
            .select_from(MEMBERS.join(EVENTS, and_(EVENTS.c.doc_id == MEMBERS.c.doc_id,
                                                   EVENTS.c.id == MEMBERS.c.item_id))
                         .join(DOCS, DOCS.c.id == MEMBERS.c.doc_id))
            .where(MEMBERS.c.kind == "event", *event_conditions(item_filters))
        )
        by_figure = (
            select(MEMBERS.c.story_id)
            .select_from(MEMBERS.join(FIGURES, and_(FIGURES.c.doc_id == MEMBERS.c.doc_id,
                                                    FIGURES.c.id == MEMBERS.c.item_id))
                         .join(DOCS, DOCS.c.id == MEMBERS.c.doc_id))
            .where(MEMBERS.c.kind == "figure", *figure_conditions(item_filters))
        )
        where.append(STORIES.c.id.in_(union(by_event, by_figure)))
    return where


def list_stories(engine: Engine, f: Filters, *, limit: int, offset: int,
                 bounds: StoryBounds | None = None):
    """A page of stories (newest first) with, per figure category, the range reported.
    ``bounds``: the stories' :func:`story_bounds`, where known already."""
    keys = select(STORIES.c.id, STORIES.c.first_date, STORIES.c.seq).where(
        *_story_conditions(f, _narrower_end(engine, f, bounds), _earliest_first(f, bounds)))
    order = [keys.selected_columns.first_date.desc(), keys.selected_columns.seq.desc()]

    def details(page):
        return (select(STORIES).join(page, page.c.id == STORIES.c.id)
                .order_by(STORIES.c.first_date.desc(), STORIES.c.seq.desc()))

    total, rows = _page(engine, keys, order, limit, offset, details)
    return total, _with_ranges(engine, rows)


# A page of stories by id, and their figures' ranges: built once, the ids an expanding
# parameter (the statements of a page of stories found in memory, story_index.py).
STORY_ROWS = (select(STORIES).where(STORIES.c.id.in_(bindparam("ids", expanding=True)))
              .order_by(STORIES.c.first_date.desc(), STORIES.c.seq.desc()))


def story_rows(engine: Engine, story_ids: list[str]) -> list[dict]:
    """The stories ``story_ids`` as :func:`list_stories` gives them, in its order."""
    if not story_ids:
        return []
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(STORY_ROWS, {"ids": story_ids})]
    return _with_ranges(engine, rows)


def _with_ranges(engine: Engine, rows: list[dict]) -> list[dict]:
    """``rows`` of stories, each given its figures' ranges (``figures``)."""
    ranges = figure_ranges(engine, [row["id"] for row in rows])
    for row in rows:
        row["figures"] = ranges.get(row["id"], {})
    return rows


def _figure_ranges_statement(story_ids):
    toll = FIGURES.c.part.is_not(True)
    top = func.coalesce(FIGURES.c.high, FIGURES.c.low)
    return (
        select(MEMBERS.c.story_id, FIGURES.c.category, FIGURES.c.unit,
               # the tolls, else (only named victims told) every figure: eventledger.tolls
               func.coalesce(func.min(case((toll, FIGURES.c.low))),
                             func.min(FIGURES.c.low)).label("low"),
               func.coalesce(func.max(case((toll, top))), func.max(top)).label("high"),
               func.count().label("reports"))
        .select_from(MEMBERS.join(FIGURES, and_(FIGURES.c.doc_id == MEMBERS.c.doc_id,
                                                FIGURES.c.id == MEMBERS.c.item_id)))
        .where(MEMBERS.c.story_id.in_(story_ids), MEMBERS.c.kind == "figure")
        .group_by(MEMBERS.c.story_id, FIGURES.c.category, FIGURES.c.unit)
        .order_by(MEMBERS.c.story_id, FIGURES.c.category, FIGURES.c.unit)
    )


FIGURE_RANGES = _figure_ranges_statement(bindparam("ids", expanding=True))


def figure_ranges(engine: Engine, story_ids: list[str]) -> dict[str, dict[str, dict]]:
    """``{story: {category: {"low", "high", "reports"}}}`` of the stories' figures, a
    category's figures in another unit than people apart ("displaced families")."""
    if not story_ids:
        return {}
    result: dict[str, dict[str, dict]] = {}
    with engine.connect() as conn:
        for row in conn.execute(FIGURE_RANGES, {"ids": list(story_ids)}):
            result.setdefault(row.story_id, {})[figure_key(row.category, row.unit)] = {
                "low": row.low, "high": row.high, "reports": row.reports}
    return result


def map_points(engine: Engine, f: Filters, *, limit: int) -> tuple[int, list]:
    """Placed events (with coordinates) for the map: ``(how many pass, the first limit)``,
    newest first, each row a tuple of doc_id, id, type, trigger, day, place, lat, lon,
    negated, hypothetical, outlet, title, whether the place is approximate (the map has
    thousands: tuples, not dicts)."""
    placed = EVENTS.join(PLACED, and_(PLACED.c.doc_id == EVENTS.c.doc_id,
                                      PLACED.c.id == EVENTS.c.place_id))
    where = [PLACED.c.lat.is_not(None), PLACED.c.lon.is_not(None), *event_conditions(f)]
    order = [EVENTS.c.day.desc(), EVENTS.c.doc_id, EVENTS.c.id]
    keys = select(EVENTS.c.doc_id, EVENTS.c.id).select_from(placed).where(*where)
    if f.since or f.until:
        # A window's events are few: one query reads them with what the map shows.
        query = (select(*_map_columns(PLACED))
                 .select_from(placed.join(DOCS, DOCS.c.id == EVENTS.c.doc_id))
                 .where(*where).order_by(*order).limit(limit))
    else:
        # The page's keys first (from the indexes), then what is shown, for them only.
        page = keys.order_by(*order).limit(limit).subquery("page")
        query = (
            select(*_map_columns(PLACE))
            .select_from(
                page.join(EVENTS, and_(EVENTS.c.doc_id == page.c.doc_id,
                                       EVENTS.c.id == page.c.id))
                .join(DOCS, DOCS.c.id == EVENTS.c.doc_id)
                .join(PLACE, and_(PLACE.c.doc_id == EVENTS.c.doc_id,
                                  PLACE.c.id == EVENTS.c.place_id)))
            .order_by(*order)
        )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        if len(rows) < limit:
            return len(rows), rows
        return conn.execute(select(func.count()).select_from(keys.subquery())).scalar_one(), rows


def _map_columns(place) -> list:
    return [EVENTS.c.doc_id, EVENTS.c.id, EVENTS.c.type, EVENTS.c.trigger_text, EVENTS.c.day,
            place.c.name, place.c.lat, place.c.lon, EVENTS.c.negated, EVENTS.c.hypothetical,
            DOCS.c.outlet, DOCS.c.title, place.c.approximate]


def timeline(engine: Engine, f: Filters) -> list[dict]:
    """Events per day and type: ``[{"day", "type", "count"}]``, by day (days unknown left out)."""
    counts = (
        select(event_day().label("day"), EVENTS.c.type)
        .where(*event_conditions(f))
        .subquery("counted")
    )
    query = (
        select(counts.c.day, counts.c.type, func.count().label("count"))
        .where(counts.c.day.is_not(None))
        .group_by(counts.c.day, counts.c.type)
        .order_by(counts.c.day, counts.c.type)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def actor_claims(engine: Engine, name: str, *, limit: int) -> list[dict]:
    """What ``name`` said (as an attribution's source), across documents, newest first."""
    query = (
        select(ATTRIBUTIONS.c.doc_id, ATTRIBUTIONS.c.id, ATTRIBUTIONS.c.kind,
               ATTRIBUTIONS.c.cue_text.label("cue"), ATTRIBUTIONS.c.content_text.label("content"),
               DOCS.c.outlet, DOCS.c.published, DOCS.c.title)
        .select_from(ATTRIBUTIONS.join(DOCS, DOCS.c.id == ATTRIBUTIONS.c.doc_id))
        .where(func.lower(func.coalesce(ATTRIBUTIONS.c.source_name, ATTRIBUTIONS.c.source_text))
               == name.lower())
        .order_by(DOCS.c.published.desc(), ATTRIBUTIONS.c.doc_id, ATTRIBUTIONS.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def actor_events(engine: Engine, name: str, *, limit: int) -> list[dict]:
    """The events ``name`` took part in, as actor or recipient, newest first."""
    lowered = name.lower()
    role = (
        func.lower(func.coalesce(EVENTS.c.actor_name, EVENTS.c.actor_text)) == lowered
    )
    query = (
        select(EVENTS.c.doc_id, EVENTS.c.id, EVENTS.c.type, EVENTS.c.mode,
               EVENTS.c.trigger_text.label("trigger"), event_day().label("day"),
               func.coalesce(EVENTS.c.actor_name, EVENTS.c.actor_text).label("actor"),
               func.coalesce(EVENTS.c.recipient_name, EVENTS.c.recipient_text).label("recipient"),
               EVENTS.c.negated, EVENTS.c.hypothetical, DOCS.c.outlet, DOCS.c.title,
               literal(None).label("as_role"))
        .select_from(EVENTS.join(DOCS, DOCS.c.id == EVENTS.c.doc_id))
        .where(or_(role, func.lower(func.coalesce(EVENTS.c.recipient_name,
                                                  EVENTS.c.recipient_text)) == lowered))
        .order_by(event_day().desc(), EVENTS.c.doc_id, EVENTS.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query)]
    for row in rows:
        row["as_role"] = "actor" if (row["actor"] or "").lower() == lowered else "recipient"
    return rows


def stories_of_document(engine: Engine, doc_id: str) -> list[dict]:
    query = (
        select(STORIES.c.id, STORIES.c.type, STORIES.c.place, STORIES.c.first_date,
               STORIES.c.last_date)
        .where(STORIES.c.id.in_(select(MEMBERS.c.story_id).where(MEMBERS.c.doc_id == doc_id)))
        .order_by(STORIES.c.seq)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def document_titles(engine: Engine, doc_ids: list[str]) -> dict[str, dict]:
    if not doc_ids:
        return {}
    query = select(DOCS.c.id, DOCS.c.title, DOCS.c.outlet, DOCS.c.published).where(
        DOCS.c.id.in_(doc_ids))
    with engine.connect() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(query)}
