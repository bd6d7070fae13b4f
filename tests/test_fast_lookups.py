"""The indexes that keep a long document's cost linear in its length, and the place-name
matcher whose words are cut once and cached: each finds what the scan or matcher it
replaces finds."""

from __future__ import annotations

import json
import random

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from eventledger.extract import base
from eventledger.extract.attributions.candidates import (
    Intervals,
    SpansNear,
    nearest,
    overlaps_any,
)
from eventledger.extract.name_matcher import NameMatcher, name_words

NAMES = ["Port Elvin", "port elvin harbour", "Avonford", "New Kestrel-on-Sea", "St. Ives",
         "Ünterwald", "Al-Bireh", "avon", "The Hague"]
TEXT = ("Boats left PORT ELVIN HARBOUR for Avonford and St. Ives on Monday; in Port Elvin, "
        "the mayor of New Kestrel-on-Sea met envoys from The Hague, Al-Bireh and Ünterwald. "
        "Avon is a river, avonford a town.")


def scan_actor_at(doc: Doc, start: int, end: int) -> dict | None:
    """The scan that ``base.actor_at`` replaced."""
    best, best_overlap = None, 0
    for actor in doc._.el_actors or ():
        for mention in actor["mentions"]:
            overlap = min(end, mention["end"]) - max(start, mention["start"])
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


def test_name_matcher_finds_what_the_phrase_matcher_finds(bare_nlp, tmp_path):
    lowered = sorted({n.lower() for n in NAMES})
    phrases = PhraseMatcher(bare_nlp.vocab, attr="LOWER")
    phrases.add("PLACE", list(bare_nlp.tokenizer.pipe(lowered)))
    ours = NameMatcher(name_words(bare_nlp, lowered, tmp_path))
    doc = bare_nlp.make_doc(TEXT)
    expected = {(s.start, s.end) for s in phrases(doc, as_spans=True)}
    found = [(s.start, s.end) for s in ours(doc)]
    assert set(found) == expected and len(found) == len(expected)
    assert found == sorted(found)
    assert {doc[s:e].text for s, e in found} >= {"PORT ELVIN HARBOUR", "PORT ELVIN",
                                                 "New Kestrel-on-Sea", "Avon", "avonford"}


def test_name_words_are_read_back_from_the_cache(bare_nlp, tmp_path):
    lowered = sorted({n.lower() for n in NAMES})
    words = name_words(bare_nlp, lowered, tmp_path)
    (cached,) = tmp_path.glob("name-words-*.json")
    # The second start does not tokenize: the words come from the file.
    marked = [[*w, "read-back"] for w in words]
    cached.write_text(json.dumps(marked), encoding="utf-8")
    assert name_words(bare_nlp, lowered, tmp_path) == marked
    # Other names make another key; the old file goes.
    other = name_words(bare_nlp, [*lowered, "kestrel bay"], tmp_path)
    assert other[-1] == ["kestrel", "bay"]
    assert not cached.exists() and len(list(tmp_path.glob("name-words-*.json"))) == 1
    # A damaged file is cut again, not trusted.
    (again,) = tmp_path.glob("name-words-*.json")
    again.write_text("[[", encoding="utf-8")
    assert name_words(bare_nlp, [*lowered, "kestrel bay"], tmp_path) == other


def test_actor_lookups_follow_mentions_as_they_are_added(bare_nlp):
    doc = bare_nlp.make_doc("The ministry said the army and the ministry disagreed. " * 6)
    text = doc.text
    ministry = {"id": "R1", "name": "Ministry", "mentions": []}
    army = {"id": "R2", "name": "Army", "mentions": []}
    for start in range(0, len(text), 55):
        ministry["mentions"].append(base.span(text, start + 4, start + 12))
        army["mentions"].append(base.span(text, start + 22, start + 26))
    doc._.el_actors = [ministry, army]
    rng = random.Random(7)
    queries = [(s, s + rng.randint(1, 30)) for s in (rng.randrange(len(text)) for _ in range(300))]
    assert [base.actor_at(doc, *q) for q in queries] == [scan_actor_at(doc, *q) for q in queries]
    # mentions the pronoun resolver adds are found at once
    base.add_mention(doc, army, 35, 43)
    assert base.actor_at(doc, 35, 43) is army
    assert army["mentions"] == sorted(army["mentions"], key=lambda m: m["start"])
    assert base.mention_holding(doc, 36)["start"] == 35
    assert text[35:43] == "ministry"
    assert base.mention_index(doc).written_as("ministry", 100) == [ministry, army]
    assert base.mention_index(doc).written_as("ministry", 30) == [ministry]
    # a mention put there by hand is found too: the index is built again
    ministry["mentions"].append(base.span(text, 0, 3))
    assert base.actor_at(doc, 0, 3) is ministry
    assert [base.actor_at(doc, *q) for q in queries] == [scan_actor_at(doc, *q) for q in queries]
    # a Doc without actors has none at any place
    other = bare_nlp.make_doc("Nobody spoke.")
    assert base.actor_at(other, 0, 6) is None and base.mention_holding(other, 1) is None


def test_intervals_tell_overlaps_as_the_scan_does():
    rng = random.Random(3)
    extents = [(s, s + rng.randint(0, 40)) for s in (rng.randrange(2000) for _ in range(200))]
    taken = list(extents[:100])
    index = Intervals(taken)
    for extent in extents[100:]:
        probe = (extent[0], extent[0] + rng.randint(0, 60))
        assert index.overlaps(probe) == overlaps_any(probe, taken)
        if rng.random() < 0.5:
            taken.append(extent)
            index.add(extent)
        elif taken:
            gone = taken.pop(rng.randrange(len(taken)))
            index.remove(gone)


def test_spans_near_lets_nearest_pick_the_same_span(bare_nlp):
    doc = bare_nlp.make_doc("Officials said two people were killed in Gao, " * 40)
    rng = random.Random(11)
    spans = []
    for _ in range(120):
        start = rng.randrange(len(doc) - 4)
        spans.append(doc[start : start + rng.randint(1, 4)])
    near = SpansNear(spans)
    for _ in range(200):
        start = rng.randrange(len(doc) - 6)
        anchor = doc[start : start + rng.randint(1, 6)]
        for gap in (0, 2, 5):
            assert nearest(near.near(anchor, gap), anchor, gap) is nearest(spans, anchor, gap)
