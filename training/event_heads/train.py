"""Train the event head on ``prepare.py``'s features and choose its thresholds.

    OMP_NUM_THREADS=1 nice python training/event_heads/train.py out/events out/events2 \
        src/eventledger/data/event_head --hidden 256 --veto-min-per-type 100 \
        --veto-per-type-only

(``out/events2``: a second batch of silver texts, ``prepare.py --petr-off --skip 40``.)
The head is one linear layer, or with ``--hidden`` an MLP of one hidden layer, over hidden
states of the attribution tagger's forward pass (``--layer``, as ``prepare.py`` recorded
them: 6, the output of the frozen lower six layers, by default; see ``compare_layers.py``),
so the event task costs a head on the shared pass, not a second pass. The hand verdicts of
``checked.jsonl`` (``checked.py``) correct the silver labels first. The texts are split in
``--folds`` by a hash of their source name; each fold's words are scored by a head trained
on the others, and on those out-of-fold scores:

- ``add``: the lowest probability at which the head's own triggers (the argmax type of a
  word) are right at least ``--add-precision`` of the time;
- ``veto``: the probability below which vetoing the rule triggers whose rightness is
  known (hand verdicts; PETR sentences' triggers, right where of a gold type) makes the
  most right decisions (a wrong trigger dropped, a right one kept), and the same per type
  for the types with ``--veto-min-per-type`` known triggers (``veto_by_type``; with
  ``--veto-per-type-only`` the other types are not vetoed: too few of their triggers are
  known to choose a veto); without any known, the highest probability below which at most
  ``--veto-loss`` of the labelled triggers would be vetoed.

The head shipped is then trained on every text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path

import numpy
import torch

sys.path.insert(0, str(Path(__file__).parent))
from checked import apply_verdicts, load_verdicts  # noqa: E402

from eventledger.extract import encoders  # noqa: E402
from eventledger.extract import event_head as eh  # noqa: E402

log = logging.getLogger("train")
IGNORE = -100


def held_out(source: str, share: float) -> bool:
    return hashlib.sha256(source.encode()).digest()[0] < share * 256


def fold_of(source: str, folds: int) -> int:
    return hashlib.sha256(source.encode()).digest()[0] % folds


def trigger_loss(n_labels: int, o_weight: float):
    """Cross-entropy over BIO labels with "O" weighed ``o_weight``: "O" is most words, and
    its weight keeps triggers from being drowned."""
    weights = torch.ones(n_labels)
    weights[0] = o_weight
    return torch.nn.CrossEntropyLoss(weight=weights, ignore_index=IGNORE)


def train_linear(x, y, n_labels: int, *, epochs: int, o_weight: float, seed: int = 0,
                 hidden: int = 0):
    torch.manual_seed(seed)
    layer = eh.build(x.shape[1], n_labels, hidden)
    loss_fn = trigger_loss(n_labels, o_weight)
    optimiser = torch.optim.AdamW(layer.parameters(), lr=2e-3 if not hidden else 1e-3,
                                  weight_decay=1e-2)
    keep = y != IGNORE
    xt, yt = torch.from_numpy(x[keep]).float(), torch.from_numpy(y[keep])
    layer.train()
    for epoch in range(epochs):
        order = torch.randperm(len(xt))
        total = 0.0
        for start in range(0, len(xt), 4096):
            batch = order[start : start + 4096]
            optimiser.zero_grad()
            loss = loss_fn(layer(xt[batch]), yt[batch])
            loss.backward()
            optimiser.step()
            total += loss.item() * len(batch)
        if epoch % 10 == 9:
            log.info("epoch %d loss %.4f", epoch + 1, total / len(xt))
    layer.eval()
    return layer


def type_probs(layer, x, labels: list[str], types: list[str]) -> numpy.ndarray:
    with torch.no_grad():
        probs = torch.softmax(layer(torch.from_numpy(x).float()), dim=-1).numpy()
    return numpy.stack([probs[:, [i for i, t in enumerate(labels) if t[2:] == ty]].sum(axis=1)
                        for ty in types], axis=1)


def choose_add(probs, gold_type, add_precision: float) -> dict:
    best, best_p = probs.argmax(axis=1), probs.max(axis=1)
    add = 0.95
    for threshold in numpy.arange(0.3, 0.96, 0.05):
        fired = best_p >= threshold
        precision = (best[fired] == gold_type[fired]).mean() if fired.any() else 0.0
        if precision >= add_precision:
            add = float(threshold)
            break
    fired = best_p >= add
    half = best_p >= 0.5
    right = int(((best == gold_type) & half).sum())
    precision = right / max(int(half.sum()), 1)
    recall = right / max(int((gold_type >= 0).sum()), 1)
    return {
        # the words whose best type reaches 0.5, against the labelled trigger words
        "p_at_half": round(precision, 3), "r_at_half": round(recall, 3),
        "f1_at_half": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "add": round(add, 2),
        "add_precision": float((best[fired] == gold_type[fired]).mean()) if fired.any() else 0,
        "add_recall": float(((best == gold_type) & fired)[gold_type >= 0].mean()),
        "trigger_words": int((gold_type >= 0).sum()),
    }


def load_data(folders: list[Path]):
    """prepare.py's batches together: labels, types, texts and the row arrays."""
    texts, arrays = [], {k: [] for k in ("features", "labels", "groups", "offsets")}
    for folder in folders:
        meta = json.loads((folder / "texts.json").read_text())
        for key in arrays:
            found = numpy.load(folder / f"{key}.npy")
            arrays[key].append(found + len(texts) if key == "groups" else found)
        texts += meta["texts"]
    return (meta["labels"], meta["types"], texts,
            *(numpy.concatenate(arrays[k]) for k in ("features", "labels", "groups", "offsets")))


def rule_verdicts(folders: list[Path], verdicts: list[dict]) -> list[dict]:
    """The rule triggers whose rightness is known: the hand verdicts (of the rules' type:
    right or not), and the PETR sentences' rule triggers (right where of a gold type)."""
    found = [{**v, "right": v["verdict"] == "right"} for v in verdicts]
    for folder in folders:
        sample = folder / "sample.jsonl"
        for line in sample.read_text("utf-8").splitlines() if sample.exists() else ():
            item = json.loads(line)
            if item["kind"] == "petr-rule" and "start" in item:
                found.append({**item, "right": item["gold"]})
    return found


def checked_triggers(known, texts, groups, offsets, probs,
                     types) -> list[tuple[float, bool, str]]:
    """(the head's probability of the rule type at the best of its words, whether the rule
    trigger was right, its type) for each rule trigger of ``known`` (``rule_verdicts``)."""
    group_of = {t["source"]: n for n, t in enumerate(texts)}
    found = []
    for v in known:
        group = group_of.get(v["source"])
        if group is None or v["type"] not in types:
            continue
        rows = numpy.flatnonzero((groups == group) & (offsets >= v["start"])
                                 & (offsets < v["end"]))
        if len(rows):
            found.append((float(probs[rows, types.index(v["type"])].max()), v["right"],
                          v["type"]))
    return found


def best_veto(found) -> tuple[int, float]:
    """(right decisions, threshold): the veto that makes the most right decisions."""
    candidates = sorted({0.0} | {round(p + 1e-6, 6) for p, _r, _t in found})
    return max((sum((p < t) != right for p, right, _t in found), -t, t)
               for t in candidates)[::2]


def choose_veto(found, min_per_type: int) -> dict:
    """The veto threshold that makes the most right decisions on the known triggers, and
    one per type for the types with at least ``min_per_type`` of them."""
    right, veto = best_veto(found)
    by_type, right_by_type = {}, 0
    for type_ in sorted({t for _p, _r, t in found}):
        mine = [f for f in found if f[2] == type_]
        if len(mine) >= min_per_type:
            mine_right, by_type[type_] = best_veto(mine)
        else:
            mine_right = sum((p < veto) != r for p, r, _t in mine)
        right_by_type += mine_right
    return {"veto": round(veto, 4), "veto_right_decisions": right,
            "veto_by_type": {t: round(v, 4) for t, v in by_type.items()},
            "veto_by_type_right_decisions": right_by_type,
            "known_triggers": len(found), "known_right": sum(r for _p, r, _t in found)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, nargs="+",
                        help="prepare.py's output folders (batches of texts)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--hidden", type=int, default=0,
                        help="hidden units of an MLP head (0: a linear head)")
    parser.add_argument("--o-weight", type=float, default=0.3)
    parser.add_argument("--add-precision", type=float, default=0.8)
    parser.add_argument("--veto-loss", type=float, default=0.05)
    parser.add_argument("--veto-min-per-type", type=int, default=10**9,
                        help="choose a type's own veto where it has this many known rule "
                        "triggers (default: one veto for all)")
    parser.add_argument("--veto-per-type-only", action="store_true",
                        help="veto only the types that have their own veto: the others' "
                        "known triggers are too few to choose one")
    parser.add_argument("--no-checked", action="store_true",
                        help="leave the hand verdicts out (to measure what they bring)")
    parser.add_argument("--layer", type=int, default=6,
                        help="the hidden states prepare.py recorded (its --layer)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    torch.set_num_threads(1)

    labels, types, texts, x, y, groups, offsets = load_data(args.data)
    verdicts = [] if args.no_checked else load_verdicts()
    y, checked = apply_verdicts(y, groups, offsets, texts, labels, verdicts)
    log.info("%d tokens, %d labelled trigger words, %d verdicts (%d words)", len(y),
             int((y > 0).sum()), len(verdicts), int(checked.sum()))

    # Out-of-fold scores of every word.
    fold = numpy.array([fold_of(texts[g]["source"], args.folds) for g in range(len(texts))])
    row_fold = fold[groups]
    probs = numpy.zeros((len(y), len(types)), dtype="float32")
    for k in range(args.folds):
        test = row_fold == k
        layer = train_linear(x[~test], y[~test], len(labels), epochs=args.epochs,
                             o_weight=args.o_weight, hidden=args.hidden)
        probs[test] = type_probs(layer, x[test], labels, types)
        log.info("fold %d/%d done", k + 1, args.folds)

    # kept beside the features, to study the thresholds without training again
    numpy.save(args.data[0] / f"out_of_fold_{args.hidden}.npy", probs)
    keep = y != IGNORE
    gold_type = numpy.array([types.index(labels[v][2:]) if v > 0 else -1 for v in y])
    report = choose_add(probs[keep], gold_type[keep], args.add_precision)
    found = checked_triggers(rule_verdicts(args.data, verdicts), texts, groups, offsets,
                             probs, types)
    if found:
        report.update(choose_veto(found, args.veto_min_per_type))
    else:
        positives = keep & (gold_type >= 0)
        own = probs[positives, gold_type[positives]]
        report["veto"] = round(float(numpy.quantile(own, args.veto_loss)), 4)
    log.info("out of fold: %s", report)

    layer = train_linear(x, y, len(labels), epochs=args.epochs, o_weight=args.o_weight,
                         hidden=args.hidden)
    eh.save(layer, args.out, types=types, encoder=encoders.MPNET,
            thresholds={"veto": None if args.veto_per_type_only else report["veto"],
                        "add": report["add"],
                        "veto_by_type": report.get("veto_by_type") or {}},
            reads=args.layer,
            meta={"trained_on": "PETRARCH unit tests (train half), silver rule labels on "
                  "PolNeAR train and TR-News texts corrected by hand verdicts; see "
                  "training/event_heads/",
                  "out_of_fold": report})
    log.info("saved to %s", args.out)


if __name__ == "__main__":
    main()
