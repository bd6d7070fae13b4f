"""How the cost of one document grows with its length: seconds per KB at several sizes.

    python benchmarks/length_scaling.py PROSE [PROSE ...] [--sizes 10,100,1000] [--kinds prose,run-on]

PROSE: text files or folders of them (e.g. ../shared/eval/polnear/dev/text). Two kinds of
document are built at each size (in KB of characters):

- prose: paragraphs of the PROSE texts joined with blank lines, repeated as needed;
- run-on: one clause repeated, "Officials said two people were killed in Gao, ", which
  the parser reads as one sentence with a chain of reports.

Each is extracted once (``extract_records``, the settings' chunking) after a warm-up, in
this one process. Printed: wall seconds, CPU seconds, CPU seconds per KB, and CPU seconds
per KB against the smallest size of the same kind (1.0 everywhere when the cost is
linear): on a shared machine the wall clock counts the other processes' turns too.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventledger import Document
from eventledger.pipeline import extract_records, load_pipeline

RUN_ON_CLAUSE = "Officials said two people were killed in Gao, "


def prose_texts(inputs: list[str]) -> list[str]:
    paths: list[Path] = []
    for name in inputs:
        path = Path(name)
        paths.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    texts = [p.read_text(encoding="utf-8").strip() for p in paths]
    texts = [t for t in texts if t]
    if not texts:
        raise SystemExit("no text in the PROSE inputs")
    return texts


def prose_of(texts: list[str], chars: int) -> str:
    """Whole paragraphs of ``texts``, in turn, until there are ``chars`` characters."""
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    out: list[str] = []
    length, i = 0, 0
    while length < chars:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        length += len(paragraph) + 2
        i += 1
    return "\n\n".join(out)


def run_on_of(chars: int) -> str:
    return (RUN_ON_CLAUSE * (chars // len(RUN_ON_CLAUSE) + 1))[:chars].rsplit(" ", 1)[0]


def timed(nlp, text: str) -> tuple[float, float]:
    """Wall and CPU seconds of one extraction."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in extract_records([Document(text=text)], nlp=nlp):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prose", nargs="+")
    parser.add_argument("--sizes", default="10,100,1000", help="KB, comma-separated")
    parser.add_argument("--kinds", default="prose,run-on")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    sizes = [float(s) for s in args.sizes.split(",")]
    texts = prose_texts(args.prose)
    builders = {"prose": lambda chars: prose_of(texts, chars), "run-on": run_on_of}
    nlp = load_pipeline()
    timed(nlp, texts[0])  # warm-up: the tagger loads on first use
    rows = []
    for kind in args.kinds.split(","):
        first = None
        for size in sizes:
            text = builders[kind](int(size * 1000))
            seconds, cpu = timed(nlp, text)
            per_kb = cpu / (len(text) / 1000)
            first = first or per_kb
            rows.append({"kind": kind, "kb": len(text) / 1000, "seconds": seconds,
                         "cpu_seconds": cpu, "cpu_s_per_kb": per_kb,
                         "cpu_s_per_kb_vs_smallest": per_kb / first})
            if not args.json:
                row = rows[-1]
                print(f"{kind:7s} {row['kb']:8.1f} KB {seconds:9.2f} s wall {cpu:9.2f} s CPU  "
                      f"{per_kb:7.3f} CPU s/KB  x{row['cpu_s_per_kb_vs_smallest']:.2f}",
                      flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
