"""Fine-tune the bundled transformer to tag attribution spans, from ``prepare.py``'s files.

    python training/attribution_spans/finetune.py out/spans out/spans/tagger

The top layers of a bundled encoder (``--encoder``, ``eventledger.extract.encoders``; the
word embeddings and the layers below stay as shipped) and a linear layer learn a BIO tag of
CONTENT, CUE or SOURCE for every word piece (``eventledger.extract.span_transformer``).
After each epoch the model is saved to OUT and scored on the held-out articles (exact token
spans, as spaCy scores entities); the epoch with the best CONTENT F1 is also saved to
OUT.best: the tuned layers in half precision and their settings; with no held-out articles
(``prepare.py --heldout 0``) OUT.best is the last epoch.

Where layers stay frozen, what they give for each window is worked out once, before the
first epoch, and kept (in half precision) for every epoch: a step then runs only the tuned
layers. On two cores, for all-mpnet-base-v2 with the top 6 of 12 layers tuned over PolNeAR's
747 training articles (3,931 windows), that takes about 11 minutes and an epoch about 32;
all-MiniLM-L6-v2 with all six layers tuned takes about 12 minutes an epoch.
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from pathlib import Path

import numpy
import spacy
import torch
from spacy.tokens import DocBin

from eventledger.extract import encoders
from eventledger.extract import span_transformer as st

log = logging.getLogger("finetune")
LABELS = ["CONTENT", "CUE", "SOURCE"]
IGNORE = -100


def piece_labels(doc, pieces: st.Pieces) -> numpy.ndarray:
    index = {tag: i for i, tag in enumerate(st.bio_labels(LABELS))}
    labels = numpy.full(len(pieces.ids), IGNORE, dtype="int64")
    for piece, owner in enumerate(pieces.token):
        if owner < 0:
            continue
        token = doc[int(owner)]
        if not token.ent_type_:
            labels[piece] = index["O"]
        else:
            opens = token.ent_iob_ == "B" and pieces.first[piece]
            labels[piece] = index[f"{'B' if opens else 'I'}-{token.ent_type_}"]
    return labels


def windows_of(docs, tokenizer, *, size: int, stride: int) -> list[tuple[list[int], list[int]]]:
    rows = []
    for doc in docs:
        pieces = st.pieces_of(doc, tokenizer)
        labels = piece_labels(doc, pieces)
        for start, end, keep_start, keep_end in st.windows(
            len(pieces.ids), size=size - 2, stride=stride
        ):
            row_labels = numpy.full(end - start, IGNORE, dtype="int64")
            row_labels[keep_start - start : keep_end - start] = labels[keep_start:keep_end]
            rows.append((
                [tokenizer.cls_token_id, *pieces.ids[start:end], tokenizer.sep_token_id],
                [IGNORE, *row_labels.tolist(), IGNORE],
            ))
    return rows


def padded(rows):
    """Windows as padded ids, mask and labels (padding is ignored by the loss)."""
    input_ids, mask = st.padded([ids for ids, _ in rows])
    labels = torch.full(input_ids.shape, IGNORE, dtype=torch.long)
    for i, (_ids, tags) in enumerate(rows):
        labels[i, : len(tags)] = torch.tensor(tags)
    return input_ids, mask, labels


def frozen_outputs(model, rows, *, first_tuned: int, step: int = 16) -> list:
    """What the embeddings and the frozen layers below ``first_tuned`` give for each
    window, in half precision: they never change while the layers above learn."""
    encoder = model.encoder
    out = [None] * len(rows)
    # Windows of like length share a step, so little of a step is padding.
    order = sorted(range(len(rows)), key=lambda r: len(rows[r][0]))
    started = time.time()
    model.eval()
    with torch.inference_mode():
        for s in range(0, len(order), step):
            chosen = order[s : s + step]
            input_ids, mask = st.padded([rows[r][0] for r in chosen])
            hidden = encoder.embeddings(input_ids=input_ids)
            below = st.run_layers(encoder, hidden, mask, encoder.encoder.layer[:first_tuned])
            for i, r in enumerate(chosen):
                out[r] = below[i, : len(rows[r][0])].to(torch.float16).clone()
            if s and s % (20 * step) == 0:
                log.info("frozen layers: %d/%d windows (%.0f s)", s, len(order),
                         time.time() - started)
    return out


def stacked(stored: list, batch: list[int], like, width: int):
    """The stored rows of ``batch``'s windows (states or log probabilities, each trimmed to
    its window's length) as one zero-padded float tensor: ``like``'s shape (the batch's
    piece ids) by ``width``."""
    out = torch.zeros((*like.shape, width))
    for i, r in enumerate(batch):
        out[i, : len(stored[r])] = stored[r].float()
    return out


def optimizer_of(model, args, n_rows: int):
    """The tuned layers' and the tagging layer's parameters, AdamW over them at their own
    rates (``args.lr``, ``args.head_lr``), and a schedule that warms up over the first
    twentieth of the steps and then falls linearly to zero."""
    head = [p for n, p in model.named_parameters() if n.startswith("classify.")]
    body = [p for n, p in model.named_parameters()
            if p.requires_grad and not n.startswith("classify.")]
    optimizer = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}],
        weight_decay=0.01,
    )
    steps = args.epochs * ((n_rows + args.batch - 1) // args.batch)
    return body, head, optimizer, warm_then_linear(optimizer, steps, share=1 / 20)


def warm_then_linear(optimizer, steps: int, *, share: float):
    """A schedule that warms up over the first ``share`` of ``steps`` and then falls
    linearly to zero."""
    warmup = max(1, int(steps * share))
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )


def shuffled_batches(n_rows: int, size: int) -> list[list[int]]:
    """The rows' positions in a new random order, cut into batches of ``size``."""
    order = list(range(n_rows))
    random.shuffle(order)
    return [order[i : i + size] for i in range(0, n_rows, size)]


def learn(loss, optimizer, schedule, parameters) -> float:
    """One step down ``loss``'s gradient, clipped; the loss as a number."""
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(parameters, 1.0)
    optimizer.step()
    schedule.step()
    return loss.item()


def end_of_epoch(model, out: Path, settings: dict, meta: dict, heldout, best: float, *,
                 precision: str = "fp32") -> float:
    """Save ``model`` to ``out``, score it on the held-out articles, and save it to
    OUT.best too when its CONTENT F1 beats ``best``; the best CONTENT F1 so far. Trained on
    every article (``prepare.py --heldout 0``) there is nothing to choose by, and each
    epoch is the best."""
    model.eval()
    st.save(model, out, **settings, meta=meta)
    score = best
    if heldout:
        scores = evaluate(st.SpanTransformer(str(out), "cpu", precision), heldout)
        log.info("epoch %d held-out F1 content %.3f cue %.3f source %.3f", meta["epoch"],
                 scores["CONTENT"], scores["CUE"], scores["SOURCE"])
        score = scores["CONTENT"]
    if not heldout or score > best:
        final = out.with_name(out.name + ".best")
        st.save(model, final, **settings, meta=meta)
        log.info("best so far, saved to %s", final)
    return max(best, score)


def evaluate(tagger: st.SpanTransformer, docs) -> dict[str, float]:
    counts = {label: [0, 0, 0] for label in LABELS}  # true positive, found, gold
    found_of = [s for i in range(0, len(docs), 16) for s in tagger.spans_of(docs[i : i + 16])]
    for doc, found in zip(docs, map(set, found_of), strict=True):
        gold = {(e.start, e.end, e.label_) for e in doc.ents}
        for label in LABELS:
            f = {s for s in found if s[2] == label}
            g = {s for s in gold if s[2] == label}
            counts[label][0] += len(f & g)
            counts[label][1] += len(f)
            counts[label][2] += len(g)
    scores = {}
    for label, (tp, nf, ng) in counts.items():
        scores[label] = 2 * tp / (nf + ng) if nf + ng else 0.0
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with train.spacy and heldout.spacy")
    parser.add_argument("out", type=Path, help="where the best model is saved")
    parser.add_argument("--encoder", choices=encoders.ENCODERS, default=encoders.MPNET)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--trainable-layers", type=int, default=6)
    parser.add_argument("--window", type=int, default=256, help="word pieces per window")
    parser.add_argument("--stride", type=int, default=192)
    parser.add_argument("--batch", type=int, default=8, help="windows per step")
    parser.add_argument("--lr", type=float, default=1e-4, help="the encoder layers' rate")
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--limit", type=int, default=0, help="train on this many articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--init", type=Path, default=None,
                        help="start from the tuned layers of a tagger this script saved")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    random.seed(args.seed)
    torch.manual_seed(args.seed)

    vocab = spacy.blank("en").vocab
    train_docs = list(DocBin().from_disk(args.data / "train.spacy").get_docs(vocab))
    heldout = list(DocBin().from_disk(args.data / "heldout.spacy").get_docs(vocab))
    if args.limit:
        train_docs = train_docs[: args.limit]
    encoder_dir = str(encoders.encoder_dir(args.encoder))
    tokenizer = st.bundled_tokenizer(args.encoder)
    rows = windows_of(train_docs, tokenizer, size=args.window, stride=args.stride)
    log.info("%d articles, %d windows", len(train_docs), len(rows))

    model = st.build_model(encoder_dir, labels=LABELS, trainable_layers=args.trainable_layers)
    if args.init:
        st.load_tuned(model, args.init)
        log.info("starting from %s", args.init)
    body, head, optimizer, schedule = optimizer_of(model, args, len(rows))
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    n_layers = model.encoder.config.num_hidden_layers
    first_tuned = n_layers - args.trainable_layers
    frozen = frozen_outputs(model, rows, first_tuned=first_tuned) if first_tuned > 0 else None
    meta = {"encoder": args.encoder} | ({"init": str(args.init)} if args.init else {})
    best = -1.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        batches = shuffled_batches(len(rows), args.batch)
        total, started = 0.0, time.time()
        for step, batch in enumerate(batches, 1):
            input_ids, mask, labels = padded([rows[r] for r in batch])
            if frozen is None:
                logits = model(input_ids, mask)
            else:
                hidden = stacked(frozen, batch, input_ids, model.encoder.config.hidden_size)
                tuned = st.run_layers(model.encoder, hidden, mask,
                                   model.encoder.encoder.layer[first_tuned:])
                logits = model.classify(model.dropout(tuned))
            loss = loss_of(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
            total += learn(loss, optimizer, schedule, body + head)
            if step % 100 == 0:
                log.info("epoch %d step %d/%d loss %.4f (%.0f s)", epoch, step, len(batches),
                         total / step, time.time() - started)
        settings = {"labels": LABELS, "trainable_layers": args.trainable_layers,
                    "window": args.window, "stride": args.stride}
        best = end_of_epoch(model, args.out, settings, meta | {"epoch": epoch}, heldout, best)


if __name__ == "__main__":
    main()
