"""Hand verdicts on the rules' triggers in the silver texts, applied to ``prepare.py``'s labels.

``checked.jsonl`` (next to this file) holds one verdict a line, written by reading
``prepare.py``'s ``sample.jsonl``: ``source`` and ``start``/``end`` (the trigger's characters
in that text), ``trigger`` and ``type`` (what the rules said), and ``verdict``:

- ``right``: an event of that type: the trigger's words are labelled with it, even where
  the rules were unsure of it (negated, hypothetical or without a party: the head tags
  triggers, the rules decide their modality);
- ``wrong``: no event of any PLOVER type (a word sense or use the rules mistook, a
  participant noun): the words are labelled O, a clean negative;
- a PLOVER type: an event of that other type.

Only sentence offsets and words are kept here, never the texts themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy

CHECKED = Path(__file__).with_name("checked.jsonl")
IGNORE = -100


def load_verdicts(path: Path = CHECKED) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def apply_verdicts(labels: numpy.ndarray, groups: numpy.ndarray, offsets: numpy.ndarray,
                   texts: list[dict], label_names: list[str],
                   verdicts: list[dict]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The labels with the verdicts applied, and a mask of the rows a verdict labelled."""
    labels = labels.copy()
    checked = numpy.zeros(len(labels), dtype=bool)
    index = {name: i for i, name in enumerate(label_names)}
    group_of = {t["source"]: n for n, t in enumerate(texts)}
    for verdict in verdicts:
        group = group_of.get(verdict["source"])
        if group is None:
            continue
        rows = numpy.flatnonzero((groups == group) & (offsets >= verdict["start"])
                                 & (offsets < verdict["end"]))
        type_ = verdict["type"] if verdict["verdict"] == "right" else verdict["verdict"]
        for k, row in enumerate(rows):
            if type_ == "wrong":
                labels[row] = index["O"]
            else:
                labels[row] = index[f"{'B' if k == 0 else 'I'}-{type_}"]
            checked[row] = True
    return labels, checked
