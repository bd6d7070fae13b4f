"""Crash safety of ``eventledger process``: SIGKILL at random points, restart, repeat.

    python benchmarks/kill_restart.py [--kills 20] [--docs 40] [--seed 32]

Writes ``--docs`` invented articles to a temporary folder, then ``--kills`` times starts
``eventledger process`` on the whole batch (one document per nlp batch) against the same
SQLite file and kills it with SIGKILL at a random point: a random number of seconds after
a random count of documents is stored, or while the model loads. After every kill it
checks the store (SQLite integrity and foreign keys; every document's item rows exactly
those of its record). Then one last run finishes the batch, a clean run builds a second
store from the same inputs, and their fingerprints are compared.

Prints one line per kill (documents stored before and after, problems found) and a
summary; exit code 1 when any check failed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from store_checks import (  # noqa: E402 - after the tests folder is on the path
    kill_after,
    start_process,
    store_problems,
    stored_documents,
)
from test_process_kill import write_batch  # noqa: E402

from eventledger.store import Store  # noqa: E402


def _run_to_end(inputs: list[str], db: Path) -> float:
    started = time.perf_counter()
    child = start_process(inputs, db)
    if child.wait(timeout=3600) != 0:
        raise SystemExit(f"process on {db} exited with {child.returncode}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=32)
    args = parser.parse_args()
    chance = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="eventledger-kill-"))
    inputs = write_batch(folder / "in", args.docs)
    crashed = folder / "crashed.db"
    failures = 0
    finished_early = 0
    started = time.perf_counter()
    for kill in range(1, args.kills + 1):
        before = stored_documents(crashed)
        if before >= args.docs:
            print(f"kill {kill:2d}: the batch is already stored; stopping the kills")
            break
        # Mostly after a random count of further documents, sometimes during start-up.
        target = before + chance.randint(0, min(3, args.docs - before - 1))
        delay = chance.uniform(0.0, 1.5)
        child = start_process(inputs, crashed)
        killed = kill_after(child, crashed, target, delay)
        finished_early += not killed
        with Store.open(crashed) as store:
            problems = store_problems(store)
        failures += bool(problems)
        print(f"kill {kill:2d}: {'killed' if killed else 'finished first'} "
              f"{delay:.2f} s after {target} documents; stored {before} -> "
              f"{stored_documents(crashed)}; problems: {problems or 'none'}", flush=True)
    resume = _run_to_end(inputs, crashed)
    clean_db = folder / "clean.db"
    clean = _run_to_end(inputs, clean_db)
    with Store.open(crashed) as a, Store.open(clean_db) as b:
        same = a.fingerprint() == b.fingerprint()
        final_problems = store_problems(a)
        counts = a.counts()
    print(f"\n{args.kills} kills over {args.docs} documents ({finished_early} runs finished "
          f"before their kill), {failures} inconsistent stores after a kill")
    print(f"final run {resume:.1f} s, clean run {clean:.1f} s; final store: "
          f"{counts['documents']} documents, {counts['events']} events, "
          f"{counts['figures']} figures; problems: {final_problems or 'none'}")
    print(f"final store equals the clean run's (fingerprint): {same}")
    ok = same and not failures and not final_problems
    print(f"wall clock {time.perf_counter() - started:.1f} s"
          + ("" if ok else f"; the stores are kept in {folder}"))
    if ok:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
