"""Incident grouping against a hand annotation of WikiEvents articles.

The annotation (``eval/incidents/wikievents_dev.json`` of the repository) gives, per
document id, the incidents, the casualty figures by character offsets into the text the
WikiEvents evaluation reads (sentences joined with newlines), each with its incident or
``cumulative: true``, and the disagreements (one incident and category, differing counts
from different sources). The article text is not in it.

Scores:

- figures found: gold figures whose count an output figure's count overlaps (one to one);
- per-figure incident accuracy over the found ones: a gold incident stands for the output
  incident most of its found figures are in (one to one, the largest share first); a figure
  is right when it is in that incident, a cumulative toll when the output marks it
  ``cumulative`` or keeps it out of the incidents that stand for annotated ones (no
  incident, or one of its own);
- pairs: for every two found figures of one document that are not cumulative, whether
  "same incident" agrees between gold and output;
- disagreements: a gold one is found when one output disagreement holds the output figures
  of two of its figures; an output disagreement that holds no such pair is a false one.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..errors import EvaluationError
from .wikievents import document_text


def load_annotation(path: str | Path) -> dict:
    try:
        return json.loads(Path(path).read_text("utf-8"))["documents"]
    except (OSError, KeyError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read the incident annotation {path}: {exc}") from exc


def _match_figures(gold: list[dict], output: list[dict]) -> dict[str, dict]:
    """Gold figure id -> output figure, one to one, the largest count overlap first."""
    pairs = []
    for g in gold:
        for o in output:
            shared = min(g["end"], o["count"]["end"]) - max(g["start"], o["count"]["start"])
            if shared > 0:
                pairs.append((shared, g["category"] == o["category"], g["id"], o["id"], o))
    pairs.sort(key=lambda p: (-p[0], not p[1]))
    matched: dict[str, dict] = {}
    used: set[str] = set()
    for _shared, _same, gid, oid, figure in pairs:
        if gid not in matched and oid not in used:
            matched[gid] = figure
            used.add(oid)
    return matched


def _incident_map(gold: list[dict], matched: dict[str, dict]) -> dict[str, str]:
    """Gold incident -> the output incident most of its found figures are in."""
    votes = Counter((g["incident"], matched[g["id"]].get("incident")) for g in gold
                    if g["id"] in matched and not g.get("cumulative")
                    and matched[g["id"]].get("incident"))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for (gold_incident, output_incident), _n in votes.most_common():
        if gold_incident not in mapping and output_incident not in taken:
            mapping[gold_incident] = output_incident
            taken.add(output_incident)
    return mapping


def score_document(annotation: dict, record: dict) -> dict:
    """Counts for one document: figures, right, pairs agreeing and all, disagreements."""
    gold = annotation["figures"]
    matched = _match_figures(gold, record.get("figures") or [])
    mapping = _incident_map(gold, matched)
    right = 0
    wrong: list[str] = []
    for figure in gold:
        output = matched.get(figure["id"])
        if output is None:
            continue
        if figure.get("cumulative"):  # kept out of every annotated incident's figures
            ok = bool(output.get("cumulative")) or output.get("incident") not in set(
                mapping.values())
        else:
            ok = not output.get("cumulative") and output.get("incident") is not None and (
                mapping.get(figure["incident"]) == output.get("incident"))
        right += ok
        if not ok:
            wrong.append(figure["id"])
    plain = [g for g in gold if g["id"] in matched and not g.get("cumulative")]
    pairs_right = pairs = 0
    for i, first in enumerate(plain):
        for second in plain[i + 1:]:
            pairs += 1
            out_a, out_b = matched[first["id"]], matched[second["id"]]
            same_output = (out_a.get("incident") is not None
                           and out_a.get("incident") == out_b.get("incident"))
            pairs_right += (first["incident"] == second["incident"]) == same_output
    output_groups = [set(d["figures"]) for d in record.get("disagreements") or []]
    found = 0
    true_outputs: set[int] = set()
    for disagreement in annotation.get("disagreements", ()):
        ids = [matched[g]["id"] for g in disagreement["figures"] if g in matched]
        hits = [n for n, group in enumerate(output_groups)
                if sum(1 for i in ids if i in group) >= 2]
        found += bool(hits)
        true_outputs.update(hits)
    return {"figures": len(gold), "found": len(matched), "right": right, "wrong": wrong,
            "pairs": pairs, "pairs_right": pairs_right,
            "disagreements": len(annotation.get("disagreements", ())),
            "disagreements_found": found,
            "disagreements_false": len(output_groups) - len(true_outputs),
            "incidents_gold": len(annotation["incidents"]),
            "incidents_output": len(record.get("incidents") or [])}


def by_place(record: dict) -> dict:
    """``record`` as grouped before incidents, to compare with: each figure's "incident"
    is its place (one place named twice is one), else its event, else none, and no toll
    is cumulative; the disagreements are grouped the same way (by place, else event)."""
    from ..extract.figures import find_disagreements

    places = {p["id"]: p for p in record.get("places") or []}
    figures = []
    for figure in record.get("figures") or []:
        place = places.get((figure.get("location") or {}).get("place"))
        key = None
        if place is not None:
            key = f"place:{place.get('geonameid') or (place.get('name') or '').lower()}"
        elif figure.get("event"):
            key = f"event:{figure['event']}"
        figures.append({**figure, "incident": key, "cumulative": False})
    return {**record, "figures": figures,
            "incidents": [{"id": k} for k in {f["incident"] for f in figures} if k],
            "disagreements": find_disagreements(record.get("figures") or [],
                                                record.get("attributions") or [],
                                                record.get("places") or [])}


def evaluate_incidents(annotation_path, wikievents_path, *, nlp=None,
                       details: bool = False, places_only: bool = False) -> dict:
    """Incident grouping scores of the pipeline on the annotated WikiEvents documents;
    ``places_only``: of the grouping by place that came before incidents (the pipeline
    without its incidents component)."""
    from ..document import Document
    from ..pipeline import extract_records

    annotation = load_annotation(annotation_path)
    try:
        rows = [json.loads(line) for line in Path(wikievents_path).read_text("utf-8").splitlines()
                if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read WikiEvents file {wikievents_path}: {exc}") from exc
    rows = [r for r in rows if r["doc_id"] in annotation]
    missing = sorted(set(annotation) - {r["doc_id"] for r in rows})
    if missing:
        raise EvaluationError(f"{wikievents_path}: no document {missing[0]} of the annotation")
    documents = [Document(text=document_text(r)[0], source=r["doc_id"]) for r in rows]
    totals: Counter = Counter()
    per_document = []
    if places_only:
        from ..pipeline import load_pipeline

        nlp = nlp or load_pipeline()
        with nlp.select_pipes(disable=["eventledger_incidents"]):
            records = [by_place(r) for r in extract_records(documents, nlp=nlp)]
    else:
        records = list(extract_records(documents, nlp=nlp))
    for row, record in zip(rows, records, strict=True):
        scores = score_document(annotation[row["doc_id"]], record)
        totals.update({k: v for k, v in scores.items() if isinstance(v, int)})
        per_document.append({"doc_id": row["doc_id"], **scores})
    result = dict(totals)
    result["documents"] = len(rows)
    if details:
        result["per_document"] = per_document
    return result


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def format_incidents(result: dict) -> str:
    lines = [
        f"Incidents: {result['documents']} documents, {result.get('incidents_gold', 0)} "
        f"annotated incidents, {result.get('incidents_output', 0)} found",
        f"figures found                 {result.get('found', 0)}/{result.get('figures', 0)}",
        f"per-figure incident accuracy  {_share(result.get('right', 0), result.get('found', 0))}"
        f"  ({result.get('right', 0)}/{result.get('found', 0)} found figures)",
        f"same-incident pairs agreeing  "
        f"{_share(result.get('pairs_right', 0), result.get('pairs', 0))}"
        f"  ({result.get('pairs_right', 0)}/{result.get('pairs', 0)})",
        f"disagreements found           {result.get('disagreements_found', 0)}/"
        f"{result.get('disagreements', 0)}",
        f"false disagreements           {result.get('disagreements_false', 0)}",
    ]
    for item in result.get("per_document", ()):
        lines.append(f"  {item['doc_id'][:32]:<32} right {item['right']}/{item['found']}/"
                     f"{item['figures']}  incidents {item['incidents_output']}/"
                     f"{item['incidents_gold']}  wrong {','.join(item['wrong']) or '-'}")
    return "\n".join(lines)
