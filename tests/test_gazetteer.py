"""The embedded gazetteer: normalisation, the index built in a private cache, reloading,
rebuilding on a version change, and importing a GeoNames dump."""

from __future__ import annotations

import sqlite3
import time
import zipfile

import pytest

from eventledger.errors import IngestError
from eventledger.geo import gazetteer as gz
from eventledger.geo.importer import import_geonames
from eventledger.geo.resolver import Resolver


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    directory = tmp_path_factory.mktemp("gazetteer")
    gz.ensure_index(directory)
    return directory


def test_normalise_name_folds_spellings():
    assert gz.normalise_name("Khān Yūnis") == "khan yunis"
    assert gz.normalise_name("Khan-Yunis") == "khan yunis"
    assert gz.normalise_name("U.S.") == "us"
    assert gz.normalise_name("the Gaza Strip") == "gaza strip"
    assert gz.normalise_name("Ma’ale  Adumim") == "maale adumim"
    assert gz.article_variants("al bireh") == ["bireh", "albireh"]
    assert gz.article_variants("paris") == []


def test_index_is_built_in_the_given_cache_dir_and_reloads_fast(cache):
    path = cache / gz.INDEX_NAME
    assert path.is_file()
    assert gz.index_version(path) == gz.data_version()
    started = time.perf_counter()
    gazetteer = gz.Gazetteer(gz.ensure_index(cache))
    gaza = gazetteer.lookup("gaza")
    names = gazetteer.surface_names()
    assert time.perf_counter() - started < 1.0
    assert 281133 in {c.geonameid for c in gaza}
    assert "Qatar" in names and "Gaza Strip" in names


def test_fuzzy_keys_come_sorted_and_unique_from_the_index(cache):
    gazetteer = gz.Gazetteer(cache / gz.INDEX_NAME)
    keys = gazetteer.fuzzy_keys()
    with sqlite3.connect(cache / gz.INDEX_NAME) as conn:
        stored = [key for (key,) in conn.execute("SELECT key FROM fuzzy")]
    assert keys == sorted(set(stored)) and len(keys) > 1000
    # with entries added in memory, they are among the keys, in order
    added = gazetteer.with_entries([{"name": "Zzyzx Springs", "lat": 35.1, "lon": -116.1}])
    assert added.fuzzy_keys() == sorted({*stored, "zzyzx springs"})


def test_a_caller_that_takes_no_near_spelling_does_not_search_for_one(cache):
    gazetteer = gz.Gazetteer(cache / gz.INDEX_NAME)
    resolver = Resolver(gazetteer)
    # a qualifier and an outlet's country take exact names only
    assert resolver._qualifier("Paris, Texs said", len("Paris")) == []
    assert resolver.outlet_country("The Jerusalm Post") is None
    assert resolver.candidates("Jerusalm", near=False) == []
    assert gazetteer._fuzzy is None  # the near-spelling keys were not even read
    near = resolver.candidates("Jerusalm")
    assert "Jerusalem" in {c.name for c, _ in near}
    assert min(penalty for _, penalty in near) >= 1.5
    # once searched, the near spellings are kept for the callers that take them
    assert resolver.candidates("Jerusalm", near=False) == near
    assert resolver.candidates("Jerusalem", near=False) == resolver.candidates("Jerusalem")
    assert resolver.outlet_country("The Jerusalem Post") == "IL"


def test_lookup_knows_countries_divisions_regions_and_aliases(cache):
    gazetteer = gz.Gazetteer(cache / gz.INDEX_NAME)
    kinds = {c.kind for c in gazetteer.lookup("qatar")}
    assert kinds == {"country"}
    assert any(c.feature == "ADM1" and c.country == "CA" for c in gazetteer.lookup("alberta"))
    assert any(c.kind == "region" and c.country == "PS" for c in gazetteer.lookup("west bank"))
    assert {c.country for c in gazetteer.lookup("us") if c.kind == "country"} == {"US"}
    assert any(c.name == "Kentucky" for c in gazetteer.lookup("ky"))


def test_index_is_rebuilt_when_the_data_version_changes(cache, tmp_path, monkeypatch):
    path = tmp_path / gz.INDEX_NAME
    conn = sqlite3.connect(path)
    conn.executescript(gz.SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('version', 'schema0:old')")
    conn.commit()
    conn.close()
    built = []
    monkeypatch.setattr(gz, "build_index", lambda p: built.append(p) or p)
    gz.ensure_index(tmp_path)
    assert built == [path]
    built.clear()
    gz.ensure_index(cache)  # up to date: left alone
    assert built == []


def _row(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, admin1, pop):
    return "\t".join(
        [str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "",
         admin1, "", "", "", str(pop), "", "50", "Asia/Jerusalem", "2024-01-01"]
    )


def test_import_geonames_zip_adds_villages_and_names(cache, tmp_path):
    dump = tmp_path / "XX.zip"
    rows = [
        _row(990001, "Nahal Zetim", "Nahal Zetim", "Nachal Zeitim,Nahal Zeitim", 31.9, 35.0,
             "P", "PPL", "IL", "01", 340),
        _row(990002, "Emek Tavor Regional Council", "Emek Tavor", "", 32.6, 35.4,
             "A", "ADM2", "IL", "03", 0),
        _row(990003, "Road 9", "Road 9", "", 32.0, 35.0, "R", "RD", "IL", "", 0),
    ]
    with zipfile.ZipFile(dump, "w") as archive:
        archive.writestr("XX.txt", "\n".join(rows) + "\n")
        archive.writestr("readme.txt", "not a table")
    assert import_geonames(dump, cache_dir=cache) == 2
    assert import_geonames(dump, cache_dir=cache) == 0  # again: nothing new

    alternates = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(alternates, "w") as archive:
        archive.writestr(
            "alternateNamesV2.txt",
            "1\t990001\ten\tNahal Zeytim\t\t\t\t\t\t\n"
            "2\t990001\tlink\thttps://example.org/x\t\t\t\t\t\t\n"
            "3\t123\ten\tElsewhere\t\t\t\t\t\t\n",
        )
    assert import_geonames(alternates, cache_dir=cache) == 1

    gazetteer = gz.Gazetteer(cache / gz.INDEX_NAME, import_path=cache / gz.IMPORT_NAME)
    village = gazetteer.lookup("nahal zeytim")
    assert [c.geonameid for c in village] == [990001]
    assert village[0].kind == "city" and village[0].country == "IL"
    assert gazetteer.lookup("road 9") == []
    resolver = Resolver(gazetteer)
    text = "Settlers gathered near Nahal Zeitim on Tuesday."
    start = text.index("Nahal")
    [pick] = resolver.resolve_mentions(text, [(start, start + len("Nahal Zeitim"))])
    assert pick is not None and pick.geonameid == 990001


def test_import_rejects_what_is_not_a_geonames_table(cache, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(IngestError):
        import_geonames(bad, cache_dir=cache)
    with pytest.raises(IngestError):
        import_geonames(tmp_path / "missing.zip", cache_dir=cache)


def test_countries_and_divisions_carry_geonames_ids_and_points(cache):
    gazetteer = gz.Gazetteer(cache / gz.INDEX_NAME)
    ontario = next(c for c in gazetteer.lookup("ontario") if c.feature == "ADM1")
    # GeoNames' own point for the province, not a centroid further north.
    assert ontario.geonameid == 6093943
    assert abs(ontario.lat - 49.25) < 0.1 and abs(ontario.lon + 84.5) < 0.1
    canada = gazetteer.country("CA")
    assert canada.geonameid == 6251999
    assert abs(canada.lat - 60.1) < 0.2 and abs(canada.lon + 113.6) < 0.2
    queensland = next(c for c in gazetteer.lookup("queensland") if c.feature == "ADM1")
    assert queensland.geonameid == 2152274
    # A town and its province share one division code.
    hamilton = max(
        (c for c in gazetteer.lookup("hamilton") if c.country == "CA"), key=lambda c: c.population
    )
    assert hamilton.admin1 == ontario.admin1 == "ON"
    # A curated region with a GeoNames id.
    strip = next(c for c in gazetteer.lookup("gaza strip") if c.kind == "region")
    assert strip.geonameid == 281132 and abs(strip.lat - 31.4) < 0.2
