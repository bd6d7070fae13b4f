"""Stories across documents: clustering, the per-story source table, commands, exports.

The corpus is invented: short reports of six incidents in and around an invented town
on one day and a week later, several reports per incident with different figures and
sources, one outlet repeating another, and unrelated incidents nearby on the same day.
Records are built by hand so that every feature the clustering reads is known.
"""

from __future__ import annotations

import csv
import io
import itertools
import json

import pytest
from click.testing import CliRunner

from eventledger.export.stories import export_stories
from eventledger.store import Store
from eventledger.stories import assign_stories, list_stories, rebuild_stories
from eventledger.stories.commands import stories_command, story_command

# Invented towns; Millbrook and Eastport lie about 17 km from Riverton, Lakeside ~370 km.
PLACES = {
    "Riverton": (1.50, 36.25), "Millbrook": (1.62, 36.35), "Eastport": (1.45, 36.40),
    "Lakeside": (3.80, 38.90),
}


def _span(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def report(doc_id: str, outlet: str, published: str, text: str, *, event=None,
           figures=(), says=None) -> dict:
    """A record of one short report. ``event``: (PLOVER type, trigger, place, date);
    ``figures``: (category, count words, low, high, exact, trigger), linked to the event;
    ``says``: (source words, source name, cited words or None) for every item, None:
    the outlet's own voice."""
    attributions, places, events, records = [], [], [], []
    attribution = None
    if says:
        phrase, name, cited = says
        attributions.append({
            "id": "A1", "kind": "indirect", "source": {**_span(text, phrase), "name": name,
                                                       "actor": None},
            "cue": None, "content": _span(text, text.split(",")[0]), "channel": None,
            "cites": [{**_span(text, cited), "name": cited, "actor": None}] if cited else [],
            "cited_by": []})
        attribution = "A1"
    if event:
        kind, trigger, place, day = event
        lat, lon = PLACES[place]
        places.append({"id": "P1", **_span(text, place), "name": place, "geonameid": None,
                       "country": "KE", "lat": lat, "lon": lon, "kind": "city"})
        events.append({"id": "E1", "type": kind, "mode": None, "trigger": _span(text, trigger),
                       "actor": None, "recipient": None, "location": {"place": "P1"},
                       "date": day, "date_precision": "day" if day else None,
                       "attribution": attribution, "negated": False, "hypothetical": False})
    for number, (category, words, low, high, exact, trigger) in enumerate(figures, start=1):
        records.append({"id": f"F{number}", "category": category,
                        "trigger": _span(text, trigger),
                        "count": {**_span(text, words), "low": low, "high": high,
                                  "exact": exact},
                        "who": None, "location": {"place": "P1"} if places else None,
                        "event": "E1" if events else None, "attribution": attribution})
    return {
        "document": {"id": doc_id, "path": None, "url": None, "outlet": outlet,
                     "published": published, "title": None, "language": "en", "text": text},
        "attributions": attributions, "events": events, "figures": records,
        "places": places, "actors": [], "disagreements": [],
    }


MON, TUE, WED = "2025-03-03", "2025-03-04", "2025-03-05"
CORPUS = [
    # 1: the market in Riverton shelled on Monday: four reports, one repeating another.
    report("r01", "Valley Herald", MON,
           "Shells struck the central market in Riverton on Monday. Four people were killed "
           "and twelve were injured.",
           event=("ASSAULT", "struck", "Riverton", MON),
           figures=[("killed", "Four", 4, 4, True, "killed"),
                    ("injured", "twelve", 12, 12, True, "injured")]),
    report("r02", "North Courier", TUE,
           "At least six people were killed when shells hit the central market in Riverton, "
           "the regional governor said.",
           event=("ASSAULT", "hit", "Riverton", MON),
           figures=[("killed", "At least six", 6, None, False, "killed")],
           says=("the regional governor", "regional governor", None)),
    report("r03", "Daily Ledger", TUE,
           "Four people died after shelling at the Riverton market, the Valley Herald reported.",
           event=("ASSAULT", "shelling", "Riverton", None),
           figures=[("killed", "Four", 4, 4, True, "died")],
           says=("the Valley Herald", "Valley Herald", None)),
    report("r04", "Coastal Times", WED,
           "Doctors in Riverton said fifteen people wounded in the market shelling were "
           "treated on Monday, citing hospital staff.",
           event=("ASSAULT", "shelling", "Riverton", MON),
           figures=[("injured", "fifteen", 15, 15, True, "wounded")],
           says=("Doctors", "doctors", "hospital staff")),
    # 2: a checkpoint near Millbrook attacked the same day, 17 km away.
    report("r05", "North Courier", MON,
           "Gunmen fired on an army checkpoint near Millbrook on Monday, wounding two soldiers, "
           "the army said.",
           event=("ASSAULT", "fired", "Millbrook", MON),
           figures=[("injured", "two", 2, 2, True, "wounding")],
           says=("the army", "army", None)),
    report("r06", "Coastal Times", TUE,
           "Three soldiers were wounded when gunmen attacked a checkpoint outside Millbrook, "
           "a local official said.",
           event=("ASSAULT", "attacked", "Millbrook", None),
           figures=[("injured", "Three", 3, 3, True, "wounded")],
           says=("a local official", "local official", None)),
    # 3: a march in Riverton the same day: another kind of event.
    report("r07", "Valley Herald", MON,
           "Hundreds of residents marched through Riverton on Monday to demand safer roads.",
           event=("PROTEST", "marched", "Riverton", MON)),
    # 4: arrests in Eastport the same day, two reports.
    report("r08", "Daily Ledger", MON,
           "Police arrested nine men in Eastport on Monday after a raid on a warehouse.",
           event=("COERCE", "arrested", "Eastport", MON),
           figures=[("arrested", "nine", 9, 9, True, "arrested")]),
    report("r09", "North Courier", TUE,
           "Eleven men were detained in Eastport during a warehouse raid, police said.",
           event=("COERCE", "detained", "Eastport", None),
           figures=[("arrested", "Eleven", 11, 11, True, "detained")],
           says=("police", "police", None)),
    # 5: the same market shelled again a week later: a story of its own.
    report("r10", "Valley Herald", "2025-03-10",
           "Shells struck the central market in Riverton again on Monday. Two people were killed.",
           event=("ASSAULT", "struck", "Riverton", "2025-03-10"),
           figures=[("killed", "Two", 2, 2, True, "killed")]),
    report("r11", "Coastal Times", "2025-03-11",
           "Three people were killed in renewed shelling of the Riverton market, residents said.",
           event=("ASSAULT", "shelling", "Riverton", None),
           figures=[("killed", "Three", 3, 3, True, "killed")],
           says=("residents", "residents", None)),
    # 6: a bomb far away the same day.
    report("r12", "Daily Ledger", MON,
           "A roadside bomb exploded near Lakeside on Monday, killing one driver.",
           event=("ASSAULT", "exploded", "Lakeside", MON),
           figures=[("killed", "one", 1, 1, True, "killing")]),
]
GOLD = [{"r01", "r02", "r03", "r04"}, {"r05", "r06"}, {"r07"}, {"r08", "r09"},
        {"r10", "r11"}, {"r12"}]


def _pairs(groups) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _stored(database, records=CORPUS) -> Store:
    store = Store.open(database)
    for record in records:
        store.write_record(record, extractor_version="test")
    return store


@pytest.fixture
def store(database):
    with _stored(database) as opened:
        assign_stories(opened, [r["document"]["id"] for r in CORPUS])
        yield opened


def test_pairwise_precision_and_recall(store):
    found = [set(t.documents) for t in list_stories(store)]
    predicted, gold = _pairs(found), _pairs(GOLD)
    precision = len(predicted & gold) / len(predicted)
    recall = len(predicted & gold) / len(gold)
    assert precision >= 0.9 and recall >= 0.9, (found, precision, recall)
    assert sorted(map(sorted, found)) == sorted(map(sorted, GOLD))


def test_market_story_disagreement_table(store):
    table = next(t for t in list_stories(store) if "r01" in t.documents)
    assert table.story["id"] == "S000001"
    assert table.story["first_date"] == MON and table.story["last_date"] == TUE
    assert (table.story["type"], table.story["place"]) == ("ASSAULT", "Riverton")
    killed, injured = table.figures["killed"], table.figures["injured"]
    assert [(r.doc_id, r.figure, r.source, r.chain, r.origin, r.outlet, r.published)
            for r in killed.rows] == [
        ("r01", "4", "Valley Herald", "Valley Herald", "valley herald", "Valley Herald", MON),
        ("r02", "6-", "regional governor", "regional governor (via North Courier)",
         "regional governor", "North Courier", TUE),
        ("r03", "4", "Valley Herald", "Valley Herald (via Daily Ledger)", "valley herald",
         "Daily Ledger", TUE),
    ]
    # The Daily Ledger repeats the Valley Herald: two independent sources, not three.
    assert (killed.low, killed.high, killed.conservative, killed.sources) == (
        4, 6, 4, ["regional governor", "valley herald"])
    assert killed.first_published == {"4": MON, "6-": TUE}
    assert killed.rows[1].evidence == ("At least six people were killed when shells hit the "
                                       "central market in Riverton, the regional governor said.")
    assert [(r.doc_id, r.figure, r.chain, r.origin) for r in injured.rows] == [
        ("r01", "12", "Valley Herald", "valley herald"),
        ("r04", "15", "doctors <- hospital staff (via Coastal Times)", "hospital staff"),
    ]
    assert (injured.low, injured.high, injured.conservative, len(injured.sources)) == (
        12, 15, 12, 2)
    assert table.sources == ["hospital staff", "regional governor", "valley herald"]
    assert [e.doc_id for e in table.events] == ["r01", "r02", "r03", "r04"]


def test_other_stories_tables(store):
    tables = {tuple(t.documents): t for t in list_stories(store)}
    checkpoint = tables[("r05", "r06")].figures["injured"]
    assert [(r.figure, r.chain) for r in checkpoint.rows] == [
        ("2", "army (via North Courier)"), ("3", "local official (via Coastal Times)")]
    assert (checkpoint.low, checkpoint.high, len(checkpoint.sources)) == (2, 3, 2)
    arrests = tables[("r08", "r09")].figures["arrested"]
    assert [(r.figure, r.chain) for r in arrests.rows] == [
        ("9", "Daily Ledger"), ("11", "police (via North Courier)")]
    later = tables[("r10", "r11")].figures["killed"]
    assert (later.low, later.high, later.conservative) == (2, 3, 2)
    assert tables[("r07",)].figures == {} and tables[("r07",)].story["type"] == "PROTEST"


def test_assignment_is_idempotent_and_deterministic(store):
    before = store.fingerprint()
    assert assign_stories(store, ["r01", "r05"]) == ["S000001", "S000002"]
    assert store.fingerprint() == before
    rebuilt = rebuild_stories(store)
    assert sorted(rebuilt) == [t.story["id"] for t in list_stories(store)]
    groups = sorted(map(sorted, (t.documents for t in list_stories(store))))
    assert groups == sorted(map(sorted, GOLD))


def test_incremental_new_document_joins_existing_story(database):
    with _stored(database, CORPUS[:2] + CORPUS[4:]) as store:
        assign_stories(store, [r["document"]["id"] for r in CORPUS[:2] + CORPUS[4:]])
        before = {t.story["id"]: t.documents for t in list_stories(store)}
        store.write_record(CORPUS[2], extractor_version="test")
        assert assign_stories(store, ["r03"]) == ["S000001"]
        after = {t.story["id"]: t.documents for t in list_stories(store)}
        assert after["S000001"] == ["r01", "r02", "r03"]
        assert {k: v for k, v in after.items() if k != "S000001"} == {
            k: v for k, v in before.items() if k != "S000001"}


def test_reextracted_document_is_assigned_again(store):
    changed = json.loads(json.dumps(CORPUS[11]))
    changed["figures"][0]["count"].update(low=2, high=2)
    store.write_record(changed, extractor_version="test2", replace=True)
    assign_stories(store, ["r12"])
    table = next(t for t in list_stories(store) if t.documents == ["r12"])
    assert table.figures["killed"].low == 2
    assert len(list_stories(store)) == len(GOLD)


def test_filters(store):
    ids = lambda **kw: [t.documents for t in list_stories(store, **kw)]  # noqa: E731
    assert ids(types=["PROTEST"]) == [["r07"]]
    assert ids(since="2025-03-09") == [["r10", "r11"]]
    assert ["r08", "r09"] in ids(source="police") and len(ids(source="police")) == 1
    assert ids(country="XX") == []
    assert len(ids(country="ke", until=WED)) == 5


def test_exports(store):
    tables = list_stories(store)
    out = io.StringIO()
    assert export_stories(tables, "acled", out) == 6
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    market = rows[0]
    assert (market["story_id"], market["fatalities"], market["fatalities_high"],
            market["injuries"], market["injuries_high"], market["n_documents"],
            market["corroboration"]) == ("S000001", "4", "6", "12", "15", "4", "3")
    assert market["event_type"] == "Violence against civilians"
    assert "regional governor (via North Courier): killed 6-" in market["sources"]
    out = io.StringIO()
    assert export_stories(tables, "csv", out) == 12 + 12  # figures, events
    out = io.StringIO()
    export_stories(tables, "json", out)
    data = json.loads(out.getvalue())
    assert data[0]["figures"]["killed"]["conservative"] == 4
    assert data[0]["figures"]["killed"]["corroboration"] == 2


def test_commands(store):
    runner = CliRunner()
    for command in (stories_command, story_command):
        assert "Example" in runner.invoke(command, ["--help"]).output
    result = runner.invoke(stories_command, ["--db", store.label, "--type", "ASSAULT"])
    assert result.exit_code == 0, result.output
    assert "S000001" in result.output and "killed 4-6 (min 4, 2 src)" in result.output
    assert "PROTEST" not in result.output
    result = runner.invoke(story_command, ["S000001", "--db", store.label])
    assert result.exit_code == 0, result.output
    assert "killed: reported 4-6, conservative 4, corroborated by 2" in result.output
    assert "Valley Herald (via Daily Ledger)" in result.output
    result = runner.invoke(story_command, ["S999999", "--db", store.label])
    assert result.exit_code != 0


def test_candidate_lookup_keeps_to_window_cell_and_family(store):
    with store.story_session() as session:
        found = session.candidates("violence", cells=["3:72"], day_from="2025-03-02",
                                   day_to="2025-03-04")
        assert {(m["doc_id"], m["item_id"]) for m in found} == {
            ("r01", "E1"), ("r01", "F1"), ("r01", "F2"), ("r02", "E1"), ("r02", "F1"),
            ("r03", "E1"), ("r03", "F1"), ("r04", "E1"), ("r04", "F1"),
            ("r05", "E1"), ("r05", "F1"), ("r06", "E1"), ("r06", "F1")}
        assert session.candidates("protest", cells=["3:72"], day_from="2025-03-09",
                                  day_to="2025-03-12") == []
        assert session.candidates("violence", cells=["9:79"], day_from="2025-03-02",
                                  day_to="2025-03-04") == []


def test_events_that_did_not_happen_join_no_story(database):
    record = json.loads(json.dumps(CORPUS[11]))
    record["events"][0]["negated"] = True
    with _stored(database, [record]) as store:
        assert assign_stories(store, ["r12"]) == []
        assert list_stories(store) == []


def test_events_and_figures_of_a_denied_report_join_no_story(database):
    record = json.loads(json.dumps(CORPUS[1]))  # the governor's six killed
    record["document"]["id"] = "r02-denied"
    record["attributions"][0]["negated"] = True
    with _stored(database, [CORPUS[1], record]) as store:
        assert assign_stories(store, ["r02"]) != []
        assert assign_stories(store, ["r02-denied"]) == []


PIPELINE_REPORTS = [
    ("Lakeview Post", "2025-05-12", "Gunmen attacked a bus station in Nakuru on Sunday, "
     "killing five people, police said. Eight others were injured."),
    ("Rift Daily", "2025-05-12", "At least seven people were killed when armed men opened fire "
     "at the main bus station in Nakuru on Sunday, the county governor said."),
    ("Evening Wire", "2025-05-13", "Five people died in the attack on the Nakuru bus station, "
     "the Lakeview Post reported."),
    ("Rift Daily", "2025-05-12", "Hundreds of traders marched in Nakuru on Sunday to protest "
     "against new market fees."),
    ("Coast Mirror", "2025-05-11", "A bomb exploded at a market in Mombasa on Sunday, "
     "injuring three people, officials said."),
]


def test_full_pipeline_reports_form_stories(nlp, database):
    from eventledger.document import Document
    from eventledger.pipeline import extract_records

    documents = [Document(text=t, outlet=o, published=p) for o, p, t in PIPELINE_REPORTS]
    with Store.open(database) as store:
        for record in extract_records(documents, nlp=nlp):
            store.write_record(record, extractor_version="test")
        assign_stories(store, [d.id for d in documents])
        outlet_of = {d.id: d.outlet for d in documents}
        tables = list_stories(store)
        groups = sorted(sorted(outlet_of[d] for d in t.documents) for t in tables)
        assert groups == [["Coast Mirror"], ["Evening Wire", "Lakeview Post", "Rift Daily"],
                          ["Rift Daily"]]
        attack = next(t for t in tables if len(t.documents) == 3)
        killed = attack.figures["killed"]
        # By publication date, then document id (a hash of the text).
        assert sorted((r.published, r.outlet, r.figure, r.chain, r.origin)
                      for r in killed.rows) == [
            ("2025-05-12", "Lakeview Post", "5", "police (via Lakeview Post)", "police"),
            ("2025-05-12", "Rift Daily", "7-", "the county governor (via Rift Daily)",
             "county governor"),
            # Repeats the Lakeview Post, which had it from the police: not independent.
            ("2025-05-13", "Evening Wire", "5", "Lakeview Post (via Evening Wire)", "police"),
        ]
        assert [r.published for r in killed.rows] == ["2025-05-12", "2025-05-12", "2025-05-13"]
        assert (killed.conservative, killed.high, len(killed.sources)) == (5, 7, 2)
        assert attack.figures["injured"].rows[0].chain == "Lakeview Post"


def test_documents_without_outlet_are_separate_sources(database):
    first, second = (json.loads(json.dumps(CORPUS[i])) for i in (9, 10))
    first["document"]["outlet"] = second["document"]["outlet"] = None
    second["attributions"], second["events"][0]["attribution"] = [], None
    second["figures"][0]["attribution"] = None
    with _stored(database, [first, second]) as store:
        assign_stories(store, ["r10", "r11"])
        (table,) = list_stories(store)
        assert table.figures["killed"].sources == ["unknown outlet r10", "unknown outlet r11"]


def test_near_duplicate_documents_are_one_source(database):
    first, second = (json.loads(json.dumps(CORPUS[i])) for i in (9, 10))
    second["attributions"], second["events"][0]["attribution"] = [], None
    second["figures"][0]["attribution"] = None
    with _stored(database, [first, second]) as store:
        assign_stories(store, ["r10", "r11"])
        (table,) = list_stories(store)
        assert table.figures["killed"].sources == ["coastal times", "valley herald"]
        store.link_near_duplicate("r11", "r10", 0.9)  # one wire story on two sites
        (table,) = list_stories(store)
        assert table.figures["killed"].sources == ["valley herald"]
        assert [r.origin for r in table.figures["killed"].rows] == ["valley herald"] * 2
