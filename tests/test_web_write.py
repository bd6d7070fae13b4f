"""POST /api/documents: a bearer token is required (403 with none configured, 401 when
missing or wrong), a body over the limit is 413, bad input is 400/422 with the command
line's one-line reason, and a good document is extracted, stored and answered with."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_store import build_store, copy_store

from eventledger.store import Store
from eventledger.web import create_app
from eventledger.web.settings import load_web_settings

TOKEN = "test-token-7f3a"
ARTICLE = ("Police arrested 4 people after a protest outside the town hall in Gao on "
           "Friday, a council spokesperson said.")


@pytest.fixture(scope="module")
def store_path(nlp, tmp_path_factory):
    build_store(nlp)
    return copy_store(tmp_path_factory.mktemp("write"))


@pytest.fixture(scope="module")
def client(store_path, nlp):
    settings = load_web_settings(token=TOKEN, max_body_bytes=4000)
    with TestClient(create_app(store_path, settings=settings, nlp=nlp)) as client:
        yield client


def _auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_no_configured_token_refuses_every_write(store_path, monkeypatch):
    monkeypatch.delenv("EVENTLEDGER_SERVE_TOKEN", raising=False)
    with TestClient(create_app(store_path, settings=load_web_settings())) as client:
        answer = client.post("/api/documents", json={"text": ARTICLE}, headers=_auth())
    assert answer.status_code == 403
    assert "no token" in answer.json()["detail"]


def test_missing_or_wrong_token_is_401(client):
    assert client.post("/api/documents", json={"text": ARTICLE}).status_code == 401
    wrong = client.post("/api/documents", json={"text": ARTICLE}, headers=_auth("nope"))
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    basic = client.post("/api/documents", json={"text": ARTICLE},
                        headers={"Authorization": "Basic " + TOKEN})
    assert basic.status_code == 401


def test_body_over_the_limit_is_413(client):
    answer = client.post("/api/documents", json={"text": "word " * 2000}, headers=_auth())
    assert answer.status_code == 413
    # Without a Content-Length (chunked), the count is kept while reading.
    chunks = (b'{"text": "' + b"a" * 1000 for _ in range(5))
    streamed = client.post("/api/documents", content=chunks,
                           headers={**_auth(), "Content-Type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize(("body", "status", "reason"), [
    (b"{not json", 400, "malformed JSON"),
    (b'["text"]', 422, '"text" string is required'),
    (b'{"title": "no text"}', 422, '"text" string is required'),
    (b'{"text": "   "}', 422, "failed: request body: empty document"),
    (b'{"text": "x", "date": "tomorrow"}', 422, "is not a date"),
    ('{"text": "Der Bürgermeister sagte am Montag, dass die Stadt neue Straßen bauen '
     'werde und die Arbeiten im Frühjahr beginnen sollen."}'.encode(), 422,
     "failed: request body: "),
])
def test_bad_input_gets_one_line(client, body, status, reason):
    answer = client.post("/api/documents", content=body,
                         headers={**_auth(), "Content-Type": "application/json"})
    assert answer.status_code == status
    detail = answer.json()["detail"]
    assert reason in detail and "\n" not in detail


def test_a_document_is_processed_stored_and_returned(client, store_path):
    answer = client.post("/api/documents", headers=_auth(), json={
        "text": ARTICLE, "date": "2025-03-12", "outlet": "Gao Herald", "title": "Arrests",
        "url": "https://herald.example/arrests"})
    assert answer.status_code == 201, answer.text
    record = answer.json()
    document = record["document"]
    assert (document["outlet"], document["published"], document["title"]) == (
        "Gao Herald", "2025-03-12", "Arrests")
    assert any(f["count"]["low"] == 4 and f["category"] == "arrested" for f in record["figures"])
    with Store.open(store_path) as store:
        assert store.get_record(document["id"]) == record
    # The reading side sees it at once; a second post changes nothing.
    assert client.get(f"/api/documents/{document['id']}").status_code == 200
    again = client.post("/api/documents", headers=_auth(), json={"text": ARTICLE})
    assert again.status_code == 200 and again.json()["document"]["id"] == document["id"]


def test_an_uploaded_file_is_read_like_an_input_file(client):
    html = (b"<html><head><title>Clash near Kidal</title></head><body><article><p>"
            b"Two soldiers were killed in a clash near Kidal on Tuesday, the army said in a "
            b"statement released on Wednesday.</p></article></body></html>")
    answer = client.post("/api/documents", headers=_auth(),
                         files={"file": ("kidal.html", html, "text/html")})
    assert answer.status_code == 201, answer.text
    assert "Two soldiers were killed" in answer.json()["document"]["text"]
    empty = client.post("/api/documents", headers=_auth(),
                        files={"file": ("empty.txt", b"  \n", "text/plain")})
    assert empty.status_code == 422
    assert empty.json()["detail"] == "failed: empty.txt: empty document"
    binary = client.post("/api/documents", headers=_auth(),
                         files={"file": ("blob.txt", b"\x00\x01\x02" * 50, "text/plain")})
    assert binary.status_code == 422 and binary.json()["detail"].startswith("failed: blob.txt: ")


def test_size_limit_and_token_are_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("EVENTLEDGER_SERVE_TOKEN", raising=False)
    monkeypatch.delenv("EVENTLEDGER_SERVE_MAX_BODY_BYTES", raising=False)
    defaults = load_web_settings()
    assert (defaults.max_body_bytes, defaults.token) == (2000000, "")
    monkeypatch.setenv("EVENTLEDGER_SERVE_MAX_BODY_BYTES", "1234")
    monkeypatch.setenv("EVENTLEDGER_SERVE_TOKEN", "from-env")
    assert load_web_settings().max_body_bytes == 1234
    token = tmp_path / "token"
    token.write_text("  from-file \n")
    assert load_web_settings(token_file=token).token == "from-file"
    monkeypatch.setenv("EVENTLEDGER_SERVE_MAX_BODY_BYTES", "lots")
    from eventledger.errors import ConfigError

    with pytest.raises(ConfigError, match="max_body_bytes must be a whole number"):
        load_web_settings()
