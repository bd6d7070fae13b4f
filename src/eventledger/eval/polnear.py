"""Score attributions against PolNeAR (Newell, Margolin and Ruths, LREC 2018).

A PolNeAR directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann`` (brat
standoff: ``T`` lines are Source, Cue and Content spans, ``E`` lines tie them into one
attribution). Where an article has several annotators the alphabetically first file is
used. A span given as several fragments counts from its first start to its last end.

Metric (the project's ``eval/README.md``): a prediction and a gold attribution pair up when
their contents overlap by at least half, |P∩G| / |P∪G|; pairs are made one to one, best
overlap first. Content P/R/F1 count those pairs; cue P/R/F1 count the pairs whose cue spans
share a character too; source P/R/F1 the pairs whose source spans do, over the gold
attributions that have a source and the predictions that have one. Strict content F1
counts pairs with both boundaries equal. Every predicted attribution counts.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ..document import Document
from ..errors import EvaluationError
from ..extract.base import overlap_ratio
from ..show import shorten

log = logging.getLogger(__name__)

Interval = tuple[int, int]


@dataclass(frozen=True)
class Item:
    """One attribution reduced to the spans the metric reads."""

    content: Interval
    cue: Interval | None
    source: Interval | None


def _fragments(offsets: str) -> Interval:
    pieces = [tuple(int(n) for n in part.split()) for part in offsets.split(";")]
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


# A brat annotation line starts with its id and a tab ("T12\t", "E3\t", "#1\t").
_ANNOTATION_ID = re.compile(r"[TREAMN#*][\w-]*\t")


def read_ann(path: Path) -> list[Item]:
    """The attributions of one brat ``.ann`` file. A line that starts with no annotation
    id, after a text-bound one, goes on with that span's text: the annotated words ran
    over a line break."""
    spans: dict[str, Interval] = {}
    events: list[dict[str, str]] = []
    in_text = False
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if in_text and not _ANNOTATION_ID.match(line):
            continue
        in_text = line.startswith("T")
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                raise EvaluationError(f"{path}:{number}: malformed text-bound line")
            _label, offsets = parts[1].split(" ", 1)
            try:
                spans[parts[0]] = _fragments(offsets)
            except ValueError as exc:
                raise EvaluationError(f"{path}:{number}: bad offsets {offsets!r}") from exc
        elif line.startswith("E"):
            parts = line.split("\t")
            roles: dict[str, str] = {}
            for argument in parts[1].split() if len(parts) > 1 else ():
                role, _, ref = argument.partition(":")
                roles[re.sub(r"\d+$", "", role)] = ref
            events.append(roles)
    items = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        items.append(
            Item(
                content=spans[roles["Content"]],
                cue=spans.get(roles.get("Cue", "")),
                source=spans.get(roles.get("Source", "")),
            )
        )
    return items


def annotator_files(directory: str | Path) -> dict[str, list[Path]]:
    """``{name: [ann path, ...]}``: each article's annotator files, alphabetically, for the
    articles whose text is there."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(f"{root}: expected text/ and attributions/ directories")
    files: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        files.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    result = {}
    for name, anns in sorted(files.items()):
        if (text_dir / f"{name}.txt").is_file():
            result[name] = anns
        else:
            log.warning("no text for %s", anns[0].name)
    return result


def articles(directory: str | Path) -> list[tuple[str, Path, Path]]:
    """``[(name, text path, ann path)]``: each article with its alphabetically first
    annotator file."""
    return _with_first_annotator(directory, annotator_files(directory))


def _with_first_annotator(
    directory: str | Path, files: dict[str, list[Path]]
) -> list[tuple[str, Path, Path]]:
    text_dir = Path(directory) / "text"
    return [(name, text_dir / f"{name}.txt", anns[0]) for name, anns in files.items()]


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def pair(predicted: list[Item], gold: list[Item]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(predicted index, gold index, overlap)``, best overlap first."""
    candidates = [
        (overlap_ratio(p.content, g.content), i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
    ]
    candidates = sorted((c for c in candidates if c[0] >= 0.5), key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, score))
    return pairs


def _items_of(record: dict) -> list[Item]:
    items = []
    for attribution in record.get("attributions", []):
        content = attribution["content"]
        cue = attribution.get("cue")
        source = attribution.get("source")
        items.append(
            Item(
                content=(content["start"], content["end"]),
                cue=(cue["start"], cue["end"]) if cue else None,
                source=(source["start"], source["end"]) if source else None,
            )
        )
    return items


def _prf(hits: int, predicted: int, gold: int) -> dict:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "hits": hits,
        "predicted": predicted,
        "gold": gold,
    }


def score(pairs_by_doc: Iterable[tuple[list[Item], list[Item]]]) -> dict:
    """The PolNeAR figures over ``[(predicted, gold)]`` per document."""
    totals = dict.fromkeys(
        ("pred", "gold", "content", "cue", "source", "strict", "pred_src", "gold_src"), 0
    )
    for predicted, gold in pairs_by_doc:
        totals["pred"] += len(predicted)
        totals["gold"] += len(gold)
        totals["pred_src"] += sum(p.source is not None for p in predicted)
        totals["gold_src"] += sum(g.source is not None for g in gold)
        for i, j, _score in pair(predicted, gold):
            p, g = predicted[i], gold[j]
            totals["content"] += 1
            totals["cue"] += _overlap(p.cue, g.cue)
            totals["source"] += _overlap(p.source, g.source)
            totals["strict"] += p.content == g.content
    return {
        "content": _prf(totals["content"], totals["pred"], totals["gold"]),
        "cue": _prf(totals["cue"], totals["pred"], totals["gold"]),
        "source": _prf(totals["source"], totals["pred_src"], totals["gold_src"]),
        "strict_content": _prf(totals["strict"], totals["pred"], totals["gold"]),
    }


def agreement(
    annotations: Iterable[list[list[Item]]], predictions: Iterable[list[Item]] | None = None
) -> dict:
    """How far the annotators of the same articles agree, in the metric's own terms: each
    annotator's attributions scored, as if predicted, against each other annotator's, over
    every ordered pair and pooled (so precision, recall and F1 are equal). ``annotations``
    holds, per article, each annotator's attributions; articles with one annotator are left
    out. With ``predictions`` (one list per article), the predictions are scored against
    every annotator of the same articles, for a figure on the same footing.

    Returns ``{"documents", "annotators", "between_annotators": {...}}``, with
    ``"predicted"`` when predictions are given."""
    rows = list(annotations)
    predicted = list(predictions) if predictions is not None else [None] * len(rows)
    kept = [(anns, p) for anns, p in zip(rows, predicted, strict=True) if len(anns) > 1]
    result: dict = {
        "documents": len(kept),
        "annotators": sum(len(anns) for anns, _p in kept),
        "between_annotators": score(
            (anns[i], anns[j])
            for anns, _p in kept
            for i, j in itertools.permutations(range(len(anns)), 2)
        ),
    }
    if predictions is not None:
        result["predicted"] = score((p, gold) for anns, p in kept for gold in anns)
    return result


# The attributions component's settings by which it follows PolNeAR's annotation where
# the extractor's defaults differ: a quote that goes on after "X said." is one attribution
# ("separate" by default); '"...," X said, according to Y' is Y's report with X's words and
# verb inside it (every such case in the training split is annotated so; "cited_by" by
# default); of a chain, only the outermost report (on the held-out training articles, 7 of
# 43 nested reports are annotated; "keep" by default); and no attribution without a cue
# (PolNeAR gives every attribution its cue: all but 1 of the 19,832 in the training split;
# "keep" by default).
POLNEAR_CONVENTIONS = {
    "continued_quotes": "join",
    "carried_reports": "outer",
    "nested_reports": "outer",
    "uncued_quotes": "drop",
}


def polnear_pipeline(
    *,
    conventions: Mapping[str, str] | None = None,
    model: str | None = None,
    tagger: str | None = None,
) -> Language:
    """A fresh pipeline (not the cached one) over spaCy pipeline ``model`` (default: the
    setting), whose attributions follow ``POLNEAR_CONVENTIONS``, with ``conventions`` over
    them ({"nested_reports": "keep"}). ``tagger``: a folder of the attribution span tagger
    (default: the one eventledger ships)."""
    from ..config import load_settings
    from ..pipeline import build_pipeline, component_configs, load_model

    settings = load_settings()
    nlp = load_model(model or settings.model)
    nlp.add_pipe("eventledger_layout")
    nlp.add_pipe("eventledger_actors")
    # The tagger where the device and precision settings say, as the commands run it.
    tagger_options = component_configs(settings)["eventledger_attribution_spans"]
    nlp.add_pipe("eventledger_attribution_spans",
                 config={**tagger_options, "model_path": tagger})
    nlp.add_pipe(
        "eventledger_attributions", config={**POLNEAR_CONVENTIONS, **(conventions or {})}
    )
    return build_pipeline(nlp)


def evaluate_polnear(
    directory: str | Path,
    *,
    nlp: Language | None = None,
    details: bool = False,
    conventions: Mapping[str, str] | None = None,
    model: str | None = None,
    tagger: str | None = None,
    names: Collection[str] | None = None,
    with_agreement: bool = False,
) -> dict:
    """Run the pipeline over a PolNeAR directory and score its attributions.

    Without ``nlp``, a pipeline is built over spaCy pipeline ``model`` (default: the
    setting) with PolNeAR's conventions (``POLNEAR_CONVENTIONS``, with ``conventions``
    over them) and the attribution span tagger in folder ``tagger`` (default: the shipped
    one).
    ``names``: score only the articles of these names (a held-out share of a split).

    Returns ``{"documents": n, "content": {...}, "cue": {...}, "source": {...},
    "strict_content": {...}}`` (each with precision, recall, f1 and the counts), plus
    ``"per_document"`` when ``details`` is true: each document's figures, with its
    ``"misses"`` (gold contents no prediction pairs with) and ``"false_alarms"``, and
    ``"agreement"`` when ``with_agreement`` is true: on the articles that several annotators
    annotated, how far they agree with one another and how the pipeline scores against
    each of them (see ``agreement``).
    """
    from ..pipeline import extract_records  # the model is loaded only when scoring

    files = annotator_files(directory)
    found = _with_first_annotator(directory, files)
    if names is not None:
        found = [article for article in found if article[0] in names]
    if not found:
        raise EvaluationError(f"{directory}: no PolNeAR articles found")
    documents = []
    golds = []
    for name, text_path, ann_path in found:
        # newline="" keeps "\r\n" as two characters, as the brat offsets count them.
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        documents.append(Document(text=text, path=str(text_path), source=name))
        golds.append(read_ann(ann_path))
    used = {**POLNEAR_CONVENTIONS, **(conventions or {})} if nlp is None else None
    if nlp is None:
        nlp = polnear_pipeline(conventions=conventions, model=model, tagger=tagger)
    records = list(extract_records(documents, nlp=nlp))
    predictions = [_items_of(record) for record in records]
    result: dict = {
        "documents": len(found),
        "conventions": used,  # None: as the given pipeline is configured
        **score(zip(predictions, golds, strict=True)),
    }
    if with_agreement:
        # The first annotator's attributions are the gold already read.
        result["agreement"] = agreement(
            (
                [gold, *(read_ann(path) for path in files[name][1:])]
                for (name, _t, _a), gold in zip(found, golds, strict=True)
            ),
            predictions,
        )
    if details:
        result["per_document"] = [
            {"name": name, **score([(predicted, gold)]),
             **_misses_and_false_alarms(document.text, predicted, gold)}
            for (name, _t, _a), document, predicted, gold in zip(
                found, documents, predictions, golds, strict=True
            )
        ]
    return result


def _misses_and_false_alarms(text: str, predicted: list[Item], gold: list[Item]) -> dict:
    """The gold contents no prediction pairs with, and the predictions no gold pairs with,
    each as ``{"start", "end", "text"}``."""
    pairs = pair(predicted, gold)
    paired_p = {i for i, _j, _s in pairs}
    paired_g = {j for _i, j, _s in pairs}

    def spans(items: list[Item], paired: set[int]) -> list[dict]:
        return [
            {"start": it.content[0], "end": it.content[1],
             "text": text[it.content[0] : it.content[1]]}
            for n, it in enumerate(items)
            if n not in paired
        ]

    return {"misses": spans(gold, paired_g), "false_alarms": spans(predicted, paired_p)}


# The figures' keys and their labels in the tables, in order.
_ROWS = (
    ("content", "content"),
    ("cue", "cue"),
    ("source", "source"),
    ("strict_content", "strict content"),
)


def format_polnear(result: dict) -> str:
    """A small table of the figures."""
    conventions = result.get("conventions")
    settings = (
        ", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in conventions.items())
        if conventions
        else "as configured"
    )
    lines = [f"PolNeAR attributions, {result['documents']} documents ({settings})", ""]
    lines.append(f"{'':16}{'P':>8}{'R':>8}{'F1':>8}{'hits':>8}{'pred':>8}{'gold':>8}")
    for key, label in _ROWS:
        row = result[key]
        lines.append(
            f"{label:16}{row['precision']:8.3f}{row['recall']:8.3f}{row['f1']:8.3f}"
            f"{row['hits']:8d}{row['predicted']:8d}{row['gold']:8d}"
        )
    shared = result.get("agreement")
    if shared is not None:
        lines += ["", _agreement_lines(shared)]
    for document in result.get("per_document", ()):
        content = document["content"]
        lines += ["", f"{document['name']}: content P {content['precision']:.3f} "
                  f"R {content['recall']:.3f} F1 {content['f1']:.3f}"]
        for key, label in (("misses", "miss"), ("false_alarms", "false alarm")):
            for span in document[key]:
                lines.append(f"  {label} {span['start']}-{span['end']}: {shorten(span['text'])}")
    return "\n".join(lines)


def _agreement_lines(shared: dict) -> str:
    if not shared["documents"]:
        return "Agreement: no article has several annotators."
    lines = [
        f"Agreement on the {shared['documents']} articles with several annotators "
        f"({shared['annotators']} annotations; each scored against each other one):",
        f"{'':16}{'annotators F1':>14}" + (f"{'pipeline P':>12}{'R':>8}{'F1':>8}"
                                            if "predicted" in shared else ""),
    ]
    for key, label in _ROWS:
        line = f"{label:16}{shared['between_annotators'][key]['f1']:14.3f}"
        if "predicted" in shared:
            row = shared["predicted"][key]
            line += f"{row['precision']:12.3f}{row['recall']:8.3f}{row['f1']:8.3f}"
        lines.append(line)
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a convenience for development
    import sys

    mode = sys.argv[2] if len(sys.argv) > 2 else "join"
    print(format_polnear(evaluate_polnear(sys.argv[1], conventions={"continued_quotes": mode})))
