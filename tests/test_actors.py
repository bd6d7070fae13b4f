"""Actors: names merged in a document, roles and affiliations, the dictionary with fuzzy
matching, sectors of nominal actors, and a user's own dictionary file."""

from __future__ import annotations

import json

import pytest

from eventledger.extract.actors import ActorLexicon, ActorsExtractor, normalise


@pytest.fixture(scope="module")
def actors_of(nlp):
    def run(text: str) -> list[dict]:
        return nlp(text)._.el_actors

    return run


def by_name(actors: list[dict], name: str) -> dict:
    found = [a for a in actors if a["name"] == name]
    assert len(found) == 1, [(a["name"], [m["text"] for m in a["mentions"]]) for a in actors]
    return found[0]


def test_record_shape_and_offsets(actors_of):
    text = "Mayor Clara Osei opened the bridge. Osei thanked the workers."
    actors = actors_of(text)
    assert [a["id"] for a in actors] == [f"R{i}" for i in range(1, len(actors) + 1)]
    for actor in actors:
        assert set(actor) >= {
            "id",
            "name",
            "country",
            "sector",
            "mentions",
            "kind",
            "roles",
            "affiliation",
        }
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_surname_joins_the_full_name(actors_of):
    actors = actors_of(
        "Mayor Clara Osei opened the bridge on Monday. Later, Osei thanked the workers."
    )
    osei = by_name(actors, "Clara Osei")
    assert osei["kind"] == "person"
    assert [m["text"] for m in osei["mentions"]] == ["Mayor Clara Osei", "Osei"]
    assert osei["roles"] == ["Mayor"]


def test_title_role_and_affiliation_from_the_dictionary(actors_of):
    actors = actors_of("Hezbollah spokesperson Karim Haddad said the talks had ended.")
    haddad = by_name(actors, "Karim Haddad")
    assert haddad["roles"] == ["Hezbollah spokesperson"]
    assert haddad["affiliation"] == "Hezbollah"
    assert haddad["country"] == "LB"  # through the affiliation


def test_apposition_and_relative_clause_give_roles(actors_of):
    text = (
        "Lena Varga, a former member of the city council, spoke first. "
        "Council member Piotr Nowak, who is the head of the Green Harbour party, said the plan was late."
    )
    actors = actors_of(text)
    assert "former member of the city council" in by_name(actors, "Lena Varga")["roles"]
    nowak = by_name(actors, "Piotr Nowak")
    assert "head of the Green Harbour party" in nowak["roles"]
    assert nowak["affiliation"] == "Green Harbour"


def test_dictionary_aliases_and_normalisation(actors_of):
    actors = actors_of(
        "The IDF said it struck a depot. Reporters at the Associated Press saw smoke."
    )
    military = by_name(actors, "Israel (military)")
    assert military["country"] == "IL" and military["sector"] == "military"
    assert by_name(actors, "Associated Press")["sector"] == "media"


def test_fuzzy_match_of_a_spelling_variant():
    lexicon = ActorLexicon.load()
    entry = lexicon.entries[lexicon.lookup("Ezzedin al-Qassam Brigades")]
    assert entry.name == "Ezzoddin al-Qassam Brigades"
    assert entry.affiliation == "Hamas"
    assert lexicon.lookup("the Médecins Sans Frontières") == lexicon.lookup(
        "Medecins Sans Frontieres"
    )
    assert lexicon.lookup("Harbor Bakers Guild") is None


def test_normalise_folds_case_article_possessive_and_diacritics():
    assert normalise("The Hamas’s") == "hamas"
    assert normalise("Médecins  Sans-Frontières") == "medecins sans frontieres"


@pytest.mark.parametrize(
    "text, written, sector",
    [
        ("Protesters blocked the main road.", "Protesters", "civilians"),
        ("The soldiers left the village at dawn.", "The soldiers", "military"),
        ("Police closed the square.", "Police", "police"),
        ("Militants attacked a checkpoint.", "Militants", "armed group"),
        ("The interior ministry issued new rules.", "The interior ministry", "government"),
        # the bundled tagger reads "ministry" here as a proper noun
        ("The defence ministry issued new rules.", "The defence ministry", "government"),
        ("A local news website published the photos.", "A local news website", "media"),
        # A spokesperson speaks for any body, a rebel group as well as a ministry.
        ("A spokesman for the rebels read out the demands.", "A spokesman", None),
        # ... and takes the sector of the body it is named by.
        ("A police spokesman read out the demands.", "A police spokesman", "police"),
        ("A rebel spokesman read out the demands.", "A rebel spokesman", "armed group"),
        ("A rebel commander read out the demands.", "A rebel commander", "armed group"),
        ("According to the army, the road is mined.", "the army", "military"),
        # a health directorate is a body of the state, as a health ministry is
        ("The regional health directorate issued new rules.", "The regional health directorate",
         "government"),
        ("The regional bureau issued new rules.", "The regional bureau", "government"),
        ("The regiment left the village at dawn.", "The regiment", "military"),
        # a trade union is an actor, of no sector of its own
        ("The union called off the strike.", "The union", None),
        ("The committee rejected the plan.", "The committee", None),
    ],
)
def test_nominal_actor_sector_from_its_head_noun(actors_of, text, written, sector):
    actors = actors_of(text)
    actor = by_name(actors, written)
    assert actor["sector"] == sector
    assert actor["mentions"][0]["text"] == written


def test_country_of_a_nominal_actor_from_its_demonym(actors_of):
    actor = by_name(actors_of("Egyptian officials denied the report."), "Egyptian officials")
    assert actor["country"] == "EG"


def test_figures_are_not_actors(actors_of):
    actors = actors_of("Several people were injured and 12 soldiers were wounded.")
    assert all("people" not in a["name"] and "12" not in a["name"] for a in actors)


def test_heading_mentions_are_skipped(actors_of):
    text = "Police chief speaks out\n\nThe police chief, Ana Ruiz, said the roads were open."
    actors = actors_of(text)
    heading_end = text.index("\n")
    assert all(m["start"] > heading_end for a in actors for m in a["mentions"])


def test_user_actor_file(nlp, tmp_path):
    extra = tmp_path / "actors.json"
    extra.write_text(
        json.dumps(
            {
                "actors": [
                    {
                        "name": "Harbor Bakers Guild",
                        "aliases": ["HBG", "Bakers Guild"],
                        "country": "NZ",
                        "sector": "civilians",
                    }
                ]
            }
        )
    )
    text = "The Bakers Guild said bread prices would rise. The HBG meets on Friday."
    assert not any(a["name"] == "Harbor Bakers Guild" for a in nlp(text)._.el_actors)
    doc = nlp(text)
    ActorsExtractor(nlp, "custom", extra_actors_path=str(extra), fuzzy_threshold=92.0)(doc)
    guild = by_name(doc._.el_actors, "Harbor Bakers Guild")
    assert guild["country"] == "NZ"
    assert [m["text"] for m in guild["mentions"]] == ["Bakers Guild", "HBG"]


# -- coreference beyond names (actor_coref) -------------------------------------------------
def mention_owner(actors: list[dict], written: str) -> dict:
    found = [a for a in actors if any(m["text"] == written for m in a["mentions"])]
    assert len(found) == 1, [(a["name"], [m["text"] for m in a["mentions"]]) for a in actors]
    return found[0]


def test_bare_state_noun_takes_the_state_named_elsewhere(actors_of):
    actors = actors_of(
        "The Syrian government raised fuel prices on Monday. On Tuesday the government "
        "lowered them again."
    )
    assert mention_owner(actors, "the government")["name"] == "Syria (government)"


def test_forces_of_a_resolved_regime_are_its_military(actors_of):
    actors = actors_of(
        "The Syrian regime faced protests in the north. Witnesses said the regime's forces "
        "fired on the crowd."
    )
    forces = mention_owner(actors, "the regime's forces")
    assert (forces["name"], forces["country"], forces["sector"]) == (
        "Syria (military)",
        "SY",
        "military",
    )
    assert mention_owner(actors, "The Syrian regime")["name"] == "Syria (government)"


def test_possessive_country_qualifies_the_same_noun(actors_of):
    actors = actors_of(
        "Egypt's army opened the crossing on Sunday. The army said the road was safe."
    )
    assert mention_owner(actors, "The army")["name"] == "Egypt (military)"


def test_two_states_for_one_noun_leave_it_unresolved(actors_of):
    actors = actors_of(
        "The Iranian government met the Iraqi government on Monday. Later the government "
        "issued a statement."
    )
    owner = mention_owner(actors, "the government")
    assert owner["name"] == "the government"
    assert owner["country"] is None


def test_state_without_a_dictionary_entry_gives_only_the_country(actors_of):
    actors = actors_of(
        "The Chilean government announced a curfew. The government said it would last a week."
    )
    owner = mention_owner(actors, "The government")
    # No dictionary entry for Chile's government: the bare noun joins the one description.
    assert owner["name"] == "The Chilean government"
    assert owner["country"] == "CL"


def test_unqualified_state_noun_stays_as_written(actors_of):
    actors = actors_of("The army said the road was safe.")
    assert mention_owner(actors, "The army")["name"] == "The army"


def test_group_noun_in_an_armed_groups_statement_is_that_group(actors_of):
    actors = actors_of(
        "Hezbollah said in a statement that its fighters shelled a barracks near the border."
    )
    assert mention_owner(actors, "its fighters")["name"] == "Hezbollah"
    assert [a["id"] for a in actors] == [f"R{i}" for i in range(1, len(actors) + 1)]


def test_group_noun_goes_to_the_sources_affiliation(nlp):
    doc = nlp(
        "The Al-Quds Brigades said that resistance fighters shelled a military post near the fence."
    )
    owner = mention_owner(doc._.el_actors, "resistance fighters")
    assert owner["name"] == "Palestinian Islamic Jihad"
    assert owner["sector"] == "armed group"
    assert owner["id"] in {a["id"] for a in doc._.el_actors}


@pytest.mark.parametrize(
    "text, written",
    [
        ("Fighters attacked a police post near the border on Friday.", "Fighters"),
        ("The hospital director said that militants entered the ward at night.", "militants"),
    ],
)
def test_group_noun_outside_an_armed_groups_statement_stays(actors_of, text, written):
    assert mention_owner(actors_of(text), written)["name"] == written


def test_qualified_group_noun_in_an_armed_groups_statement_is_not_that_group(actors_of):
    actors = actors_of("Hezbollah said that Israeli soldiers shelled a village near the border.")
    assert mention_owner(actors, "Israeli soldiers")["name"] == "Israel (military)"


def test_platform_channel_is_not_an_actor(actors_of):
    actors = actors_of(
        "The Harbor Union said in a post on its Telegram channel that the talks had failed. "
        "The mayor later posted on Telegram that she disagreed."
    )
    assert not any("Telegram" in a["name"] for a in actors)
    assert not any("Telegram" in m["text"] for a in actors for m in a["mentions"])


def test_he_skips_a_woman_named_by_title(nlp):
    doc = nlp(
        "Mr Tomas Brandt opened the meeting. Ms Lena Fischer spoke next. "
        "He said the budget was too small."
    )
    brandt = by_name(doc._.el_actors, "Tomas Brandt")
    assert (brandt["gender"], by_name(doc._.el_actors, "Lena Fischer")["gender"]) == ("m", "f")
    assert [a["source"]["name"] for a in doc._.el_attributions] == ["Tomas Brandt"]


def test_gender_from_a_possessive_after_the_subject(actors_of):
    actors = actors_of("Tomas Brandt lost his seat in the vote on Sunday.")
    assert by_name(actors, "Tomas Brandt")["gender"] == "m"


def test_affiliation_from_the_body_a_possessor_in_the_role_stands_for(actors_of):
    actors = actors_of(
        "The Southern Defence Council claimed the strike. The council's commander, Rasim "
        "Bek, said more would follow."
    )
    bek = by_name(actors, "Rasim Bek")
    assert bek["roles"] == ["council's commander"]
    assert bek["affiliation"] == "Southern Defence Council"


def test_affiliation_from_the_organisation_its_in_the_role_refers_to(actors_of):
    actors = actors_of(
        "The Northern Alliance denied any role. \"Our units did not fire,\" its spokesman, "
        "Omar Halloum, told reporters."
    )
    halloum = by_name(actors, "Omar Halloum")
    assert halloum["roles"] == ["its spokesman"]
    assert halloum["affiliation"] == "Northern Alliance"


def test_a_bare_definite_role_noun_is_the_one_named_person_with_that_role(actors_of):
    actors = actors_of(
        "Defence Minister Ivo Karan and the mayor, Tomas Brandt, visited the port. "
        "The minister said the army would stay."
    )
    karan = by_name(actors, "Ivo Karan")
    assert [m["text"] for m in karan["mentions"]] == ["Defence Minister Ivo Karan", "The minister"]


def test_a_role_noun_two_named_people_share_stays_unresolved(actors_of):
    actors = actors_of(
        "President Dario Venn met President Lina Sorel in Kessa. The president said talks "
        "would go on."
    )
    for name in ("Dario Venn", "Lina Sorel"):
        assert "The president" not in [m["text"] for m in by_name(actors, name)["mentions"]]


def test_affiliation_from_a_state_body_in_the_role(actors_of):
    actors = actors_of("Lena Fischer, a former member of the Syrian cabinet, criticized the plan.")
    fischer = by_name(actors, "Lena Fischer")
    assert fischer["affiliation"] == "Syria (government)"
    assert fischer["roles"] == ["former member of the Syrian cabinet"]


def test_user_file_extends_platforms_and_state_nouns(tmp_path):
    extra = tmp_path / "actors.json"
    extra.write_text(
        json.dumps(
            {"actors": [], "platforms": ["Chirpr"], "state_nouns": {"police": ["gendarmerie"]}}
        )
    )
    lexicon = ActorLexicon.load(extra)
    assert "chirpr" in lexicon.platforms and "telegram" in lexicon.platforms
    assert lexicon.state_nouns["gendarmerie"] == "police"
    assert lexicon.state_nouns["regime"] == "government"
    assert lexicon.state_entries[("IL", "military")] == lexicon.lookup("Israeli army")


def test_bare_definite_description_is_the_one_earlier_description(actors_of):
    actors = actors_of(
        "A fire destroyed the depot, a council official said. The official said nobody "
        "was hurt."
    )
    owner = mention_owner(actors, "The official")
    assert [m["text"] for m in owner["mentions"]] == ["a council official", "The official"]


def test_bare_definite_description_with_two_candidates_stays_apart(actors_of):
    actors = actors_of(
        "A council official blamed the heat. A police official blamed a cigarette. "
        "The official did not give a name."
    )
    assert [m["text"] for m in mention_owner(actors, "The official")["mentions"]] == [
        "The official"
    ]


def test_the_group_is_the_one_organisation_named_before(actors_of):
    actors = actors_of(
        "The Eastern Brigade attacked the depot on Saturday.\n\n"
        "In a post on its channel, the group said its fighters had withdrawn."
    )
    owner = mention_owner(actors, "the group")
    assert owner["name"] == "Eastern Brigade"


def test_the_group_is_the_organisation_that_was_the_subject_just_before(actors_of):
    actors = actors_of(
        "The Harbor Gazette reported the raid on Monday. "
        "The Free Coast Movement claimed the raid in a post on its channel. "
        "The group said the depot had supplied the fleet."
    )
    assert mention_owner(actors, "The group")["name"] == "Free Coast Movement"


def test_the_last_word_of_an_organisation_named_before_is_that_organisation(actors_of):
    actors = actors_of(
        "A report published by the Human Security Monitor said 22 civilians had died. "
        "The monitor, which relies on volunteers, said it could not verify every death."
    )
    assert mention_owner(actors, "The monitor")["name"] == "Human Security Monitor"


def test_a_one_word_name_that_ends_an_organisation_named_before_is_that_one(actors_of):
    actors = actors_of(
        "The Free Valley Front said on Thursday that it held the airport. "
        "The Front also accused the army of shelling a school."
    )
    front = by_name(actors, "Free Valley Front")
    assert [m["text"] for m in front["mentions"]] == ["Free Valley Front", "Front"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("According to the newspaper Vechirni Visti, the market was hit twice. "
         "The paper said no warning had been given.", "Vechirni Visti"),
        ("Al Jazeera and the newspaper Vechirni Visti reported the strike. "
         "The paper said no warning had been given.", None),  # two outlets: either
    ],
)
def test_the_paper_is_the_one_outlet_named_before(actors_of, text, owner):
    found = mention_owner(actors_of(text), "The paper")["name"]
    assert found == owner if owner else found not in ("Al Jazeera", "Vechirni Visti")


def test_the_ministry_is_the_ministry_described_before_whatever_its_tag(actors_of):
    text = ("Police fired tear gas on Saturday, witnesses said, and the interior ministry "
            "said 46 people had been detained. The ministry put the number of injured at 12.")
    actors = actors_of(text)
    owner = mention_owner(actors, "The ministry")
    assert [m["text"] for m in owner["mentions"]] == ["the interior ministry", "The ministry"]


def test_the_group_after_two_named_organisations_stays_apart(actors_of):
    actors = actors_of(
        "The Eastern Brigade and the Northern Front signed the truce on Saturday.\n\n"
        "The group said its fighters had withdrawn."
    )
    assert mention_owner(actors, "The group")["name"] not in ("Eastern Brigade", "Northern Front")


def test_a_description_apposed_to_a_person_is_her_mention_and_role(nlp):
    doc = nlp(
        "The port spokesperson, Captain Mira Solberg, said that two ships had collided. "
        '"Nobody was hurt," she said.'
    )
    person = mention_owner(doc._.el_actors, "Captain Mira Solberg")
    assert person["name"] == "Mira Solberg"
    assert "The port spokesperson" in [m["text"] for m in person["mentions"]]
    assert "port spokesperson" in person["roles"]
    assert [a["source"]["name"] for a in doc._.el_attributions] == ["Mira Solberg"] * 2


@pytest.mark.parametrize("title", ["Lt. Col.", "Capt.", "Brig. Gen."])
def test_a_name_after_an_abbreviated_military_rank_is_a_person(actors_of, title):
    actors = actors_of(f"“The road is closed,” said {title} Ana Ruiz, a spokeswoman.")
    actor = by_name(actors, "Ana Ruiz")
    assert actor["kind"] == "person"


def test_one_of_a_group_apposed_to_a_name_is_that_persons_mention(actors_of):
    actors = actors_of("“We left at noon,” one of the organisers, Leyla Demir, told reporters.")
    mentions = [m["text"] for m in by_name(actors, "Leyla Demir")["mentions"]]
    assert mentions == ["one of the organisers", "Leyla Demir"]


def test_a_surname_the_recogniser_took_for_a_place_is_the_person(actors_of):
    # The bundled model tags this "Tal" as a place (GPE).
    actors = actors_of(
        "The regional governor, Amira Tal, ordered the evacuation of the district on Sunday."
        "\n\nThe militia accused the governor of spreading panic.\n\nTal rejected that."
    )
    assert [m["text"] for m in by_name(actors, "Amira Tal")["mentions"]][-1] == "Tal"
    assert not [a for a in actors if a["kind"] == "location"]


def test_a_name_tagged_as_an_organisation_apposed_to_a_role_is_a_person(actors_of):
    # The bundled model tags this "Grace Obi" as an organisation.
    actors = actors_of(
        "The UN's humanitarian coordinator, Grace Obi, said in a statement that every hour "
        "counts."
    )
    obi = by_name(actors, "Grace Obi")
    assert obi["kind"] == "person"
    assert [m["text"] for m in obi["mentions"]][0] == "The UN's humanitarian coordinator"


@pytest.mark.parametrize(
    "text, affiliation",
    [
        (
            "The Free Valley Front said it would fight on. Its spokesman said talks had "
            "failed.",
            "Free Valley Front",
        ),
        # "Its" is the school, which is no actor: no affiliation is guessed.
        ("The old school reopened on Monday. Its spokesman said classes would resume.", None),
    ],
)
def test_its_spokesman_works_for_the_organisation_that_spoke_before(
    actors_of, text, affiliation
):
    (described,) = [a for a in actors_of(text) if a["name"].startswith("Its")]
    assert described["affiliation"] == affiliation


def test_each_indefinite_mention_brings_in_someone_new(actors_of):
    text = (
        "A spokesman for the port said the ferry had sailed. "
        "Later a spokesman for the rebels said the ferry had been stopped. "
        "The spokesman gave no reason."
    )
    actors = actors_of(text)
    spokesmen = [a for a in actors if a["name"].lower() == "a spokesman"]
    assert [[m["start"] for m in a["mentions"]] for a in spokesmen] == [
        [text.index("A spokesman")],
        [text.index("a spokesman")],
    ]
    # Two spokesmen were brought in: "The spokesman" may be either, so it is neither.
    assert mention_owner(actors, "The spokesman")["name"] == "The spokesman"


def test_the_owner_inside_a_possessive_phrase_is_an_actor(actors_of):
    actors = actors_of("The army shelled the rebels' positions. The council's statement was brief.")
    rebels = by_name(actors, "the rebels")
    assert [m["text"] for m in rebels["mentions"]] == ["the rebels"]
    assert rebels["sector"] == "armed group"
    assert by_name(actors, "The council")["sector"] == "government"


def test_a_described_person_is_affiliated_with_whom_they_speak_for(actors_of):
    text = (
        "A spokesman for the Northern Front said the road was mined. "
        "The Free Coast Movement denied any role. A spokeswoman for the group said "
        "its members had left. A spokesman for the port declined to comment."
    )
    actors = actors_of(text)
    spokesmen = [a for a in actors if a["name"] in ("A spokesman", "A spokeswoman")]
    assert [a["affiliation"] for a in spokesmen] == [
        "Northern Front",
        "Free Coast Movement",
        None,  # the port is no organisation named before
    ]


def test_a_group_named_in_full_then_by_its_last_word_is_one_the_group_can_stand_for(actors_of):
    actors = actors_of(
        "The army said it had struck the Free Valley Front. The Front's leader, Omar Hadid, "
        "said the group would never surrender."
    )
    front = by_name(actors, "Free Valley Front")
    assert [m["text"] for m in front["mentions"]] == ["Free Valley Front", "Front", "the group"]
    assert by_name(actors, "Omar Hadid")["affiliation"] == "Free Valley Front"


def test_an_age_is_no_role(actors_of):
    actors = actors_of('"The whole street shook," said Lina Sabri, 34, a teacher.')
    assert by_name(actors, "Lina Sabri")["roles"] == ["teacher"]


def test_an_organisation_outside_the_dictionary_has_its_head_nouns_sector(actors_of):
    actors = actors_of(
        "Ali Rahimi, a spokesman for the interior ministry, told reporters that 30 people "
        "had been arrested."
    )
    ministry = next(a for a in actors if a["kind"] == "organization")
    assert ministry["name"] == "interior ministry"
    assert ministry["sector"] == "government"


@pytest.mark.parametrize(
    "text",
    [
        "The Vellan Observer reported that nine civilians had been killed.",  # no entity
        "The mayor told the Kessa Courier that the bridge would reopen.",  # read as a person
    ],
)
def test_a_newspaper_name_after_the_is_a_media_organisation(actors_of, text):
    (newspaper,) = [a for a in actors_of(text) if a["sector"] == "media"]
    assert newspaper["kind"] == "organization"
    assert newspaper["name"] in ("Vellan Observer", "Kessa Courier")


def test_a_named_person_described_as_speaking_for_an_organisation_is_affiliated_with_it(
    actors_of,
):
    actors = actors_of(
        "The government's humanitarian office said it had approved the convoy. A spokesman "
        "for the office, Tarik Nour, declined to say when the next one would leave."
    )
    assert by_name(actors, "Tarik Nour")["affiliation"] == "The government's humanitarian office"


def test_a_newspaper_in_the_dateline_is_the_one_named_after_the(actors_of):
    actors = actors_of(
        "DERAN, June 3 (Kessa Courier) - A convoy of trucks reached the town on Tuesday.\n\n"
        "The mayor told the Kessa Courier that about 40,000 people remained."
    )
    courier = by_name(actors, "Kessa Courier")
    assert (courier["kind"], courier["sector"], courier["roles"]) == ("organization", "media", [])
    assert len(courier["mentions"]) == 2


def test_an_organisation_name_the_ner_runs_into_a_preposition_ends_before_it(actors_of):
    actors = actors_of("She accused the ministry of 'playing with numbers while children wait'.")
    assert not [a for a in actors if a["name"].endswith(("of", "'"))]


def test_a_form_of_address_is_no_role(actors_of):
    actors = actors_of(
        "The education minister, Farid Osman, spoke on Wednesday. Mr Osman said the schools "
        "would reopen."
    )
    osman = by_name(actors, "Farid Osman")
    assert osman["roles"] == ["education minister"]
    assert osman["gender"] == "m"


@pytest.mark.parametrize(
    ("text", "written", "affiliation", "sector"),
    [
        ("A spokeswoman for the border authority said the crossing would stay closed.",
         "A spokeswoman", "border authority", "government"),
        ("A doctor at the city hospital put the number of wounded at 30.",
         "A doctor", "city hospital", "health"),
    ],
)
def test_a_person_described_by_an_unnamed_body_is_affiliated_with_it_as_written(
    actors_of, text, written, affiliation, sector
):
    person = by_name(actors_of(text), written)
    assert (person["affiliation"], person["sector"]) == (affiliation, sector)


def test_the_name_a_person_gives_is_no_role(actors_of):
    actors = actors_of(
        "A farmer who asked to be identified only by his first name, Hamid, said smoke was "
        "still rising from the base."
    )
    assert by_name(actors, "Hamid")["roles"] == []


def test_two_people_of_one_surname_are_two_actors(nlp):
    doc = nlp(
        "The party said its leader, Sara Kamal, was arrested on Thursday. \"They took her "
        "away without a warrant,\" her husband, Adel Kamal, told reporters."
    )
    sara, adel = by_name(doc._.el_actors, "Sara Kamal"), by_name(doc._.el_actors, "Adel Kamal")
    assert (sara["roles"], adel["roles"]) == (["its leader"], ["her husband"])
    (quote,) = [a for a in doc._.el_attributions if a["kind"] == "direct"]
    assert quote["source"]["name"] == "Adel Kamal"


def test_a_users_actor_file_extends_the_word_lists_of_mention_building(tmp_path):
    extra = tmp_path / "actors.json"
    extra.write_text(json.dumps({"person_heads": ["Harbourmaster"], "org_words": ["Guild"]}))
    assert "harbourmaster" not in ActorLexicon.load().person_heads
    lexicon = ActorLexicon.load(extra)
    assert "harbourmaster" in lexicon.person_heads and "guild" in lexicon.org_words
    assert ActorLexicon.load().person_heads < lexicon.person_heads
