"""What each source says about one story: figures with their source chains, ranges,
the conservative figure and corroboration.

eventledger never picks a "true" figure. Per category a story gives the range of what
was reported (lowest ``low``, highest ``high`` or ``low``) and, as ACLED does, the
conservative figure: the lowest ``low``. Corroboration counts *independent* sources: a
figure's origin is the end of its source chain (the last source cited, else the
speaker; a figure in the outlet's own voice originates with the outlet). An outlet that
repeats another ("..., Reuters reported") has that other outlet as origin, or, when
Reuters' own report is in the story, the origin of that report; and documents
linked as near-duplicates (one wire story on two sites) count as one outlet, so
repetition adds no corroboration.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace

from ..provenance import UNNAMED_SOURCE, evidence_sentence, name_of, source_chain
from ..tolls import tolls
from ..units import unit_of

PEOPLE = "people"


@dataclass(frozen=True)
class SourceRow:
    """One item of a story as one source reports it."""

    doc_id: str
    item_id: str
    kind: str  # figure | event
    category: str  # figure category, or the event's PLOVER type
    figure: str  # "27", "3-" (at least 3), "10-12"; "" for an event
    low: int | None
    high: int | None
    exact: bool | None
    source: str  # who says it: the speaker, else the outlet
    chain: str  # "Channel 12 <- hospital sources (via Outlet)"
    origin: str  # the independent source it comes down to
    outlet: str
    published: str | None
    evidence: str
    unit: str = PEOPLE  # what a figure counts ("families"); people for an event
    part: bool = False  # some of the people a toll counts: a named victim, a breakdown

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class CategoryFigures:
    """Every figure of one category and unit in a story (``figure_key``)."""

    category: str
    rows: list[SourceRow] = field(default_factory=list)
    unit: str = PEOPLE

    @property
    def tolls(self) -> list[SourceRow]:
        """The rows that give a toll, not a part of one (a named victim), where any do."""
        return tolls(self.rows, is_part=lambda row: row.part)

    @property
    def low(self) -> int | None:
        lows = [r.low for r in self.tolls if r.low is not None]
        return min(lows) if lows else None

    @property
    def high(self) -> int | None:
        """The highest toll reported (a high bound, else a low one)."""
        tops = [r.high if r.high is not None else r.low for r in self.tolls]
        tops = [t for t in tops if t is not None]
        return max(tops) if tops else None

    @property
    def conservative(self) -> int | None:
        """ACLED-style: the lowest figure any source gives (not a "true" value)."""
        return self.low

    @property
    def sources(self) -> list[str]:
        """Independent origins, sorted."""
        return sorted({r.origin for r in self.rows})

    @property
    def first_published(self) -> dict[str, str | None]:
        """For each figure as written, when it was first published."""
        first: dict[str, str | None] = {}
        for row in self.rows:
            known = first.get(row.figure)
            if row.figure not in first or (row.published and (known is None or row.published < known)):
                first[row.figure] = row.published
        return dict(sorted(first.items()))

    def as_dict(self) -> dict:
        return {
            "category": self.category, "unit": self.unit, "low": self.low, "high": self.high,
            "conservative": self.conservative, "corroboration": len(self.sources),
            "sources": self.sources, "first_published": self.first_published,
            "figures": [r.as_dict() for r in self.rows],
        }


@dataclass
class StoryTable:
    story: dict  # the stories row
    figures: dict[str, CategoryFigures]
    events: list[SourceRow]

    @property
    def rows(self) -> list[SourceRow]:
        return [r for cat in self.figures.values() for r in cat.rows]

    @property
    def sources(self) -> list[str]:
        """Independent origins of everything in the story."""
        return sorted({r.origin for r in [*self.rows, *self.events]})

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in [*self.rows, *self.events] if r.outlet})

    @property
    def documents(self) -> list[str]:
        return sorted({r.doc_id for r in [*self.rows, *self.events]})

    def as_dict(self) -> dict:
        return {
            **self.story, "documents": self.documents, "outlets": self.outlets,
            "sources": self.sources, "corroboration": len(self.sources),
            "figures": {c: f.as_dict() for c, f in self.figures.items()},
            "events": [r.as_dict() for r in self.events],
        }


def figure_key(category: str, unit: str) -> str:
    """The table a figure goes to: its category ("killed"), with its unit when that is
    not people ("displaced families"): figures of different units are never compared."""
    return category if unit == PEOPLE else f"{category} {unit}"


def _key(name: str) -> str:
    """Names compared for independence: case, "the" and spacing ignored."""
    words = name.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def origin_of(attribution: dict | None, outlet: str) -> str:
    """The independent source a claim comes down to (module docstring)."""
    if not attribution:
        return _key(outlet)
    cites = [n for n in (name_of(c) for c in attribution.get("cites") or []) if n]
    if cites:
        return _key(cites[-1])
    speaker = name_of(attribution.get("source"))
    if speaker:
        return _key(speaker)
    # An unnamed source: who it is cannot be told apart beyond the outlet that has it.
    return f"{UNNAMED_SOURCE} ({_key(outlet)})"


def _figure_text(count: dict) -> str:
    low, high = count.get("low"), count.get("high")
    if count.get("exact") and low is not None:
        return str(low)
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"{low}-"
    return f"-{high}" if high is not None else "?"


class _Outlets:
    """Each document's outlet, with near-duplicate documents sharing the outlet of the
    earliest of them (one wire story on two sites is one source)."""

    def __init__(self, store):
        self.store = store
        self.cache: dict[str, str] = {}

    def own(self, record: dict) -> str:
        """The outlet's name; without one, each document counts as its own outlet."""
        document = record["document"]
        return document.get("outlet") or f"unknown outlet {document['id'][:8]}"

    def independent(self, record: dict) -> str:
        doc_id = record["document"]["id"]
        if doc_id in self.cache:
            return self.cache[doc_id]
        group = [(record["document"].get("published") or "9999", doc_id, self.own(record))]
        for other, _similarity in self.store.near_duplicates(doc_id):
            other_record = self.store.get_record(other)
            if other_record is not None:
                group.append((other_record["document"].get("published") or "9999", other,
                              self.own(other_record)))
        self.cache[doc_id] = min(group)[2]
        return self.cache[doc_id]


def story_table(store, story: dict, *, records: dict | None = None) -> StoryTable:
    """The source table of ``story`` (a row of :meth:`Store.story_rows`)."""
    records = {} if records is None else records
    outlets = _Outlets(store)
    figures: dict[str, CategoryFigures] = {}
    events: list[SourceRow] = []
    for member in store.story_members(story["id"]):
        doc_id = member["doc_id"]
        if doc_id not in records:
            records[doc_id] = store.get_record(doc_id)
        record = records[doc_id]
        if record is None:  # deleted since it was assigned
            continue
        section = "figures" if member["kind"] == "figure" else "events"
        item = next((i for i in record.get(section) or [] if str(i.get("id")) == member["item_id"]),
                    None)
        if item is None:
            continue
        document = record["document"]
        outlet = outlets.own(record)
        attribution = next((a for a in record.get("attributions") or []
                            if a.get("id") == item.get("attribution")), None)
        origin = origin_of(attribution, outlet)
        if not attribution:
            origin = _key(outlets.independent(record))
        trigger = item.get("trigger") or {}
        start, end = trigger.get("start", 0), trigger.get("end", 0)
        count = item.get("count") if section == "figures" else None
        if count:
            start, end = min(start, count.get("start", start)), max(end, count.get("end", end))
        row = SourceRow(
            doc_id=doc_id, item_id=member["item_id"], kind=member["kind"],
            category=str(item.get("category") if count else item.get("type")),
            figure=_figure_text(count) if count else "",
            low=count.get("low") if count else None, high=count.get("high") if count else None,
            exact=count.get("exact") if count else None,
            source=name_of((attribution or {}).get("source")) or (
                UNNAMED_SOURCE if attribution else outlet),
            chain=source_chain(attribution, document.get("outlet")) or outlet,
            origin=origin, outlet=document.get("outlet") or "",
            published=document.get("published"),
            evidence=evidence_sentence(document.get("text") or "", start, end),
            unit=unit_of(item) if count else PEOPLE,
            part=bool(item.get("part")) if count else False,
        )
        if count:
            key = figure_key(row.category, row.unit)
            figures.setdefault(key, CategoryFigures(row.category, unit=row.unit)).rows.append(row)
        else:
            events.append(row)

    def order(row: SourceRow):
        return (row.published is None, row.published or "", row.doc_id, row.item_id)

    for category in figures.values():
        category.rows = _through_outlets(sorted(category.rows, key=order))
    events = _through_outlets(sorted(events, key=order))
    return StoryTable(story=story, figures=dict(sorted(figures.items())), events=events)


def _through_outlets(rows: list[SourceRow]) -> list[SourceRow]:
    """A row citing an outlet whose own report is in the story takes that report's
    origin: "Five died, the Post reported" adds nothing to what the Post said (and to
    its source, when the Post quotes the police)."""
    by_outlet: dict[str, list[SourceRow]] = {}
    for row in rows:
        by_outlet.setdefault(_key(row.outlet), []).append(row)
    result = []
    for row in rows:
        carried = by_outlet.get(row.origin)
        if carried and _key(row.outlet) != row.origin:
            same = [c for c in carried if c.figure == row.figure] or carried
            row = replace(row, origin=same[0].origin)
        result.append(row)
    return result


def story_tables(store, stories: list[dict]) -> list[StoryTable]:
    records: dict = {}
    return [story_table(store, story, records=records) for story in stories]


def ranges(table: StoryTable) -> dict[str, tuple[int | None, int | None]]:
    """``{category: (low, high)}`` of a story's figures."""
    return {c: (f.low, f.high) for c, f in table.figures.items()}


def by_origin(table: StoryTable) -> dict[str, list[SourceRow]]:
    grouped: dict[str, list[SourceRow]] = defaultdict(list)
    for row in table.rows:
        grouped[row.origin].append(row)
    return dict(grouped)


def list_stories(
    store,
    *,
    since: str | None = None,
    until: str | None = None,
    types: list[str] | None = None,
    country: str | None = None,
    source: str | None = None,
    ids: list[str] | None = None,
) -> list[StoryTable]:
    """The source tables of the stories that pass every filter given, in creation order.
    ``since``/``until``/``types``/``country`` as :meth:`Store.story_rows`; ``source``: a
    case-insensitive substring of an outlet or of a source chain in the story."""
    rows = store.story_rows(since=since, until=until, types=types, country=country, ids=ids)
    tables = story_tables(store, rows)
    if source:
        needle = source.lower()
        tables = [t for t in tables if any(
            needle in r.chain.lower() or needle in r.outlet.lower()
            for r in [*t.rows, *t.events])]
    return tables
