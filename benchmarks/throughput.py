"""Throughput of eventledger's extraction against bare spaCy, in one process.

    python benchmarks/throughput.py INPUT [INPUT ...] [--docs N] [--model NAME] [--profile]

INPUTs are anything ``eventledger process`` reads (files, folders). Their documents are
repeated up to ``--docs`` and run (1) through the bare spaCy model with ``nlp.pipe`` and
(2) through the full extraction (``extract_records``), both on the same texts, after a
warm-up. Prints documents per second of each, their ratio, and the peak Python memory
of each (tracemalloc, in a separate pass so that tracing does not slow the timed one).

``--profile`` adds where the full extraction's time goes, per component: the documents run
once more, one at a time, through each pipe of the pipeline in turn (spaCy's own loop,
``proc(doc)``), and each record is written into a throwaway SQLite store ("store").
Parse is the model's own pipes (tok2vec, tagger, parser, ner, ...) together.

``--event-head`` also times the extraction with the event head off (rules only, as the
settings ``event_head = false`` and ``trigger_model = false`` give), alternating the two
pipelines over ``--rounds`` rounds and keeping each one's best, and prints the ratio: what
the event head, reading the attribution tagger's forward pass, costs.

``--argument-head`` does the same with the argument head off (its projection on the same
pass, and the pairs it scores in the events component; ``argument_head = false`` and
``argument_model = false``).

``--tagger PATH`` also times the extraction with another attribution tagger (a folder that
``training/attribution_spans/finetune.py`` or ``distil.py`` wrote) against the shipped one,
alternating the two in the same way, and prints the ratio.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import spacy

from eventledger import EXTRACTOR_VERSION, Document
from eventledger.config import load_settings
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs
from eventledger.pipeline import (
    SECTIONS,
    build_pipeline,
    component_configs,
    doc_sections,
    extract_records,
    make_doc,
)
from eventledger.store import Store


def _documents(inputs: list[str], count: int) -> list[Document]:
    found = [d for d in iter_inputs(inputs) if not isinstance(d, IngestError)]
    if not found:
        raise SystemExit("no readable documents in the inputs")
    return [found[i % len(found)] for i in range(count)]


def _bare(nlp, documents, batch_size):
    for _ in nlp.pipe((d.text for d in documents), batch_size=batch_size):
        pass


def _full(nlp, documents, batch_size):
    for _ in extract_records(documents, nlp=nlp, batch_size=batch_size):
        pass


def _timed(run, *args) -> float:
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started


def _peak_mb(run, *args) -> float:
    tracemalloc.start()
    run(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


# What each eventledger pipe is called in the profile; the model's own pipes are "parse".
_COMPONENT_NAMES = {
    "eventledger_paragraph_starts": "parse",
    "eventledger_layout": "layout",
    "eventledger_actors": "actors",
    "eventledger_places": "places",
    "eventledger_attribution_spans": "tagger",
    "eventledger_attributions": "attributions",
    "eventledger_events": "events",
    "eventledger_figures": "figures",
}


def _profile(nlp, documents) -> dict[str, float]:
    """Seconds spent in each component over ``documents``, one document at a time, as
    spaCy's pipe loop calls each pipe (documents longer than one chunk are skipped)."""
    seconds: Counter = Counter()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "profile.db")
        for document in documents:
            doc = make_doc(nlp, document, document.text)
            for name, proc in nlp.pipeline:
                started = time.perf_counter()
                doc = proc(doc)
                seconds[_COMPONENT_NAMES.get(name, "parse")] += time.perf_counter() - started
            record = {"document": document.to_record(), **{s: [] for s in SECTIONS}}
            record.update(doc_sections(doc))
            started = time.perf_counter()
            store.write_record(record, extractor_version=EXTRACTOR_VERSION, replace=True)
            seconds["store"] += time.perf_counter() - started
        store.close()
    return dict(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", action="store_true",
                        help="add the seconds spent in each component")
    parser.add_argument("--no-memory", action="store_true",
                        help="leave out the traced pass that measures peak memory")
    parser.add_argument("--event-head", action="store_true",
                        help="also time the extraction with the event head off")
    parser.add_argument("--argument-head", action="store_true",
                        help="also time the extraction with the argument head off")
    parser.add_argument("--tagger", default=None,
                        help="also time the extraction with this attribution tagger")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    settings = load_settings()
    model = args.model or settings.model
    documents = _documents(args.inputs, args.docs)
    chars = sum(len(d.text) for d in documents)
    bare = spacy.load(model)
    # The tagger where the device and precision settings say (EVENTLEDGER_DEVICE,
    # EVENTLEDGER_PRECISION), as the commands run it.
    full = build_pipeline(spacy.load(model), component_configs(settings))
    warm = documents[: min(8, len(documents))]
    _bare(bare, warm, args.batch_size)
    _full(full, warm, args.batch_size)

    bare_s = _timed(_bare, bare, documents, args.batch_size)
    full_s = _timed(_full, full, documents, args.batch_size)
    result = {
        "model": model,
        "device": settings.device,
        "precision": settings.precision,
        "documents": len(documents),
        "characters": chars,
        "bare_spacy_docs_per_s": len(documents) / bare_s,
        "eventledger_docs_per_s": len(documents) / full_s,
        "ratio_eventledger_to_bare": (len(documents) / full_s) / (len(documents) / bare_s),
    }
    if not args.no_memory:
        result["bare_spacy_peak_mb"] = _peak_mb(_bare, bare, documents, args.batch_size)
        result["eventledger_peak_mb"] = _peak_mb(_full, full, documents, args.batch_size)
    if args.profile:
        result["profile_seconds"] = _profile(full, documents)
    heads = [h for h in HEADS_OFF if getattr(args, h)]
    for head in heads:
        result.update(_head_cost(model, head, HEADS_OFF[head], documents, args.batch_size,
                                 args.rounds))
    if args.tagger:
        result.update(_tagger_cost(model, args.tagger, documents, args.batch_size, args.rounds))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['documents']} documents, {chars} characters, model {model}")
    peaks = {name: f"  peak {result[name + '_peak_mb']:.1f} MB" if not args.no_memory else ""
             for name in ("bare_spacy", "eventledger")}
    print(f"bare spaCy nlp.pipe : {result['bare_spacy_docs_per_s']:8.1f} docs/s{peaks['bare_spacy']}")
    print(f"eventledger extract : {result['eventledger_docs_per_s']:8.1f} docs/s{peaks['eventledger']}")
    print(f"ratio (eventledger / bare spaCy): {result['ratio_eventledger_to_bare']:.2f}")
    if args.profile:
        profile = result["profile_seconds"]
        total = sum(profile.values())
        print(f"per component, {len(documents)} documents one at a time ({total:.1f} s):")
        for name, spent in sorted(profile.items(), key=lambda item: -item[1]):
            print(f"  {name:13s} {spent:8.2f} s  {100 * spent / total:5.1f} %")
    for head in heads:
        words = head.replace("_", " ")
        print(f"{words + ' on':20s}: {result[f'{head}_on_docs_per_s']:8.2f} docs/s")
        print(f"{words + ' off':20s}: {result[f'{head}_off_docs_per_s']:8.2f} docs/s")
        print(f"ratio (on / off): {result[f'ratio_{head}_on_to_off']:.3f}")
    if args.tagger:
        print(f"shipped tagger      : {result['shipped_tagger_docs_per_s']:8.2f} docs/s")
        print(f"tagger {args.tagger}: {result['other_tagger_docs_per_s']:8.2f} docs/s")
        print(f"ratio (other / shipped): {result['ratio_other_tagger_to_shipped']:.3f}")


def _alternated(pipelines: dict, documents, batch_size: int, rounds: int) -> dict:
    """Each pipeline's best time over ``rounds`` rounds, the pipelines taking turns, so
    that a change in the machine's load falls on all of them alike."""
    warm = documents[: min(8, len(documents))]
    for nlp in pipelines.values():
        _full(nlp, warm, batch_size)
    best = dict.fromkeys(pipelines, float("inf"))
    for _ in range(rounds):
        for name, nlp in pipelines.items():
            best[name] = min(best[name], _timed(_full, nlp, documents, batch_size))
    return best


def _head_cost(model: str, name: str, off: dict, documents, batch_size: int,
               rounds: int) -> dict:
    """Docs per second with a head on and off (``off``: the component settings that turn
    it off), the best of alternating rounds."""
    best = _alternated({"on": build_pipeline(spacy.load(model)),
                        "off": build_pipeline(spacy.load(model), off)},
                       documents, batch_size, rounds)
    return {
        f"{name}_on_docs_per_s": len(documents) / best["on"],
        f"{name}_off_docs_per_s": len(documents) / best["off"],
        f"ratio_{name}_on_to_off": best["off"] / best["on"],
    }


HEADS_OFF = {
    # rules only, as the settings event_head = false and trigger_model = false give
    "event_head": {"eventledger_attribution_spans": {"event_head": False},
                   "eventledger_events": {"trigger_model": False}},
    # the rules' arguments, as argument_head = false and argument_model = false give
    "argument_head": {"eventledger_attribution_spans": {"argument_head": False},
                      "eventledger_events": {"argument_model": False}},
}


def _tagger_cost(model: str, tagger: str, documents, batch_size: int, rounds: int) -> dict:
    """Docs per second with the shipped attribution tagger and with ``tagger``."""
    best = _alternated({
        "shipped": build_pipeline(spacy.load(model)),
        "other": build_pipeline(spacy.load(model), {
            "eventledger_attribution_spans": {"model_path": tagger},
        }),
    }, documents, batch_size, rounds)
    return {
        "shipped_tagger_docs_per_s": len(documents) / best["shipped"],
        "other_tagger_docs_per_s": len(documents) / best["other"],
        "ratio_other_tagger_to_shipped": best["shipped"] / best["other"],
    }


if __name__ == "__main__":
    main()
