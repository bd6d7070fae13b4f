"""Server CPU per request of each request of ``serve_load.py``'s mix, one client at a time.

    python benchmarks/serve_cost.py --db STORE [--requests 100] [--only KIND ...]

``eventledger serve`` runs in its own process over ``STORE`` (built as ``serve_load.py``
builds it when missing). For each of the mix's requests (each with its own random days,
types and ids, drawn as the load draws them), one keep-alive client sends ``--requests``
of them one after the other, and the server's CPU time (user and system, from /proc) is
read before and after. CPU per request does not depend on what else the machine runs, as
latency does: it is what the load's 50 clients share out over two cores. Prints, per
request of the mix, milliseconds of server CPU per request and the median latency, then
the mix's mean (each request of the mix is equally likely).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from serve_load import (
    _Connection,
    _free_port,
    _samples,
    _server_cpu,
    _wait,
    build_store,
    mix_choices,
    settle,
)


async def _measure(host: str, port: int, paths: list[str], pid: int) -> tuple[float, float, int]:
    """``(server CPU ms per request, median latency ms, failures)`` of ``paths``."""
    connection = _Connection(host, port)
    await connection.get("/healthz")
    latencies, failures = [], 0
    before = _server_cpu(pid)
    for path in paths:
        began = time.perf_counter()
        status = await connection.get(path)
        latencies.append((time.perf_counter() - began) * 1000)
        failures += not 200 <= status < 300
    spent = _server_cpu(pid) - before
    await connection.close()
    return spent * 1000 / len(paths), statistics.median(latencies), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--only", nargs="*", default=None,
                        help="Only the requests whose path starts with one of these.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.db.exists():
        build_store(args.db, args.events)
    doc_ids, story_ids = _samples(args.db)
    rng = random.Random(args.seed)
    # Column j: the mix's j-th request, drawn afresh --requests times.
    draws = [mix_choices(rng, doc_ids, story_ids) for _ in range(args.requests)]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "eventledger.cli", "serve", "--db", str(args.db),
         "--port", str(port)], stdout=subprocess.DEVNULL, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, server)
        settle(server.pid)  # the overview's answers, made as the server starts
        print(f"{args.requests} requests each, one client; load average "
              f"{os.getloadavg()[0]:.2f}")
        costs = []
        for column in range(len(draws[0])):
            kind, first = draws[0][column]
            template = first.split("?")[0] + ("?" + _shape(first) if "?" in first else "")
            if args.only and not any(first.startswith(p) for p in args.only):
                continue
            paths = [row[column][1] for row in draws]
            cpu, p50, failures = asyncio.run(_measure("127.0.0.1", port, paths, server.pid))
            costs.append(cpu)
            print(f"  {kind:17} {template[:58]:58} CPU {cpu:7.2f} ms  p50 {p50:7.1f} ms"
                  + (f"  failures {failures}" if failures else ""))
        print(f"mix mean: {sum(costs) / max(len(costs), 1):.2f} ms of server CPU per request; "
              f"load average {os.getloadavg()[0]:.2f}")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def _shape(path: str) -> str:
    """The query's parameter names (``since&until&type``), not their values."""
    return "&".join(pair.split("=")[0] for pair in path.split("?", 1)[1].split("&"))


if __name__ == "__main__":
    main()
