"""Score an extraction record against the seed's hand annotation (``gold.json``).

The rules are those of the seed's README: attributions by content overlap (at least half,
|P∩G| / |P∪G|), cue overlap, source name containment, ``cites``/``cited_by`` and channel;
events by type, mode, trigger overlap, actor/recipient name containment and a location
within 161 km (or in the gold country); figures by category, count, place and source
chain; the disagreement by its exact figure set; places by overlap of every mention and
distance; ``must_not`` by nothing coming from the headings or the caption. Gold gives
texts, not offsets: each gold text is located in the document, the occurrence nearest
its gold neighbour (the content for a cue) where it occurs more than once.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError
from ..extract.base import overlap_ratio

KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _contains_either(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.casefold(), b.casefold()
    return a in b or b in a


def _nearest(spans: list[tuple[int, int]], anchor: tuple[int, int] | None) -> tuple[int, int] | None:
    if not spans:
        return None
    if anchor is None:
        return spans[0]
    return min(spans, key=lambda s: abs(s[0] - anchor[0]))


@dataclass
class SectionScore:
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 1.0


class SeedScorer:
    def __init__(self, gold: dict, record: dict):
        self.gold = gold
        self.record = record
        self.text = record["document"]["text"]
        self.places_by_id = {p["id"]: p for p in record["places"]}
        self.attr_by_id = {a["id"]: a for a in record["attributions"]}
        self.gold_coords = {
            p["mention"]: (p["lat"], p["lon"]) for p in gold.get("places", []) if "lat" in p
        }

    # -- helpers -------------------------------------------------------------------
    def _span(self, item: dict | None) -> tuple[int, int] | None:
        return (item["start"], item["end"]) if item else None

    def _place_of(self, ref: dict | None) -> dict | None:
        return self.places_by_id.get(ref["place"]) if ref else None

    def _place_ok(self, place: dict | None, names: list[str], country: str | None) -> bool:
        if not names and not country:
            return True
        if place is None:
            return False
        for name in names:
            coords = self.gold_coords.get(name)
            if coords and haversine_km(place["lat"], place["lon"], *coords) <= KM:
                return True
        return bool(country) and place.get("country") == country and not any(
            n in self.gold_coords for n in names
        )

    def _source_chain(self, attribution_id: str | None) -> list[str]:
        attribution = self.attr_by_id.get(attribution_id) if attribution_id else None
        if attribution is None:
            return []
        chain = []
        if attribution["source"]:
            chain.append(attribution["source"].get("name") or attribution["source"]["text"])
        chain.extend(c.get("name") or c["text"] for c in attribution["cites"])
        return chain

    # -- sections ------------------------------------------------------------------
    def _pair(self, section: str, matches) -> SectionScore:
        """Each required gold item of ``section`` paired with the first unused output item
        for which ``matches(gold, pred)`` holds."""
        result, used = SectionScore(), set()
        for gold in self.gold[section]:
            if not gold.get("required", True):
                continue
            found = next((pred for pred in self.record[section]
                          if pred["id"] not in used and matches(gold, pred)), None)
            if found:
                used.add(found["id"])
                result.matched.append(gold["id"])
            else:
                result.missed.append(gold["id"])
        return result

    def _attribution_matches(self, gold: dict, pred: dict) -> bool:
        content = _nearest(_occurrences(self.text, gold["content"]), None)
        if content is None:
            raise EvaluationError(f"gold content of {gold['id']} is not in the document")
        if overlap_ratio(self._span(pred["content"]), content) < 0.5:
            return False
        cue = self._span(pred["cue"])
        if cue is None or not any(_overlaps(cue, c) for c in _occurrences(self.text, gold["cue"])):
            return False
        source = pred["source"]
        if not source or not _contains_either(source.get("name"), gold["source"]):
            return False
        for key, wanted in (("cites", "cited_sources"), ("cited_by", "cited_by")):
            names = [c.get("name") or c["text"] for c in pred[key]]
            if not all(any(_contains_either(n, g) for n in names) for g in gold.get(wanted, [])):
                return False
        channel = _nearest(_occurrences(self.text, gold.get("channel", "")), content)
        return not channel or bool(
            pred["channel"] and _overlaps(self._span(pred["channel"]), channel))

    def _event_matches(self, gold: dict, pred: dict) -> bool:
        if pred["type"] != gold["type"] or (gold.get("mode") and pred["mode"] != gold["mode"]):
            return False
        triggers = _occurrences(self.text, gold["trigger"])
        if not any(_overlaps(self._span(pred["trigger"]), t) for t in triggers):
            return False
        for role in ("actor", "recipient"):
            named = pred[role]
            if gold.get(role) is not None and not (
                    named and _contains_either(named.get("name"), gold[role])):
                return False
        names = gold.get("locations") or ([gold["location"]] if gold.get("location") else [])
        return self._place_ok(self._place_of(pred["location"]), names,
                              gold.get("location_country"))

    def attributions(self) -> SectionScore:
        return self._pair("attributions", self._attribution_matches)

    def events(self) -> SectionScore:
        return self._pair("events", self._event_matches)

    def figure_matches(self) -> dict[str, str]:
        """gold figure id -> output figure id."""
        matches, used = {}, set()
        for gold in self.gold["figures"]:
            for pred in self.record["figures"]:
                if pred["id"] in used or pred["category"] != gold["category"]:
                    continue
                count = pred["count"]
                if isinstance(gold["count"], int):
                    if count["low"] != gold["count"]:
                        continue
                elif count["exact"] or count["low"] is None or count["low"] < 2:
                    continue
                if gold.get("exact") is False and count["exact"]:
                    continue
                place = self._place_of(pred["location"])
                if not self._place_ok(place, [gold["location"]] if gold.get("location") else [],
                                      None):
                    continue
                chain = self._source_chain(pred["attribution"])
                position = 0
                for source in gold.get("sources", []):
                    while position < len(chain) and not _contains_either(chain[position], source):
                        position += 1
                    if position == len(chain):
                        break
                    position += 1
                else:
                    matches[gold["id"]] = pred["id"]
                    used.add(pred["id"])
                    break
        return matches

    def figures(self) -> SectionScore:
        result = SectionScore()
        matches = self.figure_matches()
        for gold in self.gold["figures"]:
            if gold.get("required", True):
                (result.matched if gold["id"] in matches else result.missed).append(gold["id"])
        return result

    def disagreements(self) -> SectionScore:
        result = SectionScore()
        matches = self.figure_matches()
        for gold in self.gold["disagreements"]:
            if not gold.get("required", True):
                continue
            wanted = {matches.get(f) for f in gold["figures"]}
            ok = None not in wanted and any(set(d["figures"]) == wanted
                                            for d in self.record["disagreements"])
            (result.matched if ok else result.missed).append(gold["id"])
        return result

    def _excluded_ranges(self) -> list[tuple[int, int]]:
        doc = self.gold["document"]
        ranges = []
        for line in doc.get("headings", []) + doc.get("captions", []):
            ranges.extend(_occurrences(self.text, line))
        return ranges

    def places(self) -> SectionScore:
        result = SectionScore()
        excluded = self._excluded_ranges()
        for gold in self.gold["places"]:
            if not gold.get("required", True):
                continue
            pattern = re.compile(r"\b" + re.escape(gold["mention"]) + r"\b")
            mentions = [(m.start(), m.end()) for m in pattern.finditer(self.text)
                        if not any(_overlaps((m.start(), m.end()), e) for e in excluded)]
            coords = (gold["lat"], gold["lon"])
            ok = bool(mentions) and all(
                any(_overlaps((p["start"], p["end"]), mention)
                    and haversine_km(p["lat"], p["lon"], *coords) <= KM
                    for p in self.record["places"])
                for mention in mentions
            )
            (result.matched if ok else result.missed).append(gold["mention"])
        return result

    def must_not(self) -> list[str]:
        """Violations: records taken from the headings or the caption, 'one of the
        missiles' as a figure, 'a year and a half' as a date."""
        problems = []
        excluded = self._excluded_ranges()

        def check(kind: str, item_id: str, span: dict | None) -> None:
            if span and any(_overlaps((span["start"], span["end"]), e) for e in excluded):
                problems.append(f"{kind} {item_id} comes from a heading or caption: {span['text']!r}")

        for a in self.record["attributions"]:
            for key in ("content", "cue", "source"):
                check("attribution", a["id"], a[key])
        for e in self.record["events"]:
            check("event", e["id"], e["trigger"])
        for f in self.record["figures"]:
            check("figure", f["id"], f["count"])
            if "one of the missiles".startswith(f["count"]["text"].lower()) and \
                    self.text[f["count"]["start"]:].lower().startswith("one of the missiles"):
                problems.append(f"figure {f['id']} counts 'one of the missiles'")
        for span in _occurrences(self.text, "a year and a half"):
            for e in self.record["events"]:
                if e.get("date_source") and _overlaps(self._span(e["date_source"]), span):
                    problems.append(f"event {e['id']} dated from 'a year and a half'")
        return problems


SECTION_NAMES = ("attributions", "events", "figures", "disagreements", "places")


def score_seed(gold: dict, record: dict) -> dict:
    """Per-section scores of ``record`` against ``gold``:
    ``{"sections": {name: {"score", "matched", "missed"}}, "must_not": [...], "overall"}``."""
    scorer = SeedScorer(gold, record)
    sections = {}
    for name in SECTION_NAMES:
        section = getattr(scorer, name)()
        sections[name] = {"score": section.score, "matched": section.matched,
                          "missed": section.missed}
    matched = sum(len(s["matched"]) for s in sections.values())
    total = matched + sum(len(s["missed"]) for s in sections.values())
    return {"sections": sections, "must_not": scorer.must_not(),
            "overall": matched / total if total else 1.0}


def load_gold(path: str | Path) -> dict:
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}") from exc


def format_seed(result: dict) -> str:
    lines = [f"{'section':<15}{'score':>7}  matched / missed"]
    for name, section in result["sections"].items():
        total = len(section["matched"]) + len(section["missed"])
        lines.append(f"{name:<15}{section['score']:>7.2f}  {len(section['matched'])}/{total}"
                     + (f"  missed: {', '.join(section['missed'])}" if section["missed"] else ""))
    lines.append(f"{'overall':<15}{result['overall']:>7.2f}")
    lines.append("must_not: " + ("ok" if not result["must_not"] else
                                 f"{len(result['must_not'])} violation(s)"))
    lines.extend(f"  - {problem}" for problem in result["must_not"])
    return "\n".join(lines)
