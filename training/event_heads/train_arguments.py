"""Train the argument head on ``prepare_arguments.py``'s pairs and choose its thresholds.

    OMP_NUM_THREADS=1 nice python training/event_heads/train_arguments.py \
        src/eventledger/data/argument_head out/arguments out/arguments_checked

(``out/arguments_checked``: ``prepare_arguments.py --petr ... --crosswalk ... --checked
training/event_heads/checked_arguments.jsonl --checked-polnear ../shared/eval/polnear/train``.)

The head (``eventledger.extract.argument_head``) projects each token's hidden state and
scores (trigger, candidate) pairs with a small MLP; each role's output is trained with a
binary cross-entropy on the pairs labelled for it (event_location gold for the location,
silver rule labels for the actor and the recipient). The texts are split in ``--folds`` by
a hash of their source; each fold's pairs are scored by a head trained on the others, and
on those out-of-fold scores the thresholds of the location are chosen on the
event_location records, the way the events component combines the head with its rules:

- ``location_keep`` and ``location_add``: where the head gives the rules' place (in the
  event's sentence) less than ``location_keep`` and another place of the sentence at least
  ``location_add``, that place takes its place; where the rules give no place in the
  sentence, the head's best place is taken where it reaches ``location_add``. The rules'
  place is never dropped for none: out of fold that gained 11 records of 2,208 and lost
  places the rules had right, as the seed article's "in the Gaza Strip".

The pair (keep, add) that makes the most records right out of fold is chosen, and the
rules' own count is reported beside it. For the actor and the recipient, whose other labels
are the rules' own, the veto is chosen on the rule arguments judged (by hand, and on
PETRARCH's codings): ``actor_veto`` and ``recipient_veto``, the probability below which
dropping the rules' argument makes the most right decisions (a wrong one dropped, a right
one kept), 0 (no veto) where none makes at least ``--veto-min-gain`` (a share) more right
decisions than the rules: with about a hundred judged arguments per role a smaller gain is
noise. The head shipped is then trained on every pair.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from pathlib import Path

import numpy
import torch

from eventledger.extract import argument_head as ah
from eventledger.extract.events.argument_features import ROLES

log = logging.getLogger("train_arguments")
GRID = [round(x, 2) for x in numpy.arange(0.05, 0.96, 0.05)]


def fold_of(source: str, folds: int) -> int:
    return hashlib.sha256(source.encode()).digest()[0] % folds


def train(states, pairs, index, *, epochs: int, projection: int, hidden: int,
          judged_weight: float = 1.0, seed: int = 0):
    """The head's modules trained on the pairs of ``index`` (a judged rule argument weighing
    ``judged_weight`` times a silver one)."""
    torch.manual_seed(seed)
    feats = torch.as_tensor(pairs["features"][index])
    labels = torch.as_tensor(pairs["labels"][index], dtype=torch.float32)
    trig = torch.as_tensor(states[pairs["trigger"][index]], dtype=torch.float32)
    cand = torch.as_tensor(states[pairs["candidate"][index]], dtype=torch.float32)
    modules = ah.build(states.shape[1], projection, feats.shape[1], hidden, len(ROLES))
    optimiser = torch.optim.AdamW(modules.parameters(), lr=1e-3, weight_decay=0.01)
    known = labels >= 0
    # each role weighs the same, however many pairs it has
    weights = known.float() * torch.where(
        torch.as_tensor(pairs["kind"][index] >= 2), judged_weight, 1.0)[:, None]
    weights = weights / weights.sum(0).clamp(min=1e-6)
    n = len(index)
    for _epoch in range(epochs):
        modules.train()
        for batch in torch.randperm(n).split(256):
            logits = ah.pair_logits(modules, modules["projection"](trig[batch]),
                                    modules["projection"](cand[batch]), feats[batch])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, labels[batch].clamp(min=0), weight=weights[batch], reduction="sum")
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    modules.eval()
    return modules


def probabilities(modules, states, pairs, index) -> numpy.ndarray:
    with torch.inference_mode():
        trig = modules["projection"](torch.as_tensor(states[pairs["trigger"][index]],
                                                     dtype=torch.float32))
        cand = modules["projection"](torch.as_tensor(states[pairs["candidate"][index]],
                                                     dtype=torch.float32))
        logits = ah.pair_logits(modules, trig, cand, torch.as_tensor(pairs["features"][index]))
        return torch.sigmoid(logits).numpy()


def location_choices(pairs, probs, records) -> list[dict]:
    """Per event_location record: its candidates' location probabilities and gold, the
    rules' candidate (or None) and whether the rules' answer was right."""
    loc = ROLES.index("location")
    by_event: dict[int, list[int]] = {}
    for k, event in enumerate(pairs["event"]):
        if pairs["labels"][k, loc] >= 0:
            by_event.setdefault(int(event), []).append(k)
    found = []
    for record in records:
        ks = by_event.get(record["event"], [])
        rule = next((j for j, k in enumerate(ks) if pairs["rule"][k]), None)
        found.append({"p": [float(probs[k, loc]) for k in ks],
                      "gold": [bool(pairs["labels"][k, loc] == 1) for k in ks],
                      "rule": rule, "rules_right": record["rules_right"],
                      "gold_none": not record["gold"]})
    return found


def right_with(choice: dict, keep: float, add: float) -> bool:
    """Whether the combined answer is right for one record (see the module's docstring)."""
    p, gold = choice["p"], choice["gold"]
    rule = choice["rule"]
    best = max(range(len(p)), key=lambda j: p[j], default=None)
    if rule is not None:
        others = [j for j in range(len(p)) if j != rule]
        other = max(others, key=lambda j: p[j], default=None)
        if p[rule] < keep and other is not None and p[other] >= add:
            return gold[other]
        return gold[rule]
    if best is not None and p[best] >= add:
        return gold[best]
    return choice["rules_right"]


def choose_location(choices: list[dict]) -> tuple[float, float, int]:
    best = (0.0, 1.01, -1)
    for keep in [0.0, *GRID]:
        for add in [*GRID, 1.01]:
            right = sum(right_with(c, keep, add) for c in choices)
            if right > best[2]:
                best = (keep, add, right)
    return best


def load(folders: list[Path]):
    """The states, pairs and meta of ``prepare_arguments.py``'s folders, as one."""
    states, pairs, texts, records = [], {}, [], []
    n_states = n_texts = n_events = 0
    for folder in folders:
        part = numpy.load(folder / "states.npy").astype("float32")
        got = dict(numpy.load(folder / "pairs.npz"))
        meta = json.loads((folder / "meta.json").read_text())
        if "kind" not in got:  # written before pairs had kinds: event_location or silver
            got["kind"] = numpy.array([0 if meta["texts"][t].startswith("event_location:")
                                       else 1 for t in got["text"]], dtype="int32")
        got["trigger"] = got["trigger"] + n_states
        got["candidate"] = got["candidate"] + n_states
        got["text"] = got["text"] + n_texts
        got["event"] = got["event"] + n_events
        for key, value in got.items():
            pairs.setdefault(key, []).append(value)
        records += [{**r, "event": r["event"] + n_events, "text": r["text"] + n_texts}
                    for r in meta["event_location"]]
        states.append(part)
        texts += meta["texts"]
        n_states += len(part)
        n_texts += len(meta["texts"])
        n_events = max([n_events, *(got["event"] + 1), *(r["event"] + 1 for r in records)])
    meta = {**meta, "texts": texts, "event_location": records}
    return numpy.concatenate(states), {k: numpy.concatenate(v) for k, v in pairs.items()}, meta


def choose_veto(labels: numpy.ndarray, probs: numpy.ndarray,
                min_gain: float) -> tuple[float, int, int]:
    """(veto, right decisions with it, right without): the probability below which the
    judged rule arguments (``labels`` 1 right, 0 wrong) are dropped; 0 where no veto makes
    ``min_gain`` more right decisions than none."""
    without = int((labels == 1).sum())
    best = (0.0, int(without * (1 + min_gain)) - 1 if min_gain else without)
    for veto in GRID:
        right = int(((labels == 1) & (probs >= veto)).sum() + ((labels == 0) & (probs < veto)).sum())
        if right > best[1]:
            best = (veto, right)
    return best[0], best[1] if best[0] else without, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--projection", type=int, default=64)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--veto-min-gain", type=float, default=0.05)
    parser.add_argument("--kinds", type=int, nargs="+",
                        help="keep only the pairs of these kinds (0 event_location, 1 silver, "
                        "2 PETR, 3 checked): to compare the layers a head reads on the "
                        "location alone (prepare_arguments.py --layer)")
    parser.add_argument("--judged-weight", type=float, default=1.0,
                        help="how much more a judged rule argument weighs than a silver one")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    states, pairs, meta = load(args.data)
    if args.kinds:
        kept = numpy.isin(pairs["kind"], args.kinds)
        pairs = {k: v[kept] for k, v in pairs.items()}
    fold = numpy.array([fold_of(meta["texts"][t], args.folds) for t in pairs["text"]])
    probs = numpy.zeros((len(fold), len(ROLES)), dtype="float32")
    for f in range(args.folds):
        modules = train(states, pairs, numpy.flatnonzero(fold != f), epochs=args.epochs,
                        projection=args.projection, hidden=args.hidden,
                        judged_weight=args.judged_weight)
        held = numpy.flatnonzero(fold == f)
        probs[held] = probabilities(modules, states, pairs, held)
        log.info("fold %d: %d held-out pairs", f, len(held))

    report = {}
    for r, role in enumerate(ROLES):
        known = pairs["labels"][:, r] >= 0
        gold = pairs["labels"][known, r] == 1
        said = probs[known, r] >= 0.5
        tp = int((gold & said).sum())
        report[role] = {"pairs": int(known.sum()), "positives": int(gold.sum()),
                        "p_at_half": round(tp / max(said.sum(), 1), 3),
                        "r_at_half": round(tp / max(gold.sum(), 1), 3)}
    choices = location_choices(pairs, probs, meta["event_location"])
    keep, add, right = choose_location(choices)
    rules = sum(c["rules_right"] for c in choices)
    report["location_records"] = {"records": len(choices), "rules_right": rules,
                                  "combined_right": right, "keep": keep, "add": add}
    thresholds = {"location_keep": keep, "location_add": add}
    for role in ("actor", "recipient"):
        r = ROLES.index(role)
        judged = (pairs["kind"] >= 2) & (pairs["labels"][:, r] >= 0)
        veto, right, without = choose_veto(pairs["labels"][judged, r], probs[judged, r],
                                           args.veto_min_gain)
        thresholds[f"{role}_veto"] = veto
        report[f"{role}_judged"] = {"judged": int(judged.sum()),
                                    "wrong": int((pairs["labels"][judged, r] == 0).sum()),
                                    "veto": veto, "right_with_veto": right,
                                    "right_without": without}
    log.info("out of fold: %s", json.dumps(report))

    modules = train(states, pairs, numpy.arange(len(fold)), epochs=args.epochs,
                    projection=args.projection, hidden=args.hidden,
                    judged_weight=args.judged_weight)
    ah.save(modules, args.out, roles=list(ROLES), types=meta["types"],
            features=meta["features"], encoder="all-mpnet-base-v2", layer=meta["layer"],
            thresholds=thresholds,
            meta={"trained_on": "event_location sentences (train half) for the location; "
                  "silver rule labels on PolNeAR train and TR-News texts, and rule "
                  "arguments judged by hand and on PETRARCH's codings, for the actor and "
                  "the recipient; see training/event_heads/",
                  "out_of_fold": report})


if __name__ == "__main__":
    main()
