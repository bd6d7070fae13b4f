"""The map marks a point that stands for a place the gazetteer lacks (a named site, a
village), put at the known place the text puts it in: the point is that place's."""

from __future__ import annotations

from fastapi.testclient import TestClient
from test_stories import report

from eventledger.store import Store
from eventledger.web import create_app


def _records():
    site = "A car bomb exploded on Kellmar Road in Riverton on Monday."
    town = "Shells hit the market in Millbrook on Monday."
    first = report("m01", "Valley Herald", "2025-03-03", site,
                   event=("ASSAULT", "exploded", "Riverton", "2025-03-03"))
    # the event is at the street, placed at the town it is in
    start = site.index("Kellmar Road")
    first["places"].append({"id": "P2", "text": "Kellmar Road", "start": start,
                            "end": start + len("Kellmar Road"), "name": "Kellmar Road",
                            "geonameid": None, "country": "KE", "lat": 1.5, "lon": 36.25,
                            "kind": "other", "approximate": True, "near": {"place": "P1"}})
    first["events"][0]["location"] = {"place": "P2"}
    second = report("m02", "North Courier", "2025-03-03", town,
                    event=("ASSAULT", "hit", "Millbrook", "2025-03-03"))
    return [first, second]


def test_map_marks_points_of_approximate_places(tmp_path):
    path = str(tmp_path / "events.db")
    with Store.open(path) as store:
        for record in _records():
            store.write_record(record, extractor_version="test")
    with TestClient(create_app(path)) as client:
        # without and with a window of days (the index or the database may answer)
        for url in ("/api/map", "/api/map?since=2025-03-01"):
            features = client.get(url).json()["features"]
            marks = {f["properties"]["place"]: f["properties"]["approximate"] for f in features}
            assert marks == {"Kellmar Road": True, "Millbrook": False}, url
