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
        ("A local news website published the photos.", "A local news website", "media"),
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
