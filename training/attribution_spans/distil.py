"""Distil the shipped attribution tagger into one that runs fewer encoder layers.

    python training/attribution_spans/distil.py out/spans out/spans/student \
        --layers 8 --trainable-layers 2

The student keeps the encoder's lowest ``--layers`` layers: the frozen ones as shipped
(they also feed the event head, which reads the frozen layer 6), and the top
``--trainable-layers`` of them tuned, each started from a layer of the teacher's tuned top
(``--init-from``), as is the tagging layer. It learns from the gold tags of ``prepare.py``'s
training articles and from the teacher's tag probabilities for every piece (a KL term,
weighted by ``--soft``). The teacher's states below the student's tuned layers are the
student's too, so one teacher pass per window, before the first epoch, gives both what the
student's tuned layers read and what they must learn to say; an epoch then runs only the
tuned layers. After each epoch the student is saved to OUT and scored on the held-out
articles (as ``finetune.py`` scores them); the best epoch by CONTENT F1 is saved to
OUT.best, with the teacher's reconciling thresholds.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path

import spacy
import torch

# finetune.py is in this script's folder.
from finetune import (
    IGNORE,
    LABELS,
    end_of_epoch,
    evaluate,
    learn,
    optimizer_of,
    padded,
    shuffled_batches,
    stacked,
    windows_of,
)
from spacy.tokens import DocBin

from eventledger.extract import encoders
from eventledger.extract import span_transformer as st

log = logging.getLogger("distil")
SHIPPED = Path(st.__file__).parent.parent / "data" / "attribution_spans"


def teacher_outputs(teacher: st.SpanTransformer, rows, *, below: int, step: int = 16):
    """For each window: the teacher's states after its lowest ``below`` layers and its
    log probabilities of each tag, in half precision, trimmed to the window's length."""
    states, log_probs = [None] * len(rows), [None] * len(rows)
    order = sorted(range(len(rows)), key=lambda r: len(rows[r][0]))
    started = time.time()
    for s in range(0, len(order), step):
        chosen = order[s : s + step]
        input_ids, mask = st.padded([rows[r][0] for r in chosen])
        with torch.inference_mode():
            every = teacher.encoder_states(input_ids, mask, every_layer=True)
            out = torch.log_softmax(teacher.model.classify(every[-1]), dim=-1)
        for i, r in enumerate(chosen):
            n = len(rows[r][0])
            states[r] = every[below][i, :n].to(torch.float16).clone()
            log_probs[r] = out[i, :n].to(torch.float16).clone()
        if s and s % (20 * step) == 0:
            log.info("teacher: %d/%d windows (%.0f s)", s, len(order), time.time() - started)
    return states, log_probs


def student_model(teacher_dir: Path, *, layers: int, trainable_layers: int,
                  init_from: list[int]):
    """The student, its tuned layers and tagging layer started from the teacher's."""
    from safetensors.torch import load_file

    config = json.loads((teacher_dir / st.CONFIG_FILE).read_text(encoding="utf-8"))
    encoder_dir = str(encoders.encoder_dir(config["encoder"]))
    model = st.build_model(encoder_dir, labels=LABELS, trainable_layers=trainable_layers,
                           layers=layers)
    tuned = load_file(str(teacher_dir / st.WEIGHTS_FILE))
    first = layers - trainable_layers
    start = {}
    for name, tensor in tuned.items():
        if name.startswith("classify."):
            start[name] = tensor.float()
        for j, i in enumerate(init_from):
            prefix = f"encoder.encoder.layer.{i}."
            if name.startswith(prefix):
                start[f"encoder.encoder.layer.{first + j}." + name[len(prefix):]] = tensor.float()
    model.load_state_dict(start, strict=False)
    return model, config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with train.spacy and heldout.spacy")
    parser.add_argument("out", type=Path)
    parser.add_argument("--teacher", type=Path, default=SHIPPED)
    parser.add_argument("--layers", type=int, default=8, help="encoder layers the student runs")
    parser.add_argument("--trainable-layers", type=int, default=2)
    parser.add_argument("--init-from", default="9,11",
                        help="the teacher's layers (from 0) that start the tuned layers")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=3e-4)
    parser.add_argument("--soft", type=float, default=0.5,
                        help="weight of the teacher's probabilities against the gold tags")
    parser.add_argument("--limit", type=int, default=0, help="train on this many articles")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)

    vocab = spacy.blank("en").vocab
    train_docs = list(DocBin().from_disk(args.data / "train.spacy").get_docs(vocab))
    heldout = list(DocBin().from_disk(args.data / "heldout.spacy").get_docs(vocab))
    if args.limit:
        train_docs, heldout = train_docs[: args.limit], heldout[: args.limit]
    init_from = [int(i) for i in args.init_from.split(",")]
    if len(init_from) != args.trainable_layers:
        parser.error("--init-from names one teacher layer per tuned layer")
    model, config = student_model(args.teacher, layers=args.layers,
                                  trainable_layers=args.trainable_layers, init_from=init_from)
    tokenizer = st.bundled_tokenizer(config["encoder"])
    window, stride = config["window"], config["stride"]
    rows = windows_of(train_docs, tokenizer, size=window, stride=stride)
    log.info("%d articles, %d windows", len(train_docs), len(rows))
    first_tuned = args.layers - args.trainable_layers
    teacher = st.SpanTransformer(str(args.teacher), "cpu", "bf16")
    states, soft = teacher_outputs(teacher, rows, below=first_tuned)
    scores = evaluate(teacher, heldout)
    log.info("teacher held-out F1 content %.3f cue %.3f source %.3f",
             scores["CONTENT"], scores["CUE"], scores["SOURCE"])
    del teacher

    body, head, optimizer, schedule = optimizer_of(model, args, len(rows))
    hard_loss = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    tuned_layers = model.encoder.encoder.layer[first_tuned:]
    meta = {"encoder": config["encoder"], "layers": args.layers,
            "distilled_from": args.teacher.name, "thresholds": config.get("thresholds", {}),
            "about_thresholds": config.get("about_thresholds", "")}
    best = -1.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        batches = shuffled_batches(len(rows), args.batch)
        total, started = 0.0, time.time()
        for step, batch in enumerate(batches, 1):
            input_ids, mask, labels = padded([rows[r] for r in batch])
            hidden = stacked(states, batch, input_ids, model.encoder.config.hidden_size)
            target = stacked(soft, batch, input_ids, len(st.bio_labels(LABELS)))
            with torch.autocast("cpu", dtype=torch.bfloat16):
                tuned = st.run_layers(model.encoder, hidden, mask, tuned_layers)
            logits = model.classify(model.dropout(tuned.float()))
            log_probs = torch.log_softmax(logits, dim=-1)
            # The teacher speaks for every real piece, the gold tags for first pieces.
            real = mask.bool()
            kl = (target.exp() * (target - log_probs)).sum(-1)[real].mean()
            loss = (1 - args.soft) * hard_loss(
                logits.reshape(-1, logits.shape[-1]), labels.reshape(-1)
            ) + args.soft * kl
            total += learn(loss, optimizer, schedule, body + head)
            if step % 100 == 0:
                log.info("epoch %d step %d/%d loss %.4f (%.0f s)", epoch, step, len(batches),
                         total / step, time.time() - started)
        settings = {"labels": LABELS, "trainable_layers": args.trainable_layers,
                    "window": window, "stride": stride}
        best = end_of_epoch(model, args.out, settings, meta | {"epoch": epoch}, heldout, best,
                            precision="bf16")


if __name__ == "__main__":
    main()
