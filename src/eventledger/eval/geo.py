"""Geoparsing evaluation on TR-News / LGL (``<toponym>`` with ``<gaztag>``) and GeoWebNews
(``<extractedName>``, ``<latitude>``, ``<longitude>``, ``<geonamesID>``) files.

End to end (the places component on the raw text): recognition P/R/F1 by span overlap
(one to one), acc@161km over every gold toponym (a missed one is wrong) and mean error
over the recognised ones. Given gold spans (:func:`eventledger.geo.resolver.resolve` on
the gold toponyms): acc@161km, mean error, the share with the exact GeoNames id. Both
give the AUC of the error curve of Gritta et al. (2018): the area under the sorted
log(1 + km) / log(20039) curve, a missing answer counting as the largest error; lower is
better. Toponyms without coordinates are not scored.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError
from ..geo.resolver import distance_km, load_demonyms
from . import read_xml_root

KM = 161.0
MAX_KM = 20039.0


@dataclass
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None

    @property
    def scored(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Article:
    text: str
    published: str | None = None
    outlet: str | None = None  # the site's domain where the file gives one
    toponyms: list[Toponym] = field(default_factory=list)


def _child_text(node, *names: str) -> str | None:
    for name in names:
        found = node.find(f".//{name}")
        if found is not None and found.text is not None and found.text.strip():
            return found.text.strip()
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_geo(path: str | Path) -> list[Article]:
    """The articles of a TR-News/LGL or GeoWebNews XML file."""
    root = read_xml_root(path)
    articles = []
    for node in root.iter("article"):
        text_node = node.find("text")
        text = text_node.text if text_node is not None and text_node.text else ""
        article = Article(
            text=text,
            published=_child_text(node, "dltime", "date"),
            outlet=_child_text(node, "domain"),
        )
        for top in node.iter("toponym"):
            start, end = _child_text(top, "start"), _child_text(top, "end")
            if start is None or end is None:
                continue
            gaztag = top.find("gaztag")
            gid = gaztag.get("geonameid") if gaztag is not None else None
            gid = gid or _child_text(top, "geonamesID", "geonameid")
            article.toponyms.append(
                Toponym(
                    start=int(start),
                    end=int(end),
                    phrase=_child_text(top, "phrase", "extractedName") or text[int(start) : int(end)],
                    lat=_float(_child_text(top, "lat", "latitude")),
                    lon=_float(_child_text(top, "lon", "longitude")),
                    geonameid=int(gid) if gid and gid.strip().isdigit() else None,
                )
            )
        _realign(article)
        articles.append(article)
    if not articles:
        raise EvaluationError(f"{path}: no <article> elements")
    return articles


def _realign(article: Article, *, window: int = 30) -> None:
    """Where a gold span does not hold its phrase (some files count offsets on text
    whose line ends the XML reader folded), move it to the nearest occurrence."""
    for toponym in article.toponyms:
        if article.text[toponym.start : toponym.end] == toponym.phrase:
            continue
        best = None
        lo = max(0, toponym.start - window)
        index = article.text.find(toponym.phrase, lo, toponym.end + window)
        while index != -1:
            if best is None or abs(index - toponym.start) < abs(best - toponym.start):
                best = index
            index = article.text.find(toponym.phrase, index + 1, toponym.end + window)
        if best is not None:
            toponym.start, toponym.end = best, best + len(toponym.phrase)


def error_auc(errors: list[float]) -> float:
    """Area under the sorted, log-scaled error curve (Gritta et al. 2018), 0..1."""
    if not errors:
        return 0.0
    scaled = sorted(math.log(1 + min(e, MAX_KM)) / math.log(MAX_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
    return area / (len(scaled) - 1)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _pair(gold: list[Toponym], preds: list[dict]) -> dict[int, dict]:
    """Gold index -> the prediction it is paired with, one to one, largest overlap first."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            overlap = min(g.end, p["end"]) - max(g.start, p["start"])
            if overlap > 0:
                options.append((-overlap, gi, pi))
    paired: dict[int, dict] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(options):
        if gi not in paired and pi not in used:
            paired[gi] = preds[pi]
            used.add(pi)
    return paired


def _end_to_end(articles: list[Article], nlp) -> dict:
    demonyms = {d.lower() for d in load_demonyms()}
    tp = n_pred = n_gold = 0
    tp_nd = n_gold_nd = 0
    correct = 0
    errors_found: list[float] = []
    errors_all: list[float] = []
    def docs():
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.el_published = article.published
            doc._.el_outlet = article.outlet
            yield doc

    started = time.perf_counter()
    for article, doc in zip(articles, nlp.pipe(docs()), strict=True):
        preds = list(doc._.el_places or ())
        scored = [t for t in article.toponyms if t.scored]
        unscored = [t for t in article.toponyms if not t.scored]
        # A prediction on an unscored toponym counts neither way.
        preds = [
            p for p in preds
            if not any(p["start"] < t.end and t.start < p["end"] for t in unscored)
        ]
        paired = _pair(scored, preds)
        n_pred += len(preds)
        n_gold += len(scored)
        tp += len(paired)
        for gi, g in enumerate(scored):
            is_demonym = g.phrase.lower().rstrip("s") in demonyms or g.phrase.lower() in demonyms
            if not is_demonym:
                n_gold_nd += 1
                tp_nd += gi in paired
            pred = paired.get(gi)
            if pred is None:
                errors_all.append(MAX_KM)
                continue
            err = distance_km(g.lat, g.lon, pred["lat"], pred["lon"])
            errors_found.append(err)
            errors_all.append(err)
            correct += err <= KM
    recognition = _prf(tp, n_pred, n_gold)
    without = _prf(tp_nd, n_pred, n_gold_nd)
    return {
        "recognition": recognition,
        "recall_without_demonym_gold": without["recall"],
        "demonym_gold": n_gold - n_gold_nd,
        "acc161": correct / n_gold if n_gold else 0.0,
        "mean_error_km": sum(errors_found) / len(errors_found) if errors_found else None,
        "auc": error_auc(errors_all),
        "seconds": time.perf_counter() - started,
    }


def _gold_spans(articles: list[Article]) -> dict:
    from ..geo.resolver import default_resolver

    resolver = default_resolver()
    n = correct = correct_or_id = exact = with_id = unresolved = 0
    errors_found: list[float] = []
    errors_all: list[float] = []
    started = time.perf_counter()
    for article in articles:
        scored = [t for t in article.toponyms if t.scored]
        if not scored:
            continue
        outlet = resolver.outlet_country(article.outlet)
        picks = resolver.resolve_mentions(
            article.text, [(t.start, t.end) for t in scored], context=[outlet] if outlet else ()
        )
        for gold, pick in zip(scored, picks, strict=True):
            n += 1
            if gold.geonameid:
                with_id += 1
            if pick is None:
                unresolved += 1
                errors_all.append(MAX_KM)
                continue
            err = distance_km(gold.lat, gold.lon, pick.lat, pick.lon)
            errors_found.append(err)
            errors_all.append(err)
            correct += err <= KM
            same = bool(gold.geonameid and pick.geonameid == gold.geonameid)
            exact += same
            # Countries and divisions: the same place with another reference point.
            correct_or_id += err <= KM or same
    return {
        "toponyms": n,
        "unresolved": unresolved,
        "acc161": correct / n if n else 0.0,
        "mean_error_km": sum(errors_found) / len(errors_found) if errors_found else None,
        "exact_id": exact / with_id if with_id else 0.0,
        "acc161_or_id": correct_or_id / n if n else 0.0,
        "auc": error_auc(errors_all),
        "seconds": time.perf_counter() - started,
    }


def evaluate_geo(path: str | Path, *, nlp=None, gold_spans: bool = False) -> dict:
    """Scores of the geoparser on a TR-News/LGL/GeoWebNews file: ``{"articles",
    "toponyms", "end_to_end": {...}}`` or, with ``gold_spans``, ``"gold_spans": {...}``."""
    articles = read_geo(path)
    result: dict = {
        "path": str(path),
        "articles": len(articles),
        "toponyms": sum(len(a.toponyms) for a in articles),
        "scored": sum(t.scored for a in articles for t in a.toponyms),
    }
    if gold_spans:
        result["gold_spans"] = _gold_spans(articles)
    else:
        if nlp is None:
            from ..pipeline import load_pipeline

            nlp = load_pipeline()
        result["end_to_end"] = _end_to_end(articles, nlp)
    return result


def _num(value, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_geo(result: dict) -> str:
    """A short plain-text report of :func:`evaluate_geo`'s result."""
    lines = [
        f"{result['path']}: {result['articles']} articles, {result['scored']} scored toponyms"
        f" (of {result['toponyms']})"
    ]
    if "gold_spans" in result:
        g = result["gold_spans"]
        lines.append(
            f"given gold spans: acc@161km {_num(g['acc161'])}, exact id {_num(g['exact_id'])}, "
            f"mean error {_num(g['mean_error_km'], 0)} km, AUC {_num(g['auc'])}, "
            f"unresolved {g['unresolved']}"
        )
        lines.append(
            f"  acc@161km counting the exact GeoNames id as right too (countries and "
            f"divisions whose reference point differs): {_num(g['acc161_or_id'])}"
        )
    if "end_to_end" in result:
        e = result["end_to_end"]
        r = e["recognition"]
        lines.append(
            f"recognition: P {_num(r['precision'])} R {_num(r['recall'])} F1 {_num(r['f1'])} "
            f"({r['tp']} of {r['gold']} gold, {r['predicted']} predicted)"
        )
        lines.append(
            f"  recall without the {e['demonym_gold']} gold demonyms: "
            f"{_num(e['recall_without_demonym_gold'])}"
        )
        lines.append(
            f"end to end: acc@161km {_num(e['acc161'])}, mean error "
            f"{_num(e['mean_error_km'], 0)} km over recognised, AUC {_num(e['auc'])}"
        )
    return "\n".join(lines)
