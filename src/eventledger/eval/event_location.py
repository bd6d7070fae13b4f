"""Event location on Halterman's event_location sentences (JSON lines).

Each record: ``text``, ``spans`` with one ``VERB`` (the event) and any ``LOCATION`` spans
(a zero-length one means "no place given"), and ``source``. The pipeline runs on the text;
the event (else the casualty figure) whose trigger overlaps the VERB span gives its
location; when none does, the VERB span itself is handed to
:func:`eventledger.extract.locate.locate_event`. The answer is the span of the place
mention the location points to, or none. It is right when both say none or when it
overlaps a gold LOCATION span. Accuracy is reported on the ``RELABEL`` records and on all.

Some records (the ``RELABEL``, ``AP`` and ``Atrocities`` ones) give LOCATION spans as
token indices with an inclusive end, not character offsets: "demonstrated in Rome" with
Rome as ``8..8``. With ``token_offsets`` (the default) a span that is empty or does not
fall on word boundaries of the text is read as token indices of the model's tokenisation;
without it every span is taken as written (an empty one is then "no place"). Both figures
are reported.

``half`` (``train`` or ``dev``) keeps the records whose id hashes to that half (the split
of :func:`eventledger.eval.coding.half_of`), so that one half can be tuned on and the other
measured.

Two diagnostics go with them: the locator alone on the VERB span (no events or figures),
over the pipeline's places and over every GPE/LOC/FAC entity of the model, resolved or
not: the second shows what the locator would reach if the gazetteer knew every name.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from ..errors import EvaluationError

RELABEL = "RELABEL"


def read_records(path: str | Path, half: str = "all") -> list[dict]:
    """The records of an event_location JSON lines file, each with one VERB span; those of
    ``half`` only (``train``, ``dev``; ``all``)."""
    from .coding import HALVES, half_of

    if half not in HALVES:
        raise EvaluationError(f"half {half!r}: use one of {', '.join(HALVES)}")
    records = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{number}: not JSON: {exc}") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise EvaluationError(f"{path}:{number}: no text")
        verbs = [s for s in record.get("spans") or () if s.get("label") == "VERB"]
        if not verbs:
            continue  # nothing to locate
        if half != "all" and half_of(str(record.get("id"))) != half:
            continue
        records.append(record)
    if not records:
        raise EvaluationError(f"{path}: no records with a VERB span"
                              + ("" if half == "all" else f" in half {half}"))
    return records


def _aligned(doc, start: int, end: int) -> bool:
    if end <= start or not doc.text[start:end].strip():
        return False
    return doc.char_span(start, end) is not None


def gold_locations(record: dict, doc, *, token_offsets: bool = True) -> list[tuple[int, int]]:
    """Character ranges of the record's LOCATION spans; empty for "no place given"."""
    result = []
    for item in record.get("spans") or ():
        if item.get("label") != "LOCATION":
            continue
        start, end = int(item["start"]), int(item["end"])
        if _aligned(doc, start, end):
            result.append((start, end))
        elif token_offsets and 0 <= start <= end < len(doc):
            tokens = doc[start : end + 1]
            result.append((tokens.start_char, tokens.end_char))
    return result


def _verb_span(record: dict) -> tuple[int, int]:
    verbs = [s for s in record["spans"] if s.get("label") == "VERB"]
    # a verb given in fragments counts as one span from first start to last end
    return min(int(s["start"]) for s in verbs), max(int(s["end"]) for s in verbs)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def answer(doc, verb: tuple[int, int]) -> tuple[tuple[int, int] | None, str]:
    """``(place span or None, how)``: the location the pipeline gives the event at
    ``verb``; ``how`` is ``event``, ``figure`` or ``locator``."""
    from ..extract.locate import locate_event

    places = {p["id"]: p for p in doc._.el_places or ()}
    for kind in ("events", "figures"):
        best, best_overlap = None, 0
        for item in getattr(doc._, f"el_{kind}") or ():
            overlap = _overlap((item["trigger"]["start"], item["trigger"]["end"]), verb)
            if overlap > best_overlap:
                best, best_overlap = item, overlap
        if best is not None:
            location = best.get("location")
            place = places.get(location["place"]) if location else None
            return ((place["start"], place["end"]) if place else None), kind[:-1]
    trigger = doc.char_span(*verb, alignment_mode="expand")
    if trigger is None or not len(trigger):
        return None, "locator"
    location, _origin = locate_event(doc, trigger)
    return ((location["start"], location["end"]) if location else None), "locator"


_ENTITY_LABELS = ("GPE", "LOC", "FAC")


def entity_places(doc) -> list[dict]:
    """The Doc's place records plus the model's GPE/LOC/FAC entities that the places
    component left out (names the gazetteer does not know), as records without
    coordinates: what the locator could answer with a fuller gazetteer."""
    places = list(doc._.el_places or ())
    for number, ent in enumerate(doc.ents, start=1):
        if ent.label_ not in _ENTITY_LABELS:
            continue
        if any(ent.start_char < p["end"] and p["start"] < ent.end_char for p in places):
            continue
        start = ent.start + (ent[0].lower_ == "the" and len(ent) > 1)
        span = doc[start:ent.end]
        places.append({"id": f"U{number}", "text": span.text, "start": span.start_char,
                       "end": span.end_char, "kind": None})
    return places


def locator_answer(doc, verb: tuple[int, int], places: list[dict]) -> tuple[int, int] | None:
    """The locator alone on the VERB span, over ``places``."""
    from ..extract.locate import locate_event

    trigger = doc.char_span(*verb, alignment_mode="expand")
    if trigger is None or not len(trigger):
        return None
    location, _origin = locate_event(doc, trigger, places)
    return (location["start"], location["end"]) if location else None


def _right(predicted: tuple[int, int] | None, gold: list[tuple[int, int]]) -> bool:
    if predicted is None:
        return not gold
    return any(_overlap(predicted, g) > 0 for g in gold)


def evaluate_event_location(path: str | Path, *, nlp=None, details: bool = False,
                            batch_size: int = 256, half: str = "all") -> dict:
    """Accuracy of event locations: ``{"relabel": {...}, "all": {...}, "by_source",
    "literal": {...}}``, each ``{"accuracy", "right", "records"}``; ``literal`` reads
    every gold span as character offsets."""
    if nlp is None:
        from ..pipeline import load_pipeline

        nlp = load_pipeline()
    records = read_records(path, half)
    started = time.perf_counter()
    tally: dict[str, Counter] = {
        f"{group}{suffix}": Counter() for group in ("relabel", "all")
        for suffix in ("", "_literal", "_locator", "_entities")}
    by_source: dict[str, Counter] = {}
    how_used: Counter = Counter()
    items = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records),
                                             batch_size=batch_size), strict=True):
        verb = _verb_span(record)
        predicted, how = answer(doc, verb)
        how_used[how] += 1
        gold = gold_locations(record, doc)
        literal = gold_locations(record, doc, token_offsets=False)
        rights = {
            "": _right(predicted, gold),
            "_literal": _right(predicted, literal),
            "_locator": _right(locator_answer(doc, verb, list(doc._.el_places or ())), gold),
            "_entities": _right(locator_answer(doc, verb, entity_places(doc)), gold),
        }
        right = rights[""]
        source = str(record.get("source"))
        groups = ["all"] + (["relabel"] if source == RELABEL else [])
        for group in groups:
            for suffix, value in rights.items():
                tally[f"{group}{suffix}"]["records"] += 1
                tally[f"{group}{suffix}"]["right"] += value
        counter = by_source.setdefault(source, Counter())
        counter["records"] += 1
        counter["right"] += right
        if details:
            items.append({
                "id": record.get("id"), "source": source, "right": right,
                "verb": doc.text[verb[0]:verb[1]],
                "answer": doc.text[predicted[0]:predicted[1]] if predicted else None,
                "gold": [doc.text[s:e] for s, e in gold], "how": how,
            })

    def score(counter: Counter) -> dict:
        n = counter["records"]
        return {"accuracy": counter["right"] / n if n else 0.0, "right": counter["right"],
                "records": n}

    result = {
        "path": str(path),
        "half": half,
        "relabel": score(tally["relabel"]),
        "all": score(tally["all"]),
        "literal": {"relabel": score(tally["relabel_literal"]),
                    "all": score(tally["all_literal"])},
        # diagnostics: the locator alone on the VERB span, over the pipeline's places and
        # over every place-like entity of the model (a fuller gazetteer's reach)
        "locator_only": {"relabel": score(tally["relabel_locator"]),
                         "all": score(tally["all_locator"])},
        "locator_entities": {"relabel": score(tally["relabel_entities"]),
                             "all": score(tally["all_entities"])},
        "by_source": {k: score(v) for k, v in sorted(by_source.items())},
        "answered_by": dict(how_used),
        "seconds": time.perf_counter() - started,
    }
    if details:
        result["records"] = items
    return result


def format_event_location(result: dict) -> str:
    """A short plain-text report of :func:`evaluate_event_location`'s result."""

    def row(name: str, s: dict) -> str:
        return f"{name:<34} {s['accuracy']:6.3f}   {s['right']}/{s['records']}"

    half = "" if result.get("half", "all") == "all" else f", half {result['half']}"
    lines = [f"{result['path']}{half}: event location accuracy ({result['seconds']:.0f} s)",
             row("RELABEL records", result["relabel"]),
             row("all records", result["all"]),
             row("RELABEL, gold spans as written", result["literal"]["relabel"]),
             row("all, gold spans as written", result["literal"]["all"]),
             row("RELABEL, locator alone", result["locator_only"]["relabel"]),
             row("all, locator alone", result["locator_only"]["all"]),
             row("RELABEL, locator, all entities", result["locator_entities"]["relabel"]),
             row("all, locator, all entities", result["locator_entities"]["all"])]
    for source, scores in result["by_source"].items():
        lines.append(row(f"  {source}", scores))
    used = ", ".join(f"{k} {v}" for k, v in sorted(result["answered_by"].items()))
    lines.append(f"answered by: {used}")
    for item in result.get("records", ()):
        mark = "ok " if item["right"] else "BAD"
        lines.append(f"{mark} [{item['source']}] {item['verb']!r} -> {item['answer']!r} "
                     f"gold {item['gold']} ({item['how']})")
    return "\n".join(lines)
