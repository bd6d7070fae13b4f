"""Places: mentions found in text, resolved offline, one record per mention."""

from __future__ import annotations

import pytest
import spacy

from eventledger.geo.resolver import distance_km, resolve


def _places(nlp, text):
    return nlp(text)._.el_places


def _at(places, text, name, nth=0):
    start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
    for place in places:
        if place["start"] < start + len(name) and start < place["end"]:
            return place
    return None


def test_records_follow_the_contract(nlp):
    text = "Officials in Ashdod said the sirens sounded twice. Ashdod was quiet by noon."
    places = _places(nlp, text)
    assert [p["id"] for p in places] == [f"P{i + 1}" for i in range(len(places))]
    assert len([p for p in places if p["name"] == "Ashdod"]) == 2  # one record per mention
    for place in places:
        assert text[place["start"] : place["end"]] == place["text"]
        assert set(place) >= {"id", "text", "start", "end", "name", "geonameid", "country",
                              "lat", "lon", "kind"}
        assert place["kind"] in ("city", "region", "country", "other")
    assert _at(places, text, "Ashdod")["geonameid"] == 295629


def test_gaza_is_in_palestine_not_bhutan(nlp):
    text = ("Rockets were fired from Gaza towards Ashkelon and Tel Aviv, Israeli officials "
            "said, while mediators from Qatar and the United States met.")
    places = _places(nlp, text)
    gaza = _at(places, text, "Gaza")
    assert gaza is not None and gaza["country"] == "PS"
    assert distance_km(gaza["lat"], gaza["lon"], 31.5, 34.47) < 40
    assert _at(places, text, "Ashkelon")["geonameid"] == 295620
    assert _at(places, text, "Tel Aviv")["geonameid"] == 293397
    assert _at(places, text, "Qatar")["kind"] == "country"
    united_states = _at(places, text, "United States")
    assert united_states["country"] == "US" and united_states["kind"] == "country"


def test_town_country_pattern_and_plain_name(nlp):
    texas = "The festival moved to Paris, Texas, after the storm."
    paris_tx = _at(_places(nlp, texas), texas, "Paris")
    assert paris_tx["country"] == "US"
    assert distance_km(paris_tx["lat"], paris_tx["lon"], 33.66, -95.55) < 50
    france = "The festival moved to Paris after the storm."
    paris = _at(_places(nlp, france), france, "Paris")
    assert paris["country"] == "FR"


def test_spelling_variants_resolve_to_one_place():
    text = "Shelling hit Khan Younes and Khān Yūnis, and later Khan Yunis."
    spans = [(text.index("Khan Younes"), text.index("Khan Younes") + 11),
             (text.index("Khān"), text.index("Khān") + 10),
             (text.index("Khan Yunis"), text.index("Khan Yunis") + 10)]
    ids = {r["geonameid"] for r in resolve(text, spans)}
    assert ids == {281124}


def test_demonym_is_not_a_place_but_sets_the_country(nlp):
    text = "Lebanese officials said clashes broke out in Tripoli overnight."
    places = _places(nlp, text)
    assert _at(places, text, "Lebanese") is None
    assert _at(places, text, "Tripoli")["country"] == "LB"
    plain = "Officials said clashes broke out in Tripoli overnight."
    assert _at(_places(nlp, plain), plain, "Tripoli")["country"] == "LY"


def test_heading_is_left_out(nlp):
    text = ("Sirens in Ashkelon\n"
            "Residents of Beersheba went to shelters on Monday, the city said.\n"
            "Schools stayed closed.")
    places = _places(nlp, text)
    assert _at(places, text, "Ashkelon") is None
    assert _at(places, text, "Beersheba")["country"] == "IL"


def test_person_names_are_not_places(nlp):
    text = "Jordan Peterson and Paris Hilton spoke at the dinner."
    places = _places(nlp, text)
    assert _at(places, text, "Jordan") is None
    assert _at(places, text, "Paris") is None


def test_resolve_given_spans_keeps_order_and_returns_none_for_unknown():
    text = "Talks in Doha ended; aid reached Xqzzyvillex by Friday; Canada sent money."
    spans = [(9, 13), (33, 43), (text.index("Canada"), text.index("Canada") + 6)]
    doha, unknown, canada = resolve(text, spans)
    assert doha["country"] == "QA" and doha["kind"] == "city"
    assert unknown is None
    assert canada == {"name": "Canada", "geonameid": 6251999, "country": "CA",
                      "lat": pytest.approx(canada["lat"]), "lon": pytest.approx(canada["lon"]),
                      "kind": "country"}


def test_context_countries_from_the_caller():
    text = "The council met in Hamilton on Tuesday."
    span = [(text.index("Hamilton"), text.index("Hamilton") + 8)]
    [plain] = resolve(text, span)
    [bermuda] = resolve(text, span, context=["BM"])
    assert bermuda["country"] == "BM"
    assert plain["country"] != "BM"


def test_demonym_handed_over_as_a_span_stands_for_its_country():
    text = "Turkish troops crossed the border."
    [turkey] = resolve(text, [(0, 7)])
    assert turkey["country"] == "TR" and turkey["kind"] == "country"


def test_abbreviations_and_direction_prefixes():
    text = "The plant in Louisville, Ky. closed."
    ky = (text.index("Ky."), text.index("Ky.") + 3)
    louisville = (text.index("Louisville"), text.index("Louisville") + 10)
    place, state = resolve(text, [louisville, ky])
    assert state["name"] == "Kentucky" and state["kind"] == "region"
    assert place["country"] == "US" and place["geonameid"] == 4299276
    text = "Crews came from North London after the storm."
    [city] = resolve(text, [(text.index("North"), text.index("North") + 12)])
    assert city["country"] == "GB"


def test_lowercase_words_are_not_places(nlp):
    text = "Police seized marijuana and cash in the raid in Ashdod."
    places = _places(nlp, text)
    assert all(p["text"][0].isupper() for p in places)
    assert _at(places, text, "marijuana") is None


def test_outlet_country_from_domain_or_name(nlp):
    from eventledger.geo.resolver import default_resolver

    resolver = default_resolver()
    assert resolver.outlet_country("www.example.co.uk") == "GB"
    assert resolver.outlet_country("news.example.ca") == "CA"
    assert resolver.outlet_country("The Times of Israel") == "IL"
    assert resolver.outlet_country("Example Daily") is None
    text = "Clashes broke out in Tripoli overnight, officials said."
    assert _at(_places(nlp, text), text, "Tripoli")["country"] == "LY"
    doc = nlp.make_doc(text)
    doc._.el_outlet = "www.example.lb"
    assert _at(nlp(doc)._.el_places, text, "Tripoli")["country"] == "LB"


def test_geo_evaluation_on_a_tiny_file(nlp, tmp_path):
    from eventledger.eval.geo import evaluate_geo, format_geo

    text = "Flights from Ashdod to Qatar resumed. Officials in Xqzzyvillex waited."
    toponyms = [("Ashdod", 31.79, 34.65, 295629), ("Qatar", 25.3, 51.2, 289688),
                ("Xqzzyvillex", 10.0, 10.0, 1)]
    parts = []
    for phrase, lat, lon, gid in toponyms:
        start = text.index(phrase)
        parts.append(
            f"<toponym><phrase>{phrase}</phrase><start>{start}</start>"
            f"<end>{start + len(phrase)}</end><gaztag geonameid=\"{gid}\">"
            f"<lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>"
        )
    xml = (f"<articles><article docid=\"1\"><text>{text}</text>"
           f"<toponyms>{''.join(parts)}</toponyms></article></articles>")
    path = tmp_path / "tiny.xml"
    path.write_text(xml, encoding="utf-8")
    gold = evaluate_geo(path, gold_spans=True)["gold_spans"]
    assert gold["toponyms"] == 3 and gold["unresolved"] == 1
    assert gold["acc161"] == pytest.approx(2 / 3)
    assert gold["exact_id"] == pytest.approx(2 / 3)
    end = evaluate_geo(path, nlp=nlp)["end_to_end"]
    assert end["recognition"]["tp"] >= 2
    assert end["acc161"] <= 2 / 3
    assert "acc@161km" in format_geo(evaluate_geo(path, gold_spans=True))


def test_geo_evaluation_reads_the_geowebnews_layout(tmp_path):
    from eventledger.eval.geo import read_geo

    text = "Flooding hit Ashkelon.\r\nRain fell on Ashdod."
    xml = (
        "<articles><article id=\"0\"><text>" + text + "</text><toponyms>"
        "<toponym><extractedName>Ashkelon</extractedName><start>13</start><end>21</end>"
        "<latitude>31.67</latitude><longitude>34.57</longitude>"
        "<geonamesID>295620</geonamesID></toponym>"
        "<toponym><extractedName>Ashdod</extractedName><start>37</start><end>43</end>"
        "<latitude>31.79</latitude><longitude>34.65</longitude>"
        "<geonamesID>295629</geonamesID></toponym>"
        "<toponym><extractedName>Nowhere</extractedName><start>0</start><end>3</end>"
        "</toponym></toponyms></article></articles>"
    )
    path = tmp_path / "gwn.xml"
    path.write_bytes(xml.encode("utf-8"))
    [article] = read_geo(path)
    first, second, third = article.toponyms
    assert (first.geonameid, first.lat) == (295620, 31.67)
    # The reader folds "\r\n"; the span is moved onto its phrase.
    assert article.text[second.start : second.end] == "Ashdod"
    assert not third.scored


def test_state_or_country_from_the_other_places():
    text = "Storms hit Atlanta and Savannah overnight. Georgia officials said the damage was wide."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Atlanta", "Savannah", "Georgia")]
    assert [r["country"] for r in resolve(text, spans)] == ["US", "US", "US"]
    text = "Talks in Tbilisi went on. Georgia and Armenia signed the deal."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Tbilisi", "Georgia")]
    assert [r["country"] for r in resolve(text, spans)] == ["GE", "GE"]


def test_buildings_are_not_towns_of_the_same_name(nlp):
    text = "Reporters waited outside the White House on Monday."
    places = _places(nlp, text)
    assert _at(places, text, "White House") is None


def test_user_regions_and_demonyms_files(nlp, tmp_path):
    import json

    from eventledger.extract.places import PlacesExtractor

    regions = tmp_path / "regions.json"
    regions.write_text(json.dumps({"regions": [
        {"name": "Zarvani Valley", "lat": 10.5, "lon": 20.5, "country": "TD",
         "alternates": ["Zarvani"]}]}), encoding="utf-8")
    demonyms = tmp_path / "demonyms.json"
    demonyms.write_text(json.dumps({"demonyms": {"Zarvanese": "TD"}}), encoding="utf-8")
    component = PlacesExtractor(nlp, "custom_places", labels=["GPE", "LOC", "FAC"],
                                use_matcher=True, fuzzy=True, cache_dir=None,
                                regions_file=str(regions), demonyms_file=str(demonyms))
    text = "Zarvanese herders left the Zarvani Valley after the rains failed."
    doc = component(nlp(text))
    valley = [p for p in doc._.el_places if p["id"].startswith("P") and p["name"] == "Zarvani Valley"]
    assert valley and valley[0]["country"] == "TD"
    assert component.resolver.text_context(text).countries["TD"] == 1
    # The shared resolver is left as it was.
    assert resolve(text, [(text.index("Zarvani Valley"), text.index("Zarvani Valley") + 14)]) == [None]


def test_a_place_name_used_as_a_persons_name_stays_a_person(nlp):
    for text, name in [
        ("Sydney Sweeney arrived late. Later, Sydney told reporters she was tired.", "Sydney"),
        ("Florence Pugh won the award. Reporters asked Florence about it.", "Florence"),
    ]:
        assert _at(_places(nlp, text), text, name, 1) is None
    text = "Mr Jordan said the talks would go on."
    assert _at(_places(nlp, text), text, "Jordan") is None


def test_a_place_inside_an_event_name_is_a_place(nlp):
    text = "Aid groups said the Gaza war had emptied the schools."
    gaza = _at(_places(nlp, text), text, "Gaza")
    assert gaza is not None and gaza["country"] == "PS"


def test_small_places_the_model_misses_are_found_by_their_context(nlp):
    # The model calls these names organisations, persons or facilities; the gazetteer
    # knows them, and the words around them say they are places.
    cases = [
        ("Fighting reached the town of Qusayr by noon.", "Qusayr", "SY"),
        ("The road to Nuwakot district was closed, and Jumla district too.", "Jumla", "NP"),
        ("The rebels captured Birao after a short fight.", "Birao", "CF"),
        ("The army shelled Zhob and Badme overnight.", "Badme", "ER"),
        ("The army shelled Zhob and Badme overnight.", "Zhob", "PK"),
    ]
    for text, name, country in cases:
        place = _at(_places(nlp, text), text, name)
        assert place is not None, (text, name)
        assert place["country"] == country
        assert text[place["start"]:place["end"]] == name


def test_context_pass_leaves_persons_buildings_and_common_words(nlp):
    for text, name in [
        ("Mr Zhob said the talks went well.", "Zhob"),
        ("Talks with Hope ended in the spring.", "Hope"),
        ("Nadia Taji said she was proud. Later Taji spoke in the hall.", "Taji"),
        ("Reporters waited outside the White House on Monday.", "White House"),
    ]:
        places = _places(nlp, text)
        for nth in range(text.count(name)):
            assert _at(places, text, name, nth) is None, (text, name)


def test_context_pass_can_be_switched_off(bare_nlp):
    from eventledger.extract.places import PlacesExtractor

    extractor = PlacesExtractor(bare_nlp, "places", labels=["GPE", "LOC", "FAC"],
                                use_matcher=True, fuzzy=True, cache_dir=None,
                                regions_file=None, demonyms_file=None, use_context=False)
    text = "The rebels captured Birao after a short fight."
    doc = bare_nlp(text)
    assert doc[3].ent_type_ != "GPE"  # the model alone does not see the place
    assert extractor.mentions(doc) == []
    extractor.use_context = True
    assert extractor.mentions(doc) == [(text.index("Birao"), text.index("Birao") + 5)]


def test_place_the_gazetteer_lacks_is_put_at_the_place_named_with_it(nlp):
    text = "Troops entered the village of Zorvath near Tampere on Monday."
    places = _places(nlp, text)
    village, town = _at(places, text, "Zorvath"), _at(places, text, "Tampere")
    assert town["geonameid"] == 634963 and "approximate" not in town
    assert village["geonameid"] is None and village["approximate"] is True
    assert village["near"] == {"place": town["id"]}
    assert (village["lat"], village["lon"], village["country"]) == (
        town["lat"], town["lon"], "FI")
    assert text[village["start"]:village["end"]] == "Zorvath"
    # with no known place beside it there is no position to give, so no record
    text = "Troops entered the village of Zorvath on Monday."
    assert _places(nlp, text) == []
    # a name the gazetteer lacks needs a place noun, not just a preposition
    text = "Farmers met Zorvath in Tampere on Monday."
    assert _at(_places(nlp, text), text, "Zorvath") is None


def test_names_in_a_list_of_towns_are_places_though_they_share_a_word(nlp):
    # the model calls both persons; "Tel" is a word of both, but neither name is the other
    text = "Fighting spread to the towns of Tel Varo and Tel Mirak near Tampere."
    places = _places(nlp, text)
    town = _at(places, text, "Tampere")
    for name in ("Tel Varo", "Tel Mirak"):
        place = _at(places, text, name)
        assert place is not None and place["text"] == name
        assert place["near"] == {"place": town["id"]}
    # a person's name with no place word around it stays a person
    text = "Abu Varo said the villages of Jaber Tal and Abu Mirak near Tampere were calm."
    places = _places(nlp, text)
    assert _at(places, text, "Abu Varo") is None
    assert _at(places, text, "Abu Mirak") is not None


def test_the_lemmatizer_is_a_setting_of_the_places_component(model_name):
    nlp = spacy.load(model_name)
    nlp.rename_pipe("lemmatizer", "lemmas")
    found = nlp.add_pipe("eventledger_places", config={"lemmatizer_component": "lemmas"})
    lost = nlp.add_pipe("eventledger_places", name="no_lemmas")
    # "hope" is an English word the guard knows only through the lemmatizer named.
    assert "hope" in found._common_words()
    assert lost._common_words() == frozenset()
