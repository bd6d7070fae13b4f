"""Events extractor: triggers, modes, actor and recipient, negation, modality, places."""

from __future__ import annotations

import json

import pytest

from eventledger.errors import ConfigError
from eventledger.extract.events import EventsExtractor


def make_doc(nlp, text, *, places=(), attributions=(), actors=(), excluded=(),
             published="2024-03-05"):
    """A Doc with the inputs of the earlier components set by hand."""
    doc = nlp(text)
    doc._.el_published = published
    doc._.el_excluded = list(excluded)
    records = []
    for number, name in enumerate(places, start=1):
        start = text.index(name)
        records.append({"id": f"P{number}", "text": name, "start": start,
                        "end": start + len(name), "name": name, "kind": "city"})
    doc._.el_places = records
    doc._.el_attributions = list(attributions)
    doc._.el_actors = list(actors)
    return doc


def run(nlp, component, text, **inputs):
    doc = make_doc(nlp, text, **inputs)
    component(doc)
    return doc


def first(doc, trigger=None):
    found = [e for e in doc._.el_events if trigger is None or e["trigger"]["text"] == trigger]
    assert found, [e["trigger"]["text"] for e in doc._.el_events]
    return found[0]


def place_name(doc, ref):
    if ref is None:
        return None
    return next(p["name"] for p in doc._.el_places if p["id"] == ref["place"])


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "mode"),
    [
        ("Rebels attacked the army base on Monday.", "attacked", "ASSAULT", None),
        ("The militia shelled the village overnight.", "shelled", "ASSAULT", "heavy-weapons"),
        ("Militants fired rockets at the town.", "fired", "ASSAULT", "heavy-weapons"),
        ("Jets bombed the bridge at dawn.", "bombed", "ASSAULT", "aerial"),
        ("A drone struck a car near the checkpoint.", "struck", "ASSAULT", "drone"),
        ("Gunmen opened fire on the crowd.", "opened fire", "ASSAULT", "firearms"),
        ("A car bomb exploded near the market.", "exploded", "ASSAULT", "explosives"),
        ("The suicide bombing destroyed the gate.", "suicide bombing", "ASSAULT",
         "suicide-attack"),
        ("The army launched air strikes on the camp.", "air strikes", "ASSAULT", "aerial"),
        ("Government troops arrested twelve activists.", "arrested", "COERCE", "arrest"),
        ("Police detained the reporter at the airport.", "detained", "COERCE", "arrest"),
        ("The governor imposed a curfew on the district.", "imposed a curfew", "COERCE",
         "curfew"),
        ("Thousands of students protested outside parliament.", "protested", "PROTEST",
         "demo"),
        ("Dock workers went on strike over pay.", "went on strike", "PROTEST", "strike"),
        ("The minister threatened the neighbours with reprisals.", "threatened", "THREATEN",
         None),
        ("The union urged the government to raise wages.", "urged", "REQUEST", None),
        ("The mayor called on residents to stay indoors.", "called on", "REQUEST", None),
        ("The opposition leader criticized the president.", "criticized", "ACCUSE",
         "disapprove"),
        ("The prosecutor accused the mayor of fraud.", "accused", "ACCUSE", "allege"),
        ("The council rejected the proposal.", "rejected", "REJECT", None),
        ("The army deployed tanks along the border.", "deployed", "MOBILIZE", None),
        ("The troops withdrew from the town.", "withdrew", "RETREAT", "withdraw"),
        ("The rebels released three hostages.", "released", "RETREAT", "release"),
        ("The two parties agreed on a new budget.", "agreed", "AGREE", None),
        ("The foreign minister met his counterpart on Tuesday.", "met", "CONSULT", None),
        ("The regional bloc imposed sanctions on the company.", "sanctions", "SANCTION",
         "discontinue"),
        ("The agency delivered aid to the families.", "delivered aid", "AID", None),
        ("The president praised the mediators.", "praised", "SUPPORT", None),
        ("The ministry apologized for the delay.", "apologized", "CONCEDE", None),
        ("The two navies cooperated on patrols last year.", "cooperated", "COOPERATE", None),
    ],
)
def test_trigger_type_and_mode(bare_nlp, events, text, trigger, type_, mode):
    event = first(run(bare_nlp, events, text), trigger)
    assert (event["type"], event["mode"]) == (type_, mode)


@pytest.mark.parametrize(
    "text",
    [
        "The company fired its manager last week.",
        "The campaign targets young voters.",
        "Air raid sirens sounded in the south.",
        "This demonstrates that the plan works.",
    ],
)
def test_word_sense_without_event(bare_nlp, events, text):
    doc = run(bare_nlp, events, text)
    assert [e for e in doc._.el_events if e["type"] in ("ASSAULT", "PROTEST")] == []


def test_labour_strike_is_protest(bare_nlp, events):
    event = first(run(bare_nlp, events, "Teachers began a strike over pay."), "strike")
    assert (event["type"], event["mode"]) == ("PROTEST", "strike")


def test_military_strike_is_assault(bare_nlp, events):
    event = first(run(bare_nlp, events, "The strike destroyed a bridge."), "strike")
    assert event["type"] == "ASSAULT"


def test_active_actor_and_recipient(bare_nlp, events):
    event = first(run(bare_nlp, events, "Rebels attacked the convoy."))
    assert event["actor"]["text"] == "Rebels"
    assert event["recipient"]["text"] == "the convoy"


def test_a_recipient_leaves_out_the_words_of_its_trigger(bare_nlp, events):
    # the parser hangs "dead", a word of the trigger "shot dead", on the object
    event = first(run(bare_nlp, events, "Soldiers shot dead Amadou Keita on Monday."))
    assert event["trigger"]["text"] == "shot dead"
    assert event["recipient"]["text"] == "Amadou Keita"


def test_passive_actor_and_recipient(bare_nlp, events):
    event = first(run(bare_nlp, events, "The convoy was attacked by rebels."))
    assert event["actor"]["text"] == "rebels"
    assert event["recipient"]["text"] == "The convoy"


def test_nominal_of_and_by(bare_nlp, events):
    doc = run(bare_nlp, events, "They mourned the killing of farmers by the militia.")
    event = first(doc, "killing")
    assert event["recipient"]["text"] == "farmers"
    assert event["actor"]["text"] == "the militia"


def test_light_verb_gives_actor_and_on_gives_recipient(bare_nlp, events):
    doc = run(bare_nlp, events, "The militia has carried out rocket attacks on the border towns.")
    event = first(doc, "rocket attacks")
    assert event["actor"]["text"] == "The militia"
    assert event["recipient"]["text"] == "the border towns"
    assert event["mode"] == "heavy-weapons"


def test_criticism_of_policies_points_to_owner(bare_nlp, events):
    doc = run(bare_nlp, events, "The senator criticized the policies of the governor.")
    event = first(doc, "criticized")
    assert event["actor"]["text"] == "The senator"
    assert event["recipient"]["text"] == "the governor"


def test_appositive_left_out_of_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "Maria Lopez, a former judge, condemned the ruling.")
    assert first(doc, "condemned")["actor"]["text"] == "Maria Lopez"


def test_actor_name_from_actors_component(bare_nlp, events):
    text = "The northern brigade attacked the depot."
    start = text.index("The northern brigade")
    actor = {"id": "R1", "name": "Northern Brigade", "country": None, "sector": None,
             "mentions": [{"text": "The northern brigade", "start": start,
                           "end": start + len("The northern brigade")}]}
    event = first(run(bare_nlp, events, text, actors=[actor]))
    assert event["actor"]["name"] == "Northern Brigade"
    assert event["actor"]["actor"] == "R1"


def test_conjoined_verb_shares_subject(bare_nlp, events):
    doc = run(bare_nlp, events, "Gunmen stormed the hotel and kidnapped two guards.")
    assert first(doc, "kidnapped")["actor"]["text"] == "Gunmen"


def test_weapon_is_not_the_recipient(bare_nlp, events):
    # "fired at": the phrase of firing at someone, with the missiles' mode
    event = first(run(bare_nlp, events, "Missiles were fired at the port."), "fired at")
    assert event["recipient"] is None
    assert event["mode"] == "heavy-weapons"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army did not attack the village.", "attack"),
        ("Police never arrested the suspect.", "arrested"),
        ("The army denied that soldiers attacked the farm.", "attacked"),
        ("The rebels refused to release the hostages.", "release"),
    ],
)
def test_negated(bare_nlp, events, text, trigger):
    assert first(run(bare_nlp, events, text), trigger)["negated"] is True


def test_plain_event_is_not_negated_or_hypothetical(bare_nlp, events):
    event = first(run(bare_nlp, events, "The rebels attacked the base."))
    assert event["negated"] is False
    assert event["hypothetical"] is False
    assert (event["date"], event["date_precision"]) == ("2024-03-05", "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army will attack the town.", "attack"),
        ("The rebels could attack the capital.", "attack"),
        ("The group plans to attack the embassy.", "attack"),
        ("The group threatened to attack the capital.", "attack"),
        ("If the talks fail, the army may bomb the city.", "bomb"),
        ("The two sides agreed to a ceasefire.", "ceasefire"),
    ],
)
def test_hypothetical_has_no_date(bare_nlp, events, text, trigger):
    event = first(run(bare_nlp, events, text), trigger)
    assert event["hypothetical"] is True
    assert event["date"] is None


def test_threat_keeps_the_threatener_as_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "The group threatened to attack the capital.")
    assert first(doc, "attack")["actor"]["text"] == "The group"
    assert first(doc, "threatened")["hypothetical"] is False


def test_generic_statement_is_not_dated(bare_nlp, events):
    event = first(run(bare_nlp, events, "Rockets are still being fired at the town."),
                  "fired at")
    assert event.get("generic") is True
    assert event["date"] is None


def test_location_from_in_phrase(bare_nlp, events):
    doc = run(bare_nlp, events, "Soldiers raided a house in Dorvik.", places=["Dorvik"])
    assert place_name(doc, first(doc)["location"]) == "Dorvik"


def test_origin_and_target_location(bare_nlp, events):
    doc = run(bare_nlp, events, "Rockets were fired from Halvan towards Mereth.",
              places=["Halvan", "Mereth"])
    event = first(doc, "fired")
    assert place_name(doc, event["location"]) == "Mereth"
    assert place_name(doc, event["origin"]) == "Halvan"


def test_targeted_place_is_location(bare_nlp, events):
    doc = run(bare_nlp, events, "Fighters targeted the city of Mereth with missiles.",
              places=["Mereth"])
    event = first(doc, "targeted")
    assert event["type"] == "ASSAULT"
    assert place_name(doc, event["location"]) == "Mereth"


def test_place_of_a_nearer_event_is_not_taken(bare_nlp, events):
    text = "The army shelled the hills in response to the arrest of two farmers in Lasta."
    doc = run(bare_nlp, events, text, places=["Lasta"])
    assert first(doc, "shelled")["location"] is None
    assert place_name(doc, first(doc, "arrest")["location"]) == "Lasta"


def test_place_named_as_cause_is_not_a_site(bare_nlp, events):
    doc = run(bare_nlp, events, "Students protested in support of Dorvik.", places=["Dorvik"])
    assert first(doc, "protested")["location"] is None


def test_no_place_no_location(bare_nlp, events):
    assert first(run(bare_nlp, events, "Rebels attacked the convoy."))["location"] is None


def test_attribution_link(bare_nlp, events):
    text = "The ministry said that rebels attacked the convoy."
    content = "rebels attacked the convoy"
    start = text.index(content)
    attribution = {"id": "Q1", "kind": "indirect", "source": None, "cue": None,
                   "channel": None, "cites": [], "cited_by": [],
                   "content": {"text": content, "start": start, "end": start + len(content)}}
    doc = run(bare_nlp, events, text, attributions=[attribution])
    assert first(doc, "attacked")["attribution"] == "Q1"


def test_outlet_voice_has_no_attribution(bare_nlp, events):
    assert first(run(bare_nlp, events, "Rebels attacked the convoy."))["attribution"] is None


def test_heading_is_skipped(bare_nlp, events):
    text = "Rebels attack convoy\n\nThe weather was mild on Sunday."
    doc = run(bare_nlp, events, text, excluded=[(0, 20, "heading")])
    assert doc._.el_events == []


def test_ids_and_spans(bare_nlp, events):
    text = "Rebels attacked the convoy. Police arrested two men."
    doc = run(bare_nlp, events, text)
    assert [e["id"] for e in doc._.el_events] == ["E1", "E2"]
    for event in doc._.el_events:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_extra_triggers_file(bare_nlp, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"triggers": {"skirmish": {"type": "ASSAULT"}}}))
    component = EventsExtractor(bare_nlp, "custom", extra_triggers_path=str(path))
    doc = run(bare_nlp, component, "A skirmish broke out near the border.")
    assert first(doc, "skirmish")["type"] == "ASSAULT"


def test_extra_triggers_share_an_object_table(bare_nlp, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"triggers": {"ship": {"type": "AID", "objects": "given"}}}))
    component = EventsExtractor(bare_nlp, "custom", extra_triggers_path=str(path))
    doc = run(bare_nlp, component, "The charity shipped medicine to the town.")
    assert first(doc, "shipped")["type"] == "AID"
    assert not run(bare_nlp, component, "The firm shipped laptops to the town.")._.el_events


def test_an_unknown_object_table_is_a_clear_error(bare_nlp, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"triggers": {"ship": {"type": "AID", "objects": "cargo"}}}))
    with pytest.raises(ConfigError, match="'ship' names no object table 'cargo'"):
        EventsExtractor(bare_nlp, "custom", extra_triggers_path=str(path))


def test_factory_is_registered(bare_nlp):
    from spacy.language import Language

    meta = Language.get_factory_meta("eventledger_events")
    assert "doc._.el_events" in meta.assigns
    assert "doc._.el_places" in meta.requires


def test_particle_verb_apart(bare_nlp, events):
    event = first(run(bare_nlp, events, "A suicide bomber blew himself up at the gate."), "blew")
    assert (event["type"], event["mode"]) == ("ASSAULT", "suicide-attack")


def test_event_noun_modifying_suspect_is_a_mention(bare_nlp, events):
    doc = run(bare_nlp, events, "The court heard the bombing suspect on Monday.")
    assert first(doc, "bombing")["type"] == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry will attack the virus with a vaccine campaign.",
        "He faces charges of murder and fraud.",
        "The clerk was accused of destroying records.",
        "Leaders discussed the threat of terrorism.",
    ],
)
def test_senses_that_are_not_events(bare_nlp, events, text):
    doc = run(bare_nlp, events, text)
    assert [e for e in doc._.el_events if e["type"] in ("ASSAULT", "THREATEN")] == []


def test_outcome_killing_is_left_to_the_attack(bare_nlp, events):
    doc = run(bare_nlp, events, "Five people were killed in the explosion.")
    assert [e["trigger"]["text"] for e in doc._.el_events] == ["explosion"]


def test_killing_with_its_own_actor_stays(bare_nlp, events):
    doc = run(bare_nlp, events, "Soldiers killed two men after the explosion.")
    assert {e["trigger"]["text"] for e in doc._.el_events} == {"killed", "explosion"}


@pytest.mark.parametrize("text", [
    "The militia launched a series of attacks on the capital.",
    "The militia has carried out dozens of attacks on the capital.",
    "The militia staged hundreds of attacks on the capital.",
])
def test_series_of_attacks_takes_the_launcher(bare_nlp, events, text):
    doc = run(bare_nlp, events, text)
    assert first(doc, "attacks")["actor"]["text"] == "The militia"


def test_responsibility_for_gives_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "The group claimed responsibility for the bombing.")
    assert first(doc, "bombing")["actor"]["text"] == "The group"


def test_two_sided_battle_puts_the_second_party_in_recipient(bare_nlp, events):
    # as ACLED's actor1 and actor2 (tests/test_events_between.py)
    doc = run(bare_nlp, events, "A man died in a battle between troops and rebels.")
    assert first(doc, "battle")["actor"]["text"] == "troops"
    assert first(doc, "battle")["recipient"]["text"] == "rebels"


def test_apposition_names_the_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "One of them, Mr Daro Velt, condemned the ruling.")
    assert first(doc, "condemned")["actor"]["text"] == "Mr Daro Velt"


def test_date_is_not_a_recipient(bare_nlp, events):
    doc = run(bare_nlp, events, "The bomb exploded on Friday afternoon.")
    assert first(doc, "exploded")["recipient"] is None


def test_event_subject_hits_recipient(bare_nlp, events):
    doc = run(bare_nlp, events, "The explosion damaged a bakery.")
    assert first(doc, "explosion")["recipient"]["text"] == "a bakery"


def test_the_city_points_back_to_the_last_city(bare_nlp, events):
    text = "Sirens sounded in Mereth. A rocket hit the city at noon."
    doc = run(bare_nlp, events, text, places=["Mereth"])
    assert place_name(doc, first(doc, "hit")["location"]) == "Mereth"


def test_doc_without_parse_gives_no_events(events):
    import spacy

    blank = spacy.blank("en")
    doc = blank("Rebels attacked the convoy.")
    doc._.el_places = []
    events(doc)
    assert doc._.el_events == []


def test_full_pipeline_links_figure_to_event(nlp):
    doc = nlp("Gunmen attacked a bus station on Tuesday, killing 14 passengers.")
    assault = [e for e in doc._.el_events if e["type"] == "ASSAULT"]
    assert assault
    figure = next(f for f in doc._.el_figures if f["category"] == "killed")
    assert figure["count"]["low"] == 14
    assert figure["event"] in {e["id"] for e in assault}


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("The two leaders will meet in Geneva next week.", "meet", "AGREE"),
        ("The army will withdraw from the town.", "withdraw", "CONCEDE"),
        ("The donors plan to deliver aid to the region.", "deliver aid", "AGREE"),
        ("Thousands marched through the capital.", "marched", "PROTEST"),
    ],
)
def test_future_cooperation_and_marches(bare_nlp, events, text, trigger, type_):
    event = first(run(bare_nlp, events, text), trigger)
    assert event["type"] == type_


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "told"),
    [
        # PLOVER: the announced intention is the event (AGREE, CONCEDE), told as a fact
        ("Velor will meet Castavian envoys in Dorn next week.", "meet", "AGREE", True),
        ("The Velorian army will withdraw from Mirel on Friday.", "withdraw", "CONCEDE", True),
        ("Velor will hold a summit with Dorn next month.", "summit", "AGREE", True),
        # more than the future tense: still hypothetical
        ("If the vote passes, Velor will meet the envoys.", "meet", "AGREE", False),
        ("Velor could meet the envoys in Dorn.", "meet", "CONSULT", False),
        ("The army agreed to withdraw from Mirel.", "withdraw", "CONCEDE", False),
        # a future assault is no event told: hypothetical
        ("The Velorian army will attack Mirel on Friday.", "attack", "ASSAULT", False),
        # an event noun set for a later time, as its subject's verb or its modifier says
        ("Talks between Velor and Dorn will resume next week.", "Talks", "AGREE", True),
        ("The talks are scheduled to take place in Dorn on Friday.", "talks", "AGREE", True),
        ("A meeting between the two ministers is set for next month.", "meeting", "AGREE",
         True),
        ("The summit, due to open on Monday, was overshadowed by the dispute.", "summit",
         "AGREE", True),
        ("A second round of talks is planned for early May.", "talks", "AGREE", True),
        ("Talks with the envoys could resume in Dorn.", "Talks", "CONSULT", False),
        ("The teachers' strike is set to begin at midnight.", "strike", "PROTEST", False),
        ("The march is due to start on Monday.", "march", "PROTEST", False),
        ("The protest will go ahead on Sunday.", "protest", "PROTEST", False),
    ],
)
def test_a_future_intention_is_told_not_hypothetical(bare_nlp, events, text, trigger,
                                                    type_, told):
    event = first(run(bare_nlp, events, text), trigger)
    assert event["type"] == type_
    assert event["hypothetical"] is not told
    assert event["date"] is None  # the future act's day is not the day it was told


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "actor", "recipient"),
    [
        # PLOVER ACCUSE: objections; the passive's "by" names who objected
        ("The Dornish plan was opposed by Velor.", "opposed", "ACCUSE", "Velor",
         "The Dornish plan"),
        ("Castavia strongly opposed the Velorian border plan.", "opposed", "ACCUSE",
         "Castavia", "the Velorian border plan"),
        # PLOVER COERCE 'restrict': cordoning off areas
        ("Velorian troops sealed off the town of Mirel on Sunday.", "sealed off", "COERCE",
         "Velorian troops", "the town of Mirel"),
        ("Soldiers from Dorn have cordoned off the roads into Mirel.", "cordoned off",
         "COERCE", "Soldiers from Dorn", "the roads into Mirel"),
    ],
)
def test_objections_and_cordons(bare_nlp, events, text, trigger, type_, actor, recipient):
    event = first(run(bare_nlp, events, text), trigger)
    assert (event["type"], event["mode"] is not None) == (type_, True)
    assert (event["actor"]["text"], event["recipient"]["text"]) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "actor", "recipient"),
    [
        # the subject of a receiving verb gets; the "from" phrase names who gave or did it
        ("The rebels received weapons from Velor.", "received", "AID", "Velor", "The rebels"),
        ("Velorian militias received funding from the Dornish army.", "received", "AID",
         "the Dornish army", "Velorian militias"),
        ("Dorn received aid from Castavia.", "aid", "AID", "Castavia", "Dorn"),
        ("The minister has come under criticism from Velorian lawmakers.", "criticism",
         "ACCUSE", "Velorian lawmakers", "The minister"),
    ],
)
def test_what_is_received_comes_from_the_actor(bare_nlp, events, text, trigger, type_, actor,
                                               recipient):
    event = first(run(bare_nlp, events, text), trigger)
    assert event["type"] == type_
    assert (event["actor"]["text"], event["recipient"]["text"]) == (actor, recipient)


def test_a_letter_received_is_no_aid(bare_nlp, events):
    assert run(bare_nlp, events, "The mayor received a letter from Velor.")._.el_events == []


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("Hundreds of Velorian dissidents are in jail.", []),
        ("Two Velorian journalists remain in detention.", []),
        ("Police jailed three Velorian activists.", ["jailed"]),
        ("The activists were sent to jail on Monday.", ["jail"]),
        ("The detention of two Velorian journalists angered Dorn.", ["detention"]),
    ],
)
def test_in_jail_is_where_one_is_held_not_an_arrest(bare_nlp, events, text, triggers):
    doc = run(bare_nlp, events, text)
    assert [e["trigger"]["text"] for e in doc._.el_events] == triggers


@pytest.mark.parametrize(
    ("text", "requests"),
    [
        # PLOVER REQUEST: requests, demands and orders; an infinitive says what is asked
        ("Velor asked Dorn to withdraw its troops.", [("asked", "Velor", "Dorn")]),
        ("Police told residents to stay indoors.", [("told", "Police", "residents")]),
        ("The minister instructed all police chiefs to reinforce security.",
         [("instructed", "The minister", "all police chiefs")]),
        ("Reporters asked whether the talks would resume.", []),
        ("The mayor told reporters that the town was calm.", []),
    ],
)
def test_asking_and_telling_to_do_is_a_request(bare_nlp, events, text, requests):
    doc = run(bare_nlp, events, text)
    assert [(e["trigger"]["text"], e["actor"]["text"], e["recipient"]["text"])
            for e in doc._.el_events if e["type"] == "REQUEST"] == requests


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # the object of "asked", "urged", "forced" is who is to do it
        ("Velor urged Dorn to release the prisoners.", "release", "Dorn"),
        ("Velor forced the rebels to withdraw from Mirel.", "withdraw", "the rebels"),
        # without an object, the subject of the governing verb
        ("The group threatened to attack the capital.", "attack", "The group"),
    ],
)
def test_the_object_of_a_request_is_who_is_to_act(bare_nlp, events, text, trigger, actor):
    assert first(run(bare_nlp, events, text), trigger)["actor"]["text"] == actor


def test_national_territory_located_in_that_country(bare_nlp, events):
    text = "Militants fired rockets at northern Israeli towns. Israel said nobody was hurt."
    doc = make_doc(bare_nlp, text, places=["Israel said"])
    place = doc._.el_places[0]
    place.update({"text": "Israel", "end": place["start"] + 6, "name": "Israel",
                  "country": "IL", "kind": "country"})
    events(doc)
    assert first(doc, "fired")["location"] == {"place": "P1"}


# -- arguments: who can act, what is hit, what is asked ----------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the hotel and killed two guards.",
        "A bomber blew himself up at the gate, killing six guards.",
    ],
)
def test_killing_done_by_an_attack_is_its_outcome(bare_nlp, events, text):
    doc = run(bare_nlp, events, text)
    assert [e["type"] for e in doc._.el_events] == ["ASSAULT"]
    assert "kill" not in doc._.el_events[0]["trigger"]["text"]


def test_killing_without_an_actor_is_a_toll_not_an_assault(bare_nlp, events):
    assert run(bare_nlp, events, "Two guards were killed on Sunday.")._.el_events == []
    doc = run(bare_nlp, events, "Soldiers killed two guards on Sunday.")
    assert first(doc, "killed")["actor"]["text"] == "Soldiers"


def test_killing_by_an_attack_named_as_subject(bare_nlp, events):
    doc = run(bare_nlp, events, "The attack, which killed three people, shocked the town.")
    assert [e["trigger"]["text"] for e in doc._.el_events] == ["attack"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The device exploded near the market.", "exploded"),
        ("The bombs went off one after another.", "went off"),
        ("A parcel that exploded at the gate wounded a guard.", "exploded"),
    ],
)
def test_what_went_off_is_not_the_actor(bare_nlp, events, text, trigger):
    assert first(run(bare_nlp, events, text), trigger)["actor"] is None


def test_detonated_device_is_the_means(bare_nlp, events):
    event = first(run(bare_nlp, events, "Rebels detonated a device at the gate."), "detonated")
    assert event["actor"]["text"] == "Rebels"
    assert event["recipient"] is None


def test_reflexive_object_is_not_the_recipient(bare_nlp, events):
    event = first(run(bare_nlp, events, "A bomber blew himself up at the gate."), "blew")
    assert event["actor"]["text"] == "A bomber"
    assert event["recipient"] is None


@pytest.mark.parametrize(
    "text",
    [
        "An accidental explosion shook the depot.",
        "The old mine detonated accidentally in the yard.",
        # what went off: gas, a boiler
        "A gas explosion ripped through the apartment block.",
        "A gas cylinder explosion shook the market.",
        "A boiler blast shook the depot.",
        # harm done by nature
        "The earthquake destroyed hundreds of homes.",
        "Floods destroyed the old bridge at Varno.",
    ],
)
def test_accident_is_not_an_assault(bare_nlp, events, text):
    assert run(bare_nlp, events, text)._.el_events == []


@pytest.mark.parametrize("text", [
    "A tear gas attack left dozens choking.",
    "A car bomb explosion shook the market.",
    "Rebels destroyed the old bridge at Varno.",
])
def test_a_weapon_or_a_party_keeps_the_assault(bare_nlp, events, text):
    assert [e["type"] for e in run(bare_nlp, events, text)._.el_events] == ["ASSAULT"]


def test_a_time_of_day_is_no_recipient(bare_nlp, events):
    doc = run(bare_nlp, events, "Rebels stormed into the town at dawn and seized the school.")
    assert first(doc, "stormed")["recipient"] is None


def test_time_measure_is_not_an_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "Thirty minutes' warning was given before the explosion.")
    assert all(e["type"] != "THREATEN" for e in doc._.el_events)


def test_legal_charge_is_not_an_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "He faces charges that carry the threat of prison.")
    assert all(e["type"] != "THREATEN" for e in doc._.el_events)


def test_warning_that_informs_is_not_a_threat(bare_nlp, events):
    doc = run(bare_nlp, events, "Residents warned the police of their fears.")
    assert doc._.el_events == []
    doc = run(bare_nlp, events, "The militia warned that it would shell the town.")
    assert first(doc, "warned")["type"] == "THREATEN"


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("The opposition called for new elections.", "called for", None),
        ("The union demanded higher wages.", "demanded", None),
        ("The judge ordered an inquiry.", "ordered", None),
        ("The officer ordered them to leave.", "ordered", "them"),
        ("The mayor called on residents to stay indoors.", "called on", "residents"),
    ],
)
def test_request_recipient_is_whom_not_what(bare_nlp, events, text, trigger, recipient):
    event = first(run(bare_nlp, events, text), trigger)
    assert (event["recipient"] or {}).get("text") == recipient


def test_plea_in_court_is_not_a_request(bare_nlp, events):
    doc = run(bare_nlp, events, "The driver pleaded not guilty to the charges.")
    assert all(e["type"] != "REQUEST" for e in doc._.el_events)


def test_place_modifier_names_the_site_not_the_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "The Lasta bombing shocked the region.", places=["Lasta"])
    assert first(doc, "bombing")["actor"] is None
    doc = run(bare_nlp, events, "The Russian bombing shocked the region.")
    assert first(doc, "bombing")["actor"]["text"] == "Russian"


def test_weight_in_pounds_is_not_an_attack(bare_nlp, events):
    doc = run(bare_nlp, events, "Four thousand pounds of fertiliser were loaded on the truck.")
    assert doc._.el_events == []


def test_date_after_on_is_not_the_target(bare_nlp, events):
    text = "The school was shattered by an explosion on Monday."
    assert first(run(bare_nlp, events, text), "explosion")["recipient"]["text"] == "The school"


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The drivers were given an ultimatum by their bosses.", "The drivers"),
        ("The bosses gave the drivers an ultimatum.", "the drivers"),
    ],
)
def test_one_given_a_threat_is_its_recipient(bare_nlp, events, text, recipient):
    assert first(run(bare_nlp, events, text), "ultimatum")["recipient"]["text"] == recipient


def test_relative_clause_tells_what_the_attack_hit(bare_nlp, events):
    text = "The rebels claimed the bombings, which seemed to be aimed at civilians."
    event = first(run(bare_nlp, events, text), "bombings")
    assert event["recipient"]["text"] == "civilians"
    assert event["actor"]["text"] == "The rebels"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Police arrested those responsible for the bombing.", "bombing", "those"),
        ("Ten men were involved in the attack.", "attack", "Ten men"),
    ],
)
def test_party_responsible_for_an_attack_is_its_actor(bare_nlp, events, text, trigger, actor):
    assert first(run(bare_nlp, events, text), trigger)["actor"]["text"] == actor


def test_no_group_is_no_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "No group has claimed the explosion.")
    assert first(doc, "explosion")["actor"] is None


def test_verb_after_a_time_phrase_does_not_carry_the_event(bare_nlp, events):
    doc = run(bare_nlp, events, "After the raid, the government issued a statement.")
    assert first(doc, "raid")["actor"] is None


def test_killing_after_a_carried_attack_is_its_outcome(bare_nlp, events):
    doc = run(bare_nlp, events, "The group launched a series of attacks, killing 30 people.")
    assert [e["trigger"]["text"] for e in doc._.el_events] == ["attacks"]


def test_building_before_a_relative_clause_is_not_the_actor(bare_nlp, events):
    doc = run(bare_nlp, events, "It was an attack on the old cafe, which killed ten people.")
    assert all(e["actor"] is None for e in doc._.el_events)


def test_a_users_trigger_file_extends_the_word_lists_of_senses_and_arguments(bare_nlp, events,
                                                                             tmp_path):
    extra = tmp_path / "triggers.json"
    extra.write_text(json.dumps({"intent_verbs": ["scheme"], "reflexives": ["oneself"]}))
    extended = EventsExtractor(bare_nlp, "custom", extra_triggers_path=str(extra))
    assert "scheme" not in events.ctx.words["intent_verbs"]
    assert extended.ctx.words["intent_verbs"] == events.ctx.words["intent_verbs"] | {"scheme"}
    assert "oneself" in extended.ctx.words["reflexives"]
