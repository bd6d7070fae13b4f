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
