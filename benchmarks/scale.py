"""Scaling: extraction on Dask workers against one process, and memory over many documents.

    python benchmarks/scale.py speedup TEXTS [--limit N] [--batch-size N]
    python benchmarks/scale.py memory [--small 1000] [--large 10000]

``speedup`` runs ``process`` over the documents of TEXTS (a folder, e.g. PolNeAR's
dev/text) three times in this one process, each into a fresh SQLite store: on a local Dask
cluster of 2 workers, of 1 worker (one thread each), and in this process without Dask
(torch's own thread count). Cluster start and pipeline loading are timed apart from the
run. It prints documents per second of each, the speedup of 2 workers over 1 and over the
plain process, the seconds one document costs one worker, and whether the stores are the
same (fingerprints: every record, story and link).

``memory`` generates short, varied articles (nothing near-duplicate), runs
``eventledger process`` over ``--small`` and over ``--large`` of them, each in its own
subprocess, and prints each one's peak resident memory and their ratio.

Both print the load average before and after: the machine's cores may be shared.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventledger.config import load_settings
from eventledger.distributed import dask_extractor
from eventledger.document import Document
from eventledger.ingest import iter_inputs
from eventledger.pipeline import load_pipeline
from eventledger.process import process_documents
from eventledger.store import Store


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


# -- speedup ----------------------------------------------------------------------------------

def _run(documents, db: Path, *, batch_size: int, workers: int | None) -> tuple[float, float, str]:
    """(start-up seconds, run seconds, store fingerprint)."""
    settings = load_settings()
    with Store.open(db) as store:
        started = time.perf_counter()
        if workers is None:
            nlp = load_pipeline(settings.model)
            ready = time.perf_counter()
            summary = process_documents(documents, store, nlp=nlp, batch_size=batch_size)
            finished = time.perf_counter()
        else:
            with dask_extractor(workers=workers, model=settings.model, batch_size=batch_size,
                                max_chunk_chars=settings.max_chunk_chars,
                                partition_chars=settings.partition_chars) as extractor:
                ready = time.perf_counter()
                summary = process_documents(documents, store, batch_size=batch_size,
                                            extractor=extractor)
                finished = time.perf_counter()
        if summary.failed or summary.written != len(documents):
            raise SystemExit(f"run failed: {summary.failed}")
        return ready - started, finished - ready, store.fingerprint()


def speedup(args) -> None:
    documents = [d for d in iter_inputs([args.texts]) if isinstance(d, Document)]
    documents = documents[: args.limit] if args.limit else documents
    chars = sum(len(d.text) for d in documents)
    print(f"{len(documents)} documents, {chars} characters, from {args.texts}")
    print(f"before: {_load()}")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, workers in (("2 workers", 2), ("1 worker", 1), ("plain process", None)):
            start, run, fingerprint = _run(documents, Path(folder) / f"{workers}.db",
                                           batch_size=args.batch_size, workers=workers)
            results[name] = (run, fingerprint)
            print(f"{name:14s} start {start:6.1f} s   run {run:7.1f} s   "
                  f"{len(documents) / run:5.2f} docs/s   {chars / run:7.0f} chars/s", flush=True)
    print(f"after: {_load()}")
    one, two, plain = results["1 worker"][0], results["2 workers"][0], results["plain process"][0]
    print(f"speedup 2 workers / 1 worker: {one / two:.2f}x (target >= 1.7x)")
    print(f"speedup 2 workers / plain process: {plain / two:.2f}x")
    print(f"one document costs one worker {one / len(documents):.2f} s "
          f"({one / chars * 1000:.2f} s per 1,000 characters)")
    same = results["1 worker"][1] == results["2 workers"][1]
    print(f"output identical, 2 workers and 1 worker: {'yes' if same else 'NO'}")
    print(f"output identical, plain process and 1 worker: "
          f"{'yes' if results['plain process'][1] == results['1 worker'][1] else 'no'}")
    if not same:
        sys.exit(1)


# -- memory -----------------------------------------------------------------------------------

ACTORS = ["Police", "Soldiers", "Gunmen", "Protesters", "Rebels", "Militia fighters",
          "Border guards", "Striking workers", "Students", "Farmers", "Riot officers"]
ACTIONS = ["attacked", "raided", "blocked", "surrounded", "marched on", "shelled",
           "occupied", "stormed", "picketed", "torched"]
TARGETS = ["a market", "a checkpoint", "the town hall", "a bus depot", "a clinic",
           "a warehouse", "the rail station", "a police post", "a school", "a bridge"]
PLACES = ["Riverton", "Eastport", "Lakeside", "Millbrook", "Northgate", "Stonebridge",
          "Westfield", "Ashford", "Clearwater", "Redhill", "Oakmere", "Pinecrest"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["the district governor", "a hospital official", "local residents",
           "the interior ministry", "a rights group", "the army", "witnesses"]
WORDS = ("dozens hundreds early late night morning heavy brief fierce sudden local regional "
         "armed unarmed angry peaceful several many few wounded detained fled gathered "
         "returned closed opened burned damaged escorted").split()


def generated_article(rng: random.Random, number: int) -> str:
    day = DAYS[rng.randrange(7)]
    filler = " ".join(rng.choice(WORDS) for _ in range(12))
    return (f"date 2025-{1 + number % 12:02d}-{1 + number % 28:02d} "
            f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TARGETS)} in "
            f"{rng.choice(PLACES)} on {day}, {rng.choice(SOURCES)} said. "
            f"{rng.randrange(2, 90)} people were injured, report {number} noted: {filler}.\n")


def _peak_rss_mb(folder: Path, db: Path) -> tuple[float, float]:
    """(peak resident MB, seconds) of ``eventledger process FOLDER``, in a subprocess."""
    command = [sys.executable, "-m", "eventledger.cli", "process", str(folder), "--db",
               str(db), "-q"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _pid, status, usage = os.wait4(child.pid, 0)
    output = child.stdout.read().decode(errors="replace")
    if status != 0:
        raise SystemExit(f"process failed:\n{output}")
    print("   ", output.splitlines()[0])
    return usage.ru_maxrss / 1024, time.perf_counter() - started


def memory(args) -> None:
    print(f"before: {_load()}")
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (args.small, args.large):
            folder = Path(tmp) / f"in{count}"
            folder.mkdir()
            rng = random.Random(count)
            for number in range(count):
                (folder / f"{number:06d}.txt").write_text(generated_article(rng, number))
            peak, seconds = _peak_rss_mb(folder, Path(tmp) / f"{count}.db")
            peaks[count] = peak
            print(f"{count:6d} documents: peak RSS {peak:7.1f} MB, {seconds:6.1f} s "
                  f"({count / seconds:.1f} docs/s)", flush=True)
    print(f"after: {_load()}")
    print(f"peak memory {args.large} / {args.small} documents: "
          f"{peaks[args.large] / peaks[args.small]:.3f}x (target <= 1.2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("speedup", help="2 workers, 1 worker, plain process")
    run.add_argument("texts", help="a folder of articles, e.g. ../shared/eval/polnear/dev/text")
    run.add_argument("--limit", type=int, default=None, help="only the first N documents")
    run.add_argument("--batch-size", type=int, default=32)
    run.set_defaults(handler=speedup)
    mem = commands.add_parser("memory", help="peak memory of process, small and large runs")
    mem.add_argument("--small", type=int, default=1000)
    mem.add_argument("--large", type=int, default=10000)
    mem.set_defaults(handler=memory)
    args = parser.parse_args()
    args.handler(args)


if __name__ == "__main__":
    main()
