"""The seed scorer on a small gold annotation and records written by hand."""

import copy

from eventledger.eval.seed import format_seed, haversine_km, score_seed

TEXT = (
    "Shells hit the port of Tyre on Monday.\n\n"
    "Port news\n\n"
    "According to a local radio station, two people were injured in Tyre, "
    "but the health ministry said five people were injured."
)


def at(needle, start=0):
    i = TEXT.index(needle, start)
    return {"text": needle, "start": i, "end": i + len(needle)}


def named(needle, name=None):
    return {**at(needle), "name": name or needle, "actor": None}


GOLD = {
    "document": {"headings": ["Port news"], "captions": []},
    "attributions": [
        {"id": "A1", "required": True, "type": "according_to", "source": "a local radio station",
         "cue": "According to", "content": "two people were injured in Tyre"},
        {"id": "A2", "required": True, "type": "indirect", "source": "health ministry",
         "cue": "said", "content": "five people were injured"},
    ],
    "events": [
        {"id": "E1", "required": True, "type": "ASSAULT", "mode": "heavy-weapons",
         "trigger": "hit", "actor": None, "recipient": None, "location": "Tyre"},
    ],
    "figures": [
        {"id": "F1", "required": True, "category": "injured", "count": 2, "exact": True,
         "location": "Tyre", "sources": ["a local radio station"]},
        {"id": "F2", "required": True, "category": "injured", "count": 5, "exact": True,
         "location": "Tyre", "sources": ["health ministry"]},
    ],
    "disagreements": [{"id": "D1", "required": True, "figures": ["F1", "F2"]}],
    "places": [{"mention": "Tyre", "required": True, "country": "LB", "lat": 33.27, "lon": 35.2}],
}


def make_record():
    tyre = [i for i in range(len(TEXT)) if TEXT.startswith("Tyre", i)]
    places = [{"id": f"P{n}", "text": "Tyre", "start": s, "end": s + 4, "name": "Tyre",
               "geonameid": 267008, "country": "LB", "lat": 33.27333, "lon": 35.19389,
               "kind": "city"} for n, s in enumerate(tyre, 1)]
    return {
        "document": {"id": "x", "text": TEXT},
        "attributions": [
            {"id": "A1", "kind": "according_to", "source": named("a local radio station"),
             "cue": at("According to"), "content": at("two people were injured in Tyre"),
             "channel": None, "cites": [], "cited_by": []},
            {"id": "A2", "kind": "indirect", "source": named("the health ministry"),
             "cue": at("said"), "content": at("five people were injured"),
             "channel": None, "cites": [], "cited_by": []},
        ],
        "events": [{"id": "E1", "type": "ASSAULT", "mode": "heavy-weapons",
                    "trigger": at("hit"), "actor": None, "recipient": None,
                    "location": {"place": "P1"}, "attribution": None}],
        "figures": [
            {"id": "F1", "category": "injured", "count": {**at("two"), "low": 2, "high": 2,
             "exact": True}, "trigger": at("injured"), "location": {"place": "P2"},
             "attribution": "A1", "event": None, "who": None},
            {"id": "F2", "category": "injured", "count": {**at("five"), "low": 5, "high": 5,
             "exact": True}, "trigger": at("injured", TEXT.index("five")),
             "location": {"place": "P2"}, "attribution": "A2", "event": None, "who": None},
        ],
        "places": places,
        "disagreements": [{"id": "D1", "about": "people injured in Tyre",
                           "figures": ["F1", "F2"]}],
    }


def test_haversine():
    assert round(haversine_km(0, 0, 0, 1)) == 111


def test_perfect_record_scores_one():
    result = score_seed(GOLD, make_record())
    assert result["overall"] == 1.0
    assert result["must_not"] == []
    assert "overall" in format_seed(result)


def test_wrong_source_misses_attribution_and_figure():
    record = make_record()
    record["attributions"][1]["source"] = named("Tyre", "Tyre")
    result = score_seed(GOLD, record)
    assert result["sections"]["attributions"]["missed"] == ["A2"]
    assert result["sections"]["figures"]["missed"] == ["F2"]
    assert result["sections"]["disagreements"]["missed"] == ["D1"]


def test_far_place_and_wrong_mode_miss():
    record = make_record()
    for place in record["places"]:
        place.update(lat=36.2, lon=37.1)  # Aleppo, far from Tyre
    record["events"][0]["mode"] = "aerial"
    result = score_seed(GOLD, record)
    assert result["sections"]["places"]["score"] == 0.0
    assert result["sections"]["events"]["missed"] == ["E1"]


def test_disagreement_needs_exactly_the_gold_figures():
    record = copy.deepcopy(make_record())
    record["disagreements"][0]["figures"] = ["F1"]
    assert score_seed(GOLD, record)["sections"]["disagreements"]["score"] == 0.0


def test_record_from_a_heading_is_a_violation():
    record = make_record()
    record["events"].append({"id": "E2", "type": "ASSAULT", "mode": None,
                             "trigger": at("Port news"), "actor": None, "recipient": None,
                             "location": None, "attribution": None})
    assert any("heading" in p for p in score_seed(GOLD, record)["must_not"])
