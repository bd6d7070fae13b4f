"""Attributions: each frame, pronoun sources, cites, cited_by, channel, headings, offsets."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from eventledger.errors import ConfigError
from eventledger.extract.attribution_spans import SPANS_KEY
from eventledger.extract.attributions import AttributionsExtractor, CueLexicon


@pytest.fixture(scope="module")
def attribute(nlp):
    def run(text: str) -> tuple[list[dict], list[dict]]:
        doc = nlp(text)
        return doc._.el_attributions, doc._.el_actors

    return run


@pytest.fixture(scope="module")
def attribute_by_rules(nlp):
    """The rules alone, as if the attribution span tagger had not run: for the frames and
    sources the rules give, whatever the tagger makes of a sentence."""
    rules = AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )

    def run(text: str) -> tuple[list[dict], list[dict]]:
        doc = nlp(text)
        del doc.spans[SPANS_KEY]
        rules(doc)
        return doc._.el_attributions, doc._.el_actors

    return run


def only(attributions: list[dict], cue: str | None) -> dict:
    found = [a for a in attributions if (a["cue"]["text"] if a["cue"] else None) == cue]
    assert len(found) == 1, [(a["cue"], a["content"]["text"]) for a in attributions]
    return found[0]


def said_by(attributions: list[dict], written: str) -> dict:
    """The one attribution whose source is written ``written`` ("She", "They")."""
    found = [a for a in attributions if a["source"] and a["source"]["text"] == written]
    assert len(found) == 1, [(a["source"], a["content"]["text"]) for a in attributions]
    return found[0]


def actor_id(actors: list[dict], name: str) -> str:
    found = [a["id"] for a in actors if a["name"] == name]
    assert len(found) == 1, [a["name"] for a in actors]
    return found[0]


def spans_of(record: dict):
    for key in ("source", "cue", "content", "channel"):
        if record[key]:
            yield record[key]
    yield from record["cites"]
    yield from record["cited_by"]


def test_said_that_clause(attribute):
    attributions, _ = attribute("Mayor Clara Osei said that the bridge would reopen in June.")
    a = only(attributions, "said")
    assert a["kind"] == "indirect"
    assert a["content"]["text"] == "the bridge would reopen in June"
    assert a["source"]["text"] == "Mayor Clara Osei"
    assert a["source"]["name"] == "Clara Osei"
    assert a["source"]["actor"] is not None


def test_quote_before_speaker_is_direct_without_marks(attribute):
    attributions, _ = attribute('"The water is safe to drink," the utility company said.')
    a = only(attributions, "said")
    assert a["kind"] == "direct"
    assert a["content"]["text"] == "The water is safe to drink"
    assert a["source"]["text"] == "the utility company"


def test_second_quote_goes_to_the_same_speaker(attribute):
    text = "“We will rebuild the school,” Principal Amira Haddad said. “The children deserve it.”"
    attributions, _ = attribute(text)
    assert len(attributions) == 2
    first, second = attributions
    assert first["content"]["text"] == "We will rebuild the school"
    assert second["kind"] == "direct"
    assert second["cue"] == first["cue"]  # the verb that reported the first quote
    assert second["content"]["text"] == "The children deserve it"
    assert second["source"]["name"] == first["source"]["name"] == "Amira Haddad"


def test_mixed_quote_inside_reported_clause(attribute):
    text = "The coach stressed that the team “will not lose again this season,” and that training starts early."
    attributions, _ = attribute(text)
    a = only(attributions, "stressed")
    assert a["kind"] == "mixed"
    assert a["content"]["text"].startswith("the team “will not lose")
    assert a["content"]["text"].endswith("training starts early")


@pytest.mark.parametrize(
    "text, content",
    [
        ("The minister said the ceasefire signed in Geneva would hold.",
         "the ceasefire signed in Geneva would hold"),
        ("Rebels said the convoy attacked on Monday carried weapons.",
         "the convoy attacked on Monday carried weapons"),
    ],
)
def test_a_subject_with_a_participle_keeps_the_rest_of_its_clause(attribute_by_rules, text,
                                                                 content):
    # The parser reads the participle as the reported clause and hangs the rest of it on
    # "said" as a second clause.
    attributions, _ = attribute_by_rules(text)
    assert only(attributions, "said")["content"]["text"] == content


def test_a_second_report_after_and_is_not_taken_into_the_first_clause(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "He said the army was ready to respond and warned that it would not hesitate."
    )
    assert only(attributions, "said")["content"]["text"] == "the army was ready to respond"


@pytest.mark.parametrize(
    "marks", [("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ('"', '"')], ids=["curly", "guillemets", "straight"]
)
def test_mixed_content_ending_in_quoted_words_keeps_their_closing_mark(attribute_by_rules, marks):
    opening, closing = marks
    text = f"The inspector said the repair was {opening}a waste of public money{closing}."
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "said")
    assert a["kind"] == "mixed"
    assert a["content"]["text"] == f"the repair was {opening}a waste of public money{closing}"
    # With the full stop inside the marks, the content ends with them all the same.
    text = f"The inspector dismissed the report as {opening}pure fabrication.{closing}"
    a = only(attribute_by_rules(text)[0], "dismissed")
    assert a["content"]["text"] == f"the report as {opening}pure fabrication.{closing}"


@pytest.mark.parametrize(
    "text",
    [
        "\u00ab We have no water, \u00bb said Mira Dalen.",
        "\u00abWe have no water and no power,\u00bb said Mira Dalen, who lives by the depot.",
    ],
)
def test_a_closing_guillemet_is_never_the_speaker(attribute_by_rules, text):
    a = only(attribute_by_rules(text)[0], "said")
    assert a["kind"] == "direct"
    assert a["source"]["text"] == "Mira Dalen"


def test_a_figure_put_at_a_number_is_reported_by_whoever_put_it(attribute):
    text = "The health ministry placed the death toll at 31 on Monday, citing hospital records."
    attributions, _ = attribute(text)
    a = only(attributions, "placed")
    assert a["source"]["text"] == "The health ministry"
    assert a["content"]["text"] == "the death toll at 31"
    assert [c["text"] for c in a["cites"]] == ["hospital records"]


def test_put_reports_only_with_a_figure_as_its_object(attribute):
    attributions, _ = attribute("The strike put pressure on the government for a week.")
    assert attributions == []


def test_defending_a_place_is_an_act_not_a_stance_and_adding_stays_with_the_speaker(
    attribute_by_rules,
):
    text = (
        "Idris said his fighters were defending the town, adding: "
        "'We are the ones protecting the people.'"
    )
    attributions, _ = attribute_by_rules(text)
    assert [a["cue"]["text"] for a in attributions] == ["said", "adding"]
    assert only(attributions, "said")["content"]["text"] == "his fighters were defending the town"
    assert only(attributions, "adding")["source"]["text"] == "Idris"


def test_defending_a_decision_is_a_stance(attribute_by_rules):
    attributions, _ = attribute_by_rules("The mayor defended the decision to close the market.")
    assert only(attributions, "defended")["content"]["text"] == "the decision to close the market"


@pytest.mark.xfail(strict=True, reason="regression with the all-mpnet-base-v2 tagger: its content 'the next round of talks' is too short to confirm the according-to attribution, so 'She' has no speaker")
def test_she_after_an_unnamed_speaker_is_that_speaker(attribute):
    text = (
        "Mayor Ilse Varn said the bridge would reopen in June.\n\n"
        "According to a diplomat who spoke on condition of anonymity, the next round of talks "
        "will start on Friday. She said the venue had not been chosen."
    )
    attributions, actors = attribute(text)
    she = said_by(attributions, "She")
    assert she["source"]["name"] == "a diplomat"
    assert she["source"]["actor"] == actor_id(actors, "a diplomat")


def test_it_after_a_name_with_no_actor_is_that_name(attribute):
    # Chosen so the bundled NER misses "Channel 9" here (it finds it in a sentence alone).
    text = (
        "Ceasefire talks stall\n\n"
        'In a post on X, Foreign Minister Dana Levin wrote that the talks had "reached a '
        'dead end".\n\n'
        "Channel 9 reported that 12 people were hurt in the blast. Citing police sources, "
        "it said two of them were in serious condition."
    )
    attributions, _ = attribute(text)
    assert said_by(attributions, "Channel 9")["source"]["actor"] is None
    it = said_by(attributions, "it")
    assert it["source"]["name"] == "Channel 9"
    assert [c["text"] for c in it["cites"]] == ["police sources"]


def test_she_is_not_an_unnamed_spokesman(attribute):
    text = (
        "According to a diplomat who spoke on condition of anonymity, the talks will resume "
        "on Friday.\n\nAccording to a spokesman who asked not to be named, the venue has not "
        "been chosen. She said the delegations would meet in Varna."
    )
    attributions, _ = attribute(text)
    she = said_by(attributions, "She")
    assert she["source"]["name"] == "a diplomat"


def test_asking_not_to_be_named_is_no_report(attribute):
    text = (
        "A doctor at the city hospital, who asked not to be named, said the ward had received "
        "23 wounded people."
    )
    attributions, _ = attribute(text)
    assert [a["content"]["text"] for a in attributions] == [
        "the ward had received 23 wounded people"
    ]


def test_asking_that_ones_name_not_be_used_is_no_report(attribute_by_rules):
    text = (
        "The shelling has not stopped, a resident told the Courier. She asked that her name "
        "not be used for fear of reprisals."
    )
    attributions, _ = attribute_by_rules(text)
    assert [a["content"]["text"] for a in attributions] == ["The shelling has not stopped"]


def test_they_after_unnamed_people_is_those_people(attribute):
    text = (
        "The Interior Ministry said 12 people had been arrested.\n\n"
        "Protest organisers rejected the ministry's account. They said more than 40 "
        "demonstrators were detained."
    )
    attributions, _ = attribute(text)
    they = said_by(attributions, "They")
    assert they["source"]["name"] == "Protest organisers"


def test_whom_a_speaker_cites_at_the_end_of_the_sentence_is_a_cite_not_a_report(attribute):
    text = (
        "Protest organisers rejected the account of the ministry.\n\n"
        "They said more than 40 demonstrators were detained, citing lawyers who represent them."
    )
    attributions, _ = attribute(text)
    assert [a["cue"]["text"] for a in attributions] == ["rejected", "said"]
    assert [c["text"] for c in attributions[1]["cites"]] == ["lawyers who represent them"]


def test_a_quotation_announced_by_a_colon_is_said_by_the_clause_subject(attribute):
    text = (
        "\u201cWe came here in good faith,\u201d said Omar Reth, the head of the delegation.\n\n"
        "His deputy, Lina Sorel, was blunter: \u2018They want time to rearm.\u2019"
    )
    attributions, _ = attribute(text)
    (quote,) = [a for a in attributions if a["content"]["text"] == "They want time to rearm"]
    assert quote["source"]["name"] == "Lina Sorel"


def test_according_to(attribute):
    attributions, _ = attribute("According to local police, three cars were damaged in the storm.")
    a = only(attributions, "According to")
    assert a["kind"] == "according_to"
    assert a["source"]["text"] == "local police"
    assert a["content"]["text"] == "three cars were damaged in the storm"


def test_a_poll_reports_its_findings(attribute):
    text = (
        "In a poll released Monday by the Harbor Institute, 52 percent of voters chose Ortiz "
        "while 40 percent chose Lund.\n\n"
        "Ortiz has a clear lead in the polls ahead of the vote.\n\n"
        "\u201cWe are holding our own in the polls,\u201d the campaign manager said."
    )
    attributions, _ = attribute(text)
    poll, polls = [a for a in attributions if a["kind"] == "according_to"]
    assert poll["cue"]["text"] == "In"
    assert poll["source"]["text"] == "a poll released Monday by the Harbor Institute"
    assert poll["content"]["text"] == "52 percent of voters chose Ortiz while 40 percent chose Lund"
    assert polls["cue"]["text"] == "in"
    assert polls["source"]["text"] == "the polls"
    assert polls["content"]["text"].startswith("Ortiz has a clear lead")
    # A poll inside a quotation is in the speaker's words: the speaker's report only.
    said = only(attributions, "said")
    assert said["content"]["text"] == "We are holding our own in the polls"


def test_people_taking_part_in_a_poll_report_nothing_by_it(attribute_by_rules):
    attributions, _ = attribute_by_rules("Voters who took part in the poll were asked about taxes.")
    assert not [a for a in attributions if a["kind"] == "according_to"]


def test_asked_about_reports_what_was_asked_not_whom(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The radio host asked the senator about statements he had made the previous night."
    )
    asked = only(attributions, "asked")
    assert asked["content"]["text"] == "statements he had made the previous night"
    assert asked["source"]["text"] == "The radio host"


def test_participle_adds_a_second_attribution_for_the_same_speaker(attribute):
    text = "Senator Ruth Alvarez spoke at the harbour. She said the port needed new cranes, adding that funding had been approved."
    attributions, actors = attribute(text)
    said, adding = only(attributions, "said"), only(attributions, "adding")
    assert said["content"]["text"] == "the port needed new cranes"
    assert adding["content"]["text"] == "funding had been approved"
    assert said["source"]["text"] == adding["source"]["text"] == "She"
    assert said["source"]["name"] == adding["source"]["name"] == "Ruth Alvarez"
    alvarez = next(r for r in actors if r["name"] == "Ruth Alvarez")
    assert said["source"]["actor"] == alvarez["id"]
    assert "She" in [m["text"] for m in alvarez["mentions"]]


def test_infinitive_cue_speaks_for_the_subject_of_its_verb_not_the_reporter(attribute_by_rules):
    text = (
        "Delegates of the two farming unions met in Lisbon to discuss the water quota, "
        "the Portuguese agriculture ministry said."
    )
    attributions, _ = attribute_by_rules(text)
    discuss = only(attributions, "discuss")
    assert discuss["content"]["text"] == "the water quota"
    assert discuss["source"]["text"] == "Delegates of the two farming unions"
    assert only(attributions, "said")["source"]["text"] == "the Portuguese agriculture ministry"


def test_he_resolves_to_the_latest_person_speaker(attribute):
    text = (
        "Farm union leader Tomas Brandt said that prices had fallen. "
        "Ministers met on Tuesday. "
        "Prices would recover next year, he added."
    )
    attributions, _ = attribute(text)
    a = only(attributions, "added")
    assert a["source"]["text"] == "he"
    assert a["source"]["name"] == "Tomas Brandt"
    assert a["content"]["text"] == "Prices would recover next year"
    assert "Prices" not in only(attributions, "said")["content"]["text"]


def test_it_resolves_to_an_organisation(attribute):
    text = "The health ministry said in a statement that the clinic had closed. It said the staff were safe."
    attributions, _ = attribute(text)
    second = said_by(attributions, "It")
    assert second["source"]["name"] == "The health ministry"
    assert second["content"]["text"] == "the staff were safe"


def test_they_resolves_to_a_group(attribute):
    text = "Residents reported that the power had been cut. They said repairs would take a week."
    attributions, _ = attribute(text)
    assert said_by(attributions, "They")["source"]["name"] == "Residents"


def test_short_name_resolves_to_the_full_name(attribute):
    text = "Union leader Tomas Brandt told reporters that prices had fallen. Brandt added that the union would protest."
    attributions, _ = attribute(text)
    a = only(attributions, "added")
    assert a["source"]["text"] == "Brandt"
    assert a["source"]["name"] == "Tomas Brandt"


def test_cites(attribute):
    text = "Citing hospital staff, the newspaper said two people were treated for smoke inhalation."
    attributions, _ = attribute(text)
    a = only(attributions, "said")
    assert [c["text"] for c in a["cites"]] == ["hospital staff"]
    assert a["source"]["text"] == "the newspaper"


@pytest.mark.parametrize("participle", ["citing", "quoting"])
def test_a_cite_between_the_cue_and_its_clause_is_neither_content_nor_more_than_its_object(
    attribute_by_rules, participle
):
    text = (
        f"The river authority said, {participle} its engineers, that two dams had failed, "
        "among them the oldest one."
    )
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "said")
    assert a["content"]["text"] == "two dams had failed, among them the oldest one"
    assert [c["text"] for c in a["cites"]] == ["its engineers"]


def test_a_cite_after_the_cue_when_the_parser_made_the_cue_a_clause_of_the_claim(
    attribute_by_rules,
):
    text = (
        "Channel 4 reported, citing dock workers, that 11 people were wounded when a drone "
        "hit a fuel depot on Thursday night."
    )
    a = only(attribute_by_rules(text)[0], "reported")
    assert a["content"]["text"] == (
        "11 people were wounded when a drone hit a fuel depot on Thursday night"
    )
    assert [c["text"] for c in a["cites"]] == ["dock workers"]


def test_quoted_as_saying_is_said_by_the_passive_subject(attribute_by_rules):
    text = "The harbour master was quoted as saying that the channel would reopen on Friday."
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "quoted as saying")
    assert a["source"]["text"] == "The harbour master"
    assert a["content"]["text"] == "the channel would reopen on Friday"


def test_quoted_him_as_saying_is_said_by_the_object_and_carried_by_the_subject(
    attribute_by_rules,
):
    text = (
        "A port official spoke on Monday. The Kessa Courier quoted him as saying that the "
        "channel would reopen on Friday."
    )
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "quoted him as saying")
    assert a["source"]["text"] == "him"
    assert a["source"]["name"] == "A port official"
    assert a["content"]["text"] == "the channel would reopen on Friday"
    assert [c["text"] for c in a["cited_by"]] == ["The Kessa Courier"]


@pytest.mark.parametrize(
    "text, channel",
    [
        (
            "A government spokesman, speaking to the Orvania Times, insisted the delegation "
            "had only paused the talks.",
            "the Orvania Times",
        ),
        (
            "Speaking to reporters in Lisk, the minister insisted the delegation had only "
            "paused the talks.",
            "reporters",
        ),
    ],
)
def test_whom_the_speaker_was_speaking_to_is_the_channel(attribute_by_rules, text, channel):
    a = only(attribute_by_rules(text)[0], "insisted")
    assert a["channel"]["text"] == channel
    assert a["content"]["text"] == "the delegation had only paused the talks"


def test_a_source_keeps_the_closing_parenthesis_of_its_acronym(attribute_by_rules):
    text = "The UN refugee agency (UNHCR) said that 3,000 people had crossed the border."
    attributions, _ = attribute_by_rules(text)
    assert only(attributions, "said")["source"]["text"] == "The UN refugee agency (UNHCR)"


def test_a_source_keeps_the_name_that_follows_its_noun(attribute_by_rules):
    for text in (
        "Lebanon's state news agency NNA reported that a drone strike hit a car.",
        # Here the parser makes the name a second subject of the verb.
        "Israeli officials said on Thursday that 14 rockets had been fired from the north, "
        "most of which were intercepted. Hezbollah did not immediately comment.\n\n"
        "Lebanon's state news agency NNA reported that an Israeli drone strike hit a car "
        "near the border town of Marjayoun, killing two people.",
    ):
        attributions, _ = attribute_by_rules(text)
        source = only(attributions, "reported")["source"]["text"]
        assert source == "Lebanon's state news agency NNA"
    # A name set off by commas is an apposition, and the source stays as the noun.
    text = "The mayor, Ilse Varn, said the road was closed."
    assert only(attribute_by_rules(text)[0], "said")["source"]["text"] == "The mayor"


@pytest.mark.parametrize("nobody", ["No group has", "No one has", "Neither side", "Neither of them"])
def test_a_subject_that_names_no_one_reports_nothing(attribute_by_rules, nobody):
    text = f"{nobody} claimed responsibility for the bombing of the depot."
    assert attribute_by_rules(text)[0] == []


def test_a_date_after_what_a_verb_calls_something_is_not_its_content(attribute_by_rules):
    text = "The army called the strike a precise operation on Monday."
    a = only(attribute_by_rules(text)[0], "called")
    assert a["content"]["text"] == "the strike a precise operation"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The envoy urged both sides to return to talks.", "urged",
         "both sides to return to talks"),
        ("The ministry warned civilians to leave the area.", "warned",
         "civilians to leave the area"),
        ("The minister called on both sides to show restraint.", "called",
         "both sides to show restraint"),
    ],
)
def test_a_call_to_act_keeps_whom_it_addresses(attribute_by_rules, text, cue, content):
    a = only(attribute_by_rules(text)[0], cue)
    assert a["content"]["text"] == content


def test_a_day_after_on_is_no_one_addressed(attribute_by_rules):
    text = "The minister vowed on Wednesday to rebuild every school damaged in the fighting."
    a = only(attribute_by_rules(text)[0], "vowed")
    assert a["content"]["text"] == "to rebuild every school damaged in the fighting"


def test_a_verb_followed_by_the_next_predicate_reports_nothing(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The army said it was ready to respond and warned residents to stay away."
    )
    assert [(a["cue"]["text"], a["content"]["text"]) for a in attributions] == [
        ("said", "it was ready to respond"),
        ("warned", "residents to stay away"),
    ]


@pytest.mark.parametrize("body", ["police", "army"])
def test_a_statement_named_after_a_body_is_said_by_that_body(attribute_by_rules, body):
    text = f"A {body} statement said that the checkpoint had been attacked twice."
    a = only(attribute_by_rules(text)[0], "said")
    assert a["source"]["text"] == body
    assert a["channel"]["text"] == f"{body} statement"


def test_a_statement_named_after_a_body_the_tagger_reads_is_said_by_that_body(attribute):
    text = 'A ministry statement accused Kamal of "inciting violence" during protests last month.'
    a = only(attribute(text)[0], "accused")
    assert a["source"]["text"] == "ministry"
    assert a["channel"]["text"] == "ministry statement"


def test_a_source_written_as_an_earlier_actor_mention_is_that_actor(attribute):
    text = (
        "Police said 12 officers were hurt. A police statement said officers had used "
        "tear gas."
    )
    attributions, actors = attribute(text)
    ids = {a["source"]["actor"] for a in attributions}
    assert len(ids) == 1 and None not in ids
    (police,) = [r for r in actors if r["id"] in ids]
    assert [m["text"] for m in police["mentions"]] == ["Police", "police"]


def test_a_news_report_is_no_ones_statement(attribute_by_rules):
    text = "A news report said that the checkpoint had been attacked twice."
    assert only(attribute_by_rules(text)[0], "said")["source"]["text"] == "A news report"


def test_a_determiner_that_opens_the_content_stays(attribute_by_rules):
    text = "The organisers of the march disputed that account."
    assert only(attribute_by_rules(text)[0], "disputed")["content"]["text"] == "that account"


def test_a_claim_the_parser_made_a_second_subject_of_the_cue(attribute_by_rules):
    text = (
        "The ceasefire in the Orvan valley held overnight, the monitoring mission said on "
        "Friday, while both sides accused each other of minor violations."
    )
    a = only(attribute_by_rules(text)[0], "said")
    assert a["source"]["text"] == "the monitoring mission"
    assert a["content"]["text"] == "The ceasefire in the Orvan valley held overnight"


def test_a_vague_source_keeps_the_words_that_place_it(attribute_by_rules):
    text = "Nurses at the district clinic said that eleven patients had arrived overnight."
    attributions, _ = attribute_by_rules(text)
    assert only(attributions, "said")["source"]["text"] == "Nurses at the district clinic"


def test_according_to_before_a_passive_report_is_what_the_source_says(attribute_by_rules):
    text = "According to the mission, which has 40 observers, no casualties were reported."
    a = only(attribute_by_rules(text)[0], "According to")
    assert a["source"]["text"] == "the mission"
    assert a["content"]["text"] == "no casualties were reported"


def test_an_outlet_right_after_the_cue_carried_the_report(attribute):
    text = "The ministry said, according to the Harbor Gazette, that the port was closed."
    (a,) = attribute(text)[0]
    assert a["source"]["text"] == "The ministry"
    assert a["content"]["text"] == "the port was closed"
    assert [c["text"] for c in a["cited_by"]] == ["the Harbor Gazette"]


def test_an_outlet_reporting_according_to_unnamed_people_cites_them(attribute_by_rules):
    text = (
        "The Harbor Gazette reported, according to sources in the talks, that the two "
        "commanders had agreed to a prisoner exchange."
    )
    (a,) = attribute_by_rules(text)[0]
    assert a["source"]["text"] == "The Harbor Gazette" and a["cue"]["text"] == "reported"
    assert a["content"]["text"] == "the two commanders had agreed to a prisoner exchange"
    assert [c["text"] for c in a["cites"]] == ["sources in the talks"] and not a["cited_by"]
    # A person's words passed on by aides: the aides carried the report.
    (a,) = attribute_by_rules(
        "The minister said, according to aides, that the convoy would leave at dawn."
    )[0]
    assert [c["text"] for c in a["cited_by"]] == ["aides"] and not a["cites"]


def test_according_to_a_body_named_like_a_channel_is_who_carried_the_report(
    attribute_by_rules,
):
    attributions, _ = attribute_by_rules(
        "Aid workers warned that the road to Kessa remained closed, according to the World "
        "Food Programme."
    )
    a = only(attributions, "warned")
    assert a["channel"] is None  # "Programme" names a body here, not a broadcast
    assert [c["text"] for c in a["cited_by"]] == ["the World Food Programme"]


@pytest.mark.parametrize(
    "text, cue, source",
    [
        (
            "The army said on Sunday that twelve fighters had been killed near Kessa, a claim "
            "the Free Valley Front denied.",
            "denied",
            "the Free Valley Front",
        ),
        (
            "The ministry said 40 people were detained, a figure that rights groups disputed.",
            "disputed",
            "rights groups",
        ),
    ],
)
def test_a_claim_another_side_denied_is_their_answer_to_the_same_content(
    attribute_by_rules, text, cue, source
):
    attributions, _ = attribute_by_rules(text)
    (first,) = [a for a in attributions if a["cue"]["text"] == "said"]
    answer = only(attributions, cue)
    assert answer["content"] == first["content"]
    assert answer["source"]["text"] == source
    assert answer["negated"] is True


def test_a_gloss_without_a_report_in_it_is_no_answer(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The army said it killed a commander, a term it uses for any fighter."
    )
    assert [a["cue"]["text"] for a in attributions] == ["said"]


def test_according_to_a_statement_after_a_report_is_its_channel(attribute_by_rules):
    text = (
        "The army said its units had shelled the village of Kessa, according to a statement "
        "posted on its website."
    )
    (a,) = attribute_by_rules(text)[0]
    assert a["source"]["text"] == "The army"
    assert a["content"]["text"] == "its units had shelled the village of Kessa"
    assert a["channel"]["text"] == "statement posted on its website"
    # Someone's account is whose words carried the report, not its channel.
    (a,) = attribute_by_rules(
        "The guard said the gate was open, according to the driver's account."
    )[0]
    assert a["channel"] is None and [c["text"] for c in a["cited_by"]] == ["the driver's account"]


def test_a_reporting_verb_in_a_relative_clause_takes_nothing_beyond_the_clause(
    attribute_by_rules,
):
    text = (
        "A military spokesman, who spoke on condition of anonymity because he was not "
        "authorized to brief reporters, said the operation would continue."
    )
    (a,) = attribute_by_rules(text)[0]
    assert (a["cue"]["text"], a["content"]["text"]) == ("said", "the operation would continue")


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "KESSA, Orvania (Halvik Courier) - Government forces shelled the town overnight, "
            "a local doctor said.",
            "Government forces shelled the town overnight",
        ),
        (  # the parser starts the content at the dateline's date
            "Drone strike hits fuel depot near Varosh\n\nVAROSH, March 4 — A drone struck a "
            "fuel depot on the outskirts of Varosh early on Tuesday, killing two workers and "
            "wounding at least nine, regional health officials said.",
            "A drone struck a fuel depot on the outskirts of Varosh early on Tuesday, killing "
            "two workers and wounding at least nine",
        ),
    ],
)
def test_a_content_starts_after_the_dateline(attribute_by_rules, text, content):
    (a,) = [a for a in attribute_by_rules(text)[0] if a["cue"]["text"] == "said"]
    assert a["content"]["text"] == content


def test_by_telephone_is_a_channel_but_quoted_by_a_channel_is_who_carried_it(
    attribute_by_rules,
):
    (a,) = attribute_by_rules(
        "A rebel commander said by telephone that his fighters would respond."
    )[0]
    assert a["channel"]["text"] == "telephone"
    assert a["content"]["text"] == "his fighters would respond"
    (a,) = attribute_by_rules(
        "The spokesman was quoted by the channel as saying the talks had failed."
    )[0]
    assert a["channel"] is None and [c["text"] for c in a["cited_by"]] == ["the channel"]


def test_what_a_speaker_comments_on_is_the_content_not_the_channel(attribute_by_rules):
    (a,) = attribute_by_rules("The ministry has not commented on the report.")[0]
    assert a["content"]["text"] == "the report" and a["channel"] is None


def test_cited_by(attribute):
    text = (
        "The mine would stay closed, the company's spokesman said, according to the Harbor Gazette."
    )
    attributions, _ = attribute(text)
    assert len(attributions) == 1
    a = attributions[0]
    assert a["cue"]["text"] == "said"
    assert a["content"]["text"] == "The mine would stay closed"
    assert [c["name"] for c in a["cited_by"]] == ["Harbor Gazette"]


def test_a_speaker_quoted_by_an_outlet_is_carried_by_it(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "A port official, quoted by the Harbor Gazette, said two ships had been turned back."
    )
    (a,) = attributions
    assert a["source"]["text"] == "A port official"
    assert a["content"]["text"] == "two ships had been turned back"
    assert [c["text"] for c in a["cited_by"]] == ["the Harbor Gazette"]
    assert a["cites"] == []
    (a,) = attribute_by_rules(
        "Residents interviewed by the Harbor Gazette said the market had burned for hours."
    )[0]
    assert a["source"]["text"] == "Residents"
    assert [c["text"] for c in a["cited_by"]] == ["the Harbor Gazette"]


def test_a_speaker_quoted_by_an_outlet_as_saying_is_carried_by_it(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The harbour master was quoted by the Harbor Gazette as saying two ships had sunk."
    )
    (a,) = attributions
    assert a["source"]["text"] == "The harbour master"
    assert a["content"]["text"] == "two ships had sunk"
    assert [c["text"] for c in a["cited_by"]] == ["the Harbor Gazette"]


def test_channel_statement_and_interview(attribute):
    attributions, _ = attribute(
        "The ferry operator said in a statement posted on its website that sailings were cancelled. "
        "The captain said in an interview with a local radio station that the sea was rough."
    )
    channels = [a["channel"]["text"] for a in attributions if a["channel"]]
    assert "statement posted on its website" in channels
    assert "interview with a local radio station" in channels


@pytest.mark.parametrize(
    "text, cue, channel",
    [
        ("The ministry stressed in a statement that 12 people were killed.", "stressed",
         "statement"),
        ("Deputy governor Oren Haik underlined in remarks to reporters that the port would "
         "keep working.", "underlined", "remarks to reporters"),
    ],
)
def test_a_clause_the_parser_hung_on_the_channel_is_the_verbs_content(
    attribute_by_rules, text, cue, channel
):
    attributions, _ = attribute_by_rules(text)
    assert len(attributions) == 1
    a = only(attributions, cue)
    assert a["channel"]["text"] == channel
    assert a["content"]["text"] in text and "that" not in a["content"]["text"]


@pytest.mark.parametrize(
    ("text", "content", "channel"),
    [
        ("The Free Coast Movement claimed responsibility in a post on its Telegram channel.",
         "responsibility", "post on its Telegram channel"),
        # The channel hung on the object's own prepositional phrase.
        ("The Free Valley Front claimed responsibility for the attack in a statement on "
         "Telegram.", "responsibility for the attack", "statement on Telegram"),
    ],
)
def test_a_channel_on_the_object_is_the_channel_not_content(attribute, text, content, channel):
    a = only(attribute(text)[0], "claimed")
    assert a["content"]["text"] == content
    assert a["channel"]["text"] == channel


def test_speaker_and_channel_of_a_report_opened_by_a_participle(attribute_by_rules):
    text = (
        "Speaking in an interview with Radio Kestrel, the mayor, Ilse Varn, said: "
        '"The market will stay closed this week."'
    )
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "said")
    assert a["source"]["name"] == "Ilse Varn"
    assert a["channel"]["text"] == "interview with Radio Kestrel"
    assert a["content"]["text"] == "The market will stay closed this week"


def test_a_participle_before_the_reporting_verb_reports_nothing_itself(attribute_by_rules):
    text = "Writing in a letter to the council, the union said that wages had fallen."
    attributions, _ = attribute_by_rules(text)
    a = only(attributions, "said")
    assert a["source"]["text"] == "the union"
    assert a["content"]["text"] == "wages had fallen"
    assert a["channel"]["text"] == "letter to the council"


def test_a_participle_report_after_the_verb_keeps_its_channel_to_itself(attribute_by_rules):
    text = "The army said the town was calm, adding in a later statement that two soldiers were hurt."
    attributions, _ = attribute_by_rules(text)
    assert only(attributions, "said")["channel"] is None
    assert only(attributions, "adding")["channel"]["text"] == "later statement"


def test_a_participle_report_without_a_channel_takes_its_verbs(attribute):
    text = (
        "The rebels claimed responsibility for the ambush in a statement on Telegram, "
        "saying it was a response to the raids."
    )
    attributions, _ = attribute(text)
    # The tagger reads "claimed responsibility for" as the cue (PolNeAR's reading), the
    # rules "claimed": either way the claim was made in the statement.
    (claimed,) = [a for a in attributions if a["cue"]["text"].startswith("claimed")]
    assert claimed["channel"]["text"] == "statement on Telegram"
    saying = only(attributions, "saying")
    assert saying["content"]["text"] == "it was a response to the raids"
    assert saying["channel"]["text"] == "statement on Telegram"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Officials declined to comment on the report.", "declined to comment", "the report"),
        (
            "The army declined to say how many soldiers were hurt.",
            "declined to say",
            "how many soldiers were hurt",
        ),
        (
            "The governor refused to confirm that the road had been closed.",
            "refused to confirm",
            "the road had been closed",
        ),
        # Refusing to act is no report refused: the act stays the content.
        ("The rebels refused to withdraw from the town.", "refused", "to withdraw from the town"),
    ],
)
def test_a_refused_report_is_part_of_the_cue(attribute, text, cue, content):
    a = only(attribute(text)[0], cue)
    assert a["content"]["text"] == content
    assert a["negated"] is True


def test_a_closing_mark_the_parser_gives_the_speaker_is_not_part_of_the_source(attribute):
    text = (
        '"We did not target civilians," a rebel commander, who gave his name only as '
        "Abu Karim, told reporters."
    )
    a = only(attribute(text)[0], "told")
    assert a["source"]["text"] == "a rebel commander"
    assert text[a["source"]["start"] : a["source"]["end"]] == "a rebel commander"


def test_social_media_is_a_channel(attribute_by_rules):
    text = "“The city stays open,” the mayor wrote on social media."
    assert only(attribute_by_rules(text)[0], "wrote")["channel"]["text"] == "social media"


def test_told_gives_the_audience_as_channel(attribute):
    attributions, _ = attribute("The coach told reporters that the striker was injured.")
    a = only(attributions, "told")
    assert a["channel"]["text"] == "reporters"
    assert a["content"]["text"] == "the striker was injured"


def test_headings_give_no_attribution(attribute):
    text = (
        "Officials say floods are coming\n\n"
        "Officials warned that the river could flood the lower town.\n\n"
        "Engineers said the dam was sound."
    )
    attributions, _ = attribute(text)
    heading_end = text.index("\n")
    assert all(all(s["start"] >= heading_end for s in spans_of(a)) for a in attributions)
    warned = only(attributions, "warned")
    assert warned["source"]["text"] == "Officials"
    assert only(attributions, "said")["source"]["text"] == "Engineers"


def test_bare_quote_without_speaker_has_no_source(attribute):
    attributions, _ = attribute("The hall was quiet.\n\n“Nobody expected this result tonight.”")
    assert len(attributions) == 1
    assert attributions[0]["kind"] == "direct"
    assert attributions[0]["source"] is None
    assert attributions[0]["cue"] is None


@pytest.mark.parametrize("byline", [
    '"Why the old ferry still matters to the islands" by Omar Haddad, in the Valley Herald.',
    "“Why the old ferry still matters to the islands,” by the Herald’s Omar Haddad.",
])
def test_a_title_with_its_byline_is_the_authors_not_the_last_speakers(attribute, byline):
    text = "The mayor said the budget for the port was final.\n\n" + byline
    attributions, _ = attribute(text)
    title = next(a for a in attributions if a["content"]["text"].startswith("Why the old"))
    assert title["source"]["text"].endswith("Omar Haddad")


def test_a_quotation_keeps_its_first_word_that(attribute):
    attributions, _ = attribute('The mayor said: "That bridge was closed for a reason."')
    assert only(attributions, "said")["content"]["text"] == "That bridge was closed for a reason"


def test_the_unnamed_asker_of_a_question_is_not_the_one_who_answers(attribute):
    text = (
        "Asked whether the border crossing would reopen, the governor said that no date "
        "had been set."
    )
    attributions, _ = attribute(text)
    asked = [a for a in attributions if a["cue"] and a["cue"]["text"] == "Asked"]
    assert all(a["source"] is None for a in asked)
    assert only(attributions, "said")["source"]["text"] == "the governor"


def test_offsets_equal_text(attribute):
    text = (
        "Heavy rain hits the coast\n\n"
        "“The road is closed,” the police chief said, adding that “nobody should travel”. "
        "According to the weather office, more rain is due. Citing drivers, the radio said "
        "queues were long, according to the Coast Times.\n\n"
        "“We are working day and night,\n\n"
        "“and we will not stop,” she said"
    )
    attributions, actors = attribute(text)
    assert len(attributions) >= 4
    for a in attributions:
        for s in spans_of(a):
            assert text[s["start"] : s["end"]] == s["text"]
        assert a["content"]["text"]
        assert a["kind"] in ("direct", "indirect", "mixed", "according_to", "other")
    for actor in actors:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_user_cue_file_adds_a_verb(tmp_path):
    extra = tmp_path / "cues.json"
    extra.write_text(json.dumps({"verbs": {"grumble": {"frames": ["ccomp"]}}}))
    assert "grumble" not in CueLexicon.load().verbs
    assert CueLexicon.load(extra).verbs["grumble"]["frames"] == ["ccomp"]


def test_user_cue_file_in_a_component(nlp, tmp_path):
    extra = tmp_path / "cues.json"
    extra.write_text(json.dumps({"verbs": {"grumble": {"frames": ["ccomp"]}}}))
    doc = nlp("The tenant grumbled that the heating was broken.")
    del doc.spans[SPANS_KEY]  # the rules alone, without the trained tagger's spans
    rules_only = AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )
    rules_only(doc)
    assert doc._.el_attributions == []
    component = AttributionsExtractor(
        nlp, "custom", extra_cues_path=str(extra), min_quote_words=3, continued_quotes="separate"
    )
    component(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the heating was broken"]
    assert doc._.el_attributions[0]["source"]["text"] == "The tenant"


def test_user_cue_file_extends_the_word_lists_of_the_frames(nlp, tmp_path):
    # "defended the marina": a place, as the user's file says, is acted on, not a stance.
    extra = tmp_path / "cues.json"
    extra.write_text(json.dumps({"place_objects": ["Marina"]}))
    assert "marina" not in CueLexicon.load().place_objects
    assert "marina" in CueLexicon.load(extra).place_objects
    doc = nlp("The mayor defended the marina.")
    del doc.spans[SPANS_KEY]  # the rules alone, without the trained tagger's spans
    AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the marina"]
    AttributionsExtractor(
        nlp, "custom", extra_cues_path=str(extra), min_quote_words=3, continued_quotes="separate"
    )(doc)
    assert doc._.el_attributions == []


def test_the_actors_lexicon_is_read_whatever_order_the_pipeline_was_built_in(
    model_name, tmp_path
):
    extra = tmp_path / "actors.json"
    extra.write_text(json.dumps({"gender_words": {"f": ["skipper"]}}))
    nlp = spacy.load(model_name)
    nlp.add_pipe("eventledger_layout")
    nlp.add_pipe("eventledger_attributions")
    # The actors component comes later, and before the attributions in the pipeline.
    nlp.add_pipe(
        "eventledger_actors", before="eventledger_attributions",
        config={"extra_actors_path": str(extra)},
    )
    nlp("The skipper said the harbour was closed.")
    lexicon, speakers = nlp.get_pipe("eventledger_attributions").actors()
    assert lexicon is nlp.get_pipe("eventledger_actors").lexicon
    assert "skipper" in speakers.gender_words["f"]


def test_an_actors_component_that_is_none_is_refused(nlp):
    component = AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate",
        actors_component="eventledger_places",
    )
    with pytest.raises(ConfigError, match="actors_component 'eventledger_places'"):
        component(nlp.make_doc("The mayor said the bridge was open."))


def test_any_verb_right_after_a_quote_reports_it(attribute):
    text = "“The first part is done,” he continued. “The second part starts soon.”"
    attributions, _ = attribute(text)
    assert [a["content"]["text"] for a in attributions] == [
        "The first part is done",
        "The second part starts soon",
    ]
    assert all(a["cue"]["text"] == "continued" for a in attributions)
    assert all(a["source"]["text"] == "he" for a in attributions)


def test_a_long_subject_after_a_quote_says_it(nlp):
    # A parse the bundled model gives some such sentences, built by hand: "said" is a
    # conjunct of the quoted verb, so no rule over "said" finds the quotation.
    rows = [
        ("“", "punct", 3, "PUNCT", "``"), ("We", "nsubj", 3, "PRON", "PRP"),
        ("have", "aux", 3, "AUX", "VBP"), ("warned", "ROOT", 3, "VERB", "VBN"),
        ("for", "prep", 3, "ADP", "IN"), ("months", "pobj", 4, "NOUN", "NNS"),
        ("that", "mark", 10, "SCONJ", "IN"), ("the", "det", 8, "DET", "DT"),
        ("dam", "nsubj", 10, "NOUN", "NN"), ("is", "aux", 10, "AUX", "VBZ"),
        ("failing", "ccomp", 3, "VERB", "VBG"), (",", "punct", 3, "PUNCT", ","),
        ("”", "punct", 3, "PUNCT", "''"), ("the", "det", 15, "DET", "DT"),
        ("provincial", "amod", 15, "ADJ", "JJ"), ("governor", "nsubj", 20, "NOUN", "NN"),
        ("and", "cc", 15, "CCONJ", "CC"), ("former", "amod", 19, "ADJ", "JJ"),
        ("army", "compound", 19, "NOUN", "NN"), ("commander", "conj", 15, "NOUN", "NN"),
        ("said", "conj", 3, "VERB", "VBD"), ("in", "prep", 20, "ADP", "IN"),
        ("a", "det", 23, "DET", "DT"), ("statement", "pobj", 21, "NOUN", "NN"),
        (".", "punct", 3, "PUNCT", "."),
    ]
    words = [r[0] for r in rows]
    spaces = [
        w != "“" and nxt not in (",", "”", ".")
        for w, nxt in zip(words, [*words[1:], "."], strict=True)
    ]
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, deps=[r[1] for r in rows],
        heads=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
        lemmas=[w.lower() if w != "said" else "say" for w in words],
    )
    for name in ("eventledger_layout", "eventledger_actors"):
        doc = nlp.get_pipe(name)(doc)
    AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )(doc)
    quote = only(doc._.el_attributions, "said")
    assert quote["content"]["text"] == "We have warned for months that the dam is failing"
    assert quote["source"]["text"] == "the provincial governor and former army commander"
    assert quote["channel"]["text"] == "statement"


def test_continued_quotes_joined_on_request(nlp):
    text = "“We will rebuild the school,” the principal said. “The children deserve it.”"
    doc = nlp(text)
    assert len(doc._.el_attributions) == 2
    AttributionsExtractor(
        nlp, "joined", extra_cues_path=None, min_quote_words=3, continued_quotes="join"
    )(doc)
    (joined,) = doc._.el_attributions
    assert joined["content"]["text"].startswith("We will rebuild")
    assert joined["content"]["text"].endswith("The children deserve it")
    assert joined["cue"]["text"] == "said"


def test_a_short_opening_of_a_quotation_split_by_its_speaker_is_quoted_too(nlp):
    text = "“The strikes,” said the mayor of Marren, “hit two schools that sheltered families.”"
    doc = nlp(text)
    assert [(a["content"]["text"], a["source"]["text"]) for a in doc._.el_attributions] == [
        ("The strikes", "the mayor of Marren"),
        ("hit two schools that sheltered families", "the mayor of Marren"),
    ]
    AttributionsExtractor(
        nlp, "joined", extra_cues_path=None, min_quote_words=3, continued_quotes="join"
    )(doc)
    (joined,) = doc._.el_attributions
    assert joined["content"]["text"].startswith("The strikes")
    assert joined["content"]["text"].endswith("sheltered families")


def test_a_report_an_outlet_carried_is_the_outlets_own_on_request(nlp):
    text = "\u201cThe bridge will reopen in May,\u201d the mayor said, according to the Valley Herald."
    doc = nlp(text)
    (speaker,) = doc._.el_attributions
    assert speaker["source"]["text"] == "the mayor"
    assert [c["text"] for c in speaker["cited_by"]] == ["the Valley Herald"]
    AttributionsExtractor(
        nlp, "outer", extra_cues_path=None, min_quote_words=3, continued_quotes="separate",
        carried_reports="outer",
    )(doc)
    (outlet,) = doc._.el_attributions
    assert outlet["kind"] == "according_to"
    assert outlet["cue"]["text"] == "according to"
    assert outlet["source"]["text"] == "the Valley Herald"
    assert outlet["content"]["text"] == "The bridge will reopen in May,\u201d the mayor said"
    assert [c["text"] for c in outlet["cites"]] == ["the mayor"]
    assert outlet["cited_by"] == []


def test_only_the_outermost_report_of_a_chain_on_request(nlp):
    doc = nlp("The Ledger reported that the governor said the bridge would reopen in May.")
    assert [a["cue"]["text"] for a in doc._.el_attributions] == ["reported", "said"]
    AttributionsExtractor(
        nlp, "outer", extra_cues_path=None, min_quote_words=3, continued_quotes="separate",
        nested_reports="outer",
    )(doc)
    (outer,) = doc._.el_attributions
    assert outer["cue"]["text"] == "reported"
    assert outer["content"]["text"] == "the governor said the bridge would reopen in May"


def test_only_attributions_with_a_cue_on_request(nlp):
    text = (
        "The mayor said the bridge would reopen in May.\n\n"
        "CITY DESK\u2014\"Harbor market to close its doors at the end of the year,\" by the "
        "Courier's Lena Ward: \"The market opened in 1931 and has served the harbor since.\""
    )
    doc = nlp(text)
    uncued = [a for a in doc._.el_attributions if a["cue"] is None]
    assert "The market opened in 1931 and has served the harbor since" in [
        a["content"]["text"] for a in uncued
    ]
    AttributionsExtractor(
        nlp, "cued", extra_cues_path=None, min_quote_words=3, continued_quotes="separate",
        uncued_quotes="drop",
    )(doc)
    kept = doc._.el_attributions
    assert all(a["cue"] is not None for a in kept)
    assert "The market opened in 1931 and has served the harbor since" not in [
        a["content"]["text"] for a in kept
    ]
    assert "said" in [a["cue"]["text"] for a in kept]


@pytest.mark.parametrize(
    "options",
    [
        {"continued_quotes": "merge"},
        {"continued_quotes": "join", "carried_reports": "inner"},
        {"continued_quotes": "join", "nested_reports": "inner"},
        {"continued_quotes": "join", "uncued_quotes": "strip"},
    ],
)
def test_an_unknown_mode_is_a_config_error(nlp, options):
    with pytest.raises(ConfigError):
        AttributionsExtractor(nlp, "bad", extra_cues_path=None, min_quote_words=3, **options)


def test_noun_cue_and_statement_by(attribute, attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "His claim that the vote was rigged was rejected by the court."
    )
    a = only(attributions, "claim")
    assert a["kind"] == "other"
    assert a["content"]["text"] == "the vote was rigged"
    assert a["source"]["text"] == "His"
    attributions, _ = attribute("A statement by the council said the school would close.")
    a = only(attributions, "said")
    assert a["source"]["text"] == "the council"
    assert a["channel"]["text"] == "statement by the council"  # no article, as "in a statement"


@pytest.mark.parametrize(
    "text, source, speaker, channel",
    [
        (
            "The council's statement said the vote would be held on Friday.",
            "The council",
            "The council",
            "statement",
        ),
        # The channel ends before the comma that closes its aside.
        (
            "The rebels' statement, issued late on Sunday, said their fighters had taken two "
            "villages.",
            "The rebels",
            "The rebels",
            "statement, issued late on Sunday",
        ),
        # A possessive pronoun is resolved as "he" is.
        (
            "The defence minister arrived in Kessa on Monday. His statement said the border "
            "would stay closed.",
            "His",
            "The defence minister",
            "statement",
        ),
    ],
)
def test_whose_statement_it_is_speaks_through_it(attribute, text, source, speaker, channel):
    attributions, actors = attribute(text)
    a = only(attributions, "said")
    assert a["source"]["text"] == source
    assert a["source"]["actor"] == actor_id(actors, speaker)
    assert a["channel"]["text"] == channel


def test_a_dated_statement_stays_the_source(attribute):
    # A day has no voice.
    a = only(attribute("Monday's statement said the talks had failed.")[0], "said")
    assert a["source"]["text"] == "Monday's statement"
    assert a["channel"] is None


def test_a_report_published_by_someone_speaks_for_its_publisher(attribute):
    text = "A report published by the Coastal Rights Group said that 22 fishermen were detained."
    a = only(attribute(text)[0], "said")
    assert a["source"]["text"] == "the Coastal Rights Group"
    assert a["channel"]["text"] == "report published by the Coastal Rights Group"


def test_reports_inside_a_quotation_stay_part_of_it(nlp, attribute):
    text = "“I have always said that the plan would work,” the engineer said."
    attributions, _ = attribute(text)
    assert len(attributions) == 1
    assert attributions[0]["content"]["text"].startswith("I have always said")
    assert attributions[0]["source"]["text"] == "the engineer"
    doc = nlp(text)
    AttributionsExtractor(
        nlp,
        "nested",
        extra_cues_path=None,
        min_quote_words=3,
        continued_quotes="separate",
        inside_quotes=True,
    )(doc)
    assert len(doc._.el_attributions) == 2


def test_relative_who_is_the_source_as_written_and_resolved(attribute):
    attributions, _ = attribute("The mayor, who said the bridge would reopen, left early.")
    a = only(attributions, "said")
    assert a["source"]["text"] == "who"
    assert a["source"]["name"] == "The mayor"
    assert a["content"]["text"] == "the bridge would reopen"


def test_relative_who_after_a_description_is_the_one_described(attribute_by_rules):
    attributions, actors = attribute_by_rules(
        "“We left at night,” said Ilse Marr, a 30-year-old nurse who said she had "
        "walked for two days."
    )
    a = said_by(attributions, "who")
    assert a["content"]["text"] == "she had walked for two days"
    assert a["source"]["name"] == "Ilse Marr"
    marr = next(actor for actor in actors if actor["name"] == "Ilse Marr")
    assert a["source"]["actor"] == marr["id"]


def test_split_quote_around_one_cue_joined_on_request(nlp):
    text = "“To all the farmers in the valley,” Mendez said, “keep your seeds dry this winter.”"
    doc = nlp(text)
    assert len(doc._.el_attributions) == 2  # the default keeps the two quotations apart
    AttributionsExtractor(
        nlp, "joined", extra_cues_path=None, min_quote_words=3, continued_quotes="join"
    )(doc)
    (joined,) = doc._.el_attributions
    assert joined["content"]["text"].startswith("To all the farmers")
    assert joined["content"]["text"].endswith("keep your seeds dry this winter")
    assert joined["cue"]["text"] == "said"
    assert joined["source"]["text"] == "Mendez"


# A paragraph of an article ends with a line break, which the parser hangs on its last word.
@pytest.mark.parametrize("end", ["", "\n"], ids=["bare", "paragraph"])
def test_aside_inside_the_reported_clause_keeps_both_sides(attribute, end):
    attributions, _ = attribute(f"Many of the shops, she said, have closed since the spring.{end}")
    a = only(attributions, "said")
    assert a["content"]["text"] == "Many of the shops, she said, have closed since the spring"
    assert a["source"]["text"] == "she"


@pytest.mark.parametrize(
    "content",
    [
        # the parser makes "said" the root, or an aside of "thought"
        "After the council approved the budget last spring, Hadid said, most of the repairs "
        "were expected to finish by winter",
        "After the court approved the law six years ago, Ortiz said, most toll roads requiring "
        "a permit were thought to be safe",
    ],
)
def test_a_clause_the_parser_hangs_on_the_aside_before_its_speaker_is_content(
    attribute_by_rules, content
):
    a = only(attribute_by_rules(f"{content}.\n")[0], "said")
    assert a["content"]["text"] == content


def test_a_phrase_before_the_speaker_of_a_quotation_is_no_part_of_it(attribute_by_rules):
    text = 'In a call with reporters on Monday, Hadid said, "The repairs will finish by winter."'
    a = only(attribute_by_rules(text)[0], "said")
    assert a["content"]["text"] == "The repairs will finish by winter"


def test_a_reporting_aside_is_no_content_of_the_verb_it_interrupts(attribute_by_rules):
    text = (
        "A new dam would not only address the floods in the valley, she said, but also the "
        "shortage of water in summer.\n"
    )
    attributions, _ = attribute_by_rules(text)
    (a,) = attributions
    assert a["cue"]["text"] == "said"
    assert a["content"]["text"].startswith("A new dam would not only address the floods")


def test_verb_outside_the_lexicon_with_a_that_clause(attribute):
    attributions, _ = attribute("Governor Lena Marsh realizes that the new ferry will run by May.")
    a = only(attributions, "realizes")
    assert a["content"]["text"] == "the new ferry will run by May"
    assert a["source"]["text"] == "Governor Lena Marsh"


def test_that_clause_of_a_thing_is_no_attribution(attribute):
    attributions, _ = attribute("The rain meant that the ferry could not run on Monday.")
    assert not [a for a in attributions if a["cue"] and a["cue"]["text"] == "meant"]


def test_called_x_y_takes_the_object_and_what_it_is_called(attribute):
    attributions, _ = attribute("The mayor called the plan a waste of money.")
    a = only(attributions, "called")
    assert a["content"]["text"] == "the plan a waste of money"
    assert a["source"]["text"] == "The mayor"


def test_passive_with_agent_reports_the_passive_subject(attribute):
    attributions, _ = attribute("The harbour plan was rejected by the town council on Monday.")
    a = only(attributions, "rejected")
    assert a["content"]["text"] == "The harbour plan"
    assert a["source"]["text"] == "the town council"


def test_talk_about_reports_the_topic(attribute):
    attributions, _ = attribute("Senator Ruth Okafor talked about the new toll on the coast road.")
    a = only(attributions, "talked")
    assert a["content"]["text"] == "the new toll on the coast road"
    assert a["source"]["text"] == "Senator Ruth Okafor"


def test_according_to_at_the_end_stays_out_of_the_content(attribute):
    attributions, _ = attribute(
        "Forty ferries were taken out of service last year, according to the port authority."
    )
    a = only(attributions, "according to")
    assert a["content"]["text"] == "Forty ferries were taken out of service last year"
    assert a["source"]["text"] == "the port authority"


def test_according_to_inside_a_report_leaves_the_reports_that_out(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The agency reported that, according to an analysis of hospital records, 85 of the "
        "154 people treated in the city were children."
    )
    a = only(attributions, "according to")
    assert a["content"]["text"] == "85 of the 154 people treated in the city were children"
    assert a["source"]["text"] == "an analysis of hospital records"


def test_trailing_relative_clause_on_the_last_noun_is_left_out(attribute):
    attributions, _ = attribute(
        "The mayor said the team will travel to the regional final, which starts on Friday."
    )
    a = only(attributions, "said")
    assert a["content"]["text"] == "the team will travel to the regional final"



@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('An army spokesman said troops had "eliminated" a cell of gunmen, a term the army '
         "uses for killing.", 'troops had "eliminated" a cell of gunmen'),
        ("The rebels say they have shot down three helicopters since January, a claim the "
         "government rejects.", "they have shot down three helicopters since January"),
    ],
)
def test_the_writers_gloss_at_the_end_is_no_part_of_the_claim(attribute_by_rules, text, content):
    (a,) = attribute_by_rules(text)[0]
    assert a["content"]["text"] == content


def test_a_gloss_the_parser_takes_for_an_adverbial_noun_is_no_part_of_the_claim(
    attribute_by_rules,
):
    text = (
        "The Alliance later claimed that government troops had moved guns into the industrial "
        'zone, an accusation the interior ministry rejected as "baseless".'
    )
    a = only(attribute_by_rules(text)[0], "claimed")
    assert a["content"]["text"] == "government troops had moved guns into the industrial zone"


@pytest.mark.parametrize("connector", [", while", ", whereas", ", but"])
def test_a_content_ends_before_another_speakers_report_beside_it(attribute, connector):
    text = (
        f"Among the farmers, 64 percent said they would plant wheat again{connector} 30 percent "
        "said they might switch to barley."
    )
    attributions, _ = attribute(text)
    first = next(a for a in attributions if a["source"]["text"] == "64 percent")
    assert first["content"]["text"] == "they would plant wheat again"
    second = next(a for a in attributions if a["source"]["text"] == "30 percent")
    assert second["content"]["text"] == "they might switch to barley"


def test_a_trailing_relative_clause_that_counts_part_of_the_noun_stays(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The ministry said it had recovered 40 bodies, most of which were found near the river."
    )
    assert only(attributions, "said")["content"]["text"] == (
        "it had recovered 40 bodies, most of which were found near the river"
    )


def test_denied_or_possible_report_inside_a_clause_is_no_attribution(attribute):
    attributions, _ = attribute("The minister said he would not confirm the figures on Monday.")
    a = only(attributions, "said")
    assert a["content"]["text"] == "he would not confirm the figures on Monday"
    assert not [x for x in attributions if x["cue"] and x["cue"]["text"] == "confirm"]


@pytest.mark.xfail(strict=True, reason="regression with the all-mpnet-base-v2 tagger: it splits the relative clause into 'which' and 'was unfair', and the rule content gives way to 'which'")
def test_relative_clause_cue_keeps_its_relative_word(attribute):
    attributions, _ = attribute("The tax, which the mayor said was unfair, ends in May.")
    a = only(attributions, "said")
    assert a["content"]["text"] == "which the mayor said was unfair"
    assert a["source"]["text"] == "the mayor"


def test_relative_word_that_speaks_is_not_content(attribute):
    attributions, _ = attribute("The ministry, which said the port was closed, met on Friday.")
    a = only(attributions, "said")
    assert a["content"]["text"] == "the port was closed"


def test_cue_asked_for_by_another_cue_is_part_of_its_content(attribute):
    attributions, _ = attribute("The council asked the agency to confirm the figures.")
    a = only(attributions, "asked")
    assert a["content"]["text"] == "the agency to confirm the figures"
    assert not [x for x in attributions if x["cue"] and x["cue"]["text"] == "confirm"]


def test_a_report_inside_the_same_speakers_content_is_part_of_it(attribute):
    attributions, _ = attribute(
        "Governor Hal Brenner said on Friday that he opposes a new toll on the coastal road."
    )
    assert [a["cue"]["text"] for a in attributions] == ["said"]
    assert attributions[0]["content"]["text"] == "he opposes a new toll on the coastal road"


def test_a_different_speaker_inside_a_content_stays_as_a_chain(attribute):
    attributions, _ = attribute(
        "The Coastal Ledger reported that Governor Hal Brenner said the toll was dead."
    )
    reported, said = only(attributions, "reported"), only(attributions, "said")
    assert said["source"]["text"] == "Governor Hal Brenner"
    assert said["content"]["text"] == "the toll was dead"
    assert reported["content"]["start"] <= said["content"]["start"]


@pytest.mark.parametrize(
    ("sentence", "cue", "negated"),
    [
        ("The ministry did not confirm that 12 people were killed.", "did not confirm", True),
        ("Officials have not said whether the two blasts were linked.", "have not said", True),
        ("The army denied that its troops had fired on the crowd.", "denied", True),
        ("The mayor declined to say how many homes were lost.", "declined to say", True),
        ("The ministry confirmed that 12 people were killed.", "confirmed", False),
    ],
)
def test_a_report_the_speaker_denies_or_does_not_give_is_negated(
    attribute_by_rules, sentence, cue, negated
):
    attributions, _ = attribute_by_rules(sentence)
    (attribution,) = attributions
    assert attribution["cue"]["text"] == cue
    assert attribution["negated"] is negated


def test_coordinated_speakers_are_one_source_as_written(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "Nine people were killed, according to the camp's administrator and a local "
        "rescue service. Police and witnesses said two men had been detained."
    )
    sources = {a["content"]["text"]: a["source"] for a in attributions}
    camp = sources["Nine people were killed"]
    assert camp["text"] == "the camp's administrator and a local rescue service"
    police = sources["two men had been detained"]
    assert police["text"] == "Police and witnesses"
    assert (police["text"], police["name"], police["actor"]) == (
        "Police and witnesses", "Police and witnesses", None
    )


def test_not_to_mention_is_no_negated_report(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The report mentions taxes, not to mention the budget deficit of the city."
    )
    idiom = only(attributions, "mention")
    assert idiom["negated"] is False


def test_the_statement_as_source_is_whoever_spoke_through_it(attribute_by_rules):
    attributions, actors = attribute_by_rules(
        "The Southern Liberation Army claimed responsibility for the blast in a statement "
        "on Sunday.\n\nThe statement said the attack was a response to the closure of the "
        "border."
    )
    a = only(attributions, "said")
    army = next(actor for actor in actors if actor["name"] == "Southern Liberation Army")
    assert a["source"]["text"] == "The statement"
    assert (a["source"]["name"], a["source"]["actor"]) == ("Southern Liberation Army", army["id"])


def test_a_conjunct_cut_at_a_hyphen_stays_out_of_the_source(nlp):
    rules = AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )
    doc = nlp("The company and its co-founder said the firm had done nothing wrong.")
    co = next(t for t in doc if t.text == "co")
    del doc.spans[SPANS_KEY]
    rules(doc)
    (a,) = doc._.el_attributions
    assert co.dep_ == "conj"  # the bundled model's parse cuts "co-founder" in two
    assert not a["source"]["text"].endswith(" co")


def test_a_channel_set_off_at_the_end_of_the_content_is_the_channel(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The governor said that the roads would reopen on Friday, in remarks carried by "
        "the Harbor Gazette."
    )
    (a,) = attributions
    assert a["content"]["text"] == "the roads would reopen on Friday"
    assert a["channel"]["text"] == "remarks carried by the Harbor Gazette"
    assert [c["text"] for c in a["cited_by"]] == ["the Harbor Gazette"]
    # Without the comma the phrase may be part of the claim, and stays in it.
    (plain,) = attribute_by_rules("The governor said the roads would reopen in a week.")[0]
    assert plain["content"]["text"] == "the roads would reopen in a week"


def test_a_clause_hung_on_a_channel_participle_is_the_report(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The commander said in an audio message posted online that the group would fight on."
    )
    (a,) = attributions
    assert (a["cue"]["text"], a["content"]["text"]) == ("said", "the group would fight on")
    assert a["source"]["text"] == "The commander"
    assert a["channel"]["text"] == "audio message posted online"


def test_a_gerund_denied_is_the_content_and_the_next_verb_reports_apart(attribute_by_rules):
    attributions, _ = attribute_by_rules(
        "The army denied shelling the district and blamed the rebels."
    )
    denial = only(attributions, "denied")
    assert denial["content"]["text"] == "shelling the district"
    assert denial["negated"] is True
    assert only(attributions, "blamed")["content"]["text"] == "the rebels"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The relief agency said its teams had helped evacuate 60 wounded people but gave "
         "no figure for the dead.", "its teams had helped evacuate 60 wounded people"),
        ("The ministry said the convoy had reached the city but declined to say when.",
         "the convoy had reached the city"),
        ("A diplomat said the two sides were close to an agreement, speaking on condition "
         "of anonymity.", "the two sides were close to an agreement"),
        ("The commander said the town had fallen, speaking to reporters in Orsk.",
         "the town had fallen"),
        # Without "but" and a reporting verb, what follows is still the claim.
        ("She said the soldiers had left the town and destroyed the bridge.",
         "the soldiers had left the town and destroyed the bridge"),
    ],
)
def test_what_the_speaker_did_besides_reporting_is_no_part_of_the_claim(
    attribute_by_rules, text, content
):
    attributions, _ = attribute_by_rules(text)
    assert only(attributions, "said")["content"]["text"] == content


def test_it_after_a_newspaper_the_ner_misses_is_the_newspaper(attribute):
    text = (
        "The defence ministry denied losing any aircraft.\n\nThe Vellan Observer reported "
        "that nine civilians had been killed since Monday. It said most of the dead were "
        "women and children."
    )
    a = only(attribute(text)[0], "said")
    assert a["source"]["text"] == "It"
    assert a["source"]["name"] == "Vellan Observer"


def test_a_quotation_left_open_ends_before_its_speaker_after_a_comma(attribute):
    text = (
        "The agency said its teams had been kept out of the valley. \u201cWe need safe passage "
        "now, the director of its local branch, Amira Sol, told reporters.\n\nTalks resume today."
    )
    a = only(attribute(text)[0], "told")
    assert a["kind"] == "direct"
    assert a["content"]["text"] == "We need safe passage now"
    assert a["source"]["name"] == "Amira Sol"


def test_a_quotation_left_open_with_no_speaker_at_its_end_runs_to_its_paragraph_end(attribute):
    text = (
        "The mayor spoke at the market. \u201cThey told us the road was safe, and we believed "
        "them.\n\nTalks resume today."
    )
    (quote,) = [a for a in attribute(text)[0] if a["kind"] == "direct"]
    assert quote["content"]["text"] == "They told us the road was safe, and we believed them"


@pytest.mark.parametrize(
    "text",
    [
        "The Front said on Monday its fighters had captured the airbase.",
        "The Front said Monday its fighters had captured the airbase.",
        "The Front said on Monday night its fighters had captured the airbase.",
    ],
)
def test_when_a_report_was_made_is_no_part_of_its_content(attribute_by_rules, text):
    a = only(attribute_by_rules(text)[0], "said")
    assert a["content"]["text"] == "its fighters had captured the airbase"


def test_a_channel_opening_the_sentence_holds_for_a_conjoined_report(attribute_by_rules):
    text = (
        "In a video posted on Telegram, a commander stood in front of a hangar and said the "
        "base was under the group's control."
    )
    a = only(attribute_by_rules(text)[0], "said")
    assert a["channel"]["text"] == "video posted on Telegram"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("As reported by the Meridian website, the governor visited the camp on Saturday.",
         "the governor visited the camp on Saturday"),
        ("The governor visited the camp on Saturday, as reported by the Meridian website.",
         "The governor visited the camp on Saturday"),
    ],
)
def test_as_reported_by_is_the_outlets_report_of_the_clause(attribute, text, content):
    (a,) = attribute(text)[0]
    assert a["kind"] == "according_to"
    assert a["cue"]["text"].lower() == "as reported by"
    assert a["source"]["text"] == "the Meridian website"
    assert a["content"]["text"] == content


def test_according_to_a_statement_from_a_body_is_the_bodys_by_that_statement(attribute):
    text = "According to a statement from the Harbour Council, the ferry will resume on Monday."
    a = only(attribute(text)[0], "According to")
    assert a["source"]["text"] == "the Harbour Council"
    assert a["channel"]["text"] == "statement from the Harbour Council"


def test_according_to_reports_from_a_place_keeps_the_reports_as_the_source(attribute):
    text = "According to reports from the border, the ferry will resume on Monday."
    a = only(attribute(text)[0], "According to")
    assert a["source"]["text"] == "reports from the border"
    assert a["channel"] is None


def test_extents_near_a_range_are_those_a_scan_finds():
    """The bisection that finds the tagged contents and spans near a report gives what a
    scan of them all gives, in their order."""
    import random

    from eventledger.extract.attributions.candidates import Extents

    rng = random.Random(7)
    for _ in range(300):
        items = []
        for _ in range(rng.randint(0, 12)):
            low = rng.randint(0, 200)
            items.append((low, low + rng.randint(0, 40)))
        index = Extents(items)
        low = rng.randint(-10, 210)
        high = low + rng.randint(0, 30)
        slack = rng.choice([0, 2, 5])
        scanned = [i for i, (a, b) in enumerate(items) if a < high + slack and b > low - slack]
        assert index.near_indices(low, high, slack) == scanned
        assert index.near(low, high) == [items[i] for i, (a, b) in enumerate(items)
                                         if a < high + 2 and b > low - 2]
