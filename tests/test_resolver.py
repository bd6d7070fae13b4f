"""The resolver on given spans: second-level divisions, division words, continents."""

from __future__ import annotations

from eventledger.geo.resolver import resolve


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_a_county_resolves_to_the_county_near_the_other_places():
    text = "Hail hit farms in Plymouth County on Tuesday, and Sioux City closed two schools."
    county, _ = resolve(text, _spans(text, "Plymouth County", "Sioux City"))
    assert county["kind"] == "region" and county["geonameid"] == 4871708  # Iowa's
    text = "Ferries from Boston reached Plymouth County late on Friday."
    _, county = resolve(text, _spans(text, "Boston", "Plymouth County"))
    assert county["geonameid"] == 4947607  # Massachusetts'
    text = "Roads were closed across Metcalfe County, Kentucky, after the storm."
    county, state = resolve(text, _spans(text, "Metcalfe County", "Kentucky"))
    assert county["country"] == "US" and county["geonameid"] == 4300606
    assert abs(county["lat"] - 37.0) < 0.5 and abs(county["lon"] + 85.6) < 0.5


def test_a_division_word_also_finds_the_division_of_the_plain_name():
    text = "Rains flooded homes in the Karak district, south of Amman."
    district, amman = resolve(text, _spans(text, "Karak district", "Amman"))
    assert amman["country"] == "JO"
    assert district["country"] == "JO" and district["kind"] == "region"


def test_the_town_comes_before_a_county_of_the_same_name():
    text = "The mayor of Plymouth spoke to reporters in London."
    plymouth, _ = resolve(text, _spans(text, "Plymouth", "London"))
    assert plymouth["kind"] == "city" and plymouth["country"] == "GB"


def test_the_same_county_written_two_ways_is_no_evidence_for_itself():
    text = (
        "PLYMOUTH CO. - Crews in Plymouth County cleared trees on Monday. Le Mars and "
        "Sioux City, Iowa, reported no damage."
    )
    picks = resolve(text, _spans(text, "PLYMOUTH CO.", "Plymouth County", "Le Mars", "Iowa"))
    assert [p["geonameid"] for p in picks[:2]] == [4871708, 4871708]


def test_a_continent_adjective_handed_over_as_a_mention_is_the_continent():
    text = "European ministers met on Friday."
    (europe,) = resolve(text, _spans(text, "European"))
    assert europe["name"] == "Europe" and europe["kind"] == "region"


def test_a_small_town_among_the_documents_places_beats_a_large_one_far_away():
    text = (
        "Power went out in Columbia overnight. The Adair County judge asked Kentucky "
        "for generators, and crews came from Edmonton and Russell Springs."
    )
    columbia, *_ = resolve(
        text, _spans(text, "Columbia", "Adair County", "Kentucky", "Edmonton", "Russell Springs")
    )
    assert (columbia["country"], round(columbia["lat"])) == ("US", 37)  # Kentucky's
