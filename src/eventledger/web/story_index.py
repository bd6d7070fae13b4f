"""The store's stories held in memory, per store version, for the story list of an SQLite
store (``/api/stories`` and the overview's table): which stories pass a window of days,
types and a country, newest first, without a query over the stories and their members.
The page's rows and figure ranges are then read by their ids. Held with the events
(:class:`~eventledger.web.event_index.StoreIndex`), made and replaced with them.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Engine

from .filters import Filters
from .queries import MEMBERS, STORIES, days_before, longest_span


def stories_indexable(f: Filters) -> bool:
    """Whether the story index answers ``f`` (else the database does)."""
    return not (f.actor or f.source or f.q)


class StoryIndex:
    """The stories in the list's order (first day newest first, then the newest made;
    stories with no first day last, as SQLite orders NULL), each with its last day and
    the types and countries of its members."""

    def __init__(self, stories: Iterable, members: Iterable):
        self.ids: list[str] = []
        self.firsts: list[str | None] = []
        self.lasts: list[str | None] = []
        position_of: dict[str, int] = {}
        days: dict = {}  # one string per day (the database gives each row its own)
        for story_id, first, last in stories:
            for day in (first, last):
                if day is not None and not isinstance(day, str):
                    raise TypeError(f"story {story_id}: day {day!r} is not text")
            position_of[story_id] = len(self.ids)
            self.ids.append(story_id)
            self.firsts.append(days.setdefault(first, first))
            self.lasts.append(days.setdefault(last, last))
        # Stories with a first day come first, newest first: ascending, for bisections.
        self.dated = next((i for i, day in enumerate(self.firsts) if day is None),
                          len(self.firsts))
        self.ascending = self.firsts[:self.dated][::-1]
        if self.ascending != sorted(self.ascending) or any(self.firsts[self.dated:]):
            raise ValueError("stories not in the order of their first days")
        self.longest = longest_span(zip(self.firsts, self.lasts, strict=True))
        by_type: dict[str, set[int]] = {}
        by_country: dict[str, set[int]] = {}
        for story_id, kind, country in members:
            position = position_of.get(story_id)
            if position is None:
                continue  # a member of no story (stories are derived; not listed)
            by_type.setdefault(kind, set()).add(position)
            if country is not None:
                by_country.setdefault(country, set()).add(position)
        self.by_type = {k: array("i", sorted(v)) for k, v in by_type.items()}
        self.by_country = {k: array("i", sorted(v)) for k, v in by_country.items()}

    def _ranges(self, f: Filters) -> list[tuple[int, int]]:
        """Position ranges holding every story that may pass ``f``'s window."""
        if not (f.since or f.until):
            return [(0, len(self.ids))]
        start, end = 0, self.dated
        if f.until:  # first day on or before until: the older part of the dated stories
            start = self.dated - bisect_right(self.ascending, f.until)
        earliest = days_before(f.since, self.longest) if f.since else None
        if earliest is not None:  # no story overlapping the window began before this
            end = self.dated - bisect_left(self.ascending, earliest)
        ranges = [(start, max(start, end))]
        if not f.until:  # with no first day, only its last day is checked
            ranges.append((self.dated, len(self.ids)))
        return ranges

    def positions(self, f: Filters) -> list[int]:
        """The positions of the stories passing ``f`` (:func:`stories_indexable`), in
        the list's order."""
        ranges = self._ranges(f)
        wanted = sorted({t.upper() for t in f.types} | {t.lower() for t in f.types})
        if wanted:
            lists = [found for kind in wanted if (found := self.by_type.get(kind))]
            candidates = []
            for low, high in ranges:
                parts = [found[bisect_left(found, low):bisect_left(found, high)]
                         for found in lists]
                candidates += _unique(heapq.merge(*parts))
        elif f.country:
            found = self.by_country.get(f.country, array("i"))
            candidates = [p for low, high in ranges
                          for p in found[bisect_left(found, low):bisect_left(found, high)]]
        else:
            candidates = [p for low, high in ranges for p in range(low, high)]
        if wanted and f.country:
            country = set(self.by_country.get(f.country, ()))
            candidates = [p for p in candidates if p in country]
        firsts, lasts = self.firsts, self.lasts
        if f.since:
            candidates = [p for p in candidates
                          if lasts[p] is not None and lasts[p] >= f.since]
        if f.until:
            candidates = [p for p in candidates
                          if firsts[p] is not None and firsts[p] <= f.until]
        return candidates

    def page(self, f: Filters, *, limit: int, offset: int) -> tuple[int, list[str]]:
        """``(how many stories pass f, the ids of the page's stories)``."""
        passing = self.positions(f)
        return len(passing), [self.ids[p] for p in passing[offset:offset + limit]]


def _unique(ordered: Iterable[int]) -> list[int]:
    found: list[int] = []
    for position in ordered:
        if not found or found[-1] != position:
            found.append(position)
    return found


def story_index(engine: Engine) -> StoryIndex:
    stories = (select(STORIES.c.id, STORIES.c.first_date, STORIES.c.last_date)
               .order_by(STORIES.c.first_date.desc(), STORIES.c.seq.desc()))
    members = select(MEMBERS.c.story_id, MEMBERS.c.type, MEMBERS.c.country)
    with engine.connect() as conn:
        return StoryIndex(conn.execute(stories).all(), conn.execute(members))
