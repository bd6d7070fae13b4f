"""Which hidden states should the event head read? A comparison on ``prepare.py``'s texts.

    OMP_NUM_THREADS=1 nice python training/event_heads/compare_layers.py out/events \
        --petr ... --crosswalk ... --polnear ... --polnear-articles 50 --trnews ... \
        --trnews-articles 20

(the same text arguments as ``prepare.py``, so that the tokens line up with its labels).

- (a) the shipped way: a linear head on the attribution tagger's last hidden states (its top
  six layers tuned for attributions; the event task costs a head on the shared pass);
- (b) a linear head on the output of the frozen lower six layers (layer 6), which the
  tagger computes on the same pass before its tuned layers: the start of "share the frozen
  lower layers and tune a small top for events", without the tuned top (which would cost
  one or two more layers per window).

Both heads are trained alike on the same texts and scored on the same held-out texts:
how often the argmax type of a labelled trigger word is right, and precision and recall
of the words whose best type reaches 0.5.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy
import torch

sys.path.insert(0, str(Path(__file__).parent))
from prepare import add_text_arguments, training_items  # noqa: E402
from train import IGNORE, held_out, train_linear, type_probs  # noqa: E402

from eventledger.config import load_settings  # noqa: E402
from eventledger.extract import span_transformer as st  # noqa: E402
from eventledger.pipeline import build_pipeline, load_model  # noqa: E402


def layer_features(nlp, texts: list[str], layer: int) -> numpy.ndarray:
    tagger = nlp.get_pipe("eventledger_attribution_spans").tagger
    size, stride = tagger.config["window"], tagger.config["stride"]
    found = []
    for text in texts:
        doc = nlp.make_doc(text)
        pieces = st.pieces_of(doc, tagger.tokenizer)
        rows = numpy.zeros((len(pieces.ids), 768), dtype="float32")
        for start, end, keep_start, keep_end in st.windows(len(pieces.ids), size=size - 2,
                                                           stride=stride):
            ids, mask = st.padded([[tagger.tokenizer.cls_token_id, *pieces.ids[start:end],
                                    tagger.tokenizer.sep_token_id]])
            with torch.inference_mode():
                out = tagger.model.encoder(input_ids=ids, attention_mask=mask,
                                           output_hidden_states=True)
            hidden = out.hidden_states[layer][0].numpy()
            rows[keep_start:keep_end] = hidden[keep_start - start + 1 : keep_end - start + 1]
        found.append(st.token_rows(doc, pieces, rows))
    return numpy.concatenate(found)


def scores(layer, x, y, labels, types) -> dict:
    keep = y != IGNORE
    probs = type_probs(layer, x[keep], labels, types)
    gold = numpy.array([types.index(labels[v][2:]) if v > 0 else -1 for v in y[keep]])
    positive = gold >= 0
    fired = probs.max(axis=1) >= 0.5
    right = (probs.argmax(axis=1) == gold) & fired
    return {"argmax_right": float((probs[positive].argmax(axis=1) == gold[positive]).mean()),
            "p@0.5": float(right.sum() / max(fired.sum(), 1)),
            "r@0.5": float(right[positive].mean()), "trigger_words": int(positive.sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    add_text_arguments(parser)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--o-weight", type=float, default=0.05)
    parser.add_argument("--save-lower", type=Path, default=None,
                        help="also write the layer-6 features with DATA's labels to this "
                        "folder, for train.py --layer 6")
    args = parser.parse_args()

    # the texts prepare.py read, in its order, so that the features line up with its labels
    texts = [text for _source, _kind, text, _golds in training_items(args)]
    nlp = build_pipeline(load_model(load_settings().model),
                         {"eventledger_attribution_spans": {"event_head": False}})
    meta = json.loads((args.data / "texts.json").read_text())
    labels, types = meta["labels"], meta["types"]
    y = numpy.load(args.data / "labels.npy")
    groups = numpy.load(args.data / "groups.npy")
    test = numpy.isin(groups, [n for n, t in enumerate(meta["texts"])
                               if held_out(t["source"], 0.15)])
    last = numpy.load(args.data / "features.npy").astype("float32")
    encoder = nlp.get_pipe("eventledger_attribution_spans").tagger.model.encoder
    # Layer 6's output needs only the lower six layers (in this process only).
    encoder.encoder.layer = encoder.encoder.layer[:6]
    lower = layer_features(nlp, texts, 6)
    assert len(lower) == len(last), (len(lower), len(last))
    if args.save_lower:
        import shutil

        args.save_lower.mkdir(parents=True, exist_ok=True)
        numpy.save(args.save_lower / "features.npy", lower.astype("float16"))
        for name in ("labels.npy", "groups.npy", "texts.json", "sample.jsonl"):
            shutil.copy(args.data / name, args.save_lower / name)
    for name, x in (("(a) last hidden states", last), ("(b) frozen layer 6", lower)):
        layer = train_linear(x[~test], y[~test], len(labels), epochs=args.epochs,
                             o_weight=args.o_weight)
        print(name, json.dumps(scores(layer, x[test], y[test], labels, types)))


if __name__ == "__main__":
    main()
