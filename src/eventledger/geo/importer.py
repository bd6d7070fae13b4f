"""Import a GeoNames dump into the gazetteer so villages and admin areas resolve.

Accepted: a zip (or plain text file) holding the ``geoname`` table (``allCountries.zip``,
``cities500.zip``, a country file such as ``IL.zip``), or ``alternateNamesV2.zip`` for
more names of places already imported. Rows go into ``geonames-import.sqlite`` beside
the built-in index, so a rebuild of that index keeps them. Features of classes A
(countries, admin areas), P (populated places), L (regions, areas) and T (islands,
mountains) are kept; roads, buildings and water are not.
"""

from __future__ import annotations

import io
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from .gazetteer import (
    FUZZY_CITY_POPULATION,
    IMPORT_NAME,
    INDEXES,
    MATCHER_CITY_POPULATION,
    SCHEMA,
    PlaceWriter,
    default_cache_dir,
    normalise_name,
)

log = logging.getLogger(__name__)

_KEEP_CLASSES = {"A", "P", "L", "T"}
# Alternate-name "languages" that are not names: links, codes, postcodes.
_NOT_NAMES = {"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"}


def _kind(feature_class: str, feature_code: str) -> tuple[str, str]:
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country", "PCLI"
        return "region", feature_code or "ADM"
    if feature_class == "P":
        return "city", feature_code or "PPL"
    if feature_class == "L":
        return "region", feature_code or "RGN"
    return "other", feature_code or feature_class


def _lines(path: Path) -> Iterator[str]:
    """The text lines of the dump: every .txt member of a zip (readme files skipped)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [
                m for m in archive.namelist()
                if m.endswith(".txt") and not m.lower().startswith(("readme", "iso-languagecodes"))
            ]
            if not members:
                raise IngestError(str(path), "the zip holds no GeoNames .txt table")
            for member in members:
                with archive.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            yield from handle


def _open(cache_dir: str | Path | None) -> sqlite3.Connection:
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(directory / IMPORT_NAME)
    conn.executescript(SCHEMA)
    conn.executescript(INDEXES)
    return conn


def import_geonames(path: str | Path, *, cache_dir: str | Path | None = None) -> int:
    """Add the places (or, for an alternate-names file, the names) of a GeoNames dump to
    the gazetteer of ``cache_dir``; returns how many rows were added."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(str(path), "no such file")
    conn = _open(cache_dir)
    try:
        if "alternatenames" in path.name.lower():
            added = _import_alternates(conn, path)
        else:
            added = _import_places(conn, path)
        conn.commit()
    finally:
        conn.close()
    log.info("imported %d rows from %s", added, path)
    return added


def _import_places(conn: sqlite3.Connection, path: Path) -> int:
    existing = {row[0] for row in conn.execute("SELECT geonameid FROM places")}
    writer = PlaceWriter(conn)
    added = 0
    for number, line in enumerate(_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            if line.strip():
                raise IngestError(f"{path}:{number}", "not a GeoNames geoname table row")
            continue
        try:
            geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise IngestError(f"{path}:{number}", f"bad GeoNames row: {exc}") from exc
        if cols[6] not in _KEEP_CLASSES or geonameid in existing:
            continue
        existing.add(geonameid)
        kind, feature = _kind(cols[6], cols[7])
        alternates = [cols[2], *(a for a in cols[3].split(",") if a)]
        major = population >= FUZZY_CITY_POPULATION or feature in ("PCLI", "ADM1")
        matchable = [cols[1]] if feature == "ADM1" or population >= MATCHER_CITY_POPULATION else []
        writer.add(
            name=cols[1],
            lat=lat,
            lon=lon,
            kind=kind,
            feature=feature,
            country=cols[8] or None,
            admin1=cols[10] or None,
            geonameid=geonameid,
            population=population,
            alternates=alternates,
            major=major,
            matchable=matchable,
        )
        added += 1
    writer.flush()
    return added


def _import_alternates(conn: sqlite3.Connection, path: Path) -> int:
    places = {
        gid: (pid, major)
        for gid, pid, major in conn.execute(
            "SELECT p.geonameid, p.id, MAX(n.major) FROM places p "
            "LEFT JOIN names n ON n.place = p.id GROUP BY p.id"
        )
    }
    known = {(key, pid) for key, pid in conn.execute("SELECT key, place FROM names")}
    rows: list[tuple] = []
    for line in _lines(path):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            continue
        if cols[2] in _NOT_NAMES or (len(cols) > 7 and cols[7] == "1"):
            continue  # codes and historic names
        target = places.get(int(cols[1]))
        if target is None:
            continue
        key = normalise_name(cols[3])
        if len(key) < 2 or not key.isascii() or (key, target[0]) in known:
            continue
        known.add((key, target[0]))
        rows.append((key, target[0], 0, int(target[1] or 0)))
    conn.executemany("INSERT INTO names VALUES (?,?,?,?)", rows)
    return len(rows)
