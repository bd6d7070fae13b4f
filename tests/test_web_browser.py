"""The pages in a real headless Chromium (Debian's chromium, driven by Playwright), against
a real server on a free loopback port: one marker per placed event, a filter that
changes the map, the timeline and the table together, a story's figures side by side,
a document's highlights, and no script from an article ever running. The README's
screenshots (docs/) are taken here, so they stay current."""

from __future__ import annotations

import re
import shutil
import socket
import sqlite3
import struct
import threading
import time
import zlib
from pathlib import Path

import pytest
from system_requirements import unavailable
from web_store import build_clean_store, build_store

from eventledger.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DOCS = Path(__file__).resolve().parent.parent / "docs"


def _chromium() -> str:
    found = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not found:
        unavailable("Chromium is not installed (tools/system-deps.sh installs Debian's chromium)")
    return found


class Server:
    """uvicorn in a thread, on a free 127.0.0.1 port; stops when the tests are done."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def store_path(nlp):
    return build_store(nlp)


@pytest.fixture(scope="module")
def base(store_path):
    with Server(create_app(store_path)) as url:
        yield url


@pytest.fixture
def page(browser, base):
    """A fresh page that records script errors, dialogs and any request leaving the server."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith((base, "data:"))
            else page.problems.append(f"request outside the server: {request.url}"))
    yield page
    context.close()


def _placed(store_path, where: str = "1 = 1") -> int:
    with sqlite3.connect(store_path) as conn:
        return conn.execute(
            "SELECT count(*) FROM events e JOIN places p ON p.doc_id = e.doc_id "
            f"AND p.id = e.place_id WHERE p.lat IS NOT NULL AND {where}").fetchone()[0]


def _markers_on_map(page) -> int:
    """Markers drawn: single markers, plus the events each cluster icon counts."""
    single = page.locator(".leaflet-marker-icon.event-marker").count()
    clustered = sum(int(t) for t in page.locator(".marker-cluster").all_inner_texts())
    return single + clustered


def _ready(page) -> None:
    page.wait_for_selector("#map[data-state=ready]")
    page.wait_for_timeout(400)  # clusters are drawn after the map's zoom animation


def test_overview_has_one_marker_per_placed_event(page, base, store_path):
    page.goto(base + "/")
    _ready(page)
    placed = _placed(store_path)
    assert placed >= 5
    assert _markers_on_map(page) == placed
    assert page.get_attribute("#map", "data-markers") == str(placed)
    # The basemap is drawn from the bundled Natural Earth outlines.
    assert page.locator(".leaflet-overlay-pane path").count() > 100
    assert page.problems == []


def test_a_filter_changes_map_timeline_and_table_and_stays_in_the_url(page, base, store_path):
    page.goto(base + "/")
    _ready(page)
    before_rows = page.locator("#stories tbody tr").count()
    before_types = set(page.eval_on_selector_all("#timeline rect", "r => r.map(x => x.dataset.type)"))
    assert {"ASSAULT", "PROTEST"} <= before_types
    page.fill("input[name=type]", "PROTEST")
    page.press("input[name=type]", "Enter")
    page.wait_for_url(re.compile(r"type=PROTEST"))
    _ready(page)
    assert _markers_on_map(page) == _placed(store_path, "e.type = 'PROTEST'") >= 1
    assert set(page.eval_on_selector_all("#timeline rect",
                                         "r => r.map(x => x.dataset.type)")) == {"PROTEST"}
    types = page.locator("#stories tbody td:nth-child(3)").all_inner_texts()
    assert types and set(types) == {"PROTEST"} and len(types) < before_rows
    # The URL is the filter: opening it again gives the same view.
    shared = page.url
    page.goto(shared)
    _ready(page)
    assert page.input_value("input[name=type]") == "PROTEST"
    assert set(page.locator("#stories tbody td:nth-child(3)").all_inner_texts()) == {"PROTEST"}
    assert page.problems == []


def test_a_marker_opens_its_evidence(page, base):
    page.goto(base + "/?type=COERCE")
    _ready(page)
    marker = page.locator(".leaflet-marker-icon.event-marker.type-COERCE")
    assert marker.count() == 1
    marker.click()
    popup = page.locator(".leaflet-popup-content .popup")
    popup.locator(".evidence", has_text="arrested").wait_for()
    assert "Police arrested 6 protesters" in popup.inner_text()
    assert "a council spokesperson" in popup.inner_text()
    assert "arrested 6 people (a council spokesperson" in popup.locator(".figures").inner_text()
    assert page.problems == []


def _bunia(page, base) -> str:
    """The market attack's story (the soldiers sent to the town are one of their own)."""
    stories = page.request.get(base + "/api/stories?type=ASSAULT").json()["items"]
    return next(s["id"] for s in stories if s["place"] == "Bunia")


def test_story_page_lists_each_sources_figure_side_by_side(page, base):
    page.goto(f"{base}/stories/{_bunia(page, base)}")
    rows = page.locator("#category-killed tr.source-row")
    seen = {}
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td").all_inner_texts()
        seen[cells[1]] = cells[0]
        assert rows.nth(index).locator("mark").is_visible()
    assert seen["The provincial health office"] == "14"
    assert seen["Hospital sources"] == "21-"
    assert seen["A local rights group"] == "25"
    # Side by side: one row under the other, in the same columns.
    boxes = [rows.nth(i).locator("td.figure").bounding_box() for i in range(rows.count())]
    assert len({round(b["x"]) for b in boxes}) == 1
    assert page.locator("#category-killed .disagree").is_visible()
    assert page.problems == []


def test_document_page_highlights_a_figure_and_its_source(page, base):
    figures = page.request.get(base + "/api/figures?source=lake radio&type=killed").json()
    doc_id = figures["items"][0]["doc_id"]
    page.goto(f"{base}/documents/{doc_id}")
    count = page.locator("#text a.hl.figure", has_text="at least 21")
    source = page.locator("#text a.hl.source", has_text="Hospital sources")
    assert count.is_visible() and source.is_visible()
    colour = count.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert source.evaluate("e => getComputedStyle(e).backgroundColor") != colour
    count.first.click()
    detail = page.locator("#detail")
    assert "figure" in detail.inner_text() and "Hospital sources" in detail.inner_text()
    assert page.locator("#text a.hl.selected").count() >= 2  # the figure and its claim
    assert page.problems == []


def test_an_article_carrying_a_script_runs_no_script(page, base, store_path):
    hostile = page.request.get(base + "/api/events?source=evil outlet").json()["items"][0]
    urls = ["/", f"/documents/{hostile['doc_id']}", "/documents/hostile00000000a",
            f"/stories/{_bunia(page, base)}", "/?q=" + "%3Cscript%3E"]
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("load")
        if url.startswith("/?") or url == "/":
            _ready(page)
            page.locator(".marker-cluster, .event-marker").first.click()
            page.wait_for_timeout(300)
        else:
            page.locator("#text a.hl").first.click() if page.locator("#text").count() else None
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    page.goto(f"{base}/documents/{hostile['doc_id']}")
    assert "<script>window.__pwned='text'</script>" in page.locator("#text").inner_text()
    assert page.locator("h1").inner_text().startswith("\"><script>")
    assert page.problems == []


def test_pages_read_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/?type=ASSAULT")
    rows = page.locator("#stories tbody tr")
    assert rows.count() >= 1
    assert set(page.locator("#stories tbody td:nth-child(3)").all_inner_texts()) == {"ASSAULT"}
    page.locator("#stories tbody a", has_text=_bunia(page, base)).click()
    assert page.locator("#category-killed tr.source-row").count() >= 3
    page.locator("#category-killed a.evidence").first.click()
    assert page.locator("#text a.hl.figure").count() >= 1
    assert page.locator("table.rows").count() >= 3  # the records, as tables
    context.close()


def test_api_docs_render_from_local_files(page, base):
    page.goto(base + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 10
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    assert page.problems == []


def _png_rows(data: bytes) -> tuple[tuple[int, int], list[bytes]]:
    """A PNG's size and its scanlines (as encoded: filter byte and pixels)."""
    position, size, packed = 8, (0, 0), b""
    while position < len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind, body = data[position + 4:position + 8], data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            packed += body
        position += 12 + length
    pixels = zlib.decompress(packed)
    stride = len(pixels) // max(size[1], 1)
    return size, [pixels[y * stride:(y + 1) * stride] for y in range(size[1])]


def _save(page, path: Path) -> None:
    """A screenshot to ``path``, unless the one there differs in under 1% of its rows
    (an antialiased edge): the README's pictures change when the pages do, not on
    every run."""
    new = page.screenshot()
    if path.exists():
        old_size, old_rows = _png_rows(path.read_bytes())
        new_size, new_rows = _png_rows(new)
        if old_size == new_size and sum(a != b for a, b in zip(old_rows, new_rows, strict=True)) \
                < len(new_rows) / 100:
            return
    path.write_bytes(new)


def test_screenshots_for_the_readme(browser, nlp):
    """docs/overview.png, docs/story.png and docs/document.png, from the invented articles."""
    DOCS.mkdir(exist_ok=True)
    with Server(create_app(build_clean_store(nlp))) as url:
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        page.goto(url + "/")
        _ready(page)
        page.wait_for_timeout(600)
        _save(page, DOCS / "overview.png")
        page.goto(f"{url}/stories/{_bunia(page, url)}")
        _save(page, DOCS / "story.png")
        doc_id = page.request.get(url + "/api/figures?source=lake radio").json()["items"][0]["doc_id"]
        page.goto(f"{url}/documents/{doc_id}")
        page.locator("#text a.hl.figure", has_text="at least 21").first.click()
        _save(page, DOCS / "document.png")
        context.close()
    for name in ("overview", "story", "document"):
        assert (DOCS / f"{name}.png").stat().st_size > 10000
