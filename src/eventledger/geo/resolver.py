"""Pick one place for each mention of a place name in a text.

Every candidate the gazetteer has for a name gets a score: a prior from what it is (a
country before a division before a city, larger cities first), then what the document
says around it: the countries it is about (demonyms such as "Israeli", other places it
names, a country the caller knows), a "Town, Country" or "Town, State" qualifier, and
nearness to the document's other places. The first pass picks with the prior and the
demonyms; later passes (up to three) again with every other mention's pick as context.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..data_files import packaged_json, user_json, word_lists
from .gazetteer import (
    Candidate,
    Gazetteer,
    article_variants,
    load_gazetteer,
    load_regions_data,
    normalise_name,
)

log = logging.getLogger(__name__)

# Priors by GeoNames feature code; cities and divisions use log10(population) instead.
_PRIOR = {"PCLI": 11.0, "CONT": 10.0, "RGN": 9.0}
# Second-level divisions carry their towns' population: halved on the log scale and
# lowered, so that a town of the same name comes first and the document's other places,
# not size, decide between counties of one name. feature: (scale, offset).
_DIVISION_PRIOR: dict[str, tuple[float, float]] = {"ADM2": (0.5, -1.0)}
_CAPITAL_BONUS = 1.0
_ALTERNATE_PENALTY = 0.5
_ALIAS_BONUS = 3.0  # a curated alias names its place on purpose
_FUZZY_PENALTY = 1.5
_QUALIFIED_BONUS = 8.0
_UNQUALIFIED_PENALTY = 3.0
_SAME_DIVISION_BONUS = 1.5
_LOCAL_CAP = 3.0  # same division and nearness both count in full
_COUNTRY_BONUS = 1.0
_COUNTRY_SHARE_BONUS = 2.5
_QUALIFIER = re.compile(r"^\s*,\s*((?:[A-Z][\w’'.-]*\.?)(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})")
_PASSES = 3
_EARTH_KM = 6371.0088
_DOMAIN = re.compile(r"\.([a-z]{2})(?:/|$)")
# Country-code domains used worldwide for other reasons (.tv, .io, ...).
_GENERIC_TLDS = {"tv", "io", "co", "me", "fm", "ly", "ai", "gg", "to", "cc", "ws", "la", "am",
                 "is", "it", "so", "sh", "ag", "gl", "in", "us", "eu", "md", "cx", "vc", "im"}


@lru_cache(maxsize=1)
def _name_affixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The words around a name that may be left off it: all suffixes ("Gaza City"); of them,
    the division words, which say the name is a division's ("Karak district" may be the
    district listed as such or the division called plain "Karak"); and the prefixes ("North
    London", "Greater Toronto Area": the place itself where the whole name is unknown).
    No two of a kind fit one name, so their order means nothing. Read when first needed."""
    words = word_lists("place_words")
    divisions = tuple(sorted(" " + w for w in words["division_suffixes"]))
    suffixes = tuple(sorted(" " + w for w in words["place_suffixes"])) + divisions
    return suffixes, divisions, tuple(sorted(w + " " for w in words["place_prefixes"]))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def load_demonyms(extra: str | Path | None = None) -> dict[str, str]:
    """``data/demonyms.json`` (nationality word -> ISO2), with a user's file laid on top."""
    table = dict(packaged_json("demonyms.json")["demonyms"])
    if extra:
        more = user_json(extra, "demonyms")
        table.update(more.get("demonyms", more))
    return table


@dataclass
class Context:
    """What the document says about where it is."""

    countries: Counter = field(default_factory=Counter)
    divisions: Counter = field(default_factory=Counter)  # (country, admin1) named as such
    city_divisions: Counter = field(default_factory=Counter)  # (country, admin1) of cities
    points: list[tuple[float, float]] = field(default_factory=list)

    def copy(self) -> Context:
        return Context(
            Counter(self.countries),
            Counter(self.divisions),
            Counter(self.city_divisions),
            list(self.points),
        )

    def add(self, place: Candidate, weight: float = 1.0) -> None:
        if place.country:
            self.countries[place.country] += weight
        if place.feature == "ADM1" and place.country and place.admin1:
            self.divisions[(place.country, place.admin1)] += weight
        if _local(place):
            self.points.append((place.lat, place.lon))
            if place.country and place.admin1:
                self.city_divisions[(place.country, place.admin1)] += weight


class Resolver:
    """Candidates and scores over one gazetteer; one instance serves many documents."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        cache_dir: str | Path | None = None,
        fuzzy: bool = True,
        demonyms_file: str | Path | None = None,
        regions_file: str | Path | None = None,
    ):
        self.gazetteer = gazetteer or load_gazetteer(cache_dir)
        if regions_file:
            # Only the user's own regions: the packaged ones are in the index already.
            packaged = {r["name"] for r in load_regions_data().get("regions", [])}
            extra = [
                r for r in load_regions_data(regions_file).get("regions", [])
                if r["name"] not in packaged
            ]
            self.gazetteer = self.gazetteer.with_entries(extra)
        self.fuzzy = fuzzy
        self.demonyms = load_demonyms(demonyms_file)
        words = sorted(self.demonyms, key=len, reverse=True)
        self._demonym_re = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")s?\b")
        self._candidates: dict[str, list[tuple[Candidate, float]]] = {}

    # -- candidates ------------------------------------------------------------

    def candidates(self, name: str, *, near: bool = True) -> list[tuple[Candidate, float]]:
        """``[(candidate, penalty)]`` for a name: exact key, then variants (Arabic
        article, a "City"/"Province" suffix), then near spellings (a penalty of
        ``_FUZZY_PENALTY`` and more). ``near`` False: none of those, for a caller that
        takes no candidate of such a penalty; it spares the search of every key of the
        gazetteer (and, at the first one, reading them)."""
        key = normalise_name(name)
        if key in self._candidates:
            return self._candidates[key]
        demonym = self.demonym_country(name)
        if demonym is not None:
            # A nationality word handed over as a mention stands for its country.
            self._candidates[key] = [(demonym, 0.0)]
            return self._candidates[key]
        found = [(c, 0.0) for c in self.gazetteer.lookup(key)] if key else []
        if found:
            for suffix in _name_affixes()[1]:
                if key.endswith(suffix) and len(key) > len(suffix) + 2:
                    found += [
                        (c, 0.3)
                        for c in self.gazetteer.lookup(key[: -len(suffix)])
                        if c.kind == "region"
                    ]
        if key and not found:
            suffixes, _divisions, prefixes = _name_affixes()
            county = [key[:-3] + " county"] if key.endswith(" co") and len(key) > 5 else []
            for variant in article_variants(key) + county + [
                key[: -len(s)] for s in suffixes if key.endswith(s) and len(key) > len(s) + 2
            ] + [
                key[len(p) :] for p in prefixes if key.startswith(p) and len(key) > len(p) + 2
            ]:
                found = [(c, 0.3) for c in self.gazetteer.lookup(variant)]
                if found:
                    break
        if key and not found and self.fuzzy and len(key) >= 6:
            if not near:
                return []  # not kept: a caller that takes near spellings searches them
            found = self._fuzzy(key)
        found = _drop_duplicates(found)
        if len(self._candidates) > 20_000:
            self._candidates.clear()
        self._candidates[key] = found
        return found

    def demonym_country(self, name: str) -> Candidate | None:
        word = name.strip()
        code = self.demonyms.get(word) or (word.endswith("s") and self.demonyms.get(word[:-1]))
        if not code:
            code = self.demonyms.get(word.title()) if word.isupper() else None
        return self.gazetteer.country(code) if code else None

    def _fuzzy(self, key: str) -> list[tuple[Candidate, float]]:
        matches = process.extract(
            key, self.gazetteer.fuzzy_keys(), scorer=fuzz.ratio, score_cutoff=90, limit=3
        )
        found: list[tuple[Candidate, float]] = []
        for other, score, _ in matches:
            if other[0] != key[0]:
                continue  # near spellings keep their first letter
            penalty = _FUZZY_PENALTY + (100 - score) / 10
            found.extend((c, penalty) for c in self.gazetteer.lookup(other))
        return found

    # -- context ---------------------------------------------------------------

    def text_context(self, text: str, countries: Iterable[str] = ()) -> Context:
        """Countries the text's demonyms point to, plus ``countries`` the caller knows."""
        context = Context()
        for match in self._demonym_re.finditer(text):
            context.countries[self.demonyms[match.group(1)]] += 1.0
        for code in countries:
            context.countries[code.upper()] += 2.0
        return context

    def outlet_country(self, outlet: str | None) -> str | None:
        """The country an outlet is from, where its name says so: a national domain
        ("www.cbc.ca", "bbc.co.uk") or a place in the name ("The Times of Israel",
        "Edmonton Journal"); None otherwise."""
        if not outlet:
            return None
        domain = _DOMAIN.search(outlet.lower())
        if domain:
            code = domain.group(1)
            if code not in _GENERIC_TLDS:
                return "GB" if code == "uk" else code.upper()
            return None
        words = re.findall(r"[A-Z][\w’'-]+", outlet)
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                for candidate, penalty in self.candidates(" ".join(words[i : i + size]),
                                                          near=False):
                    if penalty or not candidate.country or not (candidate.main or candidate.alias):
                        continue
                    if candidate.kind == "country" or (
                        candidate.kind == "city" and candidate.population >= 100_000
                    ):
                        return candidate.country
        return None

    def _qualifier(self, text: str, end: int) -> list[Candidate]:
        """The country or division named right after a mention: "Paris, Texas"."""
        match = _QUALIFIER.match(text[end : end + 60])
        if not match:
            return []
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            candidates = self.candidates(" ".join(words[:size]), near=False)
            areas = [c for c, p in candidates if c.kind in ("country", "region") and p < 1.0]
            if areas:
                return areas
        return []

    # -- scoring ---------------------------------------------------------------

    @staticmethod
    def prior(candidate: Candidate) -> float:
        if candidate.feature in _PRIOR:
            return _PRIOR[candidate.feature]
        scale, offset = _DIVISION_PRIOR.get(candidate.feature, (1.0, 0.0))
        score = scale * math.log10(candidate.population + 10) + offset
        if candidate.feature == "PPLC":
            score += _CAPITAL_BONUS
        return score

    def score(
        self,
        candidate: Candidate,
        penalty: float,
        context: Context,
        qualifiers: Sequence[Candidate] = (),
    ) -> float:
        score = self.prior(candidate) - penalty
        if candidate.geonameid:
            score += 0.05  # between equals, the one with a GeoNames id
        if candidate.alias:
            score += _ALIAS_BONUS
        if not candidate.main and candidate.kind == "city":
            score -= _ALTERNATE_PENALTY
        total = sum(context.countries.values())
        weight = context.countries.get(candidate.country, 0) if candidate.country else 0
        if weight:
            # The share of the document's country mentions, so one stray mention of a
            # country does not outweigh a large city elsewhere.
            score += _COUNTRY_BONUS + _COUNTRY_SHARE_BONUS * weight / total
        if _local(candidate):
            local = 0.0
            if context.divisions.get((candidate.country, candidate.admin1)):
                local += _SAME_DIVISION_BONUS
            if context.points:
                nearest = min(
                    distance_km(candidate.lat, candidate.lon, la, lo) for la, lo in context.points
                )
                local += 1.5 if nearest < 50 else 1.0 if nearest < 200 else 0.3 if nearest < 500 else 0
            score += min(local, _LOCAL_CAP)
        elif candidate.feature == "ADM1" and context.city_divisions.get(
            (candidate.country, candidate.admin1)
        ):
            score += _SAME_DIVISION_BONUS  # "Atlanta ... Georgia": the state
        if qualifiers:
            score += (
                _QUALIFIED_BONUS
                if any(_inside(candidate, q) for q in qualifiers)
                else -_UNQUALIFIED_PENALTY
            )
        return score

    def best(
        self, name: str, context: Context, qualifiers: Sequence[Candidate] = ()
    ) -> Candidate | None:
        options = self.candidates(name)
        if not options:
            return None
        pick, penalty = max(options, key=lambda cp: self.score(cp[0], cp[1], context, qualifiers))
        if penalty >= _FUZZY_PENALTY and context.countries and (
            pick.country not in context.countries
        ):
            # a near spelling in a country the text never names ("Markets" in a Belfast
            # story is no Marquette, Michigan): no place rather than a far wrong one
            return None
        return pick

    # -- documents -------------------------------------------------------------

    def resolve_mentions(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        context: Iterable[str] | Context | None = None,
    ) -> list[Candidate | None]:
        """The place of each ``text[start:end]``, or None where none is known."""
        if isinstance(context, Context):
            base = context.copy()
            base.countries.update(self.text_context(text).countries)
        else:
            base = self.text_context(text, context or ())
        names = [_clean(text[s:e]) for s, e in spans]
        qualifiers = [self._qualifier(text, e) for _, e in spans]
        keys = [normalise_name(n) for n in names]
        # The places each name may be: a mention whose pick is among them is the same name
        # written another way ("Plymouth County", "PLYMOUTH CO."), no evidence for it.
        options = [{_ident(c) for c, _ in self.candidates(n)} for n in names]
        picks = [self.best(n, base, q) for n, q in zip(names, qualifiers, strict=True)]
        # Then again with the other mentions' picks as context (never the same name's
        # own), until nothing changes: "Savannah" turns American once "Atlanta" is.
        for _ in range(_PASSES):
            result: list[Candidate | None] = []
            for index, name in enumerate(names):
                if picks[index] is None:
                    result.append(None)
                    continue
                context_here = base.copy()
                for other_key, pick in zip(keys, picks, strict=True):
                    if (
                        pick is not None
                        and other_key != keys[index]
                        and _ident(pick) not in options[index]
                    ):
                        context_here.add(pick)
                result.append(self.best(name, context_here, qualifiers[index]))
            if result == picks:
                break
            picks = result
        return picks


def _ident(place: Candidate) -> tuple:
    return (place.name, place.country, place.feature, place.lat, place.lon)


def _local(place: Candidate) -> bool:
    """A town or a county: small enough that nearness to other places tells."""
    return place.kind == "city" or place.feature == "ADM2"


def _clean(name: str) -> str:
    name = name.strip().strip("“”\"'’")
    if name.lower().startswith("the "):
        name = name[4:]
    if name.endswith("’s") or name.endswith("'s"):
        name = name[:-2]
    return name


def _inside(candidate: Candidate, area: Candidate) -> bool:
    if candidate.country != area.country or area.country is None:
        return False
    if area.kind == "country":
        return True
    if area.feature == "ADM1" and candidate.admin1 == area.admin1:
        return True
    return distance_km(candidate.lat, candidate.lon, area.lat, area.lon) < 300


def _drop_duplicates(found: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """One entry per place: aliases repeat a division; a division named after its own
    city, close to it, gives way to the city (which has a GeoNames id)."""
    seen: set[tuple] = set()
    unique: list[tuple[Candidate, float]] = []
    for candidate, penalty in sorted(found, key=lambda cp: cp[1]):
        ident = (candidate.name, candidate.country, candidate.kind, round(candidate.lat, 1),
                 round(candidate.lon, 1))
        if ident not in seen:
            seen.add(ident)
            unique.append((candidate, penalty))
    cities = [c for c, _ in unique if c.kind == "city" and c.population >= 20_000 and c.main]
    return [
        (c, p)
        for c, p in unique
        if not (
            c.feature == "ADM1"
            and any(
                city.country == c.country
                and distance_km(city.lat, city.lon, c.lat, c.lon) < 161
                for city in cities
            )
        )
    ]


@lru_cache(maxsize=1)
def default_resolver() -> Resolver:
    return Resolver()


def resolve(
    text: str, spans: list[tuple[int, int]], *, context: Iterable[str] | None = None
) -> list[dict | None]:
    """Resolve the given mention spans of ``text`` (gold spans in an evaluation, or a
    user's own mentions). ``context``: ISO2 codes of countries the text is known to be
    about. Each result: ``{"name", "geonameid", "country", "lat", "lon", "kind"}`` or None."""
    picks = default_resolver().resolve_mentions(text, spans, context=context)
    return [p.to_dict() if p else None for p in picks]
