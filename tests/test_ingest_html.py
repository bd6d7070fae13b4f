"""HTML pages: main text without boilerplate, and the page's own metadata."""

from __future__ import annotations

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Riverside Courier</title>
<meta property="og:site_name" content="The Riverside Courier">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://courier.example.org/news/harbour-bridge-reopens">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe today and save</a></li></ul></nav>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in the town of Millbrook reopened to traffic on Thursday after four
months of repairs, the regional transport office said.</p>
<p>Engineers replaced the steel cables on the northern span and resurfaced the roadway,
according to a statement from the office. The work cost about 12 million dollars.</p>
<h2>Traffic returns to the old route</h2>
<p>Local shop owners said business had fallen by a third while the bridge was closed.
"We are glad to see people coming back," said Maria Lindqvist, who runs a bakery.</p>
<p>The transport office said a second phase of work, on the footpaths, would begin in the
autumn and would not close the road.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Council votes on new budget</a></li></ul></aside>
<footer><p>Copyright 2024 The Riverside Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p></footer>
</body>
</html>
"""

UNDATED = "\n".join(line for line in PAGE.split("\n") if "published_time" not in line)
PLAIN = "The ferry timetable changes next week, the harbour office said on Friday."


def test_news_page_main_text_and_metadata(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.published == "2024-03-14"
    assert doc.outlet == "The Riverside Courier"
    assert doc.url == "https://courier.example.org/news/harbour-bridge-reopens"
    lines = doc.text.split("\n")
    # Headings are lines of their own, paragraphs are lines.
    assert "Traffic returns to the old route" in lines
    assert any(line.startswith("The harbour bridge in the town of Millbrook") for line in lines)
    assert "second phase of work" in doc.text
    for boilerplate in ("Subscribe today", "Privacy policy", "All rights reserved", "Most read"):
        assert boilerplate not in doc.text
    assert doc.text == doc.text.strip()


def test_page_without_stated_date_gets_none_not_copyright_year(tmp_path):
    path = tmp_path / "undated.htm"
    path.write_text(UNDATED, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.published is None


def test_page_without_stated_date_takes_date_argument(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(UNDATED, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)], date="2024-03-15"))
    assert doc.published == "2024-03-15"


def test_malformed_html_still_gives_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>The ferry timetable changes next week, the harbour office"
        " <b>said on Friday.<p>Boats will leave every forty minutes instead of every hour"
        " during the summer season, it said.</div></span>",
        encoding="utf-8",
    )
    [doc] = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert "ferry timetable" in doc.text and "forty minutes" in doc.text


def test_html_with_no_text_is_an_error_and_batch_goes_on(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>")
    plain = tmp_path / "note.txt"
    plain.write_text(PLAIN, encoding="utf-8")
    error, doc = list(iter_inputs([str(empty), str(plain)]))
    assert isinstance(error, IngestError)
    assert error.message == f"{empty}: no article text found in HTML"
    assert doc.text == PLAIN


def test_html_sniffed_without_extension(tmp_path):
    path = tmp_path / "download"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert doc.outlet == "The Riverside Courier"
    assert "<p>" not in doc.text


def test_html_in_declared_legacy_charset(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "runs a bakery", "runs the Café Lindqvist bakery"
    )
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = list(iter_inputs([str(path)]))
    assert "Café Lindqvist" in doc.text
