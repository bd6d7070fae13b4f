"""An extraction record (CONTRACT) flattened into table rows, one list per table."""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError
from ..units import unit_of
from .schema import ITEM_TABLES

SECTIONS = ("attributions", "events", "figures", "places", "actors", "incidents",
            "disagreements")


def dumps(value: Any) -> str:
    """The JSON the store keeps: key order as given, so the round trip is exact."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span(prefix: str, value: dict | None) -> dict:
    value = value or {}
    return {
        f"{prefix}_text": value.get("text"),
        f"{prefix}_start": value.get("start"),
        f"{prefix}_end": value.get("end"),
    }


def _named(prefix: str, value: dict | None) -> dict:
    value = value or {}
    return {
        **_span(prefix, value),
        f"{prefix}_name": value.get("name"),
        f"{prefix}_actor": value.get("actor"),
    }


def _ref(value: dict | None, key: str = "place") -> str | None:
    return value.get(key) if isinstance(value, dict) else None


def _required(item: dict, key: str, where: str):
    if key not in item or item[key] is None:
        raise StoreError(f"{where}: missing {key!r}")
    return item[key]


def record_rows(record: dict) -> tuple[dict, dict[str, list[dict]]]:
    """``(document row without timestamps and version, {table: rows})`` for ``record``.

    Raises :class:`StoreError` when the record lacks what the tables require; references
    to unknown items are left to the database's foreign keys."""
    doc_id = _checked_id(record)
    document_row = _document_row(record, doc_id)
    rows = _Rows(doc_id, document_row["published"])
    for section, add in SECTION_ROWS:
        for item in record.get(section, []):
            add(rows, item)
    return document_row, rows.tables


def _checked_id(record: dict) -> str:
    """The document id of ``record``, once it is known to be a record: a document with an
    id and a text, and lists for its sections."""
    if not isinstance(record, dict) or not isinstance(record.get("document"), dict):
        raise StoreError("not an extraction record: no 'document' object")
    document = record["document"]
    doc_id = document.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise StoreError("not an extraction record: the document has no id")
    if not isinstance(document.get("text"), str):
        raise StoreError(f"document {doc_id}: no text")
    for section in SECTIONS:
        if not isinstance(record.get(section, []), list):
            raise StoreError(f"document {doc_id}: {section!r} is not a list")
    return doc_id


def _document_row(record: dict, doc_id: str) -> dict:
    document = record["document"]
    # The text is stored once, in its column; the record JSON holds a placeholder.
    stored = dict(record)
    stored["document"] = {**document, "text": None}
    return {
        "id": doc_id,
        "path": document.get("path"),
        "url": document.get("url"),
        "outlet": document.get("outlet"),
        "published": document.get("published"),
        "title": document.get("title"),
        "language": document.get("language"),
        "text": document["text"],
        "record_json": dumps(stored),
    }


class _Rows:
    """The rows of one document's items, by table, as the sections are read in order."""

    def __init__(self, doc_id: str, published: str | None = None):
        self.doc_id = doc_id
        self.published = published
        # The date of each event, for the day of the figures that point to it.
        self.event_dates: dict[str, str | None] = {}
        self.tables: dict[str, list[dict]] = {name: [] for name in ITEM_TABLES}
        # The country of each place, for the events and figures that point to it.
        self.countries: dict[str, str | None] = {}

    def day(self, date: str | None) -> str | None:
        """An item's day: ``date``, else the document's (as SQL's coalesce)."""
        return date if date is not None else self.published

    def item_id(self, item: Any, section: str) -> str:
        if not isinstance(item, dict):
            raise StoreError(f"document {self.doc_id}: an entry of {section!r} is not an object")
        return str(_required(item, "id", f"document {self.doc_id}: {section}"))


def _place_rows(rows: _Rows, place: dict) -> None:
    pid = rows.item_id(place, "places")
    rows.countries[pid] = place.get("country")
    rows.tables["places"].append({
        "doc_id": rows.doc_id, "id": pid,
        "mention_text": place.get("text"), "mention_start": place.get("start"),
        "mention_end": place.get("end"), "name": place.get("name"),
        "geonameid": place.get("geonameid"), "country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"), "kind": place.get("kind"),
        "approximate": bool(place.get("approximate", False)),
        "item_json": dumps(place),
    })


def _actor_rows(rows: _Rows, actor: dict) -> None:
    rows.tables["actors"].append({
        "doc_id": rows.doc_id, "id": rows.item_id(actor, "actors"), "name": actor.get("name"),
        "country": actor.get("country"), "sector": actor.get("sector"),
        "item_json": dumps(actor),
    })


def _attribution_rows(rows: _Rows, attribution: dict) -> None:
    doc_id = rows.doc_id
    aid = rows.item_id(attribution, "attributions")
    where = f"document {doc_id}: attribution {aid}"
    rows.tables["attributions"].append({
        "doc_id": doc_id, "id": aid, "kind": attribution.get("kind"),
        **_named("source", attribution.get("source")),
        **_span("cue", attribution.get("cue")),
        **_span("content", _required(attribution, "content", where)),
        **_span("channel", attribution.get("channel")),
        "item_json": dumps(attribution),
    })
    named = [("source", [attribution["source"]] if attribution.get("source") else [])]
    named += [(role, attribution.get(role) or []) for role in ("cites", "cited_by")]
    for role, values in named:
        for position, value in enumerate(values):
            if not isinstance(value, dict):
                raise StoreError(f"{where}: {role} entry is not an object")
            rows.tables["attribution_sources"].append({
                "doc_id": doc_id, "attribution_id": aid, "role": role,
                "position": position, **_named("mention", value),
            })


def _event_rows(rows: _Rows, ev: dict) -> None:
    eid = rows.item_id(ev, "events")
    rows.event_dates[eid] = ev.get("date")
    where = f"document {rows.doc_id}: event {eid}"
    place_id = _ref(ev.get("location"))
    rows.tables["events"].append({
        "doc_id": rows.doc_id, "id": eid, "type": _required(ev, "type", where),
        "mode": ev.get("mode"),
        **_span("trigger", _required(ev, "trigger", where)),
        **_named("actor", ev.get("actor")),
        **_named("recipient", ev.get("recipient")),
        "place_id": place_id, "origin_place_id": _ref(ev.get("origin")),
        "date": ev.get("date"), "date_precision": ev.get("date_precision"),
        "attribution_id": ev.get("attribution"),
        "negated": bool(ev.get("negated", False)),
        "hypothetical": bool(ev.get("hypothetical", False)),
        "country": rows.countries.get(place_id) if place_id else None,
        "incident_id": ev.get("incident"),
        "day": rows.day(ev.get("date")),
        "item_json": dumps(ev),
    })


def _figure_rows(rows: _Rows, fig: dict) -> None:
    fid = rows.item_id(fig, "figures")
    where = f"document {rows.doc_id}: figure {fid}"
    count = _required(fig, "count", where)
    place_id = _ref(fig.get("location"))
    event = fig.get("event")
    rows.tables["figures"].append({
        "doc_id": rows.doc_id, "id": fid, "category": _required(fig, "category", where),
        **_span("trigger", _required(fig, "trigger", where)),
        **_span("count", count),
        "low": count.get("low"), "high": count.get("high"), "exact": count.get("exact"),
        **_span("who", fig.get("who")),
        "place_id": place_id, "event_id": event,
        "attribution_id": fig.get("attribution"),
        "country": rows.countries.get(place_id) if place_id else None,
        "unit": unit_of(fig),
        "incident_id": fig.get("incident"),
        "cumulative": bool(fig.get("cumulative", False)),
        "part": bool(fig.get("part", False)),
        "day": rows.day(rows.event_dates.get(str(event)) if event is not None else None),
        "item_json": dumps(fig),
    })


def _incident_rows(rows: _Rows, incident: dict) -> None:
    iid = rows.item_id(incident, "incidents")
    where = f"document {rows.doc_id}: incident {iid}"
    place_id = _ref(incident.get("location"))
    rows.tables["incidents"].append({
        "doc_id": rows.doc_id, "id": iid, "type": _required(incident, "type", where),
        "place_id": place_id, "date": incident.get("date"),
        "date_precision": incident.get("date_precision"),
        "country": rows.countries.get(place_id) if place_id else None,
        "item_json": dumps(incident),
    })


def _disagreement_rows(rows: _Rows, dis: dict) -> None:
    did = rows.item_id(dis, "disagreements")
    rows.tables["disagreements"].append({
        "doc_id": rows.doc_id, "id": did, "about": dis.get("about"),
        "incident_id": dis.get("incident"), "item_json": dumps(dis),
    })
    for position, figure_id in enumerate(dis.get("figures") or []):
        rows.tables["disagreement_figures"].append({
            "doc_id": rows.doc_id, "disagreement_id": did, "position": position,
            "figure_id": figure_id,
        })


# The sections in the order their rows are made: places before the events and figures
# that take their country.
SECTION_ROWS = (
    ("places", _place_rows),
    ("actors", _actor_rows),
    ("attributions", _attribution_rows),
    ("incidents", _incident_rows),
    ("events", _event_rows),
    ("figures", _figure_rows),
    ("disagreements", _disagreement_rows),
)


def load_record(record_json: str, text: str) -> dict:
    """The record as written: the JSON with the document's text put back in place."""
    record = json.loads(record_json)
    record["document"]["text"] = text
    return record
