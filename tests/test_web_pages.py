"""The pages of `eventledger serve`, read without JavaScript: the overview's filter form
and story table, a story's source table, a document's highlighted text, an actor."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from web_store import build_store

from eventledger.store import Store
from eventledger.web import create_app


@pytest.fixture(scope="module")
def client(nlp):
    with TestClient(create_app(build_store(nlp))) as client:
        yield client


def _bunia(client) -> str:
    """The market attack's story (the soldiers sent to the town are one of their own)."""
    return next(s["id"] for s in client.get("/api/stories?type=ASSAULT").json()["items"]
                if s["place"] == "Bunia")


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_overview_lists_stories_and_keeps_the_filters(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="map"' in page.text and 'id="timeline"' in page.text
    bunia = _bunia(client)
    assert f'href="/stories/{bunia}"' in page.text
    filtered = client.get("/?type=PROTEST&since=2025-03-01&q=gao").text
    assert f'href="/stories/{bunia}"' not in filtered
    assert 'value="PROTEST"' in filtered and 'value="2025-03-01"' in filtered
    assert 'value="gao"' in filtered
    # The export links carry the filter (actor and q aside, which export does not take).
    assert "/api/export?since=2025-03-01&amp;type=PROTEST" in client.get(
        "/?type=PROTEST&since=2025-03-01").text


def test_overview_pages_through_stories(client):
    total = client.get("/api/stories?type=ASSAULT,COERCE,PROTEST").json()["total"]
    first = client.get("/?limit=1&type=ASSAULT,COERCE,PROTEST").text
    assert 'href="/?type=ASSAULT&amp;type=COERCE&amp;type=PROTEST&amp;limit=1&amp;offset=1">Next' \
        in first
    assert f"1–1 of {total}" in first
    second = client.get("/?limit=1&offset=1").text
    assert 'href="/?limit=1&amp;offset=0">Previous' in second
    assert 'href="/?limit=1&amp;offset=2">Next' in second


def test_story_page_sets_each_source_side_by_side(client):
    page = client.get(f"/stories/{_bunia(client)}").text
    section = page[page.index('id="category-killed"'):]
    section = section[:section.index("</section>")]
    rows = re.findall(r'<tr class="source-row">(.*?)</tr>', section, re.S)
    cells = [[_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
    by_source = {row[1]: row for row in cells}
    assert by_source["The provincial health office"][0] == "14"
    assert by_source["Hospital sources"][0] == "21-"
    assert by_source["A local rights group"][0] == "25"
    assert by_source["Hospital sources"][3] == "Lake Radio"
    assert by_source["Hospital sources"][4] == "2025-03-05"
    # The figure is marked in its evidence sentence.
    assert re.search(r"<mark>at least 21</mark> people were killed", section)
    assert "sources disagree" in section
    summary = _text(section[section.index('class="summary"'):])
    assert "Conservative (lowest) figure: 14" in summary
    assert "true one" in summary and "Reported: 14 to 25" in summary


def test_document_page_highlights_records(client, nlp):
    with Store.open(build_store(nlp)) as store:
        doc_id = next(d for d in store.document_ids()
                      if (store.get_record(d)["document"]["outlet"] or "") == "Lake Radio")
        record = store.get_record(doc_id)
    page = client.get(f"/documents/{doc_id}").text
    figure = next(f for f in record["figures"] if f["count"]["low"] == 21)
    attribution = next(a for a in record["attributions"] if a["id"] == figure["attribution"])
    count = re.search(r'<a class="hl ([^"]*)" href="#item-[^"]*" data-items="([^"]*)">'
                      + re.escape(figure["count"]["text"]) + "</a>", page)
    assert count and "figure" in count.group(1).split()
    assert figure["id"] in count.group(2).split()
    source = re.search(r'<a class="hl ([^"]*)" href="#item-[^"]*" data-items="([^"]*)">'
                       + re.escape(attribution["source"]["text"]) + "</a>", page)
    assert source and "source" in source.group(1).split()
    assert attribution["id"] in source.group(2).split()
    # Readable without JavaScript: the whole text, the records' tables, the legend.
    assert _text(page).count("Hospital sources told Lake Radio") >= 1
    assert f'id="item-{figure["id"]}"' in page and 'class="legend hl-legend"' in page
    assert "/stories/" in page  # the stories it joins


def test_document_page_marks_negated_items(client, tmp_path):
    from web_store import copy_store, hostile_record

    path = copy_store(tmp_path)
    record = hostile_record()
    record["document"] = {**record["document"], "id": "denied0000000000",
                          "title": "Denied report", "outlet": "Test Wire", "url": None}
    record["attributions"][0]["negated"] = True
    record["events"][0]["hypothetical"] = True
    with Store.open(path) as store:
        store.write_record(record, extractor_version="hand-written")
    with TestClient(create_app(path)) as own:
        page = own.get("/documents/denied0000000000").text
    assert re.search(r'<a class="hl [^"]*\bfigure\b[^"]*\bnegated\b', page)
    assert re.search(r'<a class="hl [^"]*\bevent\b[^"]*\bhypothetical\b', page)
    assert "(not claimed: the report is denied)" in page and "(hypothetical)" in page


def test_actor_page_lists_claims_and_events(client):
    page = client.get("/actors/Hospital%20sources")
    assert page.status_code == 200
    assert "at least 21 people were killed" in page.text
    assert client.get("/actors/Nobody%20At%20All").status_code == 404


def test_missing_pages_are_404(client):
    assert client.get("/stories/S999999").status_code == 404
    assert client.get("/documents/ffffffffffffffff").status_code == 404


def test_an_event_placed_by_the_dateline_says_so_when_clicked():
    from eventledger.web.views import item_details

    text = "PORTVALE - Shells hit the harbour on Monday."
    record = {
        "document": {"id": "d1", "text": text, "outlet": None},
        "attributions": [], "figures": [],
        "places": [{"id": "P1", "text": "PORTVALE", "start": 0, "end": 8, "name": "Portvale"}],
        "events": [{"id": "E1", "type": "ASSAULT", "trigger": {"text": "hit", "start": 18,
                                                               "end": 21},
                    "location": {"place": "P1", "from": "dateline"}}],
    }
    assert item_details(record)["E1"]["place"] == "Portvale (from the dateline)"
    record["events"][0]["location"] = {"place": "P1"}
    assert item_details(record)["E1"]["place"] == "Portvale"
