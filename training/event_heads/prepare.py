"""Features and trigger labels for the event head, computed once.

    OMP_NUM_THREADS=1 nice python training/event_heads/prepare.py out/events \
        --petr ../shared/eval/coding/PETR.UnitTest.records.xml \
        --crosswalk ../shared/reference/CAMEO2PLOVER-2021.txt \
        --polnear ../shared/eval/polnear/train --polnear-articles 100 \
        --trnews ../shared/eval/geo/TR-News.xml --trnews-articles 40
    OMP_NUM_THREADS=1 nice python training/event_heads/prepare.py out/events2 \
        --petr ... --crosswalk ... --petr-off --skip 40 \
        --polnear ../shared/eval/polnear/train --polnear-articles 0 \
        --trnews ../shared/eval/geo/TR-News.xml --trnews-articles 78

Each text goes once through eventledger's pipeline, rules only (the attribution span
tagger runs as usual; its event head is off): a recording head on the tagger's forward pass
keeps every token's hidden state of ``--layer`` (of its first word piece; 6, the frozen
lower layers' output, by default), the features the event head learns from, and the rules
give their events. Only data that is not a dev split:

- PETRARCH's unit-test sentences of the ``train`` half (``eventledger.eval.coding``),
  CAMEO codes mapped to PLOVER: a rule trigger of a gold type is labelled with it (B-/I-),
  a rule trigger of another type is a negative (O); where no rule trigger has the one gold
  type, the sentence's main verb (the root, or the verb its xcomp/ccomp chain reaches from
  a light root: "is about to restore") takes it. Sentences without a mapped code are left
  out (their events are unknown).
- silver labels on unlabelled news (PolNeAR's train texts, TR-News): a rule trigger is kept
  as a label where the rules agree with themselves on it (not negated, not hypothetical,
  with an actor or a recipient); the other rule triggers are not labelled either way
  (ignored by the loss); every other word is O.

Writes ``features.npy`` (float16, one row per token), ``labels.npy`` (label index, or -100
to ignore), ``groups.npy`` (text index), ``offsets.npy`` (each token's first character in its
text), ``texts.json`` (each text's source and kind) and ``sample.jsonl`` (every rule trigger
of the silver texts, agreed or not, to check by hand (``checked.py`` applies the verdicts to
the labels), and every rule trigger of the PETR sentences, of a gold type or not, with
its sentence and character offsets).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy

from eventledger.eval.coding import load_crosswalk, load_sentences, plover_type
from eventledger.extract.events.lexicon import load_lexicon
from eventledger.extract.span_transformer import bio_labels
from eventledger.pipeline import build_pipeline, load_model

log = logging.getLogger("prepare")
IGNORE = -100
# Roots that carry another verb's event ("is about to restore", "said it would").
LIGHT_ROOTS = {"be", "say", "tell", "announce", "report", "add", "state"}


def plover_types() -> list[str]:
    lexicon = load_lexicon(None)
    return sorted({e["type"] for e in lexicon["triggers"].values()} | {
        s["type"] for e in lexicon["triggers"].values() for s in e.get("senses", ())
    } | {o["type"] for e in lexicon["triggers"].values()
         for o in (e.get("objects") or {}).values()})


def main_verb(doc):
    """The sentence's main verb: the root, or where a light root hands on to ("is about
    to restore", "..., an official said")."""
    current = next((t for t in doc if t.dep_ == "ROOT"), None)
    for _ in range(4):
        if current is None:
            return None
        light = current.lemma_.lower() in LIGHT_ROOTS or current.pos_ in ("AUX", "ADJ")
        nxt = next((c for c in current.children if c.dep_ in ("xcomp", "ccomp", "acomp")
                    and c.pos_ in ("VERB", "AUX", "ADJ")), None)
        if nxt is None or not light:
            break
        current = nxt
    return current if current is not None and current.pos_ == "VERB" else None


def trigger_tokens(doc, event) -> range:
    span = doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                         alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def label_petr(doc, golds: set[str], index: dict[str, int], sample: list,
               source: str = "") -> numpy.ndarray:
    labels = numpy.full(len(doc), index["O"], dtype="int64")
    found = set()
    for event in doc._.el_events or ():
        tokens = trigger_tokens(doc, event)
        right = event["type"] in golds
        if right:
            found.add(event["type"])
            for k, i in enumerate(tokens):
                labels[i] = index[f"{'B' if k == 0 else 'I'}-{event['type']}"]
        # every rule trigger, right (of a gold type) or not: train.py chooses the veto on them
        sample.append({"kind": "petr-rule", "source": source, "type": event["type"],
                       "trigger": event["trigger"]["text"], "start": event["trigger"]["start"],
                       "end": event["trigger"]["end"], "gold": right, "text": doc.text})
    missing = golds - found
    if len(golds) == 1 and missing:
        verb = main_verb(doc)
        if verb is not None:
            (type_,) = missing
            labels[verb.i] = index[f"B-{type_}"]
            sample.append({"kind": "petr-main-verb", "type": type_, "trigger": verb.text,
                           "text": doc.text})
    return labels


def label_silver(doc, index: dict[str, int], sample: list, source: str) -> numpy.ndarray:
    labels = numpy.full(len(doc), index["O"], dtype="int64")
    for event in doc._.el_events or ():
        tokens = trigger_tokens(doc, event)
        agreed = not event["negated"] and not event["hypothetical"] and (
            event["actor"] is not None or event["recipient"] is not None
        )
        for k, i in enumerate(tokens):
            labels[i] = index[f"{'B' if k == 0 else 'I'}-{event['type']}"] if agreed else IGNORE
        if len(tokens):
            sent = doc[tokens.start].sent
            sample.append({"kind": "silver" if agreed else "silver-unsure", "source": source,
                           "type": event["type"], "trigger": event["trigger"]["text"],
                           "start": event["trigger"]["start"],
                           "end": event["trigger"]["end"], "text": sent.text,
                           "sentence_start": sent.start_char})
    # spaces are no words
    for t in doc:
        if t.is_space:
            labels[t.i] = IGNORE
    return labels


def polnear_texts(folder: Path, n: int, skip: int = 0) -> list[tuple[str, str]]:
    names = sorted((folder / "text").glob("*.txt"),
                   key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())[skip:skip + n]
    return [(f"polnear:{p.stem}", p.read_text("utf-8")) for p in names]


def trnews_texts(path: Path, n: int, skip: int = 0) -> list[tuple[str, str]]:
    root = ET.parse(str(path)).getroot()
    found = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        if text.strip():
            found.append((f"trnews:{article.get('docid')}", text))
    found.sort(key=lambda item: hashlib.sha256(item[0].encode()).hexdigest())
    return found[skip:skip + n]


def add_text_arguments(parser: argparse.ArgumentParser) -> None:
    """The texts a head learns from: the PETR unit tests' train half and silver texts."""
    parser.add_argument("--petr", type=Path, required=True)
    parser.add_argument("--crosswalk", type=Path, required=True)
    parser.add_argument("--polnear", type=Path)
    parser.add_argument("--polnear-articles", type=int, default=120)
    parser.add_argument("--trnews", type=Path)
    parser.add_argument("--trnews-articles", type=int, default=40)
    parser.add_argument("--petr-off", action="store_true",
                        help="silver texts only (a second batch of them)")
    parser.add_argument("--skip", type=int, default=0,
                        help="leave out the first SKIP texts of each silver source (in their "
                        "hash order): those of an earlier batch")


def training_items(args: argparse.Namespace) -> list[tuple[str, str, str, set | None]]:
    """(source, kind, text, gold types) of each text ``add_text_arguments`` named: the PETR
    train half's sentences with a mapped code ("petr"), then the silver texts ("silver")."""
    crosswalk = load_crosswalk(args.crosswalk)
    items = []
    for s in () if getattr(args, "petr_off", False) else load_sentences(args.petr, "train"):
        golds = {t for c in s.codes if (t := plover_type(c, crosswalk))}
        if golds:
            items.append((f"petr:{s.id}", "petr", s.text, golds))
    if args.polnear:
        items += [(src, "silver", text, None)
                  for src, text in polnear_texts(args.polnear, args.polnear_articles,
                                                 getattr(args, "skip", 0))]
    if args.trnews:
        items += [(src, "silver", text, None)
                  for src, text in trnews_texts(args.trnews, args.trnews_articles,
                                                getattr(args, "skip", 0))]
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    add_text_arguments(parser)
    parser.add_argument("--layer", type=int, default=6,
                        help="the hidden states recorded: 6 for the frozen lower layers' "
                        "output, -1 for the tagger's last (see compare_layers.py)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from eventledger.config import load_settings

    nlp = build_pipeline(load_model(load_settings().model),
                         {"eventledger_attribution_spans": {"event_head": False},
                          "eventledger_events": {"trigger_model": False}})
    nlp.get_pipe("eventledger_attribution_spans").heads = {
        "events": lambda states: states[args.layer]
    }

    types = plover_types()
    labels_list = bio_labels(types)
    index = {tag: i for i, tag in enumerate(labels_list)}
    items = training_items(args)
    log.info("%d texts", len(items))

    features, labels, groups, offsets, sample, texts = [], [], [], [], [], []
    docs = nlp.pipe(((text, n) for n, (_s, _k, text, _g) in enumerate(items)),
                    as_tuples=True, batch_size=8)
    for doc, n in docs:
        source, kind, _text, golds = items[n]
        rows = doc._.el_trigger_scores["rows"]
        if kind == "petr":
            row_labels = label_petr(doc, golds, index, sample, source)
        else:
            row_labels = label_silver(doc, index, sample, source)
        features.append(rows.astype("float16"))
        labels.append(row_labels)
        groups.append(numpy.full(len(doc), n, dtype="int32"))
        offsets.append(numpy.array([t.idx for t in doc], dtype="int32"))
        texts.append({"source": source, "kind": kind, "golds": sorted(golds or ())})
        if n % 20 == 0:
            log.info("%d/%d", n, len(items))
    args.out.mkdir(parents=True, exist_ok=True)
    numpy.save(args.out / "features.npy", numpy.concatenate(features))
    numpy.save(args.out / "labels.npy", numpy.concatenate(labels))
    numpy.save(args.out / "groups.npy", numpy.concatenate(groups))
    numpy.save(args.out / "offsets.npy", numpy.concatenate(offsets))
    (args.out / "texts.json").write_text(json.dumps({"labels": labels_list, "types": types,
                                                     "texts": texts}, indent=1))
    with open(args.out / "sample.jsonl", "w", encoding="utf-8") as f:
        for item in sample:
            f.write(json.dumps(item) + "\n")
    log.info("%d tokens, %d labelled triggers", sum(len(x) for x in labels), len(sample))


if __name__ == "__main__":
    main()
