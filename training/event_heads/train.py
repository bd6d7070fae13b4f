"""Train the event head on ``prepare.py``'s features and choose its thresholds.

    OMP_NUM_THREADS=1 nice python training/event_heads/train.py out/events \
        src/eventledger/data/event_head

The head is one linear layer over hidden states of the attribution tagger's forward pass
(``--layer``, as ``prepare.py`` recorded them: 6, the output of the frozen lower six layers,
by default; see ``compare_layers.py``), so the event task costs a head on the shared pass,
not a second pass. A fixed share of the texts (by source name) is
held out to choose the thresholds and to report the head's token scores:

- ``add``: the lowest probability at which the head's own triggers (the argmax type of a
  word) are right at least ``--add-precision`` of the time on the held-out words;
- ``veto``: the highest probability below which at most ``--veto-loss`` of the held-out
  labelled triggers would be vetoed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from pathlib import Path

import numpy
import torch

from eventledger.extract import encoders
from eventledger.extract import event_head as eh

log = logging.getLogger("train")
IGNORE = -100


def held_out(source: str, share: float) -> bool:
    return hashlib.sha256(source.encode()).digest()[0] < share * 256


def train_linear(x, y, n_labels: int, *, epochs: int, o_weight: float, seed: int = 0):
    torch.manual_seed(seed)
    layer = torch.nn.Linear(x.shape[1], n_labels)
    weights = torch.ones(n_labels)
    weights[0] = o_weight  # "O" is most words; its weight keeps triggers from being drowned
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=IGNORE)
    optimiser = torch.optim.AdamW(layer.parameters(), lr=2e-3, weight_decay=1e-2)
    xt, yt = torch.from_numpy(x).float(), torch.from_numpy(y)
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
    return layer


def type_probs(layer, x, labels: list[str], types: list[str]) -> numpy.ndarray:
    with torch.no_grad():
        probs = torch.softmax(layer(torch.from_numpy(x).float()), dim=-1).numpy()
    return numpy.stack([probs[:, [i for i, t in enumerate(labels) if t[2:] == ty]].sum(axis=1)
                        for ty in types], axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--heldout", type=float, default=0.15)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--o-weight", type=float, default=0.3)
    parser.add_argument("--add-precision", type=float, default=0.8)
    parser.add_argument("--veto-loss", type=float, default=0.05)
    parser.add_argument("--layer", type=int, default=6,
                        help="the hidden states prepare.py recorded (its --layer)")
    parser.add_argument("--final", action="store_true",
                        help="after choosing thresholds, train again on every text")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    meta = json.loads((args.data / "texts.json").read_text())
    labels, types = meta["labels"], meta["types"]
    x = numpy.load(args.data / "features.npy")
    y = numpy.load(args.data / "labels.npy")
    groups = numpy.load(args.data / "groups.npy")
    heldout_texts = {n for n, t in enumerate(meta["texts"]) if held_out(t["source"],
                                                                        args.heldout)}
    test = numpy.isin(groups, list(heldout_texts))
    log.info("%d tokens (%d held out), %d labelled trigger words", len(y), test.sum(),
             int(((y > 0)).sum()))
    layer = train_linear(x[~test], y[~test], len(labels), epochs=args.epochs,
                         o_weight=args.o_weight)

    # Thresholds on the held-out words.
    xt, yt = x[test], y[test]
    keep = yt != IGNORE
    xt, yt = xt[keep], yt[keep]
    probs = type_probs(layer, xt, labels, types)
    gold_type = numpy.array([types.index(labels[v][2:]) if v > 0 else -1 for v in yt])
    best, best_p = probs.argmax(axis=1), probs.max(axis=1)
    add = 0.95
    for threshold in numpy.arange(0.3, 0.96, 0.05):
        fired = best_p >= threshold
        precision = (best[fired] == gold_type[fired]).mean() if fired.any() else 0.0
        if precision >= args.add_precision:
            add = float(threshold)
            break
    fired = best_p >= add
    report = {
        "add": add,
        "add_precision": float((best[fired] == gold_type[fired]).mean()) if fired.any() else 0,
        "add_recall": float(((best == gold_type) & fired)[gold_type >= 0].mean()),
        "heldout_trigger_words": int((gold_type >= 0).sum()),
    }
    positives = gold_type >= 0
    own = probs[positives, gold_type[positives]]
    veto = float(numpy.quantile(own, args.veto_loss)) if len(own) else 0.0
    report["veto"] = round(veto, 4)
    log.info("held-out: %s", report)

    if args.final:
        layer = train_linear(x, y, len(labels), epochs=args.epochs, o_weight=args.o_weight)
    eh.save(layer, args.out, types=types, encoder=encoders.MPNET,
            thresholds={"veto": report["veto"], "add": round(add, 2)}, reads=args.layer,
            meta={"trained_on": "PETRARCH unit tests (train half), silver rule labels on "
                  "PolNeAR train and TR-News texts; see training/event_heads/",
                  "heldout": report})
    log.info("saved to %s", args.out)


if __name__ == "__main__":
    main()
