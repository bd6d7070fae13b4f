"""Exporters: every format read back, ACLED-style rows, source chains, casualty counts."""

from __future__ import annotations

import copy
import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_store import TEXT, make_record, span

from eventledger.export import FORMATS, ExportError, export_records
from eventledger.export.acled import (
    ACLED_COLUMNS,
    acled_rows,
    acled_type,
    default_type_table,
    load_type_table,
    sentence_around,
    source_chain,
)

PLOVER_TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()


def _by_id(rows):
    return {row["item_id"]: row for row in rows}


def test_acled_rows_of_a_record():
    rows = _by_id(acled_rows(make_record()))
    # E3 is negated: it did not happen and is no row. F4 links to no event: a row.
    assert sorted(rows) == ["E1", "E2", "F4"]
    shelling = rows["E1"]
    assert shelling["event_id_cnty"] == "doc-a-E1"
    assert (shelling["event_date"], shelling["year"]) == ("2025-03-03", 2025)
    assert (shelling["event_type"], shelling["sub_event_type"]) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (shelling["plover_type"], shelling["plover_mode"]) == ("ASSAULT", "heavy-weapons")
    assert (shelling["actor1"], shelling["actor2"]) == ("", "the market")
    assert (shelling["country"], shelling["iso2"], shelling["location"]) == ("Kenya", "KE",
                                                                             "Riverton")
    assert (shelling["latitude"], shelling["longitude"], shelling["geo_precision"]) == (1.5, 36.25, 1)
    assert shelling["admin1"] == ""
    assert shelling["source"] == "Riverton City Council (via Daily Test)"
    assert shelling["notes"] == "Shells struck the market in Riverton on Monday, the city council said."
    assert shelling["trigger"] == "struck"
    assert (shelling["doc_id"], shelling["outlet"]) == ("doc-a", "Daily Test")
    assert shelling["url"] == "https://example.org/doc-a"

    arrest = rows["E2"]
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert arrest["event_date"] == "2025-03-04"  # no event date: the published date
    assert (arrest["actor1"], arrest["actor2"]) == ("Police", "two men")
    assert arrest["country"] == "Tanzania"
    assert arrest["source"] == "Daily Test"  # the outlet's own voice
    assert arrest["notes"] == "Police arrested two men in Eastport."
    assert (arrest["fatalities"], arrest["injuries"]) == (0, 0)

    missing = rows["F4"]
    assert (missing["event_type"], missing["sub_event_type"]) == ("Casualty report", "missing")
    assert (missing["fatalities"], missing["injuries"]) == (0, 0)
    assert missing["notes"] == "Two people remain missing in Riverton."
    assert missing["plover_type"] == ""


def test_fatalities_are_the_lowest_low_of_killed_figures():
    rows = _by_id(acled_rows(make_record()))
    # F1 says four killed, F3 "at least three": ACLED takes the most conservative.
    assert rows["E1"]["fatalities"] == 3
    assert rows["E1"]["injuries"] == 12

    record = make_record()
    record["figures"][2]["count"]["low"] = None  # a count without a number is skipped
    assert _by_id(acled_rows(record))["E1"]["fatalities"] == 4
    record["figures"] = [f for f in record["figures"] if f["category"] != "killed"]
    assert _by_id(acled_rows(record))["E1"]["fatalities"] == 0

    # An unlinked killed figure is a row with its own count.
    record = make_record()
    record["figures"][0]["event"] = None
    rows = _by_id(acled_rows(record))
    assert rows["F1"]["fatalities"] == 4 and rows["F1"]["sub_event_type"] == "killed"
    assert rows["E1"]["fatalities"] == 3


def test_figures_of_the_same_story_count_for_each_of_its_events():
    record = make_record()
    extra = {**copy.deepcopy(record["events"][0]), "id": "E4", "mode": "aerial",
             "trigger": span("Shells")}
    record["events"].append(extra)
    assert _by_id(acled_rows(record))["E4"]["fatalities"] == 0
    record["events"][0]["story"] = "S1"
    record["events"][3]["story"] = "S1"
    rows = _by_id(acled_rows(record))
    assert rows["E4"]["fatalities"] == 3 and rows["E4"]["injuries"] == 12
    assert rows["E4"]["sub_event_type"] == "Air/drone strike"


def test_negated_and_hypothetical_events_are_not_rows():
    record = make_record()
    record["events"][0]["hypothetical"] = True
    assert sorted(_by_id(acled_rows(record))) == ["E2", "F4"]
    record["events"][1]["negated"] = True
    assert sorted(_by_id(acled_rows(record))) == ["F4"]


def test_events_and_counts_of_a_denied_report_are_not_rows_nor_totals():
    record = make_record()
    reports = {a["id"]: a for a in record["attributions"]}
    # F3's "at least three" killed comes from A4; denied, it is no one's count.
    reports["A4"]["negated"] = True
    rows = _by_id(acled_rows(record))
    assert rows["E1"]["fatalities"] == 4
    # E1 comes from A1; denied, the shelling is no row.
    reports["A1"]["negated"] = True
    assert sorted(_by_id(acled_rows(record))) == ["E2", "F4"]


def test_source_chain_of_a_negated_report_gives_its_cue():
    report = {"source": {"text": "the ministry", "start": 0, "end": 12,
                         "name": "Interior Ministry", "actor": None},
              "cue": {"text": "did not confirm", "start": 13, "end": 28},
              "cites": [], "cited_by": [], "negated": True}
    assert source_chain(report, "Daily Test") == "Interior Ministry [did not confirm] (via Daily Test)"


def test_source_chain_form():
    record = make_record()
    herald = record["attributions"][1]
    assert source_chain(herald, "Daily Test") == "Valley Herald <- hospital staff (via Daily Test)"
    assert source_chain(herald, None) == "Valley Herald <- hospital staff"
    carried = {**herald, "cited_by": [{"text": "Coast Courier", "start": 0, "end": 0,
                                       "name": "Coast Courier", "actor": None}],
               "cites": herald["cites"] * 2}
    assert source_chain(carried, "Daily Test") == (
        "Valley Herald <- hospital staff, hospital staff (via Coast Courier via Daily Test)")
    assert source_chain({**herald, "source": None, "cites": []}, "Daily Test") == (
        "unnamed source (via Daily Test)")
    assert source_chain(None, "Daily Test") == "Daily Test"
    assert source_chain(None, None) == ""


def test_sentence_around():
    start = TEXT.index("arrested")
    assert sentence_around(TEXT, start, start + 8) == "Police arrested two men in Eastport."
    assert sentence_around("First line\nShells fell here\nlast", 12, 18) == "Shells fell here"
    text = 'He said "they fired." Then quiet.'
    assert sentence_around(text, text.index("fired"), text.index("fired") + 5) == (
        'He said "they fired."')


def test_type_table_covers_every_plover_type_and_can_be_extended(tmp_path):
    table = default_type_table()
    for kind in PLOVER_TYPES:
        assert (kind, "*") in table, kind
    assert acled_type("ASSAULT", "firearms") == ("Battles", "Armed clash")
    assert acled_type("ASSAULT", "explosives") == ("Explosions/Remote violence",
                                                   "Remote explosive/landmine/IED")
    assert acled_type("ASSAULT", "suicide-attack")[1] == "Suicide bomb"
    assert acled_type("ASSAULT", "drone") == acled_type("ASSAULT", "aerial")
    assert acled_type("ASSAULT", None) == ("Violence against civilians", "Attack")
    assert acled_type("PROTEST", None) == ("Protests", "Peaceful protest")
    assert acled_type("RETREAT", None) == ("Strategic developments", "Agreement")
    assert acled_type("THREATEN", None) == ("Strategic developments", "Other")
    assert acled_type("UNKNOWN", "x") == ("Strategic developments", "Other")

    extra = tmp_path / "mine.csv"
    extra.write_text("# my table\nplover_type,plover_mode,event_type,sub_event_type\n"
                     "ASSAULT,heavy-weapons,Battles,Armed clash\n", encoding="utf-8")
    mine = load_type_table(extra)
    assert acled_type("ASSAULT", "heavy-weapons", table=mine) == ("Battles", "Armed clash")
    rows = _by_id(acled_rows(make_record(), table=mine))
    assert rows["E1"]["event_type"] == "Battles"
    assert acled_type("ASSAULT", "aerial", table=mine)[1] == "Air/drone strike"
    buffer = io.StringIO()
    export_records([make_record()], "csv", buffer, type_table=extra)
    assert "doc-a-E1,2025-03-03,2025,Battles,Armed clash," in buffer.getvalue()


def _records():
    return [make_record("doc-a"), make_record("doc-b", outlet="Évening Pöst")]


def test_csv_export_reads_back(tmp_path):
    path = tmp_path / "out.csv"
    assert export_records(iter(_records()), "csv", path) == 6
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == [
        "doc-a-E1", "doc-a-E2", "doc-a-F4", "doc-b-E1", "doc-b-E2", "doc-b-F4"]
    assert rows[0]["fatalities"] == "3" and rows[0]["latitude"] == "1.5"
    assert rows[1]["latitude"] == "-6.75"
    assert rows[3]["source"] == "Riverton City Council (via Évening Pöst)"
    assert not any(r["event_id_cnty"].endswith("E3") for r in rows)

    buffer = io.StringIO()
    assert export_records([], "csv", buffer) == 0
    assert buffer.getvalue().strip() == ",".join(ACLED_COLUMNS)


def test_json_and_jsonl_exports_read_back(tmp_path):
    records = _records()
    path = tmp_path / "out.json"
    assert export_records(records, "json", path) == 2
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == records
    assert "Évening Pöst" in text  # not \u-escaped
    # Negated events stay in JSON.
    assert [e["id"] for e in json.loads(text)[0]["events"]] == ["E1", "E2", "E3"]

    buffer = io.StringIO()
    assert export_records(iter(records), "jsonl", buffer) == 2
    lines = buffer.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == records

    empty = io.StringIO()
    assert export_records([], "json", empty) == 0
    assert json.loads(empty.getvalue()) == []


def test_geojson_export(tmp_path):
    path = tmp_path / "out.geojson"
    assert export_records([make_record()], "geojson", path) == 6
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["id"]: f for f in collection["features"]}
    # E3 has no place; every other event and every figure has one.
    assert sorted(features) == ["E1", "E2", "F1", "F2", "F3", "F4"]
    for feature in features.values():
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    assert features["E2"]["geometry"]["coordinates"] == [39.5, -6.75]  # [lon, lat]
    shelling = features["E1"]["properties"]
    assert (shelling["type"], shelling["mode"], shelling["trigger"]) == (
        "ASSAULT", "heavy-weapons", "struck")
    assert (shelling["date"], shelling["doc_id"], shelling["negated"]) == (
        "2025-03-03", "doc-a", False)
    figure = features["F1"]["properties"]
    assert (figure["category"], figure["count"], figure["low"], figure["event"]) == (
        "killed", "Four", 4, "E1")
    assert figure["source"] == "Valley Herald <- hospital staff (via Daily Test)"


def test_parquet_export_reads_back(tmp_path):
    path = tmp_path / "out.parquet"
    assert export_records(_records(), "parquet", path) == 6
    table = pq.read_table(path)
    assert table.column_names == [*ACLED_COLUMNS, "item_json"]
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    rows = table.to_pylist()
    assert rows == [
        {**row, "item_json": rows[i]["item_json"]}
        for i, row in enumerate(acled_rows(_records()[0]) + acled_rows(_records()[1]))
    ]
    assert rows[0]["fatalities"] == 3 and rows[0]["year"] == 2025
    assert json.loads(rows[0]["item_json"]) == make_record()["events"][0]
    assert rows[1]["geo_precision"] == 1 and rows[2]["event_type"] == "Casualty report"

    buffer = io.BytesIO()
    assert export_records([], "parquet", buffer) == 0
    empty = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert empty.num_rows == 0 and empty.column_names[-1] == "item_json"


def test_formats_and_errors(tmp_path):
    assert FORMATS == ("csv", "json", "jsonl", "geojson", "parquet")
    with pytest.raises(ExportError, match="unknown export format"):
        export_records([], "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="cannot write"):
        export_records([], "csv", tmp_path / "no" / "dir" / "x.csv")


def test_a_dateline_place_gives_way_to_the_incidents_place_in_rows():
    record = copy.deepcopy(make_record())
    arrest = next(e for e in record["events"] if e["id"] == "E2")
    # placed by the dateline only (Riverton), while its incident is placed in Eastport
    arrest["location"] = {"place": "P1", "from": "dateline"}
    arrest["incident"] = "I9"
    record["incidents"] = [{"id": "I9", "type": "COERCE", "location": {"place": "P2"},
                            "date": None, "date_precision": None, "events": ["E2"],
                            "figures": []}]
    assert _by_id(acled_rows(record))["E2"]["country"] == "Tanzania"
    # with no incident's place, the dateline's still places the row
    record["incidents"][0]["location"] = None
    assert _by_id(acled_rows(record))["E2"]["country"] == "Kenya"
