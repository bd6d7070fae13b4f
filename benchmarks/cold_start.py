"""The cost of one document from a cold start: ``eventledger extract FILE`` as a whole
process, and where its time goes.

    python benchmarks/cold_start.py FILE [--runs 3]

First one run fills the caches (the unpacked encoder); then ``--runs`` runs of the whole
command, each timed from outside (wall seconds, CPU seconds of the child, peak resident
memory), and one run of the same steps inside a fresh interpreter, timed per phase:
importing spaCy (which imports PyTorch through thinc), importing eventledger's pipeline,
loading the spaCy model, loading the attribution tagger, reading the document (its language
checked), and extracting it (the first forward pass included). On a loaded machine compare
CPU seconds, not wall seconds.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

_PHASES = r"""
import gc, json, sys, time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
# As the command loads: the collector paused while spaCy is imported, and what was
# imported, then the pipeline, frozen out of its later passes.
gc.disable()
from eventledger.spacy_import import import_spacy
import_spacy()
gc.freeze()
gc.enable()
mark("import spaCy")
from eventledger.ingest import iter_inputs
from eventledger.pipeline import build_pipeline, component_configs, extract_records, load_model
from eventledger.config import load_settings
mark("import eventledger")
settings = load_settings()
nlp = load_model(settings.model, quote_splits=True)
mark("load spaCy model")
build_pipeline(nlp, component_configs(settings))
gc.freeze()
mark("load tagger and lexicons")
documents = list(iter_inputs([sys.argv[1]]))
mark("read the document")
records = list(extract_records(documents, nlp=nlp))
mark("extract the document")
print(json.dumps([(n, t - marks[i][1], c - marks[i][2]) for i, (n, t, c) in
                  enumerate(marks[1:])]))
"""


def whole_run(path: str) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventledger.cli", "extract", path],
                   stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest of any child so far (KB on Linux).
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": after.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    path = str(Path(args.file))

    whole_run(path)  # fills the caches
    runs = [whole_run(path) for _ in range(args.runs)]
    out = subprocess.run([sys.executable, "-c", _PHASES, path], capture_output=True,
                         text=True, check=True)
    phases = json.loads(out.stdout.strip().splitlines()[-1])
    result = {"runs": runs, "phases": [{"phase": n, "wall_s": w, "cpu_s": c}
                                       for n, w, c in phases]}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for run in runs:
        print(f"eventledger extract: {run['wall_s']:6.2f} s wall  {run['cpu_s']:6.2f} s CPU  "
              f"peak {run['peak_rss_mb']:.0f} MB")
    print(f"median of {len(runs)}:       {statistics.median(r['wall_s'] for r in runs):6.2f} s wall  "
          f"{statistics.median(r['cpu_s'] for r in runs):6.2f} s CPU")
    print("phases (one fresh interpreter):")
    for phase in result["phases"]:
        print(f"  {phase['phase']:26s} {phase['wall_s']:6.2f} s wall  {phase['cpu_s']:6.2f} s CPU")


if __name__ == "__main__":
    main()
