"""What the pages show, built from the library's own views: a document's text cut into
highlighted pieces with the record behind each, and a story's source table with each
figure marked in its evidence sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..provenance import denied, name_of, place_name, source_chain
from ..stories.table import CategoryFigures, SourceRow, story_table
from ..units import unit_of


@dataclass
class Piece:
    """A run of the document's text covered by the same records."""

    text: str
    classes: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def _span(value) -> tuple[int, int] | None:
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def record_marks(record: dict) -> list[tuple[int, int, str, str]]:
    """``(start, end, class, item id)`` of every span of the record worth highlighting."""
    marks: list[tuple[int, int, str, str]] = []
    attributions = {a.get("id"): a for a in record.get("attributions") or []}

    def add(value, cls: str, item: str) -> None:
        span = _span(value)
        if span:
            marks.append((*span, cls, item))

    for a in record.get("attributions") or []:
        flag = " negated" if a.get("negated") else ""
        add(a.get("source"), "source" + flag, a["id"])
        add(a.get("cue"), "cue" + flag, a["id"])
        add(a.get("content"), "content" + flag, a["id"])
        add(a.get("channel"), "channel", a["id"])
    for e in record.get("events") or []:
        flags = "".join(f" {k}" for k in ("negated", "hypothetical") if e.get(k))
        add(e.get("trigger"), "event" + flags, e["id"])
    for f in record.get("figures") or []:
        flag = " negated" if denied(f, attributions) else ""
        add(f.get("count"), "figure" + flag, f["id"])
        add(f.get("trigger"), "figure-trigger" + flag, f["id"])
    for p in record.get("places") or []:
        add(p, "place", p["id"])
    return marks


def highlight(record: dict) -> list[Piece]:
    """The document's text as pieces, each with the classes and items of the spans over it."""
    text = record["document"]["text"]
    marks = [(s, min(e, len(text)), c, i) for s, e, c, i in record_marks(record) if s < len(text)]
    cuts = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = [m for m in marks if m[0] <= start and end <= m[1]]
        classes = sorted({word for m in over for word in m[2].split()})
        items = list(dict.fromkeys(m[3] for m in sorted(over, key=lambda m: m[1] - m[0])))
        pieces.append(Piece(text[start:end], classes, items))
    return pieces


def item_details(record: dict) -> dict[str, dict]:
    """For each highlighted item, what the page shows when it is clicked (plain data)."""
    document = record["document"]
    outlet = document.get("outlet")
    attributions = {a.get("id"): a for a in record.get("attributions") or []}
    places = {p.get("id"): p for p in record.get("places") or []}
    events = {e.get("id"): e for e in record.get("events") or []}

    def chain(item: dict) -> str:
        return source_chain(attributions.get(item.get("attribution")), outlet) or "the outlet"

    def place(item: dict) -> str | None:
        return place_name(places, item.get("location"))

    def event_line(event: dict | None) -> str | None:
        if not event:
            return None
        who = name_of(event.get("actor")) or "?"
        whom = name_of(event.get("recipient")) or "?"
        return (f"{event.get('type')} '{(event.get('trigger') or {}).get('text')}' "
                f"{who} -> {whom}")

    details: dict[str, dict] = {}
    for a in record.get("attributions") or []:
        details[a["id"]] = {
            "kind": "attribution", "id": a["id"], "type": a.get("kind"),
            "source": name_of(a.get("source")) or "unnamed source",
            "cue": (a.get("cue") or {}).get("text"), "content": (a.get("content") or {}).get("text"),
            "chain": source_chain(a, outlet), "negated": bool(a.get("negated")),
        }
    for e in record.get("events") or []:
        details[e["id"]] = {
            "kind": "event", "id": e["id"], "type": e.get("type"), "mode": e.get("mode"),
            "trigger": (e.get("trigger") or {}).get("text"), "event": event_line(e),
            "place": place(e), "date": e.get("date"), "chain": chain(e),
            "negated": bool(e.get("negated")), "hypothetical": bool(e.get("hypothetical")),
        }
    for f in record.get("figures") or []:
        count = f.get("count") or {}
        details[f["id"]] = {
            "kind": "figure", "id": f["id"], "type": f.get("category"),
            "count": count.get("text"), "low": count.get("low"), "high": count.get("high"),
            "unit": unit_of(f),
            "who": (f.get("who") or {}).get("text"), "place": place(f), "chain": chain(f),
            "event": event_line(events.get(f.get("event"))),
            "negated": denied(f, attributions),
        }
    for p in record.get("places") or []:
        details[p["id"]] = {
            "kind": "place", "id": p["id"], "name": p.get("name"), "country": p.get("country"),
            "lat": p.get("lat"), "lon": p.get("lon"),
        }
    return details


@dataclass
class MarkedRow:
    """A story row with its evidence cut around the figure: before, figure, after."""

    row: SourceRow
    before: str
    mark: str
    after: str


@dataclass
class StoryView:
    table: object  # StoryTable
    figures: dict[str, tuple[CategoryFigures, list[MarkedRow], bool]]
    events: list[SourceRow]


def _marked(row: SourceRow, record: dict | None) -> MarkedRow:
    item = next((f for f in (record or {}).get("figures") or []
                 if str(f.get("id")) == row.item_id), None)
    needle = ((item or {}).get("count") or {}).get("text") or ""
    at = row.evidence.find(needle) if needle else -1
    if at < 0:
        return MarkedRow(row, row.evidence, "", "")
    return MarkedRow(row, row.evidence[:at], needle, row.evidence[at + len(needle):])


def story_view(store, story: dict) -> StoryView:
    """The story's source table, each figure marked in its evidence; per category,
    whether the sources disagree (they report different figures)."""
    records: dict = {}
    table = story_table(store, story, records=records)
    figures = {}
    for category, group in table.figures.items():
        marked = [_marked(row, records.get(row.doc_id)) for row in group.rows]
        disagree = len({(row.low, row.high) for row in group.tolls}) > 1  # no named victim
        figures[category] = (group, marked, disagree)
    return StoryView(table=table, figures=figures, events=table.events)
