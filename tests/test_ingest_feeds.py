"""RSS 2.0 and Atom feeds, and the XML they must not be allowed to be."""

from __future__ import annotations

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Valley News &amp; Weather</title>
<link>https://valley.example.com/</link>
<description>Local news</description>
<item>
<title>Dam inspection finds no faults</title>
<link>https://valley.example.com/dam</link>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Inspectors found no faults in the Greywater dam on Monday, the water
board said.&lt;/p&gt;&lt;p&gt;The next inspection is due in a year.&lt;/p&gt;</description>
</item>
<item>
<title>Library extends opening hours</title>
<link>https://valley.example.com/library</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>The town library will stay open until nine in the evening from April, the
council announced.</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Coastal Herald</title>
<id>urn:example:coastal</id>
<updated>2024-06-02T12:00:00Z</updated>
<entry>
<title>Fishing fleet returns early</title>
<id>urn:example:coastal:1</id>
<link href="https://herald.example.net/fleet"/>
<published>2024-06-01T07:15:00Z</published>
<updated>2024-06-01T09:00:00Z</updated>
<summary>Short summary that must not be used.</summary>
<content type="html">&lt;p&gt;The fishing fleet of Port Ellis returned two days early because
of a storm warning, the harbour master said.&lt;/p&gt;&lt;p&gt;No boats were damaged.&lt;/p&gt;</content>
</entry>
<entry>
<title>New ferry enters service</title>
<id>urn:example:coastal:2</id>
<link href="https://herald.example.net/ferry"/>
<updated>2024-06-02T11:00:00Z</updated>
<content type="text">A new ferry between Port Ellis and the island entered service on Sunday
with room for two hundred passengers.</content>
</entry>
</feed>
"""

PLAIN = "The ferry timetable changes next week, the harbour office said on Friday."


def _write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_rss_one_document_per_entry(tmp_path):
    path = _write(tmp_path, "valley.rss", RSS)
    first, second = list(iter_inputs([path]))
    assert first.source == f"{path}#1" and second.source == f"{path}#2"
    assert first.path == path
    assert first.title == "Dam inspection finds no faults"
    assert first.outlet == "Valley News & Weather"
    assert first.url == "https://valley.example.com/dam"
    assert first.published == "2024-03-04"
    # HTML removed, paragraphs on lines of their own, title not prepended.
    assert first.text == (
        "Inspectors found no faults in the Greywater dam on Monday, the water "
        "board said.\nThe next inspection is due in a year."
    )
    assert "<p>" not in first.text
    assert second.published == "2024-03-05"
    assert second.text.startswith("The town library")
    assert first.id != second.id


def test_atom_content_preferred_and_updated_date_fallback(tmp_path):
    path = _write(tmp_path, "coastal.atom", ATOM)
    first, second = list(iter_inputs([path]))
    assert first.outlet == "Coastal Herald"
    assert first.title == "Fishing fleet returns early"
    assert first.url == "https://herald.example.net/fleet"
    assert first.published == "2024-06-01"
    assert first.text.startswith("The fishing fleet of Port Ellis")
    assert first.text.endswith("No boats were damaged.")
    assert "summary" not in first.text
    assert second.published == "2024-06-02"  # no <published>: <updated>
    assert second.text.startswith("A new ferry between Port Ellis")


def test_feed_sniffed_from_xml_content(tmp_path):
    path = _write(tmp_path, "download.dat", RSS)
    results = list(iter_inputs([path]))
    assert [r.source for r in results] == [f"{path}#1", f"{path}#2"]


def test_malformed_xml_is_refused_and_batch_goes_on(tmp_path):
    broken = _write(tmp_path, "broken.xml", RSS.replace("</item>", "", 1))
    plain = _write(tmp_path, "note.txt", PLAIN)
    error, doc = list(iter_inputs([broken, plain]))
    assert isinstance(error, IngestError)
    assert error.message.startswith(f"{broken}: unsafe or malformed XML: mismatched tag")
    assert isinstance(doc, Document) and doc.text == PLAIN


def test_entity_expansion_bomb_is_refused(tmp_path):
    bomb = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""
    path = _write(tmp_path, "bomb.rss", bomb)
    plain = _write(tmp_path, "note.txt", PLAIN)
    error, doc = list(iter_inputs([path, plain]))
    assert isinstance(error, IngestError)
    assert error.message == (
        f"{path}: unsafe or malformed XML: entity declarations are refused "
        "(they can expand without limit or read local files)"
    )
    assert doc.text == PLAIN


def test_external_entity_is_refused(tmp_path):
    xxe = RSS.replace(
        '<rss version="2.0">',
        '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n<rss version="2.0">',
    ).replace("Dam inspection finds no faults", "&secret;")
    path = _write(tmp_path, "xxe.rss", xxe)
    [error] = list(iter_inputs([path]))
    assert error.message.startswith(f"{path}: unsafe or malformed XML: entity declarations")


def test_legacy_rss_091_with_doctype_and_latin1(tmp_path):
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        '<rss version="0.91"><channel><title>Old Town Gazette</title>'
        "<link>http://old.example/</link><description>News</description>"
        "<item><title>Café opens</title><link>http://old.example/1</link>"
        "<description>A new café opened on the square on Monday with seats for forty "
        "people, the owner said.</description></item></channel></rss>\n"
    )
    path = tmp_path / "old.rss"
    path.write_bytes(feed.encode("latin-1"))
    [doc] = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.title == "Café opens" and doc.outlet == "Old Town Gazette"
    assert doc.text.startswith("A new café opened")
    assert doc.published is None


def test_feed_with_no_entries(tmp_path):
    empty = RSS.split("<item>")[0] + "</channel></rss>"
    path = _write(tmp_path, "quiet.rss", empty)
    atom = _write(tmp_path, "coastal.atom", ATOM)
    results = list(iter_inputs([path, atom]))
    assert isinstance(results[0], IngestError)
    assert results[0].message == f"{path}: feed has no entries"
    assert [r.title for r in results[1:]] == [
        "Fishing fleet returns early",
        "New ferry enters service",
    ]


def test_xml_that_is_not_a_feed(tmp_path):
    path = _write(tmp_path, "config.xml", '<?xml version="1.0"?><settings><a>1</a></settings>')
    [error] = list(iter_inputs([path]))
    assert isinstance(error, IngestError)
    assert error.message == f"{path}: XML is not an RSS, RDF or Atom feed (root element <settings>)"


def test_empty_entry_is_reported_and_others_kept(tmp_path):
    feed = RSS.replace(
        "<description>The town library", "<description></description><x>The town library"
    ).replace("council announced.</description>", "council announced.</x>")
    path = _write(tmp_path, "partial.rss", feed)
    first, second = list(iter_inputs([path]))
    assert isinstance(first, Document)
    assert isinstance(second, IngestError)
    assert second.message == f"{path}#2: empty document"
