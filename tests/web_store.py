"""The store the web tests read: invented articles run through ``process_documents``
once per test session, plus one hand-written record whose every name is hostile.

Extraction is slow on the CPU, so the store is built once (the first test that asks for
it) and shared by every tests/test_web_*.py file.
"""

from __future__ import annotations

import atexit
import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from eventledger.ingest import iter_inputs
from eventledger.process import process_documents
from eventledger.store import Store
from eventledger.stories import assign_stories

# Invented reports of two invented incidents, in JSON lines (text, date, outlet, ...).
ARTICLES = [
    {
        "date": "2025-03-04", "outlet": "Northern Courier",
        "url": "https://courier.example/attack-on-bunia-market",
        "title": "Gunmen attack market in Bunia",
        "text": (
            "Gunmen attacked the central market in Bunia on Monday, local officials said.\n\n"
            "The provincial health office said 14 people were killed and 22 were injured "
            "in the attack on the market in Bunia.\n\n"
            "The army spokesperson, Captain Marc Lenga, said soldiers had been sent to the town."
        ),
    },
    {
        "date": "2025-03-05", "outlet": "Lake Radio",
        "url": "https://lakeradio.example/bunia",
        "title": "Death toll rises after Bunia market attack",
        "text": (
            "Hospital sources told Lake Radio that at least 21 people were killed in the "
            "attack on the market in Bunia.\n\n"
            "A local rights group said 25 civilians died in the shooting in Bunia."
        ),
    },
    {
        "date": "2025-03-10", "outlet": "Sahel Daily",
        "url": "https://saheldaily.example/gao-protest",
        "title": "Traders protest in Gao",
        "text": (
            "Hundreds of traders protested in Gao on Sunday against new market taxes, "
            "the town council said.\n\n"
            "Police arrested 6 protesters near the governor's office in Gao, a council "
            "spokesperson said."
        ),
    },
    {
        # Hostile metadata and a script in the text: none of it may run in a browser.
        "date": "2025-03-06",
        "outlet": "<img src=x onerror=\"window.__pwned='outlet'\">Evil Outlet",
        "url": "javascript:window.__pwned='url'",
        "title": "\"><script>window.__pwned='title'</script> Attack in Bunia",
        "text": (
            "<script>window.__pwned='text'</script> Gunmen attacked a market in Bunia "
            "on Monday, officials said.\n\n"
            "The health office said 14 people were killed in Bunia, the officials said. "
            "\"'><img src=x onerror=\"window.__pwned='quote'\">"
        ),
    },
]

# A record written by hand (through the store's normal write path) whose actor, source,
# channel and place names carry markup, for the escaping tests.
HOSTILE = "<script>window.__pwned='name'</script>\"'><img src=x onerror=alert(1)>"


def hostile_record() -> dict:
    text = (
        "The Night Brigade said on <img src=x onerror=\"window.__pwned='channel'\"> that "
        "3 people were killed in Gao. The Night Brigade attacked a checkpoint in Gao."
    )

    def span(word: str, nth: int = 0) -> dict:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return {"text": word, "start": start, "end": start + len(word)}

    brigade = {**span("The Night Brigade"), "name": HOSTILE, "actor": "A1"}
    return {
        "document": {
            "id": "hostile00000000a", "path": None, "url": "javascript:alert('doc')",
            "outlet": HOSTILE, "published": "2025-03-07", "title": HOSTILE,
            "language": "en", "text": text,
        },
        "attributions": [{
            "id": "Q1", "kind": "indirect", "source": brigade, "cue": span("said"),
            "content": span("3 people were killed in Gao"),
            "channel": span("on <img src=x onerror=\"window.__pwned='channel'\">"),
            "cites": [], "cited_by": [],
        }],
        "events": [{
            "id": "E1", "type": "ASSAULT", "mode": None, "trigger": span("attacked"),
            "actor": {**span("The Night Brigade", 1), "name": HOSTILE, "actor": "A1"},
            "recipient": None, "location": {"place": "P1"}, "date": "2025-03-07",
            "date_precision": "day", "attribution": None, "negated": False,
            "hypothetical": False,
        }],
        "figures": [{
            "id": "F1", "category": "killed", "trigger": span("killed"),
            "count": {**span("3"), "low": 3, "high": 3, "exact": True},
            "who": span("people"), "location": {"place": "P1"}, "event": "E1",
            "attribution": "Q1",
        }],
        "places": [{
            **span("Gao"), "id": "P1", "name": HOSTILE, "geonameid": None, "country": "ML",
            "lat": 16.27, "lon": -0.04, "kind": "city",
        }],
        "actors": [{"id": "A1", "name": HOSTILE, "country": None, "sector": None,
                    "mentions": [span("The Night Brigade")]}],
        "disagreements": [],
    }


_BUILT: dict[str, Path] = {}


def build_store(nlp) -> Path:
    """The path of the shared SQLite store (built on first call)."""
    if "path" in _BUILT:
        return _BUILT["path"]
    folder = Path(tempfile.mkdtemp(prefix="eventledger-web-"))
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    path = folder / "web.db"
    with Store.open(path) as store:
        summary = process_documents(list(iter_inputs([str(source)])), store, nlp=nlp)
        assert summary.ok, summary.failed
        store.write_record(hostile_record(), extractor_version="hand-written")
        assign_stories(store, [hostile_record()["document"]["id"]])
    _BUILT["path"] = path
    return path


def build_clean_store(nlp) -> Path:
    """A store of the ordinary invented articles only (no hostile names): what the
    README's screenshots show."""
    if "clean" in _BUILT:
        return _BUILT["clean"]
    folder = Path(tempfile.mkdtemp(prefix="eventledger-web-clean-"))
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES[:3]) + "\n", encoding="utf-8")
    path = folder / "clean.db"
    with Store.open(path) as store:
        summary = process_documents(list(iter_inputs([str(source)])), store, nlp=nlp)
        assert summary.ok, summary.failed
    _BUILT["clean"] = path
    return path


def remove_store() -> None:
    for key in ("path", "clean"):
        if key in _BUILT:
            shutil.rmtree(_BUILT.pop(key).parent, ignore_errors=True)


def copy_store(destination: Path) -> Path:
    """A private copy of the shared store (for tests that write), by SQLite's backup."""
    path = destination / "copy.db"
    with closing(sqlite3.connect(_BUILT["path"])) as source, \
            closing(sqlite3.connect(path)) as target:
        source.backup(target)
    return path


atexit.register(remove_store)


def march_report(number: int, day, *, prefix: str, town: str = "Lakeview",
                 step: float = 0.0) -> dict:
    """A hand-written record of an invented march in ``town`` on ``day`` (a ``date``): one
    event with its place, whose coordinates move by ``step`` degrees per ``number``."""
    text = f"Traders marched in {town} on the day. Report {number}."

    def span(phrase: str) -> dict:
        start = text.index(phrase)
        return {"text": phrase, "start": start, "end": start + len(phrase)}

    return {
        "document": {"id": f"{prefix}{number:04d}", "path": None, "url": None,
                     "outlet": "Lake Times", "published": day.isoformat(),
                     "title": f"March {number}", "language": "en", "text": text},
        "attributions": [],
        "events": [{"id": "E1", "type": "PROTEST", "mode": None, "trigger": span("marched"),
                    "actor": {**span("Traders"), "name": "Traders", "actor": None},
                    "recipient": None, "location": {"place": "P1"}, "date": day.isoformat(),
                    "date_precision": "day", "attribution": None, "negated": False,
                    "hypothetical": False}],
        "figures": [],
        "places": [{"id": "P1", **span(town), "name": town, "geonameid": None,
                    "country": "KE", "lat": 1.0 + step * number,
                    "lon": 30.0 + step * number, "kind": "city"}],
        "actors": [], "disagreements": [],
    }
