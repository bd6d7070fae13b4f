"""eventledger's attributions and textacy's direct quotations, side by side on PolNeAR.

    python benchmarks/quotes_compare.py POLNEAR_DIR [--model NAME]

Both run in one process on the same texts, parsed once by the same spaCy model, and are
scored with the same metric (eventledger.eval.polnear: content, cue and source P/R/F1 and
strict content F1). textacy finds direct quotations only, so it is scored twice: against
every gold attribution, and against the gold attributions whose content is quoted (the
gold content span starts or ends beside a quotation mark). Prints the run time of each
extractor (on top of the shared parse). Needs the 'bench' extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import time

import spacy
from textacy.extract.triples import direct_quotations

from eventledger.config import load_settings
from eventledger.eval.polnear import Item, _items_of, articles, read_ann, score
from eventledger.extract.paragraphs import add_paragraph_starts
from eventledger.pipeline import build_pipeline, doc_sections

QUOTES = "\"“”'‘’«»"


def _textacy_items(doc) -> list[Item] | None:
    """textacy's quotations as metric items; None where textacy refuses the document
    (it raises on an odd number of quotation marks)."""
    items = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    for triple in triples:
        content = triple.content
        start, end = content.start_char, content.end_char
        # textacy keeps the quotation marks; the metric compares contents without them.
        while start < end and doc.text[start] in QUOTES + " ,":
            start += 1
        while end > start and doc.text[end - 1] in QUOTES + " ,":
            end -= 1
        cue = (triple.cue[0].idx, triple.cue[-1].idx + len(triple.cue[-1])) if triple.cue else None
        speaker = triple.speaker
        source = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
        items.append(Item(content=(start, end), cue=cue, source=source))
    return items


def _is_quoted(text: str, item: Item) -> bool:
    start, end = item.content
    # Gold contents keep their quotation marks, ours leave them out: look on both sides.
    before = text[max(0, start - 2):start + 1]
    after = text[max(0, end - 1):end + 2]
    return any(q in before for q in QUOTES) or any(q in after for q in QUOTES)


def _line(name: str, result: dict, seconds: float) -> str:
    return (f"{name:<34} {result['content']['f1']:>7.3f} {result['cue']['f1']:>7.3f} "
            f"{result['source']['f1']:>7.3f} {result['strict_content']['f1']:>7.3f} "
            f"{seconds:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    # The parse eventledger makes (paragraph breaks are sentence starts), for both.
    nlp = add_paragraph_starts(spacy.load(args.model or load_settings().model))
    found = articles(args.directory)
    texts, golds = [], []
    for _name, text_path, ann_path in found:
        with open(text_path, encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
        golds.append(read_ann(ann_path))

    started = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - started

    started = time.perf_counter()
    textacy_items = [_textacy_items(doc) for doc in parsed]
    textacy_s = time.perf_counter() - started
    refused = sum(items is None for items in textacy_items)
    textacy_items = [items or [] for items in textacy_items]

    # eventledger's components run on the same parsed Docs.
    full = build_pipeline(nlp)
    # Only what attributions need: layout, actors, the span tagger, attributions.
    wanted = {
        "eventledger_layout",
        "eventledger_actors",
        "eventledger_attribution_spans",
        "eventledger_attributions",
    }
    components = [(name, proc) for name, proc in full.pipeline if name in wanted]
    started = time.perf_counter()
    ours = []
    for doc in parsed:
        for _name, proc in components:
            doc = proc(doc)
        ours.append(_items_of({"attributions": doc_sections(doc)["attributions"]}))
    ours_s = time.perf_counter() - started

    quoted_golds = [
        [g for g in gold if _is_quoted(text, g)] for text, gold in zip(texts, golds, strict=True)
    ]
    print(f"{len(found)} PolNeAR documents; shared spaCy parse {parse_s:.1f} s; textacy "
          f"refused {refused} (unbalanced quotation marks; scored as finding nothing)")
    print(f"{'extractor (gold set)':<34} {'content':>7} {'cue':>7} {'source':>7} {'strict':>7} "
          f"{'time s':>8}   (F1)")
    print(_line("eventledger (all gold)", score(zip(ours, golds, strict=True)), ours_s))
    print(_line("textacy direct_quotations (all)", score(zip(textacy_items, golds, strict=True)), textacy_s))
    ours_quoted = [
        [p for p in pred if _is_quoted(text, p)] for text, pred in zip(texts, ours, strict=True)
    ]
    print(_line("eventledger quotes (quoted gold)", score(zip(ours_quoted, quoted_golds, strict=True)), ours_s))
    print(_line("textacy (quoted gold)", score(zip(textacy_items, quoted_golds, strict=True)), textacy_s))


if __name__ == "__main__":
    main()
