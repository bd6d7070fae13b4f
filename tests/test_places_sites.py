"""Places: named sites (streets, airfields, hotels) the gazetteer does not hold, put at the
place the text puts them in, and found as where an event happened."""

from __future__ import annotations

from eventledger.extract.places import PlacesExtractor


def _at(places, text, name):
    start = text.index(name)
    for place in places:
        if place["start"] < start + len(name) and start < place["end"]:
            return place
    return None


def _location(doc, trigger_text):
    places = {p["id"]: p for p in doc._.el_places}
    for event in doc._.el_events:
        if event["trigger"]["text"] == trigger_text and event["location"]:
            return places[event["location"]["place"]]["text"]
    return None


def test_street_is_a_site_at_the_town_named_with_it(nlp):
    text = "A car bomb exploded on Kellmar Road in Tampere on Monday."
    doc = nlp(text)
    street, town = _at(doc._.el_places, text, "Kellmar Road"), _at(doc._.el_places, text, "Tampere")
    assert street["text"] == "Kellmar Road" and street["kind"] == "other"
    assert street["geonameid"] is None and street["approximate"] is True
    assert street["near"] == {"place": town["id"]}
    assert (street["lat"], street["lon"], street["country"]) == (town["lat"], town["lon"], "FI")
    assert _location(doc, "exploded") == "Kellmar Road"


def test_site_with_only_a_country_beside_it_is_put_at_the_country(nlp):
    text = "Six soldiers were killed in an attack near Bagram Airfield in Afghanistan."
    doc = nlp(text)
    airfield = _at(doc._.el_places, text, "Bagram Airfield")
    country = _at(doc._.el_places, text, "Afghanistan")
    assert airfield["text"] == "Bagram Airfield" and airfield["near"] == {"place": country["id"]}
    assert airfield["country"] == "AF"
    assert _location(doc, "attack") == "Bagram Airfield"
    # a town the gazetteer lacks is never put at a country: the rule is for sites only
    text = "Troops entered the village of Zorvath in Finland on Monday."
    assert _at(nlp(text)._.el_places, text, "Zorvath") is None


def test_site_named_after_a_large_city_stays_that_city(nlp):
    text = "Protesters gathered outside the Lahti Hotel in Tampere."
    places = nlp(text)._.el_places
    assert all(p["text"] != "Lahti Hotel" for p in places)
    assert _at(places, text, "Lahti")["kind"] == "city"
    # a street takes the name of the town it leads to, and is not in it
    text = "Two workers were killed at Oxford St, the bus station of Tampere."
    places = nlp(text)._.el_places
    street = _at(places, text, "Oxford St")
    assert street["text"] == "Oxford St" and street["country"] == "FI"


def test_street_the_model_calls_a_person_is_a_site_after_a_preposition_of_place(nlp):
    text = "Police closed the road at Harjula Street in Tampere after the blast."
    street = _at(nlp(text)._.el_places, text, "Harjula Street")
    assert street is not None and street["text"] == "Harjula Street"
    # a person's name that ends in such a word, after "to": "Hall" is a surname too
    text = "The minister wrote a letter to Gus Hall in Tampere."
    assert _at(nlp(text)._.el_places, text, "Gus Hall") is None


def test_organisation_is_a_site_only_after_a_preposition_of_place(nlp):
    text = "Twelve people were treated at Kellmar Hospital in Tampere."
    assert _at(nlp(text)._.el_places, text, "Kellmar Hospital")["text"] == "Kellmar Hospital"
    text = "Kellmar Hospital said twelve people were treated in Tampere."
    assert _at(nlp(text)._.el_places, text, "Kellmar Hospital") is None


def test_site_with_no_place_in_its_sentence_gets_no_record(nlp):
    text = "A bomb went off near the Varrow Barracks on Monday."
    assert _at(nlp(text)._.el_places, text, "Varrow Barracks") is None


def test_sites_can_be_switched_off(nlp):
    extractor = PlacesExtractor(nlp, "places", labels=["GPE", "LOC", "FAC"],
                                use_matcher=True, fuzzy=True, cache_dir=None,
                                regions_file=None, demonyms_file=None, sites=False)
    text = "A car bomb exploded on Kellmar Road in Tampere on Monday."
    doc = nlp(text)
    doc._.el_places = []
    extractor(doc)
    assert _at(doc._.el_places, text, "Kellmar Road") is None
    assert _at(doc._.el_places, text, "Tampere") is not None


def test_acled_rows_give_a_site_at_a_country_the_country_s_precision(nlp):
    from eventledger.document import Document
    from eventledger.export.acled import acled_rows
    from eventledger.pipeline import extract_record

    text = "Six soldiers were killed in an attack near Bagram Airfield in Afghanistan."
    record = extract_record(Document(text=text, source="t"), nlp=nlp)
    (row,) = [r for r in acled_rows(record) if r["plover_type"] == "ASSAULT"]
    assert (row["location"], row["iso2"], row["geo_precision"]) == ("Bagram Airfield", "AF", 3)
    text = "A car bomb exploded on Kellmar Road in Tampere on Monday."
    record = extract_record(Document(text=text, source="t"), nlp=nlp)
    (row,) = [r for r in acled_rows(record) if r["plover_type"] == "ASSAULT"]
    assert (row["location"], row["geo_precision"]) == ("Kellmar Road", 2)


def test_name_before_a_lower_case_building_word_is_a_site(nlp):
    text = "A bomb exploded at the Rolando cafe in Tampere on Monday."
    doc = nlp(text)
    cafe, town = _at(doc._.el_places, text, "Rolando"), _at(doc._.el_places, text, "Tampere")
    assert cafe["text"] == "Rolando cafe" and cafe["approximate"] is True
    assert cafe["near"] == {"place": town["id"]} and cafe["geonameid"] is None
    assert _location(doc, "exploded") == "Rolando cafe"
    # the model's entity is only the name ("Al-Nour" as FAC, "Ibn Sina" as PERSON)
    text = "Gunmen opened fire near the Al-Nour mosque in Tripoli."
    assert _at(nlp(text)._.el_places, text, "Al-Nour")["text"] == "Al-Nour mosque"
    text = "Twelve people died at the Ibn Sina hospital in Mosul."
    assert _at(nlp(text)._.el_places, text, "Ibn Sina")["text"] == "Ibn Sina hospital"
    # nouns between the name and its building word
    text = "Rockets hit the Kawkab army base near Hasakah."
    base = _at(nlp(text)._.el_places, text, "Kawkab")
    assert base["text"] == "Kawkab army base" and base["country"] == "SY"
    # a particle before the name
    text = "A bomb exploded at a voting station in al-Rolando school in western Tampere."
    assert _at(nlp(text)._.el_places, text, "Rolando")["text"] == "al-Rolando school"


def test_building_site_stands_where_a_place_stands(nlp):
    # what an attack hit, also as the subject of a passive
    text = "The Rolando cafe was bombed in Tampere on Monday."
    assert _at(nlp(text)._.el_places, text, "Rolando")["text"] == "Rolando cafe"
    text = "Militants attacked the Kellmar police station in Tampere."
    assert _at(nlp(text)._.el_places, text, "Kellmar")["text"] == "Kellmar police station"
    # the "of" of a part or side of the site, or of an attack on it
    text = "Protesters gathered at the gates of the Kellmar airport in Tampere."
    assert _at(nlp(text)._.el_places, text, "Kellmar")["text"] == "Kellmar airport"
    # the owners of a cafe are no place
    text = "Rolando cafe owners protested in Tampere."
    assert _at(nlp(text)._.el_places, text, "Rolando") is None


def test_owners_and_kinds_of_buildings_are_no_building_sites(nlp):
    text = "A bomb exploded at the Rolando cafe and in Ahmed's house in Tampere."
    places = nlp(text)._.el_places
    assert _at(places, text, "Rolando")["text"] == "Rolando cafe"
    assert _at(places, text, "Ahmed") is None
    for text, name in [
        ("A bomb destroyed the Smith family house and the Rolando cafe in Belfast.", "Smith"),
        ("Protesters marched to the United Nations office and the Rolando cafe in Tampere.",
         "United Nations"),
        ("A bomb exploded in a Catholic church and at the Rolando cafe in Tampere.", "Catholic"),
    ]:
        places = nlp(text)._.el_places
        assert _at(places, text, "Rolando")["text"] == "Rolando cafe", text
        assert _at(places, text, name) is None, text
    # a large city before a building word stays that city
    text = "Ten were killed at the Aleppo hospital, doctors said."
    aleppo = _at(nlp(text)._.el_places, text, "Aleppo")
    assert aleppo["text"] == "Aleppo" and aleppo["kind"] == "city"


def test_name_of_common_words_is_no_site_and_its_city_is_the_place(nlp):
    for text, name, city in [
        ("A plane crashed near the International Airport in Tampere.", "International",
         "Tampere"),
        ("Protesters gathered outside the High Court in Nairobi.", "High Court", "Nairobi"),
        ("Gunmen stormed the Central Bank in Tripoli.", "Central Bank", "Tripoli"),
    ]:
        places = nlp(text)._.el_places
        assert _at(places, text, name) is None, text
        assert _at(places, text, city)["kind"] == "city"
    # a person's name among the words is a name: "the Nasser hospital"
    text = "Shells landed near the Nasser hospital in Khan Younis."
    assert _at(nlp(text)._.el_places, text, "Nasser")["text"] == "Nasser hospital"


def test_site_is_put_at_a_place_named_before_it_in_its_paragraph(nlp):
    text = ("Shootings in Belfast continued. Later, a man was shot dead when he answered a "
            "knock at his door in Deerpark Road.")
    doc = nlp(text)
    road, town = _at(doc._.el_places, text, "Deerpark Road"), _at(doc._.el_places, text, "Belfast")
    assert road["near"] == {"place": town["id"]} and road["country"] == "GB"
    # not across a paragraph break
    text = ("Shootings in Belfast continued.\n\nLater, a man was shot dead when he answered a "
            "knock at his door in Deerpark Road.")
    assert _at(nlp(text)._.el_places, text, "Deerpark Road") is None
    # a country of the site's own sentence that is not the earlier place's wins
    text = "Fighting raged in Tampere. Later a bomb exploded at the Rolando cafe in France."
    cafe = _at(nlp(text)._.el_places, text, "Rolando")
    assert cafe["country"] == "FR"


def test_paragraph_anchor_holds_when_a_long_text_is_processed_in_parts(nlp):
    from eventledger.document import Document
    from eventledger.pipeline import extract_record

    first = "Fighting raged in Tampere on Monday. Later a bomb exploded at the Rolando cafe."
    second = "Shootings in Belfast continued. Later a man was shot in Deerpark Road."
    text = first + "\n\n" + second
    record = extract_record(Document(text=text, source="t"), nlp=nlp,
                            max_chunk_chars=len(first) + 10)
    places = {p["id"]: p for p in record["places"]}
    assert any(p["id"].startswith("p2-") for p in places.values())  # two parts
    for site, town in [("Rolando cafe", "Tampere"), ("Deerpark Road", "Belfast")]:
        (place,) = [p for p in places.values() if p["text"] == site]
        assert places[place["near"]["place"]]["text"] == town
        assert text[place["start"]:place["end"]] == site
