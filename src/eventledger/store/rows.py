"""An extraction record (CONTRACT) flattened into table rows, one list per table."""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError

SECTIONS = ("attributions", "events", "figures", "places", "actors", "disagreements")


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

    # The text is stored once, in its column; the record JSON holds a placeholder.
    stored = dict(record)
    stored["document"] = {**document, "text": None}
    doc_row = {
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

    rows: dict[str, list[dict]] = {name: [] for name in (
        "places", "actors", "attributions", "attribution_sources", "events", "figures",
        "disagreements", "disagreement_figures",
    )}
    countries: dict[str, str | None] = {}

    def item_id(item: Any, section: str) -> str:
        if not isinstance(item, dict):
            raise StoreError(f"document {doc_id}: an entry of {section!r} is not an object")
        return str(_required(item, "id", f"document {doc_id}: {section}"))

    for place in record.get("places", []):
        pid = item_id(place, "places")
        countries[pid] = place.get("country")
        rows["places"].append({
            "doc_id": doc_id, "id": pid,
            "mention_text": place.get("text"), "mention_start": place.get("start"),
            "mention_end": place.get("end"), "name": place.get("name"),
            "geonameid": place.get("geonameid"), "country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), "kind": place.get("kind"),
            "item_json": dumps(place),
        })

    for actor in record.get("actors", []):
        rows["actors"].append({
            "doc_id": doc_id, "id": item_id(actor, "actors"), "name": actor.get("name"),
            "country": actor.get("country"), "sector": actor.get("sector"),
            "item_json": dumps(actor),
        })

    for attribution in record.get("attributions", []):
        aid = item_id(attribution, "attributions")
        where = f"document {doc_id}: attribution {aid}"
        rows["attributions"].append({
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
                rows["attribution_sources"].append({
                    "doc_id": doc_id, "attribution_id": aid, "role": role,
                    "position": position, **_named("mention", value),
                })

    for ev in record.get("events", []):
        eid = item_id(ev, "events")
        where = f"document {doc_id}: event {eid}"
        place_id = _ref(ev.get("location"))
        rows["events"].append({
            "doc_id": doc_id, "id": eid, "type": _required(ev, "type", where),
            "mode": ev.get("mode"),
            **_span("trigger", _required(ev, "trigger", where)),
            **_named("actor", ev.get("actor")),
            **_named("recipient", ev.get("recipient")),
            "place_id": place_id, "origin_place_id": _ref(ev.get("origin")),
            "date": ev.get("date"), "date_precision": ev.get("date_precision"),
            "attribution_id": ev.get("attribution"),
            "negated": bool(ev.get("negated", False)),
            "hypothetical": bool(ev.get("hypothetical", False)),
            "country": countries.get(place_id) if place_id else None,
            "item_json": dumps(ev),
        })

    for fig in record.get("figures", []):
        fid = item_id(fig, "figures")
        where = f"document {doc_id}: figure {fid}"
        count = _required(fig, "count", where)
        place_id = _ref(fig.get("location"))
        rows["figures"].append({
            "doc_id": doc_id, "id": fid, "category": _required(fig, "category", where),
            **_span("trigger", _required(fig, "trigger", where)),
            **_span("count", count),
            "low": count.get("low"), "high": count.get("high"), "exact": count.get("exact"),
            **_span("who", fig.get("who")),
            "place_id": place_id, "event_id": fig.get("event"),
            "attribution_id": fig.get("attribution"),
            "country": countries.get(place_id) if place_id else None,
            "item_json": dumps(fig),
        })

    for dis in record.get("disagreements", []):
        did = item_id(dis, "disagreements")
        rows["disagreements"].append({
            "doc_id": doc_id, "id": did, "about": dis.get("about"), "item_json": dumps(dis),
        })
        for position, figure_id in enumerate(dis.get("figures") or []):
            rows["disagreement_figures"].append({
                "doc_id": doc_id, "disagreement_id": did, "position": position,
                "figure_id": figure_id,
            })
    return doc_row, rows


def load_record(record_json: str, text: str) -> dict:
    """The record as written: the JSON with the document's text put back in place."""
    record = json.loads(record_json)
    record["document"]["text"] = text
    return record
