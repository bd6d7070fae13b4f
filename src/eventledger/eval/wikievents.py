"""Event trigger and argument scores on WikiEvents (KAIROS ontology), end to end.

The scoring follows ``eval/README.md`` of the shared data:

- the document text is the ``sentences`` strings joined with ``"\\n"``; gold token indices
  are turned into character offsets of that text;
- gold mentions are the ``event_mentions`` whose type has a prefix in the mapping (the
  longest wins); each is answered by an output event of the mapped PLOVER type or by a
  casualty figure of the mapped category (kind ``event`` / ``figure``);
- trigger: found when an output record of that kind and type/category has a trigger (for a
  figure, its trigger or count) overlapping the gold trigger; pairs are one to one (largest
  overlap first). Precision counts the output events whose type, and figures whose
  category, the mapping names;
- arguments, by role: for each found pair and mapped role the gold mention fills, right
  when the output field holds a span overlapping one of the gold arguments in that role
  (their entity mentions); ``location`` is the span of the place the record points to. For
  a figure, ``actor`` is the actor of its event and its location falls back on the event's.
  A place that no words about the mention give, marked ``location.from`` (a figure's
  incident's, ``"incident"``; the dateline's, ``"dateline"``), is not scored unless
  ``incident_places`` is set: WikiEvents annotates a Place argument only where the
  mention's own context gives one, so such a place, right or wrong, counts only against
  precision.
  Precision counts the filled mapped fields of every counted output record (end to end;
  ``argument_paired`` also gives precision over the found pairs only).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from pathlib import Path

from ..errors import EvaluationError
from ..provenance import stated

log = logging.getLogger(__name__)


def load_mapping(path: str | Path) -> dict:
    try:
        return json.loads(Path(path).read_text("utf-8"))["types"]
    except (OSError, KeyError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read the KAIROS to PLOVER mapping {path}: {exc}") from exc


def mapped_type(event_type: str, mapping: dict) -> dict | None:
    """The mapping entry of the longest prefix of ``event_type``, or None."""
    best = None
    for prefix, entry in mapping.items():
        if event_type == prefix or event_type.startswith(prefix + ".") or (
            event_type.startswith(prefix)
        ):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, entry)
    return best[1] if best else None


def document_text(record: dict) -> tuple[str, list[tuple[int, int]]]:
    """The text (sentences joined with newlines) and each token's character span in it."""
    text_parts, offsets = [], []
    base = 0
    for tokens, sentence in record["sentences"]:
        delta = tokens[0][1] if tokens else 0
        cursor = 0
        for token, start, _end in tokens:
            local = start - delta
            if sentence[local:local + len(token)] != token:
                found = sentence.find(token, cursor)
                local = found if found >= 0 else cursor
            offsets.append((base + local, base + local + len(token)))
            cursor = local + len(token)
        text_parts.append(sentence)
        base += len(sentence) + 1
    return "\n".join(text_parts), offsets


def _char_span(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    return offsets[start][0], offsets[max(end - 1, start)][1]


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(item: dict | None) -> tuple[int, int] | None:
    if not item:
        return None
    return item["start"], item["end"]


def gold_mentions(record: dict, mapping: dict) -> list[dict]:
    _text, offsets = document_text(record)
    entities = {e["id"]: _char_span(offsets, e["start"], e["end"])
                for e in record["entity_mentions"]}
    result = []
    for mention in record["event_mentions"]:
        entry = mapped_type(mention["event_type"], mapping)
        if entry is None:
            continue
        trigger = mention["trigger"]
        roles: dict[str, list] = defaultdict(list)
        for argument in mention["arguments"]:
            field = entry["roles"].get(argument["role"])
            if field and argument["entity_id"] in entities:
                roles[field].append(entities[argument["entity_id"]])
        result.append({"kind": entry["kind"],
                       "label": entry.get("plover") or entry.get("category"),
                       "trigger": _char_span(offsets, trigger["start"], trigger["end"]),
                       "roles": dict(roles), "type": mention["event_type"]})
    return result


def _fields_by_label(mapping: dict) -> dict[tuple[str, str], set[str]]:
    fields: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in mapping.values():
        key = (entry["kind"], entry.get("plover") or entry.get("category"))
        fields[key].update(entry["roles"].values())
    return fields


def output_records(extraction: dict, fields: dict, *,
                   incident_places: bool = False) -> list[dict]:
    """The counted output records with their mapped fields as spans (a place marked
    ``from`` its incident or the dateline only with ``incident_places``)."""
    places = {p["id"]: (p["start"], p["end"]) for p in extraction.get("places", [])}
    events = {e["id"]: e for e in extraction.get("events", [])}
    records = []

    def place_span(ref):
        if not incident_places:
            ref = stated(ref)  # none the text does not give (the incident's, the dateline's)
        return places.get(ref["place"]) if ref else None

    for event in extraction.get("events", []):
        key = ("event", event["type"])
        if key not in fields:
            continue
        values = {"actor": _span(event.get("actor")),
                  "recipient": _span(event.get("recipient")),
                  "location": place_span(event.get("location"))}
        records.append({"kind": "event", "label": event["type"],
                        "spans": [_span(event["trigger"])], "incident": event.get("incident"),
                        "values": {f: values.get(f) for f in fields[key]}})
    for figure in extraction.get("figures", []):
        key = ("figure", figure["category"])
        if key not in fields:
            continue
        event = events.get(figure.get("event") or "")
        location = place_span(figure.get("location"))
        if location is None and event is not None:
            location = place_span(event.get("location"))
        values = {"who": _span(figure.get("who")),
                  "actor": _span(event.get("actor")) if event else None,
                  "location": location}
        records.append({"kind": "figure", "label": figure["category"],
                        "spans": [_span(figure["trigger"]), _span(figure["count"])],
                        "incident": figure.get("incident"),
                        "values": {f: values.get(f) for f in fields[key]}})
    return records


def pair(golds: list[dict], outputs: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, output index), largest trigger overlap first."""
    candidates = []
    for g, gold in enumerate(golds):
        for o, output in enumerate(outputs):
            if output["kind"] != gold["kind"] or output["label"] != gold["label"]:
                continue
            overlap = max(_overlap(span, gold["trigger"]) for span in output["spans"])
            if overlap > 0:
                candidates.append((-overlap, g, o))
    candidates.sort()
    used_g, used_o, pairs = set(), set(), []
    for _neg, g, o in candidates:
        if g in used_g or o in used_o:
            continue
        used_g.add(g)
        used_o.add(o)
        pairs.append((g, o))
    return pairs


def prf(right: int, predicted: int, gold: int) -> dict:
    """Precision, recall and F1 of ``right`` hits among ``predicted`` and ``gold``, with the
    counts (the coding evaluation scores the same way)."""
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "right": right, "predicted": predicted,
            "gold": gold}


def score_document(record: dict, extraction: dict, mapping: dict, *,
                   incident_places: bool = False) -> dict:
    fields = _fields_by_label(mapping)
    golds = gold_mentions(record, mapping)
    outputs = output_records(extraction, fields, incident_places=incident_places)
    pairs = pair(golds, outputs)
    arg_gold = sum(len(g["roles"]) for g in golds)
    arg_predicted = sum(1 for o in outputs for v in o["values"].values() if v is not None)
    arg_paired_predicted = 0
    arg_right = 0
    by_role: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for gold in golds:
        for role in gold["roles"]:
            by_role[role][2] += 1
    for output in outputs:
        for role, value in output["values"].items():
            if value is not None:
                by_role[role][1] += 1
    for g, o in pairs:
        gold, output = golds[g], outputs[o]
        arg_paired_predicted += sum(1 for v in output["values"].values() if v is not None)
        for role, spans in gold["roles"].items():
            value = output["values"].get(role)
            if value is not None and any(_overlap(value, s) > 0 for s in spans):
                arg_right += 1
                by_role[role][0] += 1
    return {"trigger": (len(pairs), len(outputs), len(golds)),
            "trigger_repeats_apart": (len(pairs), len(outputs) - repeats(outputs, pairs),
                                      len(golds)),
            "argument": (arg_right, arg_predicted, arg_gold),
            "argument_paired": (arg_right, arg_paired_predicted, arg_gold),
            "by_role": {k: tuple(v) for k, v in by_role.items()},
            "by_label": _by_label(golds, outputs, pairs)}


def repeats(outputs: list[dict], pairs: list[tuple[int, int]]) -> int:
    """Unpaired outputs that tell again of an incident a paired output of their kind found
    ("the attack", "the blast" after "a bomb exploded"): WikiEvents annotates some repeat
    mentions of an incident and leaves others out, so these are left out of the precision
    of the ``trigger_repeats_apart`` score (never out of the main one)."""
    paired = {o for _g, o in pairs}
    found = {(outputs[o]["kind"], outputs[o]["incident"]) for o in paired
             if outputs[o].get("incident")}
    return sum(1 for o, output in enumerate(outputs)
               if o not in paired and (output["kind"], output.get("incident")) in found)


def _by_label(golds, outputs, pairs) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for g, _o in pairs:
        counts[golds[g]["label"]][0] += 1
    for output in outputs:
        counts[output["label"]][1] += 1
    for gold in golds:
        counts[gold["label"]][2] += 1
    return {k: tuple(v) for k, v in counts.items()}


def evaluate_wikievents(path, *, nlp=None, mapping_path=None, details: bool = False,
                        incident_places: bool = False) -> dict:
    """Trigger and argument P/R/F1 of the pipeline on a WikiEvents JSON lines file."""
    from ..document import Document
    from ..pipeline import extract_records

    path = Path(path)
    if mapping_path is None:
        guess = path.resolve().parent.parent / "kairos_to_plover.json"
        if not guess.exists():
            raise EvaluationError("no KAIROS to PLOVER mapping given (mapping_path)")
        mapping_path = guess
    mapping = load_mapping(mapping_path)
    try:
        records = [json.loads(line) for line in path.read_text("utf-8").splitlines()
                   if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read WikiEvents file {path}: {exc}") from exc
    documents = [Document(text=document_text(r)[0], source=r["doc_id"]) for r in records]
    totals = {"trigger": [0, 0, 0], "trigger_repeats_apart": [0, 0, 0],
              "argument": [0, 0, 0], "argument_paired": [0, 0, 0]}
    roles: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    labels: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_document = []
    for record, extraction in zip(records, extract_records(documents, nlp=nlp), strict=True):
        scores = score_document(record, extraction, mapping, incident_places=incident_places)
        for key in totals:
            for k in range(3):
                totals[key][k] += scores[key][k]
        for table, source in ((roles, scores["by_role"]), (labels, scores["by_label"])):
            for name, values in source.items():
                for k in range(3):
                    table[name][k] += values[k]
        if details:
            per_document.append({"doc_id": record["doc_id"],
                                 "trigger": prf(*scores["trigger"]),
                                 "argument": prf(*scores["argument"])})
    result = {key: prf(*values) for key, values in totals.items()}
    result["documents"] = len(records)
    result["by_role"] = {k: prf(*v) for k, v in sorted(roles.items())}
    result["by_label"] = {k: prf(*v) for k, v in sorted(labels.items())}
    if details:
        result["per_document"] = per_document
    return result


def format_wikievents(result: dict) -> str:
    """A small table of the scores."""

    def row(name: str, s: dict) -> str:
        return (f"{name:<24} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   "
                f"{s['right']}/{s['predicted']}/{s['gold']}")

    lines = [f"WikiEvents: {result['documents']} documents",
             f"{'':<24} {'P':>6} {'R':>6} {'F1':>6}   right/predicted/gold",
             row("trigger", result["trigger"]),
             row("trigger (repeats apart)", result["trigger_repeats_apart"]),
             row("argument", result["argument"]),
             row("argument (paired P)", result["argument_paired"])]
    for name, scores in result["by_label"].items():
        lines.append(row(f"  trigger {name}", scores))
    for name, scores in result["by_role"].items():
        lines.append(row(f"  role {name}", scores))
    for item in result.get("per_document", ()):
        lines.append(row(f"  {item['doc_id'][:20]}", item["trigger"]))
    return "\n".join(lines)
