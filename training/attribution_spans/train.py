"""Train the attribution span tagger on files written by ``prepare.py``.

    python training/attribution_spans/train.py out/spans out/spans/model

A spaCy entity recognizer with its own small token-to-vector layer learns CONTENT, CUE and
SOURCE spans. Its embeddings read the words (NORM, PREFIX, SUFFIX, SHAPE) and the
part-of-speech and dependency labels (in the lemma slot, see ``feature_doc``) that
eventledger's model has already assigned; a few convolutions and then a bidirectional LSTM
over the whole document (``--encoder bilstm``, the default) or convolutions only
(``--encoder cnn``) give each word its context. The training documents keep those labels
(they were parsed once by ``prepare.py``) instead of being parsed again every epoch. The epoch with the best held-out CONTENT F1 is saved as a
one-component spaCy pipeline that ``eventledger_attribution_spans`` loads.
"""

from __future__ import annotations

import argparse
import logging
import random
from pathlib import Path

import spacy
from spacy.scorer import get_ner_prf
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import compounding, minibatch
from thinc.api import Config

# Registers the encoder architectures the tagger's config names.
import eventledger.extract.attribution_spans  # noqa: F401

log = logging.getLogger("train")

MODEL = """
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "LEMMA"]
rows = [5000, 1000, 2500, 2500, 100, 300]
include_static_vectors = false

{encode}
"""

CNN_ENCODER = """
[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = {window}
maxout_pieces = 3
"""

BILSTM_ENCODER = """
[model.tok2vec.encode]
@architectures = "eventledger.WindowBiLSTMEncoder.v1"
width = {width}
window_size = {window}
window_depth = {depth}
lstm_depth = {lstm_depth}
dropout = 0.1
"""


META = {
    "name": "attribution_spans",
    "description": "eventledger's attribution span tagger (CONTENT, CUE, SOURCE), trained on "
    "the training split of PolNeAR by training/attribution_spans/train.py",
    "sources": [{"name": "PolNeAR", "url": "https://github.com/networkdynamics/PolNeAR"}],
}


def examples_from(path: Path, vocab) -> list[Example]:
    examples = []
    for reference in DocBin().from_disk(path).get_docs(vocab):
        predicted = reference.copy()
        predicted.ents = []
        examples.append(Example(predicted, reference))
    return examples


def evaluate(nlp, examples: list[Example]) -> dict:
    for example in examples:
        example.predicted.ents = []
    docs = nlp.get_pipe("attribution_spans").pipe(e.predicted for e in examples)
    for _ in docs:
        pass
    return get_ner_prf(examples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with train.spacy and heldout.spacy")
    parser.add_argument("out", type=Path, help="where the best pipeline is saved")
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument("--depth", type=int, default=2, help="convolution layers")
    parser.add_argument("--window", type=int, default=1)
    parser.add_argument(
        "--encoder", choices=["cnn", "bilstm"], default="bilstm",
        help="convolutions only, or convolutions then a bidirectional LSTM",
    )
    parser.add_argument("--lstm-depth", type=int, default=1)
    parser.add_argument("--width", type=int, default=96, help="token vector width")
    parser.add_argument("--hidden-width", type=int, default=64, help="the recognizer's hidden layer")
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)

    nlp = spacy.blank("en")
    encode = (BILSTM_ENCODER if args.encoder == "bilstm" else CNN_ENCODER).format(
        depth=args.depth, window=args.window, lstm_depth=args.lstm_depth, width=args.width
    )
    config = MODEL.format(encode=encode, width=args.width, hidden=args.hidden_width)
    model = Config().from_str(config)["model"]
    nlp.add_pipe("ner", name="attribution_spans", config={"model": model})
    nlp.meta.update(META)
    train = examples_from(args.data / "train.spacy", nlp.vocab)
    heldout = examples_from(args.data / "heldout.spacy", nlp.vocab)
    optimizer = nlp.initialize(lambda: train)
    best = -1.0
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict = {}
        for batch in minibatch(train, size=compounding(4.0, 16.0, 1.001)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        scores = evaluate(nlp, heldout)
        content = scores["ents_per_type"].get("CONTENT", {}).get("f", 0.0)
        log.info(
            "epoch %d loss %.0f held-out F1 all %.3f content %.3f cue %.3f source %.3f",
            epoch, losses.get("attribution_spans", 0.0), scores["ents_f"], content,
            scores["ents_per_type"].get("CUE", {}).get("f", 0.0),
            scores["ents_per_type"].get("SOURCE", {}).get("f", 0.0),
        )
        if content > best:
            best = content
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(args.out)
            log.info("saved to %s", args.out)


if __name__ == "__main__":
    main()
