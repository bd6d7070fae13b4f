"""Throughput of eventledger's extraction against bare spaCy, in one process.

    python benchmarks/throughput.py INPUT [INPUT ...] [--docs N] [--model NAME]

INPUTs are anything ``eventledger process`` reads (files, folders). Their documents are
repeated up to ``--docs`` and run (1) through the bare spaCy model with ``nlp.pipe`` and
(2) through the full extraction (``extract_records``), both on the same texts, after a
warm-up. Prints documents per second of each, their ratio, and the peak Python memory
of each (tracemalloc, in a separate pass so that tracing does not slow the timed one).

``--event-head`` also times the extraction with the event head off (rules only, as the
settings ``event_head = false`` and ``trigger_model = false`` give), alternating the two
pipelines over ``--rounds`` rounds and keeping each one's best, and prints the ratio: what
the event head, reading the attribution tagger's forward pass, costs.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc

import spacy

from eventledger import Document
from eventledger.config import load_settings
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs
from eventledger.pipeline import build_pipeline, extract_records


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--event-head", action="store_true",
                        help="also time the extraction with the event head off")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    model = args.model or load_settings().model
    documents = _documents(args.inputs, args.docs)
    chars = sum(len(d.text) for d in documents)
    bare = spacy.load(model)
    full = build_pipeline(spacy.load(model))
    warm = documents[: min(8, len(documents))]
    _bare(bare, warm, args.batch_size)
    _full(full, warm, args.batch_size)

    bare_s = _timed(_bare, bare, documents, args.batch_size)
    full_s = _timed(_full, full, documents, args.batch_size)
    result = {
        "model": model,
        "documents": len(documents),
        "characters": chars,
        "bare_spacy_docs_per_s": len(documents) / bare_s,
        "eventledger_docs_per_s": len(documents) / full_s,
        "ratio_eventledger_to_bare": (len(documents) / full_s) / (len(documents) / bare_s),
        "bare_spacy_peak_mb": _peak_mb(_bare, bare, documents, args.batch_size),
        "eventledger_peak_mb": _peak_mb(_full, full, documents, args.batch_size),
    }
    if args.event_head:
        result.update(_event_head_cost(model, documents, args.batch_size, args.rounds))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['documents']} documents, {chars} characters, model {model}")
    print(f"bare spaCy nlp.pipe : {result['bare_spacy_docs_per_s']:8.1f} docs/s  "
          f"peak {result['bare_spacy_peak_mb']:.1f} MB")
    print(f"eventledger extract : {result['eventledger_docs_per_s']:8.1f} docs/s  "
          f"peak {result['eventledger_peak_mb']:.1f} MB")
    print(f"ratio (eventledger / bare spaCy): {result['ratio_eventledger_to_bare']:.2f}")
    if args.event_head:
        print(f"event head on       : {result['event_head_on_docs_per_s']:8.2f} docs/s")
        print(f"event head off      : {result['event_head_off_docs_per_s']:8.2f} docs/s")
        print(f"ratio (on / off): {result['ratio_event_head_on_to_off']:.3f}")


def _event_head_cost(model: str, documents, batch_size: int, rounds: int) -> dict:
    """Docs per second with the event head on and off, the best of alternating rounds."""
    on = build_pipeline(spacy.load(model))
    off = build_pipeline(spacy.load(model), {
        "eventledger_attribution_spans": {"event_head": False},
        "eventledger_events": {"trigger_model": False},
    })
    warm = documents[: min(8, len(documents))]
    _full(on, warm, batch_size)
    _full(off, warm, batch_size)
    best = {"on": float("inf"), "off": float("inf")}
    for _ in range(rounds):
        for name, nlp in (("on", on), ("off", off)):
            best[name] = min(best[name], _timed(_full, nlp, documents, batch_size))
    return {
        "event_head_on_docs_per_s": len(documents) / best["on"],
        "event_head_off_docs_per_s": len(documents) / best["off"],
        "ratio_event_head_on_to_off": best["off"] / best["on"],
    }


if __name__ == "__main__":
    main()
