"""Event locator: the place where an event happened, not any place in its sentence."""

from __future__ import annotations

import pytest

from eventledger.extract.locate import (
    dateline_extent,
    dateline_place,
    dateline_span,
    locate_event,
)


def make_doc(nlp, text, places):
    """A parsed Doc whose place records are set by hand (name -> kind)."""
    doc = nlp(text)
    records = []
    for number, (name, kind) in enumerate(places.items(), start=1):
        start = text.index(name)
        records.append({"id": f"P{number}", "text": name, "start": start,
                        "end": start + len(name), "name": name, "kind": kind})
    doc._.el_places = records
    return doc


def trigger(doc, word, nth=0):
    found = [t for t in doc if t.text == word]
    assert len(found) > nth, word
    return found[nth]


def names(pair):
    return tuple(p["text"] if p else None for p in pair)


def test_targets_are_the_location_and_from_the_origin(bare_nlp):
    text = "Rockets were fired from Dorvik towards Lyon and Porto on Sunday."
    doc = make_doc(bare_nlp, text, {"Dorvik": "city", "Lyon": "city", "Porto": "city"})
    location, origin = locate_event(doc, trigger(doc, "fired"))
    assert location["text"] == "Lyon"
    assert origin["text"] == "Dorvik"


def test_in_phrase(bare_nlp):
    text = "Two men were arrested in Tampere after the match."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "arrested"))) == ("Tampere", None)


def test_city_of_phrase_deep_in_the_trigger_phrase(bare_nlp):
    text = "A farmer was shot at a market in the northern city of Tampere on Friday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "shot"))) == ("Tampere", None)


def test_place_of_another_clause_is_not_the_site(bare_nlp):
    text = "The minister, who was born in Porto, was attacked on Monday."
    doc = make_doc(bare_nlp, text, {"Porto": "city"})
    assert names(locate_event(doc, trigger(doc, "attacked"))) == (None, None)


def test_country_as_modifier_is_no_site(bare_nlp):
    text = "Three soldiers were killed in a France airstrike."
    doc = make_doc(bare_nlp, text, {"France": "country"})
    assert names(locate_event(doc, trigger(doc, "killed"))) == (None, None)


def test_reference_back_to_the_city(bare_nlp):
    text = ("Rockets were fired towards Lyon on Monday.\n"
            "Later, a rocket hit the city and damaged a school.")
    doc = make_doc(bare_nlp, text, {"Lyon": "city"})
    location, _origin = locate_event(doc, trigger(doc, "hit"))
    assert location is not None and location["text"] == "Lyon"


def test_reference_back_stays_in_its_paragraph(bare_nlp):
    text = ("Rockets were fired towards Lyon on Monday.\n\n"
            "Later, a rocket hit the city and damaged a school.")
    doc = make_doc(bare_nlp, text, {"Lyon": "city"})
    assert names(locate_event(doc, trigger(doc, "hit"), dateline=False)) == (None, None)


def test_there_refers_back(bare_nlp):
    text = "Protesters gathered in Porto on Monday. Police arrested twelve people there."
    doc = make_doc(bare_nlp, text, {"Porto": "city"})
    assert names(locate_event(doc, trigger(doc, "arrested"))) == ("Porto", None)


def test_no_place_gives_none(bare_nlp):
    text = "The company fired its manager after the audit."
    doc = make_doc(bare_nlp, text, {})
    assert names(locate_event(doc, trigger(doc, "fired"))) == (None, None)


def test_place_of_the_speaker_is_not_the_site(bare_nlp):
    text = "A guard was injured, a spokesman in Lyon said."
    doc = make_doc(bare_nlp, text, {"Lyon": "city"})
    assert names(locate_event(doc, trigger(doc, "injured"))) == (None, None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("TAMPERE (Daily Wire) - A bridge collapsed.", "TAMPERE"),
        ("PORTO ALEGRE, March 3 (Wire) - A bridge collapsed.", "PORTO ALEGRE"),
        ("Lyon (Wire) -- A bridge collapsed.", "Lyon"),
        ("Title of the story\nTAMPERE - A bridge collapsed.", "TAMPERE"),
        ("Title\n\nPhoto: The old bridge.\n\nTAMPERE - A bridge collapsed.", "TAMPERE"),
    ],
)
def test_dateline_span(text, place):
    bounds = dateline_span(text)
    assert bounds is not None and text[bounds[0]:bounds[1]] == place
    # The whole dateline runs from the place to the story.
    start, end = dateline_extent(text)
    assert start == bounds[0] and text[end:] == "A bridge collapsed."


@pytest.mark.parametrize(
    "text",
    ["Police said - without details - that a bridge collapsed.",
     "A bridge collapsed in the night (local time) - nobody was hurt."],
)
def test_no_dateline(text):
    assert dateline_span(text) is None
    assert dateline_extent(text) is None


def test_dateline_is_the_fallback_for_the_whole_document(bare_nlp):
    text = ("TAMPERE (Daily Wire) - Police arrested four men on Monday.\n\n"
            "Two more were arrested on Tuesday near Lyon.")
    doc = make_doc(bare_nlp, text, {"TAMPERE": "city", "Lyon": "city"})
    assert dateline_place(doc)["text"] == "TAMPERE"
    assert names(locate_event(doc, trigger(doc, "arrested", 0))) == ("TAMPERE", None)
    assert names(locate_event(doc, trigger(doc, "arrested", 1))) == ("Lyon", None)
    assert names(locate_event(doc, trigger(doc, "arrested", 0), dateline=False)) == (None, None)


def test_pipeline_events_and_figures_use_the_locator(nlp):
    text = ("Rockets were fired from Gaza towards Ashdod and Ashkelon on Monday.\n"
            "Five people were treated for injuries after a rocket hit the city.")
    doc = nlp(text)
    places = {p["id"]: p["text"] for p in doc._.el_places}
    fired = next(e for e in doc._.el_events if e["trigger"]["text"] == "fired")
    assert places[fired["location"]["place"]] in ("Ashdod", "Ashkelon")
    assert places[fired["origin"]["place"]] == "Gaza"
    figure = next(f for f in doc._.el_figures if f["count"]["text"] == "Five")
    assert places[figure["location"]["place"]] in ("Ashdod", "Ashkelon")


def test_pipeline_dateline_locates_the_document(nlp):
    text = ("MOSUL (Daily Wire) - Two police officers were killed on Monday, officials said.\n\n"
            "The attack was the third this month.")
    doc = nlp(text)
    places = {p["id"]: p["text"] for p in doc._.el_places}
    assert "MOSUL" in places.values()
    killed = [f for f in doc._.el_figures if f["category"] == "killed"]
    assert killed and places[killed[0]["location"]["place"]] == "MOSUL"


def test_site_through_an_attack_noun_but_not_another_event(bare_nlp):
    text = "Dozens were killed in a raid on a farm near Lyon."
    doc = make_doc(bare_nlp, text, {"Lyon": "city"})
    raid = trigger(doc, "raid")
    assert names(locate_event(doc, trigger(doc, "killed"), others=[raid])) == ("Lyon", None)
    text = "Troops shelled the town in response to the killing of two officers in Porto."
    doc = make_doc(bare_nlp, text, {"Porto": "city"})
    killing = trigger(doc, "killing")
    assert names(locate_event(doc, trigger(doc, "shelled"), others=[killing])) == (None, None)
    assert names(locate_event(doc, killing, others=[trigger(doc, "shelled")])) == ("Porto", None)


def test_point_of_reference_is_not_the_site(bare_nlp):
    text = "A bomb exploded at a market in Tampere, some 50 km south of Lyon, on Friday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Lyon": "city"})
    assert names(locate_event(doc, trigger(doc, "exploded"))) == ("Tampere", None)


def test_the_city_does_not_point_back_to_a_country(bare_nlp):
    text = "Violence grew in Veloria last week.\nBy noon the militia had set off bombs across the city."
    doc = make_doc(bare_nlp, text, {"Veloria": "country"})
    assert names(locate_event(doc, trigger(doc, "set"), dateline=False)) == (None, None)
    doc = make_doc(bare_nlp, text.replace("Veloria", "Tampere"), {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "set"), dateline=False)) == ("Tampere", None)


def test_place_word_on_people_is_where_they_are_from(bare_nlp):
    text = "They escaped the deportation inflicted on their Tavrian neighbours."
    doc = make_doc(bare_nlp, text, {"Tavrian": "region"})
    assert names(locate_event(doc, trigger(doc, "deportation"), dateline=False)) == (None, None)


def test_conjoined_verbs_share_their_site(bare_nlp):
    # "bombed and destroyed a building at X": one event told by two verbs; the second
    # verb, a trigger of its own, does not keep the site from the first
    text = "The rebels bombed and destroyed an office building of the local bank at Tampere."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    others = [trigger(doc, "destroyed")]
    assert names(locate_event(doc, trigger(doc, "bombed"), others=others)) == ("Tampere", None)
    # a verb of another clause keeps its own site
    text = "The rebels bombed the bridge, and the police arrested two men at Tampere."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    others = [trigger(doc, "arrested")]
    assert names(locate_event(doc, trigger(doc, "bombed"), others=others)) == (None, None)


def test_site_named_by_a_site_noun_and_an_attack_on_a_place(bare_nlp):
    # "at X junction": X names the site, not a wider place further on
    text = "The device was detonated at the Tampere junction in northern Finland."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Finland": "country"})
    assert names(locate_event(doc, trigger(doc, "detonated"))) == ("Tampere", None)
    # "the bombardment of the X district": what an attack noun hits is the site
    text = "Nine people were wounded in the bombardment of the Tampere district."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "wounded"))) == ("Tampere", None)
    # a town taken in a province: the town, not the province
    text = "The rebels captured Tampere in the Lapland province last week."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Lapland": "region"})
    assert names(locate_event(doc, trigger(doc, "captured"))) == ("Tampere", None)


def test_point_of_reference_gives_way_to_a_deeper_site(bare_nlp):
    # "the town of X, some 80 km south of Y": Y only says where X is
    text = ("A bomb exploded while police were trying to defuse it on a road in the town "
            "of Tampere, some 80 km south of Oslo, on Sunday.")
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Oslo": "city"})
    assert names(locate_event(doc, trigger(doc, "exploded"))) == ("Tampere", None)


def test_the_neighbourhood_of_a_city_is_the_site(bare_nlp):
    text = "In the south Oslo neighbourhood of Tampere, a bomb killed one man."
    doc = make_doc(bare_nlp, text, {"Oslo": "city", "Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "killed"))) == ("Tampere", None)


def test_what_with_names_is_a_party_but_a_site_may_hang_below_it(bare_nlp):
    # "shot with a rifle fitted with a silencer in central X": the site hangs below "with"
    text = "The officer was shot with a rifle fitted with a silencer in central Tampere."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "shot"))) == ("Tampere", None)
    # the object of "with" itself is a party
    text = "The talks with Finland went on."
    doc = make_doc(bare_nlp, text, {"Finland": "country"})
    assert names(locate_event(doc, trigger(doc, "talks"), dateline=False)) == (None, None)


def test_people_captured_are_no_place(bare_nlp):
    # the matcher may take a plural nationality word for its country; as what an attack
    # takes it names people
    text = "In the village of Tampere, troops captured two Finns on Monday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Finns": "country"})
    assert trigger(doc, "Finns").ent_type_ == "NORP"
    assert names(locate_event(doc, trigger(doc, "captured"))) == ("Tampere", None)


def test_participle_of_the_scene_gives_its_site_not_its_object(bare_nlp):
    # "captured ..., hiding in a hole on a farm in X": the same scene
    text = "The man was captured on Monday, hiding in a hole on a farm in Tampere."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "captured"))) == ("Tampere", None)
    # "captured X, bordering Y": what the participle names is no site
    text = "The rebels captured half of Lapland in a week, bordering Norway."
    doc = make_doc(bare_nlp, text, {"Lapland": "region", "Norway": "country"})
    assert names(locate_event(doc, trigger(doc, "captured")))[0] != "Norway"


def test_town_before_its_region_or_a_point_of_reference(bare_nlp):
    text = "Several houses were destroyed in the small town of Tampere, Lapland, on Monday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Lapland": "region"})
    assert names(locate_event(doc, trigger(doc, "destroyed"))) == ("Tampere", None)
    text = "The army captured the town of Tampere, 55 miles west of Oslo, on Monday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Oslo": "city"})
    assert names(locate_event(doc, trigger(doc, "captured"))) == ("Tampere", None)
    # a wider place first and the town after it: the town
    text = "The attack happened in the Lapland town of Tampere."
    doc = make_doc(bare_nlp, text, {"Lapland": "region", "Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "attack"))) == ("Tampere", None)


def test_participle_of_an_outcome_takes_its_verbs_site_after_its_own(bare_nlp):
    # "drove a car into a X cafe, killing ten": the killing happened where the verb did
    text = "A suicide bomber drove a car into a Tampere cafe on Thursday, killing ten people."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    others = [trigger(doc, "drove")]
    assert names(locate_event(doc, trigger(doc, "killing"), others=others)) == ("Tampere", None)
    text = "Gunmen attacked a Tampere hotel on Friday with a bomb, leaving ten dead."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    others = [trigger(doc, "attacked")]
    assert names(locate_event(doc, trigger(doc, "leaving"), others=others)) == ("Tampere", None)
    # its own phrases come first
    text = ("The army launched an assault in the Lapland countryside, targeting positions "
            "near the town of Tampere.")
    doc = make_doc(bare_nlp, text, {"Lapland": "region", "Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "targeting"))) == ("Tampere", None)


def test_site_below_against(bare_nlp):
    # the object of "against" is a party; a site may hang below it, before a point of
    # reference elsewhere
    text = ("Two policemen were killed in an operation against militants hiding in Tampere, "
            "some 50 km north of Oslo.")
    doc = make_doc(bare_nlp, text, {"Tampere": "city", "Oslo": "city"})
    assert names(locate_event(doc, trigger(doc, "killed"))) == ("Tampere", None)


def test_place_of_a_source_after_according_to_is_no_site(bare_nlp):
    text = ("A commander was reportedly killed on Monday, according to local sources in "
            "Tampere, who spoke on condition of anonymity.")
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    assert names(locate_event(doc, trigger(doc, "killed"), dateline=False)) == (None, None)


def test_where_the_actor_is_counts_though_the_actor_is_skipped(bare_nlp):
    text = "There was also a protest by cyclists in Tampere on Friday."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    actor = (text.index("cyclists"), text.index(" on Friday"))
    located = locate_event(doc, trigger(doc, "protest"), skip_ranges=[actor], dateline=False)
    assert names(located) == ("Tampere", None)
    # a speaker's place stays skipped
    text = "Officials in Tampere said two men were arrested."
    doc = make_doc(bare_nlp, text, {"Tampere": "city"})
    speaker = (0, text.index(" said"))
    located = locate_event(doc, trigger(doc, "arrested"), skip_ranges=[speaker], dateline=False)
    assert names(located) == (None, None)


def test_the_city_points_back_to_a_place_earlier_in_its_sentence(bare_nlp):
    text = "The mayor of Varnek said the bombing in the city wounded two guards."
    doc = make_doc(bare_nlp, text, {"Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "bombing"))) == ("Varnek", None)


def test_a_nationality_earlier_in_the_sentence_is_not_referred_back_to(bare_nlp):
    text = "Rockets fell on Lyon. Later, Orvanian helicopters patrolled the area."
    doc = make_doc(bare_nlp, text, {"Lyon": "city", "Orvanian": "country"})
    text_doc = names(locate_event(doc, trigger(doc, "patrolled"), dateline=False))
    assert text_doc == ("Lyon", None)


def test_a_named_area_is_no_reference_back(bare_nlp):
    text = "Rockets fell on Lyon on Monday. Police patrolled the Kessendorf area on Tuesday."
    doc = make_doc(bare_nlp, text, {"Lyon": "city"})
    assert names(locate_event(doc, trigger(doc, "patrolled"), dateline=False)) == (None, None)


def test_an_event_that_dates_the_clause_is_not_placed_at_its_sites(bare_nlp):
    text = "Hours after the bombing, patrols were seen on the streets in Varnek."
    doc = make_doc(bare_nlp, text, {"Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "bombing"), dateline=False)) == (None, None)
    # the clause's own event is placed there, and a site of the dating event's own words
    assert names(locate_event(doc, trigger(doc, "seen"), dateline=False)) == ("Varnek", None)
    text = "Hours after the bombing in Lyon, patrols were seen on the streets in Varnek."
    doc = make_doc(bare_nlp, text, {"Lyon": "city", "Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "bombing"), dateline=False)) == ("Lyon", None)


def test_where_the_actor_is_through_the_phrases_that_qualify_it(bare_nlp):
    text = "Some 300 workers from a bakery in Varnek marched on Monday."
    doc = make_doc(bare_nlp, text, {"Varnek": "city"})
    actor = (0, text.index(" marched"))
    found = locate_event(doc, trigger(doc, "marched"), skip_ranges=[actor], dateline=False)
    assert names(found) == ("Varnek", None)
    # a speaker's words are no actor's: their place stays out
    text = "Workers marched on Monday, a spokesman from a union in Varnek said."
    doc = make_doc(bare_nlp, text, {"Varnek": "city"})
    speaker = (text.index("a spokesman"), text.index(" said"))
    found = locate_event(doc, trigger(doc, "marched"), skip_ranges=[speaker], dateline=False)
    assert names(found) == (None, None)


def test_the_town_of_x_named_after_a_wider_place_is_the_site(bare_nlp):
    # the phrase hangs on the victims, not on the verb
    text = "Soldiers shot dead a guard and a boy in the Orvanian Coast town of Kessa."
    doc = make_doc(bare_nlp, text, {"Orvanian Coast": "region", "Kessa": "city"})
    assert names(locate_event(doc, trigger(doc, "shot"), dateline=False)) == ("Kessa", None)


def test_a_distance_from_a_place_is_a_point_of_reference_however_it_is_parsed(bare_nlp):
    text = "Militiamen captured the town of Kessa, 55 miles (90 kilometers) west of Varnek."
    doc = make_doc(bare_nlp, text, {"Kessa": "city", "Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "captured"), dateline=False)) == ("Kessa", None)


def test_a_hometown_of_names_the_site(bare_nlp):
    text = "Gunmen injured three soldiers in the mayor's hometown of Kessa on Monday."
    doc = make_doc(bare_nlp, text, {"Kessa": "city"})
    assert names(locate_event(doc, trigger(doc, "injured"), dateline=False)) == ("Kessa", None)


def test_a_direction_of_a_place_after_a_name_is_a_point_of_reference(bare_nlp):
    text = "A guard was shot near the village of Kessa, west of Varnek."
    doc = make_doc(bare_nlp, text, {"Kessa": "city", "Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "shot"), dateline=False)) == ("Kessa", None)
    # "in the north of X" is a part of X, the site
    text = "Two men were shot by troops in the north of Varnek."
    doc = make_doc(bare_nlp, text, {"Varnek": "city"})
    assert names(locate_event(doc, trigger(doc, "shot"), dateline=False)) == ("Varnek", None)


def test_marching_through_a_place_is_there(bare_nlp):
    text = "In Orvania, more than 2,000 people marched through Kessa on Sunday."
    doc = make_doc(bare_nlp, text, {"Orvania": "country", "Kessa": "city"})
    assert names(locate_event(doc, trigger(doc, "marched"), dateline=False)) == ("Kessa", None)
