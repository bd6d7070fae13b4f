"""Hostile input and hostile requests: nothing from a document can run in the browser,
a Content-Security-Policy forbids inline scripts, filters are bound parameters and a
malformed one is a 4xx, reading never writes, a public address without a token warns."""

from __future__ import annotations

import logging
import re
import sqlite3
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from web_store import HOSTILE, build_store

from eventledger.web import create_app
from eventledger.web.settings import load_web_settings

HOSTILE_DOC = "hostile00000000a"
# What must never reach a page as markup.
RAW = ["<script>window.__pwned", "<img src=x onerror", "<img src=x onerror=\"window",
       "href=\"javascript:", "href='javascript:", "\"'><img"]


@pytest.fixture(scope="module")
def store_path(nlp):
    return build_store(nlp)


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as client:
        yield client


def _evil_doc_id(client) -> str:
    events = client.get("/api/events?source=evil outlet").json()["items"]
    return events[0]["doc_id"]


def _pages(client) -> dict[str, str]:
    story = client.get(f"/api/events?q={quote('Gao')}").json()["items"]
    stories = [s["id"] for s in client.get("/api/stories?limit=500").json()["items"]]
    pages = {url: client.get(url).text for url in [
        "/", f"/documents/{HOSTILE_DOC}", f"/documents/{_evil_doc_id(client)}",
        f"/actors/{quote(HOSTILE, safe='')}",
        "/?q=" + quote(HOSTILE, safe=""), "/?source=" + quote(HOSTILE, safe=""),
        *[f"/stories/{s}" for s in stories],
    ]}
    assert story  # the hostile record is in the store
    return pages


def test_no_markup_from_documents_reaches_a_page(client):
    pages = _pages(client)
    for url, page in pages.items():
        for raw in RAW:
            assert raw not in page, (url, raw)
        # Every <script> on a page is ours: a src under /static, or the JSON data block.
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert re.fullmatch(r'<script src="/static/[\w./-]+">', tag) or \
                tag == '<script type="application/json" id="items">', (url, tag)
    document = pages[f"/documents/{HOSTILE_DOC}"]
    # The names are shown, as text.
    assert "&lt;script&gt;window.__pwned=&#39;name&#39;&lt;/script&gt;" in document
    # The channel words of an attribution, highlighted, are text too.
    assert re.search(r'<a class="hl [^"]*channel[^"]*"[^>]*>[^<]*&lt;img src=x onerror=&#34;'
                     r"window.__pwned=&#39;channel&#39;&#34;&gt;", document)
    # A javascript: URL is shown as text, never as a link.
    assert '<span class="unsafe-url">javascript:alert(&#39;doc&#39;)</span>' in document
    evil = pages[f"/documents/{_evil_doc_id(client)}"]
    assert "&lt;img src=x onerror=&#34;window.__pwned=&#39;outlet&#39;&#34;&gt;Evil Outlet" in evil
    assert "&#34;&gt;&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;" in evil
    assert "&lt;script&gt;window.__pwned=&#39;text&#39;&lt;/script&gt;" in evil


def test_json_data_block_cannot_close_its_script(client):
    page = client.get(f"/documents/{HOSTILE_DOC}").text
    block = page[page.index('<script type="application/json" id="items">'):]
    block = block[:block.index("</script>")]
    assert "<" not in block.split(">", 1)[1]  # '<' is written \u003c inside the JSON
    assert "\\u003cscript\\u003e" in block


def test_every_response_forbids_inline_scripts(client):
    for url in ["/", f"/documents/{HOSTILE_DOC}", "/api/events", "/healthz", "/nope", "/docs"]:
        policy = client.get(url).headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'", url
        assert directives["object-src"] == "'none'"
        assert "unsafe-inline" not in directives["script-src"]
    assert client.get("/").headers["x-content-type-options"] == "nosniff"
    static = client.get("/static/app.css")
    assert "script-src 'self'" in static.headers["content-security-policy"]
    assert static.headers["cache-control"] == "public, max-age=3600"
    # The store's answers are never kept stale: a browser asks again each time.
    assert client.get("/api/events").headers["cache-control"] == "no-cache"


SQL = ["' OR 1=1 --", "\"; DROP TABLE events; --", "%", "%%", "t_e", "\\", "' UNION SELECT * FROM documents --",
       "Robert'); DELETE FROM stories;--"]


@pytest.mark.parametrize("value", SQL)
def test_sql_metacharacters_are_plain_text(client, store_path, value):
    before = sqlite3.connect(store_path).execute("SELECT count(*) FROM events").fetchone()[0]
    for endpoint in ("/api/events", "/api/figures", "/api/stories", "/api/map", "/api/timeline",
                     "/"):
        for name in ("actor", "source", "q"):
            answer = client.get(endpoint, params={name: value})
            assert answer.status_code == 200, (endpoint, name)
            if endpoint.startswith("/api/") and endpoint != "/api/timeline":
                assert answer.json()["total"] == 0, (endpoint, name)
    after = sqlite3.connect(store_path).execute("SELECT count(*) FROM events").fetchone()[0]
    assert before == after


@pytest.mark.parametrize("query", [
    "since=yesterday", "until=2025-02-30", "since=2025-03-10&until=2025-03-01",
    "country=ISR", "country=' OR '1'='1", "type=ASSAULT'--", "type=%00", "limit=-1",
    "limit=100000", "limit=ten", "offset=-5", "q=" + "x" * 500, "actor=a%00b", "source=%00",
])
def test_malformed_filters_are_4xx_never_500(client, query):
    endpoints = ["/api/events", "/api/figures", "/api/stories", "/"]
    if not query.startswith(("limit", "offset")):  # the lists that are not paginated
        endpoints += ["/api/map", "/api/timeline", "/api/export"]
    for endpoint in endpoints:
        answer = client.get(f"{endpoint}?{query}")
        assert 400 <= answer.status_code < 500, (endpoint, query, answer.status_code)
        if endpoint.startswith("/api/"):
            detail = answer.json()["detail"]
            assert isinstance(detail, str) and "\n" not in detail


def test_reading_opens_sqlite_read_only(client):
    engine = client.app.state.web.engine
    with pytest.raises(OperationalError, match="readonly|read-only|query_only"):
        with engine.connect() as conn:
            conn.execute(text("DELETE FROM stories"))
            conn.commit()
    assert client.get("/api/stories").json()["total"] >= 1


def test_public_address_without_token_warns(store_path, caplog, tmp_path, monkeypatch):
    from eventledger.web.serve import build

    monkeypatch.delenv("EVENTLEDGER_SERVE_TOKEN", raising=False)
    with caplog.at_level(logging.WARNING, logger="eventledger.web"):
        build(str(store_path), "0.0.0.0", load_web_settings())
    assert any("no token" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="eventledger.web"):
        build(str(store_path), "127.0.0.1", load_web_settings())
        token = tmp_path / "token"
        token.write_text("s3cret\n")
        build(str(store_path), "0.0.0.0", load_web_settings(token_file=token))
    assert not caplog.records


@pytest.mark.parametrize("url", ["/documents/%00", "/api/documents/ab%00cd", "/stories/S%00",
                                 "/api/stories/%00", "/actors/a%00b",
                                 "/api/documents/x/events/%00"])
def test_a_nul_in_an_address_is_400(client, url):
    answer = client.get(url)
    assert answer.status_code == 400
    assert "content-security-policy" in answer.headers
