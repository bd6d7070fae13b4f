"""Cost of story assignment per new document as the store grows.

    python benchmarks/stories_scaling.py [--sizes 1000 10000 100000] [--docs 50]

For each size N, a fresh SQLite store gets N synthetic story members (events and figures
already clustered, three per story) spread over five years and a 10 x 10 degree region:
the state that clustering reads. Then ``--docs`` new synthetic documents (two events and
a figure each, on random days and places in the same span) are written and assigned one
by one with :func:`eventledger.stories.assign_stories`, timed. Prints milliseconds per
document (mean, median, 95th percentile) and candidate rows read per document, per size: with indexed
candidate lookup the time stays nearly flat as N grows.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventledger.store import Store
from eventledger.store.store import StorySession
from eventledger.stories import assign_stories
from eventledger.stories.cluster import cell_of

START = date(2020, 1, 1)
DAYS = 5 * 365
TYPES = ["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "AGREE"]
FAMILY = {"ASSAULT": "violence", "PROTEST": "protest", "COERCE": "coercion",
          "ACCUSE": "statement", "AGREE": "cooperation"}
VOCAB = [f"word{i}" for i in range(2000)]


def _place(rng: random.Random) -> tuple[float, float]:
    return round(rng.uniform(0, 10), 4), round(rng.uniform(30, 40), 4)


def _fill(store: Store, size: int, rng: random.Random) -> None:
    """``size`` members, three per story, written straight into the story tables."""
    with store.story_session() as session:
        members, seq = [], 0
        for index in range(size):
            if index % 3 == 0:
                seq += 1
                kind = rng.choice(TYPES)
                day = START + timedelta(days=rng.randrange(DAYS))
                lat, lon = _place(rng)
                session.insert_story({
                    "id": f"S{seq:06d}", "seq": seq, "family": FAMILY[kind], "type": kind,
                    "first_date": day.isoformat(), "last_date": day.isoformat(),
                    "country": "KE", "place": "synthetic", "lat": lat, "lon": lon,
                    "n_items": 3, "n_documents": 3})
            members.append({
                "doc_id": f"syn{index // 3:07d}-{index % 3}", "item_id": "E1", "kind": "event",
                "story_id": f"S{seq:06d}", "family": FAMILY[kind], "type": kind,
                "day": day.isoformat(), "cell": cell_of(lat, lon), "country": "KE",
                "lat": lat, "lon": lon, "place": "synthetic", "actors": "[]",
                "terms": " ".join(sorted(rng.sample(VOCAB, 8))),
                "doc_terms": " ".join(sorted(rng.sample(VOCAB, 40))),
            })
            if len(members) >= 5000:
                session.insert_members(members)
                members = []
        session.insert_members(members)


def _record(number: int, rng: random.Random) -> dict:
    words = rng.sample(VOCAB, 60)
    text = (f"Report {number}. " + " ".join(words[:30]) + " struck the town. "
            + " ".join(words[30:]) + " protested. Three people were killed.")
    lat, lon = _place(rng)
    day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()

    def span(phrase: str) -> dict:
        start = text.index(phrase)
        return {"text": phrase, "start": start, "end": start + len(phrase)}

    place = {"id": "P1", **span("town"), "name": "Town", "geonameid": None, "country": "KE",
             "lat": lat, "lon": lon, "kind": "city"}
    event = {"actor": None, "recipient": None, "location": {"place": "P1"}, "date": day,
             "date_precision": "day", "attribution": None, "negated": False,
             "hypothetical": False, "mode": None}
    return {
        "document": {"id": f"new{number:05d}", "path": None, "url": None, "outlet": "Bench",
                     "published": day, "title": None, "language": "en", "text": text},
        "attributions": [],
        "events": [{**event, "id": "E1", "type": "ASSAULT", "trigger": span("struck")},
                   {**event, "id": "E2", "type": "PROTEST", "trigger": span("protested")}],
        "figures": [{"id": "F1", "category": "killed", "trigger": span("killed"),
                     "count": {**span("Three"), "low": 3, "high": 3, "exact": True},
                     "who": None, "location": {"place": "P1"}, "event": "E1",
                     "attribution": None}],
        "places": [place], "actors": [], "disagreements": [],
    }


_READ = [0]  # candidate rows read, counted around StorySession.candidates
_candidates = StorySession.candidates


def _counting(self, *args, **kwargs):
    rows = _candidates(self, *args, **kwargs)
    _READ[0] += len(rows)
    return rows


StorySession.candidates = _counting


def run(size: int, docs: int, seed: int) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        began = time.perf_counter()
        _fill(store, size, rng)
        fill_s = time.perf_counter() - began
        records = [_record(n, rng) for n in range(docs + 5)]
        for record in records:
            store.write_record(record, extractor_version="bench")
        assign_stories(store, [r["document"]["id"] for r in records[:5]])  # warm-up
        times = []
        _READ[0] = 0
        for record in records[5:]:
            began = time.perf_counter()
            assign_stories(store, [record["document"]["id"]])
            times.append((time.perf_counter() - began) * 1000)
        stories = len(store.story_rows())
    times.sort()
    return {"members": size, "stories": stories, "fill_s": round(fill_s, 1),
            "mean_ms": round(statistics.mean(times), 2),
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "candidates": round(_READ[0] / docs, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    results = [run(size, args.docs, args.seed) for size in args.sizes]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'members':>8} {'stories':>8} {'fill s':>7} {'mean ms':>8} {'median ms':>10} "
          f"{'p95 ms':>7} {'cand.':>6}   (per new document, {args.docs} documents)")
    for r in results:
        print(f"{r['members']:>8} {r['stories']:>8} {r['fill_s']:>7} {r['mean_ms']:>8} "
              f"{r['median_ms']:>10} {r['p95_ms']:>7} {r['candidates']:>6}")


if __name__ == "__main__":
    main()
