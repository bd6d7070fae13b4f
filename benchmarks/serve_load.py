"""Load on ``eventledger serve``: concurrent clients over loopback against a large store.

    python benchmarks/serve_load.py [--events 100000] [--clients 50] [--seconds 30]
                                    [--db PATH] [--baseline-seconds 10] [--workers 1]
                                    [--httpx] [--revalidate]

A store of ``--events`` generated events (four per document, with a figure, a place, an
attribution and an actor each; days over two years, places over a 20 x 20 degree region)
is written through the store's normal write path (``Store.write_record``) and its
documents assigned to stories (``assign_stories``), not through extraction. ``--db``
keeps the store at PATH and reuses it when it is already there.

``eventledger serve`` then runs in its own process on a free 127.0.0.1 port. Each client
keeps one HTTP/1.1 connection open (a small client of our own, far cheaper in CPU than
httpx, which ``--httpx`` uses instead: on two cores the clients' CPU is the server's
loss). First a baseline: the same clients ask only ``/healthz`` for ``--baseline-seconds``; then for
``--seconds`` each client sends, one after the other, a mix of API and page requests
(filtered event, figure and story lists, the map's points, the timeline, one story,
one document, the overview, a story page, a document page). Prints requests per
second, p50 and p99 latency and errors (anything but a 2xx answer, or no answer; with
``--revalidate``, clients send the entity tags they kept, and a 304 is an answer) for the
baseline and the mix, per kind of request, and the mix's p50 and p99 as ratios to the
baseline's in this same run. On Linux it also prints the CPU time the server's processes
and the clients spent per request: on a shared machine, where latencies depend on what
else runs, these say what a request costs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

START = date(2024, 1, 1)
DAYS = 730
TYPES = ["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "AGREE", "THREATEN", "MOBILIZE", "AID"]
COUNTRIES = ["KE", "UG", "TZ", "CD", "SS", "ET"]
SOURCES = ["police", "the health ministry", "hospital sources", "a rights group",
           "the army", "witnesses", "local officials", "the governor"]
OUTLETS = ["Daily Bench", "Bench Radio", "Wire Bench", "Lake Times", "Highland Post"]
ACTORS = ["Police", "Army", "Protesters", "Gunmen", "Traders", "Students", "Militia"]
EVENTS_PER_DOC = 4


def _record(number: int, rng: random.Random) -> dict:
    day = START + timedelta(days=rng.randrange(DAYS))
    source, outlet = rng.choice(SOURCES), rng.choice(OUTLETS)
    actors = [rng.choice(ACTORS) for _ in range(EVENTS_PER_DOC)]
    killed = rng.randrange(1, 60)
    sentences = [f"{actors[i]} moved in town{number % 997} near site {i} on the day."
                 for i in range(EVENTS_PER_DOC)]
    text = (f"Report {number}. " + " ".join(sentences)
            + f" {source.capitalize()} said {killed} people were killed in town{number % 997}.")

    def span(phrase: str, after: int = 0) -> dict:
        start = text.index(phrase, after)
        return {"text": phrase, "start": start, "end": start + len(phrase)}

    town = span(f"town{number % 997}")
    lat, lon = round(rng.uniform(-10, 10), 4), round(rng.uniform(25, 45), 4)
    country = COUNTRIES[int((lon - 25) // 3.4) % len(COUNTRIES)]
    said = span("said")
    claim = span(f"{killed} people were killed in town{number % 997}")
    events = []
    cursor = 0
    for index, actor in enumerate(actors):
        trigger = span("moved", cursor)
        cursor = trigger["end"]
        who = span(actor, trigger["start"] - len(actor) - 1)
        events.append({
            "id": f"E{index + 1}", "type": rng.choice(TYPES), "mode": None, "trigger": trigger,
            "actor": {**who, "name": actor, "actor": None}, "recipient": None,
            "location": {"place": "P1"}, "date": day.isoformat(), "date_precision": "day",
            "attribution": "Q1" if index == 0 else None, "negated": False,
            "hypothetical": False,
        })
    source_span = span(source.capitalize())
    return {
        "document": {"id": f"bench{number:08d}", "path": None,
                     "url": f"https://bench.example/{number}", "outlet": outlet,
                     "published": day.isoformat(), "title": f"Bench report {number}",
                     "language": "en", "text": text},
        "attributions": [{"id": "Q1", "kind": "indirect",
                          "source": {**source_span, "name": source, "actor": None},
                          "cue": said, "content": claim, "channel": None, "cites": [],
                          "cited_by": []}],
        "events": events,
        "figures": [{"id": "F1", "category": "killed", "trigger": span("killed"),
                     "count": {**span(str(killed), claim["start"]), "low": killed,
                               "high": killed, "exact": True},
                     "who": span("people"), "location": {"place": "P1"}, "event": "E1",
                     "attribution": "Q1"}],
        "places": [{"id": "P1", **town, "name": town["text"], "geonameid": None,
                    "country": country, "lat": lat, "lon": lon, "kind": "city"}],
        "actors": [], "disagreements": [],
    }


def build_store(path: Path, events: int, seed: int = 7) -> None:
    from eventledger.store import Store
    from eventledger.stories import assign_stories

    rng = random.Random(seed)
    documents = -(-events // EVENTS_PER_DOC)
    began = time.perf_counter()
    with Store.open(path) as store:
        for number in range(documents):
            record = _record(number, rng)
            store.write_record(record, extractor_version="bench")
            assign_stories(store, [record["document"]["id"]], records={
                record["document"]["id"]: record})
            if number and number % 2500 == 0:
                print(f"  {number} documents written ({time.perf_counter() - began:.0f} s)",
                      flush=True)
        counts = store.counts()
    print(f"store {path}: {counts['documents']} documents, {counts['events']} events, "
          f"{counts['figures']} figures ({time.perf_counter() - began:.0f} s to build)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _requests(rng: random.Random, doc_ids: list[str], story_ids: list[str]):
    """One request of the mix: ``(kind, path)``."""
    return rng.choice(mix_choices(rng, doc_ids, story_ids))


def mix_choices(rng: random.Random, doc_ids: list[str], story_ids: list[str]
                ) -> list[tuple[str, str]]:
    """The mix's requests, one of each (random days, types, ...): ``[(kind, path)]``."""
    day = START + timedelta(days=rng.randrange(DAYS - 30))
    window = f"since={day.isoformat()}&until={(day + timedelta(days=30)).isoformat()}"
    return [
        ("api events", f"/api/events?type={rng.choice(TYPES)}&country={rng.choice(COUNTRIES)}"
                       f"&limit=50&offset={rng.randrange(0, 200)}"),
        ("api events", f"/api/events?{window}&limit=50"),
        ("api figures", f"/api/figures?source={rng.choice(SOURCES).split()[-1]}&{window}"),
        ("api stories", f"/api/stories?{window}&limit=50"),
        ("api stories", f"/api/stories?type={rng.choice(TYPES)}&limit=50"),
        ("api map", f"/api/map?{window}&type={rng.choice(TYPES)}"),
        ("api timeline", f"/api/timeline?{window}&country={rng.choice(COUNTRIES)}"),
        ("api story", f"/api/stories/{rng.choice(story_ids)}"),
        ("api document", f"/api/documents/{rng.choice(doc_ids)}"),
        ("page overview", f"/?{window}"),
        # What every reader's overview asks first: everything, unfiltered.
        ("api map all", "/api/map"),
        ("api timeline all", "/api/timeline"),
        ("api stories all", "/api/stories"),
        ("page story", f"/stories/{rng.choice(story_ids)}"),
        ("page document", f"/documents/{rng.choice(doc_ids)}"),
    ]


def _server_cpu(pid: int) -> float | None:
    """CPU seconds (user and system) used so far by process ``pid`` and its children
    (the worker processes of ``serve --workers``), from /proc; None elsewhere."""
    proc = Path("/proc")
    if not (proc / str(pid) / "stat").exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    family, grown = {pid}, True
    while grown:  # children, their children, ...
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grown = bool(more)
    return sum(used.get(member, 0.0) for member in family)


class _Connection:
    """One client's keep-alive HTTP/1.1 connection, written by hand: httpx costs the
    machine a few milliseconds of CPU per request, which on two cores is taken from the
    server being measured. Reconnects when the server closes it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str, tags: dict[str, str] | None = None) -> int:
        """The status of ``GET path``, its body read and dropped (on a failure the
        connection is dropped too, and the next request opens another). ``tags``: the
        entity tags of the answers this client keeps, by path, sent as ``If-None-Match``
        as a browser revalidates what it keeps, and updated from the answers."""
        try:
            return await self._get(path, tags)
        except BaseException:
            await self.close()
            raise

    async def _get(self, path: str, tags: dict[str, str] | None) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        kept = tags.get(path) if tags is not None else None
        ask = f"If-None-Match: {kept}\r\n" if kept else ""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n{ask}\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        if headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            await self.reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection") == "close":
            await self.close()
        if tags is not None and status == 200 and "etag" in headers:
            tags[path] = headers["etag"]
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def _load(base: str, clients: int, seconds: float, pick, *, use_httpx: bool = False,
                revalidate: bool = False) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    deadline = time.perf_counter() + seconds
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def client(number: int, get) -> None:
        rng = random.Random(number)
        while time.perf_counter() < deadline:
            kind, path = pick(rng)
            began = time.perf_counter()
            try:
                status = await get(path)
                ok = 200 <= status < 300 or (revalidate and status == 304)
            except (OSError, ValueError, EOFError, asyncio.LimitOverrunError):
                ok = False  # no answer, or not one of HTTP
            latencies[kind].append((time.perf_counter() - began) * 1000)
            if not ok:
                errors[kind] += 1

    async def by_hand(number: int) -> None:
        connection = _Connection(host, int(port))
        try:
            tags: dict[str, str] | None = {} if revalidate else None
            await client(number, lambda path: connection.get(path, tags))
        finally:
            await connection.close()

    began, client_cpu = time.perf_counter(), time.process_time()
    if use_httpx:
        import httpx

        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(limits=limits, timeout=30) as http:
            async def get(path: str) -> int:
                try:
                    return (await http.get(base + path)).status_code
                except httpx.HTTPError as exc:
                    raise OSError(str(exc)) from exc

            await asyncio.gather(*(client(n, get) for n in range(clients)))
    else:
        await asyncio.gather(*(by_hand(n) for n in range(clients)))
    return {"latencies": latencies, "errors": errors, "elapsed": time.perf_counter() - began,
            "client_cpu": time.process_time() - client_cpu}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def _line(name: str, values: list[float], errors: int, elapsed: float) -> str:
    return (f"{name:17} {len(values):7d} req {len(values) / elapsed:8.1f} req/s  "
            f"p50 {_percentile(values, 0.5):7.1f} ms  p99 {_percentile(values, 0.99):7.1f} ms  "
            f"errors {errors}")


def _report(title: str, result: dict, server_cpu: float | None) -> tuple[float, float]:
    elapsed = result["elapsed"]
    everything = [v for values in result["latencies"].values() for v in values]
    print(title)
    print("  " + _line("all", everything, sum(result["errors"].values()), elapsed))
    served = max(len(everything), 1)
    cpu = f"server {server_cpu * 1000 / served:.2f} ms, " if server_cpu is not None else ""
    print(f"  CPU per request: {cpu}clients {result['client_cpu'] * 1000 / served:.2f} ms; "
          f"load average {os.getloadavg()[0]:.2f}")
    if len(result["latencies"]) > 1:
        for kind in sorted(result["latencies"]):
            print("  " + _line(kind, result["latencies"][kind], result["errors"][kind], elapsed))
    return _percentile(everything, 0.5), _percentile(everything, 0.99)


def _samples(path: Path) -> tuple[list[str], list[str]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT 500")]
        stories = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT 500")]
    return docs, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline-seconds", type=float, default=10)
    parser.add_argument("--db", type=Path, default=None,
                        help="Keep the generated store here (reused when present).")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers.")
    parser.add_argument("--revalidate", action="store_true",
                        help="Each client keeps the entity tags of its answers and sends "
                        "If-None-Match when it asks for the same address again, as a browser "
                        "does (a 304 then counts as answered). Off by default: every request "
                        "gets its whole answer.")
    parser.add_argument("--httpx", action="store_true",
                        help="Send the requests with httpx (as runs before 2026-12 did) "
                        "instead of the benchmark's own keep-alive client.")
    args = parser.parse_args()
    if args.revalidate and args.httpx:
        parser.error("--revalidate goes with the benchmark's own client, not --httpx")

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "serve_load.db"
        if not path.exists():
            build_store(path, args.events)
        doc_ids, story_ids = _samples(path)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "eventledger.cli", "serve", "--db", str(path),
             "--port", str(port), "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL, env=os.environ.copy())
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, server)
            settle(server.pid)
            print(f"{args.clients} clients over loopback "
                  f"({'httpx' if args.httpx else 'keep-alive connections of our own'}"
                  f"{', revalidating what they keep' if args.revalidate else ''}), "
                  f"server pid {server.pid} ({args.workers} worker process(es)); "
                  f"load average before: {os.getloadavg()[0]:.2f}")
            cpu_before = _server_cpu(server.pid)
            baseline = asyncio.run(_load(base, args.clients, args.baseline_seconds,
                                         lambda rng: ("healthz", "/healthz"),
                                         use_httpx=args.httpx))
            cpu_between = _server_cpu(server.pid)
            base_p50, base_p99 = _report(
                f"baseline: /healthz for {args.baseline_seconds:.0f} s", baseline,
                _spent(cpu_before, cpu_between))
            mix = asyncio.run(_load(base, args.clients, args.seconds,
                                    lambda rng: _requests(rng, doc_ids, story_ids),
                                    use_httpx=args.httpx, revalidate=args.revalidate))
            p50, p99 = _report(f"mix of API and page requests for {args.seconds:.0f} s", mix,
                               _spent(cpu_between, _server_cpu(server.pid)))
            print(f"mix / baseline: p50 x{p50 / max(base_p50, 1e-9):.1f}, "
                  f"p99 x{p99 / max(base_p99, 1e-9):.1f}; "
                  f"load average after: {os.getloadavg()[0]:.2f}")
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)


def _spent(before: float | None, after: float | None) -> float | None:
    return after - before if before is not None and after is not None else None


def settle(pid: int, *, most: float = 120) -> None:
    """Wait until the server's processes stop working on their own (what a server does
    as it starts: the overview's answers, the events held in memory), at most ``most``
    seconds, so that a measure counts requests only."""
    deadline = time.perf_counter() + most
    before = _server_cpu(pid)
    while before is not None and time.perf_counter() < deadline:
        time.sleep(0.5)
        now = _server_cpu(pid)
        if now - before < 0.05:
            return
        before = now


def _wait(base: str, server: subprocess.Popen) -> None:
    import urllib.request

    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit("the server ended before answering")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer within a minute")


if __name__ == "__main__":
    main()
