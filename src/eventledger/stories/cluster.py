"""Incremental story clustering: events and figures of different documents that describe
one incident join one story.

Every event that happened (not negated, not hypothetical) and every figure that links
to no event is an *item*; a figure linked to an event goes where its event goes. Where the
record has incidents, an incident is one item: its events and figures go where its lead
event goes (the one with a day and a place where it has one), so that "the attack" and
"the blast" told later join the story of the attack, and a cumulative toll ("since
2014") joins no story. An
item's features: a type family (:data:`FAMILIES`: a strike and a clash can be one
incident, a strike and a protest cannot), a day (the event's date, else the document's
publication date), a place (its own, else the document's most mentioned city, else its
most mentioned country), actor names, the words of its evidence sentence and the
document's key words.

A new item looks for candidates with indexed queries on ``story_members``: same family,
a grid cell of :data:`CELL_DEGREES` around its place (or its country), a day within
``window_days``. It joins the story of the best-scoring candidate when the score reaches
``threshold``, else it opens a new story. Scores (see :func:`score`) add up evidence:
the same or a nearby place, the same or a close day, shared actors, shared words; a
known date or place that is too far apart rules a candidate out. Stories are never
re-clustered: a document joins what exists, in processing order, so the same documents in
the same order always give the same stories (ids ``S000001``, ``S000002``, ... in
creation order).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..data_files import word_lists, word_sequences
from ..errors import StoreError
from ..provenance import denied, evidence_sentence

log = logging.getLogger(__name__)

# PLOVER types (and figure categories for figures without an event) that can describe the
# same incident: one family each.
FAMILIES = {
    "ASSAULT": "violence", "killed": "violence", "injured": "violence",
    "missing": "violence", "displaced": "violence", "other": "violence",
    "COERCE": "coercion", "SANCTION": "coercion", "arrested": "coercion", "held": "coercion",
    "PROTEST": "protest", "MOBILIZE": "mobilize", "THREATEN": "threaten",
    "ACCUSE": "statement", "REJECT": "statement", "REQUEST": "statement",
    "AGREE": "cooperation", "CONSULT": "cooperation", "SUPPORT": "cooperation",
    "COOPERATE": "cooperation", "AID": "aid", "CONCEDE": "concede", "RETREAT": "concede",
}
CELL_DEGREES = 0.5  # about 55 km north-south: a 3 x 3 block covers the search radius
NO_PLACE = "-"
STORY_PREFIX = "S"
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3,}")


@dataclass(frozen=True)
class ClusterSettings:
    """How close two items must be to share a story."""

    window_days: int = 3  # known days further apart rule a candidate out
    radius_km: float = 50.0  # known places further apart rule a candidate out
    threshold: float = 3.0  # a candidate's score needed to join its story
    # ... when one of the two has no known day: the day can then neither confirm nor rule
    # out, so the bar drops by about what a close day adds.
    undated_threshold: float = 2.25
    doc_terms: int = 40  # key words kept per document
    limit: int = 500  # candidate rows read per query at most


DEFAULT_SETTINGS = ClusterSettings()


@cache
def _stop_words() -> frozenset[str]:
    """Read when first needed, not on import: a bad user word file is then one error line
    of the command that reads it, not a crash of every command that imports stories; and
    importing spaCy imports PyTorch (through thinc), which the commands that only read the
    store never need."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | word_lists("story_words")["stop_words"]


def _stem(word: str, suffixes: tuple[str, ...]) -> str:
    """A crude suffix strip, so that "shells", "shelling" and "shelled" meet: the first of
    ``suffixes`` that fits is cut ("es" before "s")."""
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Lower-cased, stemmed content words of ``text`` (no stop words, no numbers)."""
    stop, suffixes = _stop_words(), word_sequences("story_words")["suffixes"]
    return [_stem(w, suffixes) for w in (m.group().lower() for m in _WORD.finditer(text))
            if len(w) >= 3 and w not in stop]


def key_words(text: str, limit: int) -> list[str]:
    """The ``limit`` most frequent content words, ties alphabetical (deterministic)."""
    counts = Counter(words(text))
    return [w for w, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def family_of(kind: str) -> str:
    return FAMILIES.get(kind, FAMILIES.get(kind.upper(), "other"))


def story_id(seq: int) -> str:
    return f"{STORY_PREFIX}{seq:06d}"


def cell_of(lat: float | None, lon: float | None) -> str | None:
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / CELL_DEGREES)}:{math.floor(lon / CELL_DEGREES)}"


def neighbour_cells(cell: str) -> list[str]:
    row, col = (int(part) for part in cell.split(":"))
    return [f"{row + dr}:{col + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1)]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# -- item features ---------------------------------------------------------------------

def _main_place(places: list[dict], kinds: tuple[str, ...]) -> dict | None:
    """The place of ``kinds`` mentioned most often (ties: first mentioned)."""
    counts: Counter = Counter()
    first: dict = {}
    for place in places:
        if place.get("kind") in kinds and place.get("name"):
            key = (place.get("geonameid"), place["name"])
            counts[key] += 1
            first.setdefault(key, place)
    if not counts:
        return None
    order = list(first)
    best = max(order, key=lambda key: (counts[key], -order.index(key)))
    return first[best]


def _incidents_told(record: dict, told: list[dict]):
    """``(lead, terms, actors)`` by incident id. An incident's lead event has a day and a
    place if one has them, else it is the first told; it speaks for the incident: its
    words are those of every sentence that tells of it, its actors every event's."""
    text = record["document"].get("text") or ""
    lead: dict[str, str] = {}
    terms: dict[str, set[str]] = {}
    actors: dict[str, list[str]] = {}
    for event in sorted(told, key=lambda e: (not e.get("date"), not e.get("location"))):
        lead.setdefault(event["incident"], str(event["id"]))
    for item in [*told, *(f for f in record.get("figures") or []
                          if f.get("incident") in lead and not f.get("cumulative"))]:
        spans = [span for span in (item.get(k) for k in ("trigger", "count")) if span]
        start = min((span.get("start", 0) for span in spans), default=0)
        end = max((span.get("end", 0) for span in spans), default=0)
        terms.setdefault(item["incident"], set()).update(
            words(evidence_sentence(text, start, end)) if text else ())
        actors.setdefault(item["incident"], []).extend(
            (item.get(role) or {}).get("name") or (item.get(role) or {}).get("text")
            for role in ("actor", "recipient") if item.get(role))
    return lead, terms, actors


def item_features(record: dict, *, settings: ClusterSettings = DEFAULT_SETTINGS) -> list[dict]:
    """One member row (without ``story_id``) per clustered item of ``record``, events
    first, then the figures; a figure linked to an event carries ``event`` so that it
    can follow its event's story."""
    document = record["document"]
    doc_id = document["id"]
    text = document.get("text") or ""
    published = document.get("published")
    places = {p.get("id"): p for p in record.get("places") or []}
    place_list = list(record.get("places") or [])
    doc_place = (_main_place(place_list, ("city", "other", "region"))
                 or _main_place(place_list, ("country",)))
    doc_terms = " ".join(key_words(text, settings.doc_terms))
    events = {e.get("id"): e for e in record.get("events") or []}
    attributions = {a.get("id"): a for a in record.get("attributions") or []}
    incidents = {i.get("id"): i for i in record.get("incidents") or []}

    def place_of(item: dict, fallback: dict | None) -> dict | None:
        location = item.get("location")
        if isinstance(location, dict) and location.get("place") in places:
            return places[location["place"]]
        return fallback

    def features(item: dict, kind: str, type_: str, day: str | None, place: dict | None,
                 actors: list[str], start: int, end: int) -> dict:
        lat = lon = None
        country = (place or {}).get("country")
        if place and place.get("kind") != "country":
            lat, lon = place.get("lat"), place.get("lon")
        cell = cell_of(lat, lon) or (f"C:{country}" if country else NO_PLACE)
        evidence = evidence_sentence(text, start, end) if text else ""
        terms = set(words(evidence)) | incident_terms.get(item.get("incident"), set())
        return {
            "doc_id": doc_id, "item_id": str(item["id"]), "kind": kind,
            "family": family_of(type_), "type": type_, "day": day, "cell": cell,
            "country": country.upper() if country else None, "lat": lat, "lon": lon,
            "place": (place or {}).get("name"),
            "actors": json.dumps(sorted({a.lower() for a in actors if a})),
            "terms": " ".join(sorted(terms)), "doc_terms": doc_terms,
        }

    def happened(event: dict) -> bool:
        return not (event.get("negated") or event.get("hypothetical")
                    or denied(event, attributions))

    lead, incident_terms, incident_actors = _incidents_told(
        record, [e for e in events.values() if happened(e) and e.get("incident")])

    rows = []
    for event in events.values():
        if not happened(event):
            continue
        followed = lead.get(event.get("incident"))
        if followed is not None and followed != str(event["id"]):
            rows.append({"doc_id": doc_id, "item_id": str(event["id"]), "kind": "event",
                         "event": followed, "type": str(event.get("type") or "").upper()})
            continue
        precise = event.get("date_precision") in (None, "day")
        day = event.get("date") if precise and _day(event.get("date")) else None
        actors = [(event.get(role) or {}).get("name") or (event.get(role) or {}).get("text")
                  for role in ("actor", "recipient")]
        actors += incident_actors.get(event.get("incident"), [])
        incident = incidents.get(event.get("incident")) or {}
        trigger = event.get("trigger") or {}
        row = features(event, "event", str(event.get("type") or "").upper(),
                       day or (published if _day(published) else None),
                       place_of(event, place_of(incident, doc_place)),
                       [a for a in actors if a], trigger.get("start", 0), trigger.get("end", 0))
        rows.append(row)
    for figure in record.get("figures") or []:
        if denied(figure, attributions) or figure.get("cumulative"):
            continue  # no one's figure, or a toll of no one incident
        linked = events.get(figure.get("event"))
        if linked is not None and not (linked.get("negated") or linked.get("hypothetical")):
            followed = lead.get(linked.get("incident"), str(linked["id"]))
            rows.append({"doc_id": doc_id, "item_id": str(figure["id"]), "kind": "figure",
                         "event": followed, "type": str(figure.get("category"))})
            continue
        if linked is None and figure.get("incident") in lead:
            rows.append({"doc_id": doc_id, "item_id": str(figure["id"]), "kind": "figure",
                         "event": lead[figure["incident"]],
                         "type": str(figure.get("category"))})
            continue
        if linked is not None:  # counts of an event that did not happen: no story
            continue
        count = figure.get("count") or {}
        trigger = figure.get("trigger") or {}
        start = min(count.get("start", 0), trigger.get("start", 0))
        end = max(count.get("end", 0), trigger.get("end", 0))
        rows.append(features(figure, "figure", str(figure.get("category") or "other"),
                             published if _day(published) else None,
                             place_of(figure, place_of(incidents.get(figure.get("incident"))
                                                       or {}, doc_place)), [], start, end))
    return rows


# -- scoring ---------------------------------------------------------------------------

def score(item: dict, other: dict, *, settings: ClusterSettings = DEFAULT_SETTINGS) -> float | None:
    """How strongly ``other`` (a stored member) speaks for ``item``'s incident; None when
    a known day or place rules it out.

    Place: 1.5 for the same place (within 2 km), falling linearly to 0 at
    ``radius_km``; 0.25 for the same country without coordinates. Day: 1.0 for the same
    day, 0.5 within the window. Actors: 0.5 when a name is shared. Words: twice the
    Jaccard overlap of the evidence sentences plus four times that of the documents'
    key words. The same document: 1.5 (one article about one incident mostly)."""
    if item["family"] != other["family"]:
        return None
    total = 0.0
    d1, d2 = _day(item.get("day")), _day(other.get("day"))
    if d1 and d2:
        gap = abs((d1 - d2).days)
        if gap > settings.window_days:
            return None
        total += 1.0 if gap == 0 else 0.5
    c1, c2 = item.get("country"), other.get("country")
    if c1 and c2 and c1 != c2:
        return None
    if None not in (item.get("lat"), item.get("lon"), other.get("lat"), other.get("lon")):
        km = distance_km(item["lat"], item["lon"], other["lat"], other["lon"])
        if km > settings.radius_km:
            return None
        total += 1.5 if km <= 2.0 else 1.5 * (1 - km / settings.radius_km)
    elif c1 and c1 == c2:
        total += 0.25
    a1, a2 = set(json.loads(item["actors"])), set(json.loads(other["actors"]))
    if a1 & a2:
        total += 0.5
    total += 2.0 * _jaccard(set(item["terms"].split()), set(other["terms"].split()))
    total += 4.0 * _jaccard(set(item["doc_terms"].split()), set(other["doc_terms"].split()))
    if item["doc_id"] == other["doc_id"]:
        total += 1.5
    return total


def _lookup(session, item: dict, settings: ClusterSettings) -> list[dict]:
    """Stored members that may share ``item``'s story (indexed queries only)."""
    day = _day(item.get("day"))
    day_from = day_to = None
    if day:
        window = timedelta(days=settings.window_days)
        day_from, day_to = (day - window).isoformat(), (day + window).isoformat()
    cell = item["cell"]
    cells: list[str] = []
    if cell != NO_PLACE and not cell.startswith("C:"):
        cells = neighbour_cells(cell)
    # A country-level member may belong with a precise one and back: ask the country too.
    if item.get("country"):
        cells.append(f"C:{item['country']}")
    else:
        cells.append(NO_PLACE)
    country = item.get("country") if cell.startswith("C:") else None
    return session.candidates(item["family"], cells=cells, country=country,
                              day_from=day_from, day_to=day_to,
                              exclude_doc=item["doc_id"], limit=settings.limit)


def _summary(members: list[dict]) -> dict | None:
    """A story's summary columns from its members (None: no members)."""
    if not members:
        return None
    clustered = [m for m in members if m["family"]]
    days = sorted(m["day"] for m in members if m.get("day"))
    types = Counter(m["type"] for m in members if m["kind"] == "event") or Counter(
        m["type"] for m in members)
    main_type = max(sorted(types), key=lambda t: types[t])
    located = [m for m in clustered if m.get("place")]
    places = Counter((m["place"], m.get("country"), m.get("lat"), m.get("lon"))
                     for m in located)
    # The most mentioned place, preferring one with coordinates.
    place = max(sorted(places, key=lambda k: tuple("" if v is None else str(v) for v in k)),
                key=lambda k: (k[2] is not None, places[k]), default=None)
    countries = Counter(m["country"] for m in members if m.get("country"))
    return {
        "family": clustered[0]["family"] if clustered else "other", "type": main_type,
        "first_date": days[0] if days else None, "last_date": days[-1] if days else None,
        "country": max(sorted(countries), key=lambda c: countries[c]) if countries else None,
        "place": place[0] if place else None,
        "lat": place[2] if place else None, "lon": place[3] if place else None,
        "n_items": len(members), "n_documents": len({m["doc_id"] for m in members}),
    }


def _best(row: dict, candidates: list[dict], settings: ClusterSettings) -> tuple[float, str] | None:
    """``(score, story id)`` of the best candidate that reaches its threshold; ties go
    to the older story (smaller id)."""
    best: tuple[float, str] | None = None
    for other in candidates:
        value = score(row, other, settings=settings)
        dated = row.get("day") is not None and other.get("day") is not None
        if value is None or value < (settings.threshold if dated else settings.undated_threshold):
            continue
        if best is None or value > best[0] or (value == best[0] and other["story_id"] < best[1]):
            best = (value, other["story_id"])
    return best


def assign_document(session, record: dict, *,
                    settings: ClusterSettings = DEFAULT_SETTINGS) -> list[str]:
    """Assign one stored document's items to stories inside ``session`` (a
    :class:`~eventledger.store.store.StorySession`); returns the story ids it is in."""
    doc_id = record["document"]["id"]
    rows = item_features(record, settings=settings)
    stored = session.members_of_document(doc_id)
    if stored and _same_members_check(stored, rows):
        return sorted({m["story_id"] for m in stored})
    touched = set(session.delete_document(doc_id)) if stored else set()

    pending: list[dict] = []  # this document's members so far: candidates too
    story_of_event: dict[str, str] = {}
    new_stories: dict[str, int] = {}
    seq = session.next_seq()
    # Items with a day and a place first: they find other documents' stories most surely,
    # and the document's vaguer items then follow them.
    order = sorted(
        (row for row in rows if "family" in row),  # a follower goes with what it follows
        key=lambda r: (r.get("day") is None, r.get("lat") is None, r.get("country") is None),
    )
    for row in order:
        # Another document's story first: the document's own items always look alike.
        best = (_best(row, _lookup(session, row, settings), settings)
                or _best(row, pending, settings))
        if best is None:
            sid = story_id(seq)
            new_stories[sid] = seq
            seq += 1
        else:
            sid = best[1]
        row["story_id"] = sid
        pending.append(row)
        if row["kind"] == "event":
            story_of_event[row["item_id"]] = sid
    members = []
    for row in rows:
        if "family" in row:
            members.append(row)
            continue
        event_row = next(r for r in rows if r["kind"] == "event" and r["item_id"] == row["event"]
                         and "family" in r)
        members.append({**event_row, "item_id": row["item_id"], "kind": row["kind"],
                        "type": row["type"]})
    for sid, number in sorted(new_stories.items()):
        session.insert_story({"id": sid, "seq": number, "family": "other",
                              "n_items": 0, "n_documents": 0})
    session.insert_members(members)
    for sid in sorted(touched | {m["story_id"] for m in members}):
        session.update_story(sid, _summary(session.story_members(sid)))
    if not members:
        return []
    log.debug("document %s: %d items in stories %s", doc_id, len(members),
              sorted({m["story_id"] for m in members}))
    return sorted({m["story_id"] for m in members})


def _same_members_check(stored: list[dict], rows: list[dict]) -> bool:
    """True when the stored members are exactly the document's current items (nothing to
    do: assignment is idempotent)."""
    keys = ("item_id", "kind", "type", "day", "cell", "actors", "terms", "doc_terms")
    current = []
    events = {r["item_id"]: r for r in rows if r["kind"] == "event" and "family" in r}
    for row in rows:
        if "family" not in row:
            event_row = events.get(row["event"])
            if event_row is None:
                return False
            row = {**event_row, "item_id": row["item_id"], "kind": row["kind"],
                   "type": row["type"]}
        current.append(tuple(row.get(k) for k in keys))
    return sorted(current) == sorted(tuple(m.get(k) for k in keys) for m in stored)


def assign_stories(store, doc_ids: Iterable[str], *,
                   settings: ClusterSettings = DEFAULT_SETTINGS,
                   records: Mapping[str, dict] | None = None) -> list[str]:
    """Assign the events and figures of the stored documents ``doc_ids`` to stories, in
    the order given, each document in one transaction. Incremental (existing stories are
    joined, never re-clustered) and idempotent (a document whose items are already
    assigned is left alone; one re-extracted since is assigned again). Returns the ids
    of the stories the documents are in, in order of first appearance. ``records`` may
    hold records the caller has just written, so they are not read back."""
    result: list[str] = []
    for doc_id in doc_ids:
        record = (records or {}).get(doc_id) or store.get_record(doc_id)
        if record is None:
            raise StoreError(f"database {store.label}: no document {doc_id} to assign to stories")
        with store.story_session() as session:
            for sid in assign_document(session, record, settings=settings):
                if sid not in result:
                    result.append(sid)
    return result


def rebuild_stories(store, *, settings: ClusterSettings = DEFAULT_SETTINGS) -> list[str]:
    """Drop every story and assign all stored documents again, by published date then
    id: the same store always gives the same stories."""
    with store.story_session() as session:
        session.clear()
    return assign_stories(store, store.document_ids(), settings=settings)
