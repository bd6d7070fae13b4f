"""Tune the attribution tagger's top layers for events and attributions together, and compare.

    OMP_NUM_THREADS=2 nice python training/event_heads/joint.py out/events out/spans \
        out/joint --petr ../shared/eval/coding/PETR.UnitTest.records.xml \
        --crosswalk ../shared/reference/CAMEO2PLOVER-2021.txt \
        --polnear ../shared/eval/polnear/train --polnear-articles 100 \
        --trnews ../shared/eval/geo/TR-News.xml --trnews-articles 40

(``out/events``: ``prepare.py``'s labels for those texts, in its order; ``out/spans``:
``../attribution_spans/prepare.py``'s ``train.spacy`` and ``heldout.spacy``.)

The event head can share the tagger's forward pass in two ways:

- (1) the shipped way: read the output of the frozen lower six layers (layer 6), which the
  tagger computes on its pass anyway, and learn a small top of its own (an MLP);
- (2) train both tasks together on the shared tuned layers: the top six layers learn from
  the attribution loss and the event loss at once, and the event head reads their output.

(2) is trained here from the shipped tagger: each step takes one batch of event windows
(texts outside the held-out share) and one of attribution windows (``train.spacy``), and
follows the sum of the two losses. Then, on the same texts:

- events: an MLP head of ``train.py``'s recipe is trained on the training texts' words from
  (0) the shipped tagger's last layer, (1) layer 6, (2) the jointly tuned last layer, and
  scored on the held-out texts' labelled words (``compare_layers.scores``); (2j) is the
  head trained jointly, as it came out;
- attributions: exact CONTENT, CUE and SOURCE span F1 on ``heldout.spacy``, for the shipped
  tagger and the jointly tuned one (saved to OUT/tagger, for ``score_heldout.py --tagger``
  or ``eventledger eval polnear --tagger``).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import numpy
import spacy
import torch
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "attribution_spans"))
from checked import apply_verdicts, load_verdicts  # noqa: E402
from compare_layers import scores  # noqa: E402
from finetune import (  # noqa: E402
    LABELS,
    evaluate,
    frozen_outputs,
    learn,
    padded,
    stacked,
    warm_then_linear,
    windows_of,
)
from prepare import add_text_arguments, training_items  # noqa: E402
from train import IGNORE, held_out, load_data, train_linear, trigger_loss  # noqa: E402

from eventledger.config import load_settings  # noqa: E402
from eventledger.extract import encoders  # noqa: E402
from eventledger.extract import event_head as eh  # noqa: E402
from eventledger.extract import span_transformer as st  # noqa: E402
from eventledger.pipeline import build_pipeline, load_model  # noqa: E402

log = logging.getLogger("joint")
SHIPPED = Path(st.__file__).parents[1] / "data" / "attribution_spans"


def event_windows(docs, token_labels, tokenizer, *, size: int, stride: int):
    """Each text's windows as (ids, piece labels), the label of a word on its first piece,
    and where each window's kept pieces go: (text, start, keep_start, keep_end)."""
    rows, where, pieces_of = [], [], []
    for n, (doc, labels) in enumerate(zip(docs, token_labels, strict=True)):
        pieces = st.pieces_of(doc, tokenizer)
        pieces_of.append(pieces)
        on_piece = numpy.full(len(pieces.ids), IGNORE, dtype="int64")
        firsts = numpy.flatnonzero(pieces.first)
        on_piece[firsts] = labels[pieces.token[firsts]]
        for start, end, keep_start, keep_end in st.windows(len(pieces.ids), size=size - 2,
                                                           stride=stride):
            kept = numpy.full(end - start, IGNORE, dtype="int64")
            kept[keep_start - start : keep_end - start] = on_piece[keep_start:keep_end]
            rows.append(([tokenizer.cls_token_id, *pieces.ids[start:end],
                          tokenizer.sep_token_id], [IGNORE, *kept.tolist(), IGNORE]))
            where.append((n, start, keep_start, keep_end))
    return rows, where, pieces_of


def length_batches(rows, chosen: list[int], size: int) -> list[list[int]]:
    """``chosen`` rows in batches of like length (little padding), in a random order."""
    order = sorted(chosen, key=lambda r: len(rows[r][0]))
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    random.shuffle(batches)
    return batches


def top(model, frozen, rows, batch, first_tuned: int):
    input_ids, mask, labels = padded([rows[r] for r in batch])
    hidden = stacked(frozen, batch, input_ids, model.encoder.config.hidden_size)
    return st.run_layers(model.encoder, hidden, mask,
                         model.encoder.encoder.layer[first_tuned:]), labels


def token_states(model, frozen, rows, where, docs, pieces_of, first_tuned: int, *,
                 lower: bool = False) -> numpy.ndarray:
    """Every word's state (of its first piece), text after text: the top layers' output,
    or with ``lower`` the frozen layers' (layer 6). Both come from this script's windows,
    so the representations compared differ only in their layers (``prepare.py``'s features
    come from the pipeline's pass, whose windows over a long text differ)."""
    width = model.encoder.config.hidden_size
    piece_rows = [numpy.zeros((len(p.ids), width), dtype="float32") for p in pieces_of]
    model.eval()
    with torch.inference_mode():
        for batch in length_batches(rows, list(range(len(rows))), 16):
            if lower:
                states = [frozen[r].float() for r in batch]
            else:
                states = top(model, frozen, rows, batch, first_tuned)[0]
            for i, r in enumerate(batch):
                n, start, keep_start, keep_end = where[r]
                piece_rows[n][keep_start:keep_end] = (
                    states[i][keep_start - start + 1 : keep_end - start + 1].numpy())
    return numpy.concatenate([st.token_rows(doc, pieces, r)
                              for doc, pieces, r in zip(docs, pieces_of, piece_rows,
                                                        strict=True)])


def train_jointly(model, event_layer, event_loss_of, ev, attribution, args,
                  first_tuned: int) -> None:
    """``args.epochs`` passes over the training texts' event windows, each step with a
    batch of attribution windows too, down the sum of the two losses."""
    ev_rows, ev_frozen, train_rows = ev
    at_rows, at_frozen = attribution
    body = [p for n, p in model.named_parameters()
            if p.requires_grad and not n.startswith("classify.")]
    head = list(model.classify.parameters())
    optimizer = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr},
         {"params": list(event_layer.parameters()), "lr": args.head_lr}], weight_decay=0.01)
    steps = args.epochs * ((len(train_rows) + args.batch - 1) // args.batch)
    schedule = warm_then_linear(optimizer, steps, share=1 / 10)
    attribution_loss_of = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    step, started = 0, time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        event_layer.train()
        totals = [0.0, 0.0]
        batches = length_batches(ev_rows, train_rows, args.batch)
        for batch in batches:
            states, labels = top(model, ev_frozen, ev_rows, batch, first_tuned)
            logits = event_layer(model.dropout(states))
            event_loss = event_loss_of(logits.reshape(-1, logits.shape[-1]),
                                       labels.reshape(-1))
            # at_rows are in a random order already
            chosen = [(step * args.batch + i) % len(at_rows) for i in range(args.batch)]
            states, labels = top(model, at_frozen, at_rows, chosen, first_tuned)
            logits = model.classify(model.dropout(states))
            attribution_loss = attribution_loss_of(logits.reshape(-1, logits.shape[-1]),
                                                   labels.reshape(-1))
            totals[0] += event_loss.item()
            totals[1] += attribution_loss.item()
            learn(attribution_loss + args.event_weight * event_loss, optimizer, schedule,
                  body + head + list(event_layer.parameters()))
            step += 1
            if step % 20 == 0:
                log.info("step %d/%d event loss %.4f attribution loss %.4f (%.0f s)", step,
                         steps, event_loss.item(), attribution_loss.item(),
                         time.time() - started)
        log.info("epoch %d: mean event loss %.4f, attribution loss %.4f", epoch,
                 totals[0] / len(batches), totals[1] / len(batches))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", type=Path, help="prepare.py's output for the texts below")
    parser.add_argument("spans", type=Path, help="train.spacy and heldout.spacy")
    parser.add_argument("out", type=Path)
    add_text_arguments(parser)
    parser.add_argument("--heldout", type=float, default=0.25,
                        help="share of the event texts (by a hash of their name) kept apart")
    parser.add_argument("--epochs", type=int, default=4, help="passes over the event windows")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--lr", type=float, default=3e-5,
                        help="the tuned layers' and the attribution layer's rate")
    parser.add_argument("--head-lr", type=float, default=1e-3, help="the event head's rate")
    parser.add_argument("--event-weight", type=float, default=1.0)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--o-weight", type=float, default=0.3)
    parser.add_argument("--head-epochs", type=int, default=40)
    parser.add_argument("--warm-head", action="store_true",
                        help="start the event head from one trained on the shipped tagger's "
                        "last layer, instead of from random weights")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    random.seed(args.seed)
    torch.manual_seed(args.seed)

    # Event texts and their word labels, as train.py sees them (hand verdicts applied).
    labels, types, texts, _x, y, groups, offsets = load_data([args.events])
    y, _checked = apply_verdicts(y, groups, offsets, texts, labels, load_verdicts())
    nlp = build_pipeline(load_model(load_settings().model))  # its tokenizer, as prepare.py's
    docs = [nlp.make_doc(text) for _s, _k, text, _g in training_items(args)]
    token_labels = [y[groups == n] for n in range(len(texts))]
    assert [len(d) for d in docs] == [len(t) for t in token_labels]
    test = numpy.array([held_out(t["source"], args.heldout) for t in texts])

    config = json.loads((SHIPPED / st.CONFIG_FILE).read_text())
    size, stride = config["window"], config["stride"]
    tokenizer = st.bundled_tokenizer(encoders.MPNET)
    ev_rows, where, pieces_of = event_windows(docs, token_labels, tokenizer, size=size,
                                              stride=stride)
    train_rows = [r for r, w in enumerate(where) if not test[w[0]]]
    vocab = spacy.blank("en").vocab
    at_docs = list(DocBin().from_disk(args.spans / "train.spacy").get_docs(vocab))
    heldout_docs = list(DocBin().from_disk(args.spans / "heldout.spacy").get_docs(vocab))
    at_rows = windows_of(at_docs, tokenizer, size=size, stride=stride)
    random.shuffle(at_rows)
    n_steps = args.epochs * ((len(train_rows) + args.batch - 1) // args.batch)
    at_rows = at_rows[: n_steps * args.batch]
    log.info("%d event texts (%d held out), %d event windows (%d to train on), "
             "%d attribution windows", len(texts), int(test.sum()), len(ev_rows),
             len(train_rows), len(at_rows))

    model = st.build_model(str(encoders.encoder_dir(encoders.MPNET)), labels=LABELS,
                           trainable_layers=config["trainable_layers"])
    st.load_tuned(model, SHIPPED)
    first_tuned = model.encoder.config.num_hidden_layers - config["trainable_layers"]
    ev_frozen = frozen_outputs(model, ev_rows, first_tuned=first_tuned)
    at_frozen = frozen_outputs(model, at_rows, first_tuned=first_tuned)

    x = {"(0) shipped last layer": token_states(model, ev_frozen, ev_rows, where, docs,
                                                pieces_of, first_tuned),
         "(1) frozen layer 6": token_states(model, ev_frozen, ev_rows, where, docs,
                                            pieces_of, first_tuned, lower=True)}
    row_test = test[groups]
    if args.warm_head:
        # the head starts as (0)'s would: trained alone on the shipped last layer's states
        event_layer = train_linear(x["(0) shipped last layer"][~row_test], y[~row_test],
                                   len(labels), epochs=args.head_epochs,
                                   o_weight=args.o_weight, hidden=args.hidden)
    else:
        event_layer = eh.build(model.encoder.config.hidden_size, len(labels), args.hidden)
    train_jointly(model, event_layer, trigger_loss(len(labels), args.o_weight),
                  (ev_rows, ev_frozen, train_rows),
                  (at_rows, at_frozen), args, first_tuned)
    x["(2) jointly tuned last layer"] = token_states(model, ev_frozen, ev_rows, where, docs,
                                                     pieces_of, first_tuned)
    st.save(model, args.out / "tagger", labels=LABELS,
            trainable_layers=config["trainable_layers"], window=size, stride=stride,
            meta={k: v for k, v in config.items()
                  if k not in ("labels", "trainable_layers", "window", "stride")}
            | {"joint": {k: getattr(args, k) for k in ("epochs", "batch", "lr", "head_lr",
                                                        "event_weight", "warm_head", "seed")}})

    report = {}
    for name, features in x.items():
        head = train_linear(features[~row_test], y[~row_test], len(labels),
                            epochs=args.head_epochs, o_weight=args.o_weight,
                            hidden=args.hidden)
        report[name] = scores(head, features[row_test], y[row_test], labels, types)
        log.info("%s: %s", name, report[name])
    event_layer.eval()
    report["(2j) the jointly trained head"] = scores(
        event_layer, x["(2) jointly tuned last layer"][row_test], y[row_test], labels, types)
    for name, path in (("shipped", str(SHIPPED)), ("joint", str(args.out / "tagger"))):
        report[f"attribution span F1, {name} tagger"] = evaluate(
            st.SpanTransformer(path, "cpu"), heldout_docs)
        log.info("%s", report[f"attribution span F1, {name} tagger"])
    (args.out / "report.json").write_text(json.dumps(report, indent=1, default=str))
    print(json.dumps(report, indent=1, default=str))


if __name__ == "__main__":
    main()
