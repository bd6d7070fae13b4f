"""Sentence coding scores on PETRARCH-style XML (CAMEO codes), through a CAMEO to PLOVER
crosswalk.

- The file holds ``<Sentence id=...>`` elements, each with ``<EventCoding eventcode=...>``
  elements (zero or more) and one ``<Text>``. Each sentence is processed as a document of
  its own.
- Each gold CAMEO code is mapped to PLOVER by the crosswalk's longest code prefix (lines
  ``CODE: TYPE, mode, context # comment``); a code without one is unmapped. Sentences
  without any mapped gold type are counted but not scored.
- Predicted types: the types of the events that are neither negated nor hypothetical.
- hit rate: the share of scored sentences where a predicted type is a gold type; exact
  rate: where the predicted types are the gold types; per type, precision and recall over
  sentences (a type predicted in a sentence whose gold has it is right).
- ``half``: ``train`` or ``dev`` keeps the sentences whose id hashes to that half (stable
  across runs and machines), so that one half can be learned from and the other measured
  on; ``all`` keeps every sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError
from . import read_xml_root
from .wikievents import prf

HALVES = ("all", "train", "dev")
_CODE_LINE = re.compile(r"^\s*(\d+)\s*:\s*([A-Z]+)\b")


@dataclass
class CodedSentence:
    id: str
    text: str
    codes: list[str]


def load_crosswalk(path: str | Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from a crosswalk file (comments start with ``#``)."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read the CAMEO to PLOVER crosswalk {path}: {exc}") from exc
    table = {}
    for line in lines:
        match = _CODE_LINE.match(line)
        if match:
            table[match.group(1)] = match.group(2)
    if not table:
        raise EvaluationError(f"{path}: no 'CODE: TYPE' line; not a CAMEO to PLOVER crosswalk")
    return table


def plover_type(code: str, crosswalk: dict[str, str]) -> str | None:
    """The PLOVER type of the longest code in ``crosswalk`` that ``code`` starts with."""
    for length in range(len(code), 1, -1):
        found = crosswalk.get(code[:length])
        if found is not None:
            return found
    return None


def half_of(sentence_id: str) -> str:
    """``train`` or ``dev``: a hash of the id decides, so the split never changes."""
    return "train" if hashlib.sha256(sentence_id.encode()).digest()[0] % 2 == 0 else "dev"


def load_sentences(path: str | Path, half: str = "all") -> list[CodedSentence]:
    """The sentences of a PETRARCH-style XML file, those of ``half`` only."""
    if half not in HALVES:
        raise EvaluationError(f"half {half!r}: use one of {', '.join(HALVES)}")
    root = read_xml_root(path, "the coded sentences ")
    sentences = []
    for element in root.iter("Sentence"):
        sentence_id = element.get("id") or ""
        text_element = element.find("Text")
        text = " ".join((text_element.text or "").split()) if text_element is not None else ""
        if not text or (half != "all" and half_of(sentence_id) != half):
            continue
        codes = [c.get("eventcode", "") for c in element.iter("EventCoding")]
        sentences.append(CodedSentence(sentence_id, text, [c for c in codes if c]))
    if not sentences and half == "all":
        raise EvaluationError(f"{path}: no <Sentence> with a <Text>")
    return sentences


def predicted_types(extraction: dict) -> set[str]:
    """The types of the events that are neither negated nor hypothetical."""
    return {e["type"] for e in extraction.get("events", [])
            if not e.get("negated") and not e.get("hypothetical")}


def score(golds: list[set[str]], predictions: list[set[str]]) -> dict:
    """Hit and exact rates over the sentences with a gold type, and per-type scores."""
    scored = [(g, p) for g, p in zip(golds, predictions, strict=True) if g]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right, predicted, gold
    for gold, predicted in scored:
        for type_ in predicted:
            counts[type_][1] += 1
            counts[type_][0] += type_ in gold
        for type_ in gold:
            counts[type_][2] += 1
    n = len(scored)
    return {
        "sentences": len(golds),
        "scored": n,
        "hit": sum(bool(g & p) for g, p in scored) / n if n else 0.0,
        "exact": sum(g == p for g, p in scored) / n if n else 0.0,
        "by_type": {t: prf(*c) for t, c in sorted(counts.items())},
    }


def evaluate_coding(path, crosswalk_path, *, half: str = "all", nlp=None,
                    details: bool = False) -> dict:
    """The pipeline's sentence coding scored against a PETRARCH-style XML file."""
    from ..document import Document
    from ..pipeline import extract_records

    crosswalk = load_crosswalk(crosswalk_path)
    sentences = load_sentences(path, half)
    documents = [Document(text=s.text, source=f"{path}#{s.id}") for s in sentences]
    golds = [{t for c in s.codes if (t := plover_type(c, crosswalk))} for s in sentences]
    predictions = [predicted_types(r) for r in extract_records(documents, nlp=nlp)]
    result = score(golds, predictions)
    result["half"] = half
    if details:
        result["per_sentence"] = [
            {"id": s.id, "gold": sorted(g), "predicted": sorted(p), "text": s.text}
            for s, g, p in zip(sentences, golds, predictions, strict=True) if g
        ]
    return result


def format_coding(result: dict) -> str:
    lines = [
        f"Sentence coding ({result['half']}): {result['sentences']} sentences, "
        f"{result['scored']} with a mapped gold type",
        f"hit rate   {result['hit']:.3f}",
        f"exact rate {result['exact']:.3f}",
        f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6}   right/predicted/gold",
    ]
    for type_, s in result["by_type"].items():
        lines.append(f"{type_:<12} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   "
                     f"{s['right']}/{s['predicted']}/{s['gold']}")
    for item in result.get("per_sentence", ()):
        mark = "+" if set(item["gold"]) & set(item["predicted"]) else "-"
        lines.append(f"{mark} {item['id']}: gold {','.join(item['gold'])} predicted "
                     f"{','.join(item['predicted']) or '-'}: {item['text'][:90]}")
    return "\n".join(lines)
