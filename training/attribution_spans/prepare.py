"""Turn a PolNeAR split into spaCy training files for the attribution span tagger.

    python training/attribution_spans/prepare.py ../shared/eval/polnear/train out/spans \
        --heldout 0.1

Each article is split into words by eventledger's spaCy model, as at run time: the tagger
(``finetune.py``) gives each word a tag. Gold Cue, Source and Content spans become entities
CUE, SOURCE and CONTENT of one layer: the few nested attributions (a quote inside a quote,
under 1% in PolNeAR) keep the outer content, and spans that would overlap a kept span are
left out. Writes ``train.spacy`` and ``heldout.spacy`` (a fixed share of the articles,
chosen by name, for choosing settings without touching the dev split).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from eventledger.config import load_settings
from eventledger.errors import EvaluationError
from eventledger.eval.polnear import articles, read_ann
from eventledger.pipeline import load_model

log = logging.getLogger("prepare")



def gold_spans(doc: Doc, items) -> list[Span]:
    """Non-overlapping CONTENT, CUE and SOURCE spans, outer contents first."""
    wanted: list[tuple[str, tuple[int, int]]] = []
    for item in sorted(items, key=lambda i: i.content[0] - i.content[1]):
        wanted.append(("CONTENT", item.content))
    for item in items:
        if item.cue:
            wanted.append(("CUE", item.cue))
        if item.source:
            wanted.append(("SOURCE", item.source))
    taken: set[int] = set()
    spans = []
    for label, (start, end) in wanted:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or not len(span):
            continue
        # Leading or trailing spaces in a brat span give a token-less edge; trim them.
        while len(span) and span[0].is_space:
            span = doc[span.start + 1 : span.end]
        while len(span) and span[-1].is_space:
            span = doc[span.start : span.end - 1]
        if not len(span):
            continue
        indices = set(range(span.start, span.end))
        if indices & taken:
            continue
        taken |= indices
        spans.append(Span(doc, span.start, span.end, label=label))
    return sorted(spans, key=lambda s: s.start)


def heldout_name(name: str, share: float) -> bool:
    digest = hashlib.sha256(name.encode()).digest()
    return digest[0] / 256 < share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a PolNeAR folder with text/ and attributions/")
    parser.add_argument("out", type=Path, help="folder for train.spacy and heldout.spacy")
    parser.add_argument("--heldout", type=float, default=0.1, help="share kept apart")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    nlp = load_model(load_settings().model)
    found = articles(args.split)
    texts, golds, names = [], [], []
    for name, text_path, ann_path in found:
        try:
            items = read_ann(ann_path)
        except EvaluationError as exc:
            log.warning("skipped: %s", exc)
            continue
        with open(text_path, encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
        golds.append(items)
        names.append(name)
    train, heldout = DocBin(store_user_data=False), DocBin(store_user_data=False)
    kept = dropped = 0
    for text, items, name in zip(texts, golds, names, strict=True):
        doc = nlp.make_doc(text)
        spans = gold_spans(doc, items)
        doc.set_ents(spans)
        kept += sum(s.label_ == "CONTENT" for s in spans)
        dropped += len(items) - sum(s.label_ == "CONTENT" for s in spans)
        (heldout if heldout_name(name, args.heldout) else train).add(doc)
    args.out.mkdir(parents=True, exist_ok=True)
    train.to_disk(args.out / "train.spacy")
    heldout.to_disk(args.out / "heldout.spacy")
    log.info(
        "%d articles: %d for training, %d held out; %d contents kept, %d nested left out",
        len(names), len(train), len(heldout), kept, dropped,
    )


if __name__ == "__main__":
    main()
