"""The JSON API of `eventledger serve`: filtered and paginated lists with totals, one
story, one document, the map and the timeline, the export of the current filter."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient
from web_store import build_store, copy_store, hostile_record

from eventledger.export import export_records
from eventledger.store import Store
from eventledger.web import create_app


@pytest.fixture(scope="module")
def store_path(nlp):
    return build_store(nlp)


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as client:
        yield client


def _count(path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_healthz(client):
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok"}


def test_events_are_paginated_with_the_total(client, store_path):
    stored = _count(store_path, "SELECT count(*) FROM events")
    assert stored >= 4
    first = client.get("/api/events?limit=2").json()
    second = client.get("/api/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == stored
    assert len(first["items"]) == len(second["items"]) == 2
    keys = {(e["doc_id"], e["id"]) for e in first["items"] + second["items"]}
    assert len(keys) == 4
    everything = client.get("/api/events?limit=500").json()["items"]
    assert len(everything) == stored
    days = [e["day"] for e in everything]
    assert days == sorted(days)
    past = client.get("/api/events?offset=1000").json()
    assert past["total"] == stored and past["items"] == []


def test_event_filters(client, store_path):
    protests = client.get("/api/events?type=PROTEST").json()
    assert protests["total"] == _count(store_path,
                                       "SELECT count(*) FROM events WHERE type = 'PROTEST'")
    assert protests["total"] >= 1
    assert {e["type"] for e in protests["items"]} == {"PROTEST"}

    in_mali = client.get("/api/events?country=ml").json()
    assert in_mali["total"] >= 1 and {e["country"] for e in in_mali["items"]} == {"ML"}

    early = client.get("/api/events?until=2025-03-05").json()
    assert early["total"] >= 1 and all(e["day"] <= "2025-03-05" for e in early["items"])
    late = client.get("/api/events?since=2025-03-06").json()
    assert early["total"] + late["total"] == client.get("/api/events").json()["total"]

    courier = client.get("/api/events?source=northern courier").json()
    assert courier["total"] >= 1
    assert {e["outlet"] for e in courier["items"]} == {"Northern Courier"}

    text = client.get("/api/events?q=gao").json()
    assert text["total"] >= 1
    assert all("gao" in " ".join(str(v) for v in e.values()).lower() for e in text["items"])


def test_figures_carry_their_source(client):
    killed = client.get("/api/figures?type=killed&source=lake radio").json()
    counts = sorted((f["low"], f["source"]) for f in killed["items"])
    assert (21, "Hospital sources") in counts
    assert (25, "A local rights group") in counts
    assert all(f["category"] == "killed" for f in killed["items"])


def test_stories_list_and_filters(client):
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 3
    # the market attack's; the soldiers sent to the town are a story of their own
    bunia = next(s for s in stories["items"] if s["place"] == "Bunia" and s["type"] == "ASSAULT")
    assert bunia["type"] == "ASSAULT" and bunia["n_documents"] >= 3
    assert bunia["figures"]["killed"]["low"] == 14
    assert bunia["figures"]["killed"]["high"] == 25
    protest = client.get("/api/stories?type=PROTEST").json()
    assert [s["type"] for s in protest["items"]] == ["PROTEST"]
    by_source = client.get("/api/stories?source=lake radio").json()
    assert [s["id"] for s in by_source["items"]] == [bunia["id"]]
    by_actor = client.get("/api/stories?actor=no such actor anywhere").json()
    assert by_actor == {**by_actor, "total": 0, "items": []}


def test_one_story_side_by_side(client):
    bunia = next(s for s in client.get("/api/stories?type=ASSAULT").json()["items"]
                 if s["place"] == "Bunia")
    story = client.get(f"/api/stories/{bunia['id']}").json()
    killed = story["figures"]["killed"]
    assert killed["conservative"] == 14
    figures = {(row["figure"], row["source"]) for row in killed["figures"]}
    assert {("21-", "Hospital sources"), ("25", "A local rights group")} <= figures
    assert client.get("/api/stories/S999999").status_code == 404


def test_document_record_is_the_stored_record(client, store_path):
    with Store.open(store_path) as store:
        doc_id = store.document_ids()[0]
        expected = store.get_record(doc_id)
    assert client.get(f"/api/documents/{doc_id}").json() == expected
    assert client.get("/api/documents/0000000000000000").status_code == 404


def test_map_has_every_placed_event(client, store_path):
    placed = _count(store_path, "SELECT count(*) FROM events e JOIN places p "
                                "ON p.doc_id = e.doc_id AND p.id = e.place_id "
                                "WHERE p.lat IS NOT NULL")
    collection = client.get("/api/map").json()
    assert collection["type"] == "FeatureCollection"
    assert collection["total"] == collection["shown"] == len(collection["features"]) == placed
    feature = collection["features"][0]
    detail = client.get(f"/api/documents/{feature['properties']['doc_id']}/events/"
                        f"{feature['properties']['id']}").json()
    assert feature["properties"]["trigger"] in detail["evidence"]
    assert detail["source"]
    bunia = next(f["properties"] for f in collection["features"]
                 if f["properties"]["outlet"] == "Lake Radio"
                 and f["properties"]["trigger"] == "attack")
    counted = client.get(f"/api/documents/{bunia['doc_id']}/events/{bunia['id']}").json()
    assert ("killed", "at least 21", "Hospital sources (via Lake Radio)") in {
        (f["category"], f["count"], f["source"]) for f in counted["figures"]}


def test_timeline_counts_events_per_day_and_type(client, store_path):
    days = client.get("/api/timeline").json()["days"]
    assert sum(d["count"] for d in days) == _count(store_path, "SELECT count(*) FROM events")
    assert all(d["day"] for d in days)
    assert len({(d["day"], d["type"]) for d in days}) == len(days)


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_export_gives_the_command_line_rows(client, store_path, fmt):
    answer = client.get(f"/api/export?format={fmt}&type=ASSAULT&since=2025-03-01")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    expected = io.StringIO()
    with Store.open(store_path) as store:
        export_records(store.iter_records(since="2025-03-01", types=["ASSAULT"]), fmt, expected)
    assert answer.text == expected.getvalue()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert rows and {r["plover_type"] for r in rows} == {"ASSAULT"}
    if fmt == "jsonl":
        assert all(json.loads(line)["document"]["id"] for line in answer.text.splitlines())


def test_export_refuses_what_the_command_line_cannot_filter(client):
    assert client.get("/api/export?format=parquet").status_code == 400
    answer = client.get("/api/export?format=csv&q=bunia")
    assert answer.status_code == 400
    assert "actor and q" in answer.json()["detail"]


def test_openapi_and_docs_are_served_locally(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/figures", "/api/stories", "/api/stories/{story_id}",
                 "/api/documents/{doc_id}", "/api/export", "/api/documents", "/healthz"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "country", "actor", "source", "q", "limit",
            "offset"} <= names
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200


def test_kept_answers_follow_a_write_by_another_process(store_path, tmp_path):
    path = copy_store(tmp_path)
    with TestClient(create_app(path)) as client:
        before = client.get("/api/events").json()["total"]
        assert client.get("/api/events").json()["total"] == before  # kept, same answer
        timeline = client.get("/api/timeline").json()["days"]
        record = hostile_record()
        record["document"] = {**record["document"], "id": "another000000000"}
        with Store.open(path) as writer:  # as `eventledger process` would, meanwhile
            writer.write_record(record, extractor_version="hand-written")
        assert client.get("/api/events").json()["total"] == before + 1
        assert sum(d["count"] for d in client.get("/api/timeline").json()["days"]) == \
            sum(d["count"] for d in timeline) + 1
