"""A figure keeps its unit: "several families had fled" is 2 families, not 2 people. The unit
goes through the record, its schema, the store (with a migration), the exports, ``show``,
the stories' tables and the web pages; only figures of one unit are compared."""

from __future__ import annotations

import copy
import json

import pytest
from fastapi.testclient import TestClient
from old_store import make_database_at
from sqlalchemy import inspect
from test_export import _by_id
from test_store import make_record
from test_stories import report

from eventledger.document import Document
from eventledger.export import export_records
from eventledger.export.acled import acled_rows
from eventledger.extract.figures import FiguresExtractor
from eventledger.pipeline import extract_record
from eventledger.record import record_problems, record_schema
from eventledger.show import format_record
from eventledger.store import Store
from eventledger.store.dialect import create_store_engine
from eventledger.store.migrations import current_version
from eventledger.stories import assign_stories, list_stories
from eventledger.units import Units, unit_of
from eventledger.web import create_app


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(text: str) -> list[dict]:
        return nlp(text)._.el_figures

    return run


@pytest.mark.parametrize(
    ("text", "category", "low", "unit"),
    [
        ("Residents said several families had fled to nearby villages.", "displaced", 2,
         "families"),
        ("Aid groups said around 300 families were displaced by the floods.", "displaced", 300,
         "families"),
        ("Herders said 40 cattle were killed in the raid.", "killed", 40, "livestock"),
        ("Twelve people were killed in the blast.", "killed", 12, "people"),
        ("Officials said 15 were injured.", "injured", 15, "people"),
        # the members of a family or household are people, and the family no second figure
        ("A family of five was killed when a shell hit their home.", "killed", 5, "people"),
        ("The strike killed a household of seven, residents said.", "killed", 7, "people"),
        ("Two families of refugees were displaced.", "displaced", 2, "families"),
    ],
)
def test_a_count_keeps_its_unit(figures_of, text, category, low, unit):
    figures = figures_of(text)
    assert [(f["category"], f["count"]["low"], f["unit"]) for f in figures] == [
        (category, low, unit)]


def test_unit_is_in_the_schema_and_the_output_validates(nlp):
    schema = record_schema()
    assert "unit" in schema["properties"]["figures"]["items"]["required"]
    record = extract_record(
        Document(text="Residents said several families had fled the town."), nlp=nlp)
    assert [f["unit"] for f in record["figures"]] == ["families"]
    assert record_problems(record) == []
    broken = copy.deepcopy(record)
    del broken["figures"][0]["unit"]
    assert any("unit" in problem for problem in record_problems(broken))


def test_only_like_units_disagree_in_a_document(figures_of, nlp):
    text = ("In Goma, the agency said 40 families were displaced, while officials said 120 "
            "people were displaced, and a charity said 150 people were displaced.")
    doc = nlp(text)
    units = {f["count"]["text"]: f["unit"] for f in doc._.el_figures}
    assert units == {"40": "families", "120": "people", "150": "people"}
    groups = [sorted(units[next(f["count"]["text"] for f in doc._.el_figures if f["id"] == i)]
                     for i in d["figures"]) for d in doc._.el_disagreements]
    assert groups == [["people", "people"]]


def test_a_users_unit_file_adds_units(bare_nlp, tmp_path):
    extra = tmp_path / "units.json"
    extra.write_text(json.dumps({"units": {"boats": ["boat", "boats"],
                                           "families": ["clan", "clans"]}}))
    units = Units.load(extra)
    assert units.of_words("boats") == "boats" and units.of_words("clans") == "families"
    assert units.of_words("people") == "people" == Units.load().of_words("boats")
    figures = FiguresExtractor(bare_nlp, "units_test", extra_units_path=str(extra))
    doc = bare_nlp("Three clans fled the fighting.")
    doc._.el_places, doc._.el_attributions, doc._.el_actors = [], [], []
    doc._.el_events, doc._.el_excluded = [], []
    figures(doc)
    assert [f["unit"] for f in doc._.el_figures] == ["families"]


def test_a_record_without_units_reads_as_its_nouns_say():
    assert unit_of({"who": {"text": "Palestinian families"}}) == "families"
    assert unit_of({"who": {"text": "people"}}) == unit_of({"who": None}) == "people"
    assert unit_of({"unit": "homes", "who": {"text": "people"}}) == "homes"


def test_the_store_keeps_the_unit(database):
    record = make_record("with-units")
    for figure in record["figures"]:
        figure["unit"] = "people"
    record["figures"][1]["unit"] = "households"
    with Store.open(database) as store:
        store.write_record(record, extractor_version="test")
        with store._engine.connect() as conn:
            units = dict(conn.exec_driver_sql("SELECT id, unit FROM figures").all())
        assert units == {"F1": "people", "F2": "households", "F3": "people", "F4": "people"}
        assert store.get_record("with-units") == record


def test_a_version_3_database_gets_units_on_open(tmp_path):
    path = tmp_path / "v3.db"
    record = make_record("old-doc")
    record["figures"][3]["who"]["text"] = "Two families"
    make_database_at(path, record, 3)
    engine = create_store_engine(path)
    try:
        with engine.connect() as conn:
            assert current_version(conn) == 3
            assert "unit" not in {c["name"] for c in inspect(conn).get_columns("figures")}
    finally:
        engine.dispose()
    with Store.open(path) as store:
        with store._engine.connect() as conn:
            units = dict(conn.exec_driver_sql("SELECT id, unit FROM figures").all())
        assert units == {"F1": "people", "F2": "people", "F3": "people", "F4": "families"}
        assert store.get_record("old-doc") == record  # the record as written
    with Store.open(tmp_path / "fresh.db") as fresh, Store.open(path) as upgraded:
        fresh.write_record(record, extractor_version="0.9")
        assert fresh.fingerprint() == upgraded.fingerprint()


def test_acled_fatalities_and_injuries_count_people_only():
    record = make_record()
    rows = _by_id(acled_rows(record))
    assert (rows["E1"]["fatalities"], rows["E1"]["injuries"]) == (3, 12)
    record["figures"][2]["unit"] = "livestock"  # "at least three" cattle
    record["figures"][1]["unit"] = "vehicles"
    rows = _by_id(acled_rows(record))
    assert (rows["E1"]["fatalities"], rows["E1"]["injuries"]) == (4, 0)
    record["figures"][0]["event"] = None
    record["figures"][0]["unit"] = "homes"
    assert _by_id(acled_rows(record))["F1"]["fatalities"] == 0


def test_geojson_and_show_give_the_unit(tmp_path):
    record = make_record()
    record["figures"][3]["unit"] = "families"
    out = tmp_path / "figures.geojson"
    export_records([record], "geojson", out)
    features = json.loads(out.read_text())["features"]
    units = {f["properties"]["id"]: f["properties"]["unit"] for f in features
             if f["properties"]["kind"] == "figure"}
    assert units["F4"] == "families" and units["F1"] == "people"
    shown = format_record(record)
    f4 = next(line for line in shown.splitlines() if line.startswith("  F4 "))
    assert f4.endswith("[families]")
    assert next(line for line in shown.splitlines() if line.startswith("  F1 ")).endswith(
        "[people]")


def _unit_reports() -> list[dict]:
    text_a = "About 300 families were displaced by shelling in Riverton, the mayor said."
    text_b = "Some 1,200 people were displaced by shelling in Riverton, aid workers said."
    text_c = "At least 900 people were displaced by shelling in Riverton, a charity said."
    day = "2025-03-03"
    made = [
        report("u1", "Valley Herald", day, text_a, event=("ASSAULT", "shelling", "Riverton", day),
               figures=[("displaced", "About 300", 300, 300, False, "displaced")],
               says=("the mayor", "the mayor", None)),
        report("u2", "North Courier", day, text_b, event=("ASSAULT", "shelling", "Riverton", day),
               figures=[("displaced", "Some 1,200", 1200, 1200, False, "displaced")],
               says=("aid workers", "aid workers", None)),
        report("u3", "Coastal Times", day, text_c, event=("ASSAULT", "shelling", "Riverton", day),
               figures=[("displaced", "At least 900", 900, None, False, "displaced")],
               says=("a charity", "a charity", None)),
    ]
    made[0]["figures"][0]["unit"] = "families"
    return made


def test_story_tables_compare_like_units_only(database):
    records = _unit_reports()
    with Store.open(database) as store:
        for record in records:
            store.write_record(record, extractor_version="test")
        assign_stories(store, [r["document"]["id"] for r in records])
        [table] = list_stories(store)
        assert sorted(table.figures) == ["displaced", "displaced families"]
        people, families = table.figures["displaced"], table.figures["displaced families"]
        assert (people.low, people.high, people.unit) == (900, 1200, "people")
        assert (families.low, families.high, families.unit) == (300, 300, "families")
        assert [r.doc_id for r in families.rows] == ["u1"]
        assert table.as_dict()["figures"]["displaced families"]["unit"] == "families"


def test_web_pages_and_api_give_the_unit(tmp_path):
    path = tmp_path / "web.db"
    records = _unit_reports()
    with Store.open(path) as store:
        for record in records:
            store.write_record(record, extractor_version="test")
        assign_stories(store, [r["document"]["id"] for r in records])
    with TestClient(create_app(path)) as client:
        items = client.get("/api/figures").json()["items"]
        assert {(i["doc_id"], i["unit"]) for i in items} == {
            ("u1", "families"), ("u2", "people"), ("u3", "people")}
        [story] = client.get("/api/stories").json()["items"]
        assert story["figures"]["displaced families"]["low"] == 300
        assert story["figures"]["displaced"]["low"] == 900
        page = client.get(f"/stories/{story['id']}").text
        assert 'id="category-displaced-families"' in page
        document = client.get("/documents/u1").text
        assert "<td>families</td>" in document
        event = client.get("/api/documents/u1/events/E1").json()
        assert [f["unit"] for f in event["figures"]] == ["families"]
