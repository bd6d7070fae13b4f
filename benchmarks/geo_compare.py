"""Geoparsers side by side on one TR-News / LGL / GeoWebNews file, in one run.

    python benchmarks/geo_compare.py FILE.xml [--skip-end-to-end]

Rows (all scored as in ``eventledger eval geo``: recognition P/R/F1 by one-to-one span
overlap, acc@161km over every scored gold toponym, a missed one counting as wrong):

- eventledger end to end: the full pipeline on the raw text (``eval.geo``);
- geotext end to end: the names ``geotext`` finds (cities and countries, no offsets: each
  name is placed on its next occurrence in the text), each resolved with the
  population-only rule;
- eventledger given gold spans: the resolver on the gold toponym spans;
- population-only given gold spans: the most populous gazetteer match of the span's text.

The run time of each row is the wall time of that row alone (models and the gazetteer are
loaded before timing, and the name lookup caches emptied between rows). ``geotext`` is an optional dependency: ``pip install .[bench]``.
"""

from __future__ import annotations

import argparse
import re
import time

from eventledger.eval.geo import KM, MAX_KM, Article, _pair, _prf, error_auc, evaluate_geo, read_geo
from eventledger.geo.resolver import Resolver, default_resolver, distance_km


def most_populous(resolver, name: str):
    """The population-only rule: the exact match (else the nearest variant) with the most
    people."""
    found = resolver.candidates(name)
    if not found:
        return None
    return min(found, key=lambda cp: (cp[1], -cp[0].population))[0]


def _score_spans(articles: list[Article], predictions: list[list[dict]]) -> dict:
    """Recognition and acc@161km of predicted ``{"start", "end", "lat", "lon"}`` records."""
    tp = n_pred = n_gold = correct = 0
    errors_all: list[float] = []
    for article, preds in zip(articles, predictions, strict=True):
        scored = [t for t in article.toponyms if t.scored]
        unscored = [t for t in article.toponyms if not t.scored]
        preds = [p for p in preds
                 if not any(p["start"] < t.end and t.start < p["end"] for t in unscored)]
        paired = _pair(scored, preds)
        n_pred += len(preds)
        n_gold += len(scored)
        tp += len(paired)
        for gi, gold in enumerate(scored):
            pred = paired.get(gi)
            if pred is None or pred.get("lat") is None:
                errors_all.append(MAX_KM)
                continue
            err = distance_km(gold.lat, gold.lon, pred["lat"], pred["lon"])
            errors_all.append(err)
            correct += err <= KM
    return {"recognition": _prf(tp, n_pred, n_gold),
            "acc161": correct / n_gold if n_gold else 0.0, "auc": error_auc(errors_all)}


def geotext_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Offsets of geotext's names, each on its next occurrence as a whole word."""
    spans, position = [], 0
    for name in names:
        match = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)").search(text, position)
        if match is None:
            match = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)").search(text)
            if match is None:
                continue
        else:
            position = match.end()
        spans.append((match.start(), match.end()))
    return sorted(set(spans))


def run_geotext(articles: list[Article], resolver) -> dict:
    from geotext import GeoText

    started = time.perf_counter()
    predictions = []
    for article in articles:
        found = GeoText(article.text)
        # geotext lists cities and countries separately, each in text order
        names = found.cities + found.countries
        records = []
        for start, end in geotext_spans(article.text, names):
            pick = most_populous(resolver, article.text[start:end])
            records.append({"start": start, "end": end,
                            "lat": pick.lat if pick else None,
                            "lon": pick.lon if pick else None})
        predictions.append(records)
    seconds = time.perf_counter() - started
    return {**_score_spans(articles, predictions), "seconds": seconds}


def run_population_gold(articles: list[Article], resolver) -> dict:
    started = time.perf_counter()
    n = correct = exact = with_id = 0
    errors_all: list[float] = []
    for article in articles:
        for gold in (t for t in article.toponyms if t.scored):
            n += 1
            with_id += bool(gold.geonameid)
            pick = most_populous(resolver, article.text[gold.start:gold.end])
            if pick is None:
                errors_all.append(MAX_KM)
                continue
            err = distance_km(gold.lat, gold.lon, pick.lat, pick.lon)
            errors_all.append(err)
            correct += err <= KM
            exact += bool(gold.geonameid and pick.geonameid == gold.geonameid)
    return {"acc161": correct / n if n else 0.0, "exact_id": exact / with_id if with_id else 0.0,
            "auc": error_auc(errors_all), "seconds": time.perf_counter() - started}


def _cold(resolver) -> Resolver:
    """``resolver`` with its lookup caches emptied, so that no row gains from an earlier one
    (the gazetteer's file stays open)."""
    resolver._candidates.clear()
    resolver.gazetteer._cache.clear()
    return resolver


def _cell(value, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="TR-News / LGL / GeoWebNews XML file")
    parser.add_argument("--skip-end-to-end", action="store_true",
                        help="leave out eventledger's end-to-end row (the slowest)")
    args = parser.parse_args(argv)

    articles = read_geo(args.path)
    resolver = default_resolver()
    resolver.candidates("London")  # open the gazetteer before any timing
    rows: list[tuple[str, dict]] = []

    if not args.skip_end_to_end:
        from eventledger.pipeline import load_pipeline

        nlp = load_pipeline()
        nlp("Warm-up in Paris.")
        e2e = evaluate_geo(args.path, nlp=nlp)["end_to_end"]
        rows.append(("eventledger end to end", {**e2e, "exact_id": None}))
    geotext = run_geotext(articles, _cold(resolver))
    rows.append(("geotext + population end to end", {**geotext, "exact_id": None}))
    _cold(default_resolver())
    gold = evaluate_geo(args.path, gold_spans=True)["gold_spans"]
    rows.append(("eventledger given gold spans", {**gold, "recognition": None}))
    population = run_population_gold(articles, _cold(resolver))
    rows.append(("population-only given gold spans", {**population, "recognition": None}))

    scored = sum(t.scored for a in articles for t in a.toponyms)
    print(f"{args.path}: {len(articles)} articles, {scored} scored toponyms")
    header = f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'exact id':>8} " \
             f"{'AUC':>6} {'seconds':>8}"
    print(header)
    print("-" * len(header))
    for name, row in rows:
        rec = row.get("recognition")
        print(f"{name:<34} {_cell(rec and rec['precision']):>6} {_cell(rec and rec['recall']):>6} "
              f"{_cell(rec and rec['f1']):>6} {_cell(row['acc161']):>8} "
              f"{_cell(row.get('exact_id')):>8} {_cell(row.get('auc')):>6} "
              f"{row['seconds']:8.2f}")


if __name__ == "__main__":
    main()
