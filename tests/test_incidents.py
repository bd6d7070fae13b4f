"""Incidents within a document: references, the event's place (not the speaker's), time,
cumulative tolls, and disagreements per incident and category. Invented sentences."""

from __future__ import annotations

import pytest

from eventledger.document import Document
from eventledger.export import geojson_features
from eventledger.export.acled import acled_rows
from eventledger.pipeline import extract_record
from eventledger.record import record_problems


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str) -> dict:
        record = extract_record(Document(text=text, published="2025-05-05"), nlp=nlp)
        assert record_problems(record) == []
        return record
    return run


def figure(record: dict, count: str) -> dict:
    return next(f for f in record["figures"] if f["count"]["text"] == count)


def event(record: dict, trigger: str) -> dict:
    return next(e for e in record["events"] if e["trigger"]["text"] == trigger)


def place_name(record: dict, ref: dict | None) -> str | None:
    places = {p["id"]: p for p in record["places"]}
    return places[ref["place"]]["text"] if ref else None


def test_references_to_the_attack_are_events_of_one_incident(extract):
    record = extract("Gunmen attacked a police base in Ghazni province on Monday. The attack "
                     "killed more than 100 members of the security forces, a provincial "
                     "council member said. A local lawmaker said 190 people died in the "
                     "assault.")
    mentions = [event(record, w) for w in ("attacked", "attack", "assault")]
    assert len(record["incidents"]) == 1
    incident = record["incidents"][0]
    assert {e["incident"] for e in mentions} == {incident["id"]}
    assert incident["events"] == [e["id"] for e in mentions]
    assert incident["type"] == "ASSAULT"
    assert place_name(record, incident["location"]) == "Ghazni province"
    tolls = [figure(record, "more than 100"), figure(record, "190")]
    assert {f["incident"] for f in tolls} == {incident["id"]}
    assert sorted(incident["figures"]) == sorted(f["id"] for f in tolls)


def test_a_speakers_place_is_not_where_the_figure_happened(extract):
    record = extract("Gunmen attacked a police base in Ghazni province on Monday, killing "
                     "more than 100 members of the security forces. A senior official in the "
                     "defense ministry in Kabul said 126 were killed.")
    toll = figure(record, "126")
    incident = event(record, "attacked")["incident"]
    assert toll["incident"] == incident
    (place,) = [i["location"] for i in record["incidents"] if i["id"] == incident]
    assert place_name(record, place) == "Ghazni province"
    # not Kabul: the incident's place, marked as taken from it
    assert toll["location"] == {"place": place["place"], "from": "incident"}
    (disagreement,) = record["disagreements"]
    assert disagreement["incident"] == incident
    assert set(disagreement["figures"]) == {figure(record, "more than 100")["id"], toll["id"]}


def test_a_figure_takes_its_incidents_place(extract):
    record = extract("Gunmen attacked a market in Bunia on Thursday. Hospital sources said at "
                     "least 19 people were killed.")
    toll = figure(record, "at least 19")
    attack = event(record, "attacked")
    assert toll["event"] is None and toll["incident"] == attack["incident"]
    assert toll["location"] == {"place": attack["location"]["place"], "from": "incident"}
    assert place_name(record, toll["location"]) == "Bunia"
    # a place the text gives the figure is its own, not marked
    other = extract("Gunmen attacked a market in Bunia on Thursday. Two people were "
                    "injured in Kinshasa.")
    assert place_name(other, figure(other, "Two")["location"]) == "Kinshasa"
    assert "from" not in figure(other, "Two")["location"]
    (feature,) = [f for f in geojson_features(record) if f["properties"]["id"] == toll["id"]]
    assert feature["properties"]["place"] == "Bunia"
    # its incident's ACLED row counts it: one row for the attack, with its toll
    (row,) = acled_rows(record)
    assert (row["location"], row["fatalities"]) == ("Bunia", 19)


def test_it_points_back_to_the_explosion(extract):
    record = extract("A car bomb exploded in Mosul on Tuesday. It killed 12 people, police "
                     "said.")
    assert len(record["incidents"]) == 1
    assert figure(record, "12")["incident"] == event(record, "exploded")["incident"]


def test_attacks_in_two_places_are_two_incidents(extract):
    record = extract("A bomb exploded at a bus station in Mosul on Tuesday, killing 12 people. "
                     "Separately, gunmen attacked a checkpoint in Basra, killing four "
                     "soldiers.")
    first, second = figure(record, "12"), figure(record, "four")
    assert len(record["incidents"]) == 2
    assert first["incident"] != second["incident"]
    assert record["disagreements"] == []


def test_an_event_placed_only_by_its_toll_joins_no_distant_incident(extract):
    # the clashes' place reaches them only through their toll; before it was read they
    # fitted the bombing, and the incident of Maiduguri was put in Tripoli
    record = extract("Two suicide bombers blew themselves up at a crowded market in "
                     "Maiduguri on Monday. Clashes between rival militias in Tripoli left "
                     "at least 15 people dead, the health ministry said.")
    bombing, clashes = event(record, "blew"), event(record, "Clashes")
    assert bombing["incident"] != clashes["incident"]
    assert figure(record, "at least 15")["incident"] == clashes["incident"]
    places = {i["id"]: place_name(record, i["location"]) for i in record["incidents"]}
    assert places[bombing["incident"]] == "Maiduguri"
    assert places[clashes["incident"]] == "Tripoli"


def test_attacks_on_dates_far_apart_are_two_incidents(extract):
    record = extract("A bomb exploded in Mosul on Tuesday, killing 12 people. On January 3, a "
                     "bomb exploded in Mosul, killing four people.")
    assert figure(record, "12")["incident"] != figure(record, "four")["incident"]
    assert record["disagreements"] == []


def test_cumulative_and_periodic_tolls_are_kept_out(extract):
    record = extract("Militants attacked a village in Borno on Sunday, killing 30 people, "
                     "police said. More than 2,000 civilians have been killed in the region "
                     "since 2019, a rights group said. This year, 400 people have died in such "
                     "attacks. Last month's attack on a convoy killed nine soldiers.")
    today = figure(record, "30")
    assert today["incident"] == event(record, "attacked")["incident"]
    assert not today.get("cumulative")
    for count in ("More than 2,000", "400", "nine"):
        toll = figure(record, count)
        assert toll["cumulative"] is True and toll["incident"] is None
        assert all(toll["id"] not in i["figures"] for i in record["incidents"])
    assert record["disagreements"] == []


def test_an_event_told_only_by_a_toll_over_time_joins_no_incident(extract):
    record = extract("Gunmen attacked a village in Borno on Sunday, killing 12 people, police "
                     "said. Armed gangs have killed hundreds of people in the region this "
                     "year.")
    attack = event(record, "attacked")
    gangs = next(e for e in record["events"] if e["trigger"]["text"] == "killed"
                 and e["actor"] and e["actor"]["text"] == "Armed gangs")
    assert attack["incident"] is not None
    assert gangs["incident"] is None
    assert all(gangs["id"] not in i["events"] for i in record["incidents"])
    assert figure(record, "hundreds")["cumulative"] is True


def test_a_reference_told_with_a_toll_over_time_keeps_its_incident(extract):
    record = extract("Soldiers raided three villages in Borno on Sunday, killing 15 people. "
                     "Dozens of families have fled the area since the raids.")
    raids = [e for e in record["events"] if e["trigger"]["text"] == "raids"]
    assert raids and raids[0]["incident"] == event(record, "raided")["incident"] is not None
    assert figure(record, "Dozens")["cumulative"] is True


@pytest.mark.parametrize("opener", ["In a separate incident,", "Elsewhere,", "Separately,"])
def test_a_sentence_of_another_incident_opens_a_new_one(extract, opener):
    record = extract("Gunmen killed five people in an attack on a village in Zamfara on "
                     f"Sunday, police said. {opener} a roadside bomb wounded three soldiers. "
                     "The blast also destroyed a truck.")
    attack, wounded = event(record, "attack"), event(record, "wounded")
    assert attack["incident"] != wounded["incident"]
    assert figure(record, "three")["incident"] == wounded["incident"]
    assert figure(record, "three")["location"] is None  # not the village's
    assert event(record, "blast")["incident"] == wounded["incident"]


def test_statements_about_an_incident_are_not_part_of_it(extract):
    record = extract("A suicide bomber struck a mosque in Quetta on Friday, killing 20 people. "
                     "The explosion also wounded 35. The governor condemned the bombing.")
    (incident,) = record["incidents"]
    assert event(record, "condemned")["incident"] is None
    for trigger in ("struck", "explosion", "bombing"):
        assert event(record, trigger)["incident"] == incident["id"]
    assert sorted(incident["figures"]) == sorted(
        [figure(record, "20")["id"], figure(record, "35")["id"]])


def test_a_figure_no_incident_explains_is_none_of_several(extract):
    record = extract("Officials said 4 people were killed in Goma and 9 people were killed in "
                     "Bukavu. A rights group said 30 people were killed.")
    goma, bukavu, other = (figure(record, c)["incident"] for c in ("4", "9", "30"))
    assert len({goma, bukavu, other}) == 3
    assert record["disagreements"] == []


def test_a_place_in_another_report_of_the_sentence_stays(extract):
    record = extract("A local official said one person was injured in Ashkelon, but a news "
                     "network said several people had been injured.")
    several = next(f for f in record["figures"] if f["count"]["text"] == "several")
    assert place_name(record, several["location"]) == "Ashkelon"
    assert several["incident"] == record["figures"][0]["incident"]


def test_the_disagreements_are_listed_once_per_incident(nlp):
    text = ("Gunmen attacked a market in Bunia on Thursday. Hospital sources said 19 people "
            "were killed. A civil society group said 23 people died.")
    # in eventledger's pipeline the incidents component lists them; figures do not first
    assert nlp.get_pipe("eventledger_figures").disagreements is False
    (disagreement,) = nlp(text)._.el_disagreements
    assert disagreement["incident"]
    with nlp.select_pipes(disable=["eventledger_incidents"]):
        assert not nlp(text)._.el_disagreements


def test_a_figure_placed_by_the_dateline_takes_its_incidents_place(extract):
    record = extract("KINSHASA (Daily Wire) - Gunmen attacked a market in Bunia on Thursday."
                     "\n\nHospital sources said at least 19 people were killed.")
    toll = figure(record, "at least 19")
    attack = event(record, "attacked")
    assert toll["incident"] == attack["incident"]
    assert toll["location"] == {"place": attack["location"]["place"], "from": "incident"}
    assert place_name(record, toll["location"]) == "Bunia"
