"""Grouping events and figures of one document into incidents (see the package docstring)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from math import asin, cos, radians, sin, sqrt

from spacy.tokens import Doc

from ...provenance import FROM_DATELINE, FROM_INCIDENT, stated
from ..syntax import token_range
from .words import IncidentWords


@dataclass
class Incident:
    id: str
    family: str
    types: list[str] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    filed: dict | None = None  # the first dateline place of its records
    dates: list[tuple[str, str | None]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    last_seen: int = 0  # character offset of the last mention, to find "the last one told"


def _km(a: dict, b: dict) -> float | None:
    """Great-circle distance of two places with coordinates, in kilometres."""
    if a.get("lat") is None or b.get("lat") is None:
        return None
    lat1, lon1, lat2, lon2 = map(radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


class IncidentBuilder:
    """Builds the incidents of one Doc from its events and figures (records of the CONTRACT,
    changed in place: each gets ``incident``; figures may get ``cumulative``)."""

    def __init__(self, doc: Doc, words: IncidentWords):
        self.doc = doc
        self.words = words
        self.places = {p["id"]: p for p in doc._.el_places or ()}
        self.attributions = {a["id"]: a for a in doc._.el_attributions or ()}
        self.incidents: list[Incident] = []
        self._by_id: dict[str, Incident] = {}
        # the sentence of a character, and the events of each sentence: looked up for every
        # figure, so found once rather than by a scan of the document's events each time
        self._sentence_at: dict[int, int] = {}
        self._events_by_sentence: dict[int, list[dict]] = {}
        self._figure_places: dict[str, dict] = {}
        self._tolled_over_time: set[str] = set()
        # where the last sentence that tells of another incident ("Elsewhere, ...") starts:
        # no record after it joins an incident told only before it
        self._barrier = 0

    # -- places and dates ------------------------------------------------------------
    def _place_key(self, place: dict):
        return place.get("geonameid") or (place.get("name") or place.get("text", "")).lower()

    def _same_place(self, a: dict, b: dict) -> bool:
        """One place, a country and a place inside it, or two places near enough to be one
        site (``near_km``), or a region and a place near it (``region_km``). A place put
        at another (a site the gazetteer lacks, "Bagram Airfield in Afghanistan") counts
        as that one."""
        a, b = self._placed_at(a), self._placed_at(b)
        if self._place_key(a) == self._place_key(b):
            return True
        for outer, inner in ((a, b), (b, a)):
            if outer.get("kind") == "country" and outer.get("country") and (
                outer.get("country") == inner.get("country")
            ):
                return True
        distance = _km(a, b)
        if distance is None:
            return False
        wide = "region" in (a.get("kind"), b.get("kind"))
        return distance <= (self.words.region_km if wide else self.words.near_km)

    def _placed_at(self, place: dict) -> dict:
        near = place.get("near") if place.get("approximate") else None
        return self.places.get(near["place"], place) if near else place

    def _place_fits(self, incident: Incident, place: dict | None) -> bool:
        return place is None or all(self._same_place(place, p) for p in incident.places)

    def _date_fits(self, incident: Incident, value: str | None) -> bool:
        """No two dates more than ``max_days_apart`` apart. The publication date tells
        nothing: it is what an event gets when the text gives no date of its own."""
        published = self.doc._.el_published
        day = _day(value) if value != published else None
        if day is None:
            return True
        for other, _precision in incident.dates:
            other_day = _day(other) if other != published else None
            if other_day and abs((other_day - day).days) > self.words.max_days_apart:
                return False
        return True

    def _place_of(self, record: dict) -> dict | None:
        """The place the text gives ``record``; the dateline's says where the report was
        filed, and rules no incident out."""
        location = stated(record.get("location"))
        return self.places.get(location["place"]) if location else None

    # -- events ----------------------------------------------------------------------
    def _is_reference(self, event: dict) -> bool:
        """A definite noun that points back ("the attack", "this blast")."""
        bounds = token_range(self.doc, event["trigger"]["start"], event["trigger"]["end"])
        if not bounds:
            return False
        head = self.doc[bounds[1] - 1]
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in self.words.reference_nouns:
            return False
        return any(c.dep_ in ("det", "poss") and c.lower_ in self.words.reference_determiners
                   for c in head.children)

    def _new(self, family: str, at: int) -> Incident:
        incident = Incident(id=f"I{len(self.incidents) + 1}", family=family, last_seen=at)
        self.incidents.append(incident)
        self._by_id[incident.id] = incident
        return incident

    def _join(self, incident: Incident, record: dict, kind: str, place: dict | None,
              at: int) -> None:
        if kind == "event":
            incident.events.append(record["id"])
            incident.types.append(record["type"])
            if record.get("date"):
                incident.dates.append((record["date"], record.get("date_precision")))
        else:
            incident.figures.append(record["id"])
        if place is not None:
            incident.places.append(place)
        location = record.get("location")
        if incident.filed is None and location and location.get("from") == FROM_DATELINE:
            incident.filed = self.places.get(location["place"])
        incident.last_seen = max(incident.last_seen, at)
        record["incident"] = incident.id

    def _fitting(self, family: str, place: dict | None, day: str | None) -> list[Incident]:
        """The incidents of ``family`` that ``place`` and ``day`` do not rule out, the one
        told last first."""
        found = [i for i in self.incidents if i.family == family
                 and i.last_seen >= self._barrier
                 and self._place_fits(i, place) and self._date_fits(i, day)]
        return sorted(found, key=lambda i: -i.last_seen)

    def add_event(self, event: dict, sentence_of: dict[str, int]) -> None:
        """Put ``event`` in an incident (see the package docstring); ``sentence_of`` holds
        each incident's last sentence."""
        event["incident"] = None
        family = self.words.incident_types.get(event["type"])
        if family is None or event.get("negated") or event.get("hypothetical") or (
            event.get("generic")
        ):
            return
        reference = self._is_reference(event)
        if event["id"] in self._tolled_over_time and not reference:
            return  # a reference keeps its incident: "fled since the raids"
        at = event["trigger"]["start"]
        place = self._place_of(event) or self._figure_places.get(event["id"])
        # "the attack" is dated by its first telling, not by this one
        day = None if reference else event.get("date")
        sentence = self._sentence(at)
        fitting = self._fitting(family, place, day)
        same_sentence = [i for i in fitting if sentence_of.get(i.id) == sentence]
        if same_sentence:
            target = same_sentence[0]
        elif fitting:
            target = fitting[0]
        else:
            target = self._new(family, at)
        self._join(target, event, "event", place, at)
        sentence_of[target.id] = sentence

    def _sentence(self, char: int) -> int:
        found = self._sentence_at.get(char)
        if found is None:
            bounds = token_range(self.doc, char, char + 1)
            found = self._sentence_at[char] = self.doc[bounds[0]].sent.start if bounds else -1
        return found

    # -- figures ---------------------------------------------------------------------
    def _own_place(self, figure: dict) -> dict | None:
        """The figure's place, unless it is the speaker's: a place in the source's phrase
        or attached to the reporting verb ("an official in Kabul said", "said in Kabul"),
        outside the reported words, is not where the figure's people were."""
        place = self._place_of(figure)
        attribution = self.attributions.get(figure.get("attribution"))
        if place is None or attribution is None or "start" not in place:
            return place
        content = attribution["content"]
        if content["start"] <= place["start"] and place["end"] <= content["end"]:
            return place
        where = token_range(self.doc, place["start"], place["end"])
        if not where:
            return place
        ancestors = set(self.doc[where[0]].ancestors)
        for key in ("source", "cue"):
            span = attribution.get(key) or {}
            if span.get("start") is None:
                continue
            if span["start"] <= place["start"] and place["end"] <= span["end"]:
                return None
            bounds = token_range(self.doc, span["start"], span["end"])
            if bounds and self.doc[bounds[0]:bounds[1]].root in ancestors:
                return None
        return place

    def add_figure(self, figure: dict, events: dict[str, dict]) -> None:
        at = figure["count"]["start"]
        family = self.words.incident_types.get(
            self.words.figure_types.get(figure["category"], "ASSAULT"), "violence")
        had_place = self._place_of(figure) is not None
        place = self._own_place(figure)
        if had_place and place is None:
            figure["location"] = None  # a speaker's place
        event = events.get(figure.get("event") or "")
        target = None
        if event is not None and event.get("incident"):
            target = self._by_id[event["incident"]]
        if target is None and place is not None:
            fitting = [i for i in self._fitting(family, place, None) if i.places]
            target = fitting[0] if fitting else None
            if target is None:
                target = self._new(family, at)
                target.types.append(self.words.figure_types.get(figure["category"], "ASSAULT"))
        if target is None:
            sentence = self._sentence(at)
            in_sentence = [e for e in self._events_by_sentence.get(sentence, ())
                           if e.get("incident")]
            if in_sentence:
                nearest = min(in_sentence, key=lambda e: abs(e["trigger"]["start"] - at))
                target = self._by_id[nearest["incident"]]
        if target is None:
            # the incident told before, when only one is: with several ("4 were killed in
            # X and 9 in Y. A group said 30 were killed") the figure is none of theirs
            fitting = self._fitting(family, None, None)
            before = [i for i in fitting if self._first_mention(i) <= at]
            if len(before) == 1 or (not before and len(fitting) == 1):
                target = (before or fitting)[0]
        if target is None:
            target = self._new(family, at)
            target.types.append(self.words.figure_types.get(figure["category"], "ASSAULT"))
        self._join(target, figure, "figure", place, at)

    def _places_from_figures(self, events: dict[str, dict], figures: list[dict]) -> None:
        """For an event the text gives no place, the place of a figure of it in its
        sentence ("Clashes between militias in Tripoli left 15 dead"): the event is put in
        an incident before its figures, and must not join one somewhere else."""
        for figure in figures:
            event = events.get(figure.get("event") or "")
            if event is None or event["id"] in self._figure_places or (
                self._place_of(event) is not None
            ) or self._sentence(figure["count"]["start"]) != self._sentence(
                event["trigger"]["start"]
            ):
                continue
            place = self._own_place(figure)
            if place is not None:
                self._figure_places[event["id"]] = place

    def _first_mention(self, incident: Incident) -> int:
        starts = [self._starts.get(r, 0) for r in incident.events + incident.figures]
        return min(starts) if starts else 0

    # -- records ---------------------------------------------------------------------
    def build(self, events: list[dict], figures: list[dict], cumulative: set[str]) -> list[dict]:
        """Group ``events`` and ``figures``; the figures whose ids are in ``cumulative``
        get ``cumulative: true`` and no incident. Returns the incident records."""
        self._starts = {e["id"]: e["trigger"]["start"] for e in events}
        self._starts.update({f["id"]: f["count"]["start"] for f in figures})
        by_id = {e["id"]: e for e in events}
        self._places_from_figures(by_id, figures)
        # an event told only by tolls over a period ("bandits have killed hundreds this
        # year") is many happenings, no incident of its own nor part of one
        tolled = {f["event"] for f in figures if f.get("event")}
        self._tolled_over_time = tolled - {
            f["event"] for f in figures if f.get("event") and f["id"] not in cumulative}
        sentence_of: dict[str, int] = {}
        # sentence by sentence, its events before its figures, so that a figure's place
        # is known to its incident before the next sentence's events are placed
        items = [(self._sentence(e["trigger"]["start"]), 0, e["trigger"]["start"], e)
                 for e in events]
        items += [(self._sentence(f["count"]["start"]), 1, f["count"]["start"], f)
                  for f in figures]
        for sentence, kind, _at, record in items:
            if kind == 0:
                self._events_by_sentence.setdefault(sentence, []).append(record)
        barriers = self._separating_sentences()
        for _sentence, kind, at, record in sorted(items, key=lambda x: x[:3]):
            self._barrier = max((b for b in barriers if b <= at), default=0)
            if kind == 0:
                self.add_event(record, sentence_of)
                continue
            record["incident"] = None
            if record["id"] in cumulative:
                record["cumulative"] = True
                continue
            self.add_figure(record, by_id)
        records = [self._record(i) for i in self.incidents if i.events or i.figures]
        self._inherit_places(figures, records)
        return records

    def _separating_sentences(self) -> list[int]:
        """Where each sentence that opens by telling of another incident starts
        ("In a separate incident, ...", "Elsewhere, ...")."""
        if not self.words.separators:
            return []
        return [sent.start_char for sent in self.doc.sents
                if any(p.match(sent.text.lstrip().lower()) for p in self.words.separators)]

    @staticmethod
    def _inherit_places(figures: list[dict], incidents: list[dict]) -> None:
        """A figure the text gives no place (none, or the dateline's) takes its incident's,
        marked ``"from": "incident"`` so that a reader can tell it from a place the text
        gives the figure."""
        places = {i["id"]: i["location"] for i in incidents if i["location"]}
        for figure in figures:
            place = places.get(figure.get("incident") or "")
            # the dateline's place gives way to the incident's (one the text gives)
            if stated(place) and not stated(figure.get("location")):
                figure["location"] = {"place": place["place"], "from": FROM_INCIDENT}

    def _incident_place(self, incident: Incident) -> dict | None:
        if not incident.places:
            return None
        rank = {kind: n for n, kind in enumerate(self.words.place_kinds_rank)}
        counts = Counter(self._place_key(p) for p in incident.places)
        return min(incident.places, key=lambda p: (rank.get(p.get("kind"), len(rank)),
                                                  -counts[self._place_key(p)]))

    def _record(self, incident: Incident) -> dict:
        rank = {t: n for n, t in enumerate(self.words.type_rank)}
        kind = min(incident.types, key=lambda t: rank.get(t, len(rank))) if incident.types else (
            "ASSAULT")
        place = self._incident_place(incident)
        filed = None if place is not None else incident.filed
        dated = Counter(d for d in incident.dates if d[0])
        day, precision = dated.most_common(1)[0][0] if dated else (None, None)
        return {"id": incident.id, "type": kind,
                "location": ({"place": place["id"]} if place else
                             {"place": filed["id"], "from": FROM_DATELINE} if filed else None),
                "date": day, "date_precision": precision,
                "events": list(incident.events), "figures": list(incident.figures)}
