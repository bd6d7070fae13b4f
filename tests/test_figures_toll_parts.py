"""Parts of a toll: a named victim and the counts of a breakdown are marked ``part``, and
no disagreement, story range or ACLED fatality count takes them for a lower toll."""

from __future__ import annotations

from test_export import _by_id
from test_store import make_record
from test_stories import report

from eventledger.export.acled import acled_rows
from eventledger.store import Store
from eventledger.store.dialect import create_store_engine
from eventledger.stories import assign_stories, list_stories
from eventledger.tolls import tolls
from eventledger.web.queries import figure_ranges


def _figures(nlp, text):
    doc = nlp(text)
    return {f["count"]["text"]: f for f in doc._.el_figures}, doc._.el_disagreements


def test_named_victim_is_part_of_a_toll_and_no_disagreement(nlp):
    text = ("The army said five people were killed in Tampere on Monday. "
            "Local officials said Ahmed Khan was killed.")
    figures, disagreements = _figures(nlp, text)
    assert figures["five"]["part"] is False
    assert figures["Ahmed Khan"]["part"] is True and figures["Ahmed Khan"]["count"]["low"] == 1
    assert figures["five"]["incident"] == figures["Ahmed Khan"]["incident"]
    assert disagreements == []
    # two tolls from two sources still disagree
    text = ("The army said five people were killed in Tampere on Monday. "
            "Local officials said three people were killed.")
    figures, disagreements = _figures(nlp, text)
    assert not any(f["part"] for f in figures.values())
    assert [sorted(d["figures"]) for d in disagreements] == [
        sorted(f["id"] for f in figures.values())]


def test_breakdown_that_adds_up_is_part_of_the_first_count(nlp):
    figures, _ = _figures(nlp, "Police arrested 12 people, seven women and five men, in Tampere.")
    assert [(k, f["part"]) for k, f in figures.items()] == [
        ("12", False), ("seven", True), ("five", True)]
    # a list that does not add up counts three groups, each a toll of its own
    figures, _ = _figures(nlp, "Police arrested 12 soldiers, seven officers and three "
                               "civilians in Tampere.")
    assert not any(f["part"] for f in figures.values())


def test_tolls_are_the_figures_that_are_no_part_else_all():
    total, named = {"id": "F1", "part": False}, {"id": "F2", "part": True}
    assert tolls([total, named]) == [total]
    assert tolls([named]) == [named]
    assert tolls([{"id": "F3"}]) == [{"id": "F3"}]  # a record without the field: a toll


def test_acled_fatalities_leave_a_named_victim_aside():
    record = make_record()
    rows = _by_id(acled_rows(record))
    assert rows["E1"]["fatalities"] == 3  # "at least three", the lower of two tolls
    record["figures"][2]["part"] = True  # were it a named victim, four would be the toll
    assert _by_id(acled_rows(record))["E1"]["fatalities"] == 4


def _story_reports():
    five = "Five people were killed when shells hit the market in Riverton on Monday."
    named = "Ahmed Khan was killed when shells hit the market in Riverton on Monday."
    first = report("t01", "Valley Herald", "2025-03-03", five,
                   event=("ASSAULT", "hit", "Riverton", "2025-03-03"),
                   figures=[("killed", "Five", 5, 5, True, "killed")])
    second = report("t02", "North Courier", "2025-03-03", named,
                    event=("ASSAULT", "hit", "Riverton", "2025-03-03"),
                    figures=[("killed", "Ahmed Khan", 1, 1, True, "killed")])
    second["figures"][0]["part"] = True
    return [first, second]


def test_story_ranges_read_the_tolls(database):
    records = _story_reports()
    with Store.open(database) as store:
        for record in records:
            store.write_record(record, extractor_version="test")
        assign_stories(store, ["t01", "t02"])
        (table,) = list_stories(store)
        killed = table.figures["killed"]
        assert [(r.doc_id, r.figure, r.part) for r in killed.rows] == [
            ("t01", "5", False), ("t02", "1", True)]
        assert (killed.low, killed.high) == (5, 5)
        engine = create_store_engine(database)
        try:
            ranges = figure_ranges(engine, [table.story["id"]])
        finally:
            engine.dispose()
        assert ranges[table.story["id"]]["killed"] == {"low": 5, "high": 5, "reports": 2}


def test_story_page_marks_the_part_and_sees_no_disagreement(tmp_path):
    from fastapi.testclient import TestClient

    from eventledger.web import create_app

    path = str(tmp_path / "events.db")
    with Store.open(path) as store:
        for record in _story_reports():
            store.write_record(record, extractor_version="test")
        assign_stories(store, ["t01", "t02"])
        (table,) = list_stories(store)
    with TestClient(create_app(path)) as client:
        page = client.get(f"/stories/{table.story['id']}").text
    assert "part of a toll" in page
    assert "sources disagree" not in page
    assert "Reported: 5." in page
