"""A long fuzz run over the readers and the extractors, with hypothesis.

    python benchmarks/fuzz.py --examples N [--only TARGET ...] [--stop-at HH:MM]
                              [--failures fuzz-failures] [--seed S]

The ``N`` inputs are spread over the targets by fixed shares (printed before the run):
the readers are fast and take most; full extraction (the MPNet tagger on the CPU) is
slow and takes 1 %. Every input goes through the invariants of the property tests
(tests/hostile_inputs.py): nothing but eventledger's own one-line errors escapes a
reader; every record validates against the JSON Schema, its spans are the document text
at their offsets, and the same text gives the same record twice (every tenth input).

A failing input is not shrunk and does not stop the run: it is saved under
``--failures`` (``TARGET-HASH.input`` and ``TARGET-HASH.txt`` with the traceback) and
counted. ``--stop-at`` (UTC, HH:MM) ends the run by itself at that time: the targets not
finished are reported with the count they reached. Ends with a table: target, inputs,
seconds, inputs per second, failures; exit code 1 when any input failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_inputs import (  # noqa: E402 - after the tests folder is on the path
    READERS,
    check_read,
    check_record,
    hostile_text,
    read_file,
)
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Share of the inputs per target. Readers and the text parsers are cheap; extraction
# (the full pipeline) costs a few hundred milliseconds an input on two cores.
SHARES = {
    "numbers": 0.10, "quotes": 0.08, "layout": 0.06, "dates": 0.03,
    "text": 0.15, "html": 0.12, "feed": 0.15, "jsonl": 0.12, "telegram": 0.12,
    "bytes": 0.06, "extract": 0.01,
}


@dataclass
class Tally:
    inputs: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


class Fuzzer:
    def __init__(self, failures: Path, stop_at: dt.datetime | None):
        self.failures = failures
        self.stop_at = stop_at
        self.tallies: dict[str, Tally] = {}
        self.folder = tempfile.mkdtemp(prefix="eventledger-fuzz-")
        self._nlp = None
        self._blank = None

    def out_of_time(self) -> bool:
        return self.stop_at is not None and dt.datetime.now(dt.UTC) >= self.stop_at

    def save(self, target: str, data: bytes | str, exc: BaseException) -> None:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        digest = hashlib.sha1(raw).hexdigest()[:12]
        self.failures.mkdir(parents=True, exist_ok=True)
        (self.failures / f"{target}-{digest}.input").write_bytes(raw)
        (self.failures / f"{target}-{digest}.txt").write_text(
            "".join(traceback.format_exception(exc)), encoding="utf-8")
        self.tallies[target].failures.append(f"{target}-{digest}: {type(exc).__name__}: "
                                             f"{str(exc)[:120]!r}")

    def run(self, target: str, count: int) -> None:
        tally = self.tallies.setdefault(target, Tally())
        strategy, check = self.target(target)

        @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(data=strategy)
        def one(data) -> None:
            if self.out_of_time():
                return
            started = time.perf_counter()
            try:
                check(data)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # noqa: BLE001 - every failure is saved and counted
                self.save(target, data, exc)
            tally.inputs += 1
            tally.seconds += time.perf_counter() - started

        one()

    # -- targets -----------------------------------------------------------------------
    def target(self, name: str):
        if name in READERS:
            extension, strategy = READERS[name]
            return strategy(), lambda data: check_read(read_file(data, extension, self.folder))
        return {
            "bytes": (st.tuples(st.binary(max_size=2000),
                                st.sampled_from([".txt", ".html", ".xml", ".jsonl", ".json", ""])),
                      lambda pair: check_read(read_file(pair[0], pair[1], self.folder))),
            "numbers": (hostile_text(), self.check_numbers),
            "quotes": (hostile_text(), self.check_quotes),
            "layout": (hostile_text(), self.check_layout),
            "dates": (st.tuples(hostile_text(max_pieces=4),
                                st.sampled_from([None, "2025-06-02", "2024-02-29", "0001-01-01",
                                                 "9999-12-31", "2025-13-45", "x"])),
                      self.check_dates),
            "extract": (st.tuples(hostile_text(max_pieces=12), st.integers(0, 9)),
                        self.check_extract),
        }[name]

    def blank(self):
        if self._blank is None:
            import spacy

            self._blank = spacy.blank("en")
        return self._blank

    def check_numbers(self, text: str) -> None:
        from eventledger.extract.numbers import find_counts, quantities

        doc = self.blank()(text)
        top = quantities()["max_count"]
        for count in find_counts(doc):
            assert 0 <= count.start < count.end <= len(doc)
            for value in (count.low, count.high):
                assert value is None or 0 <= value <= top + 1, value

    def check_quotes(self, text: str) -> None:
        from eventledger.extract.quotes import find_quotes

        for quote in find_quotes(text):
            assert 0 <= quote.outer_start <= quote.start <= quote.end <= quote.outer_end
            assert quote.outer_end <= len(text)

    def check_layout(self, text: str) -> None:
        from eventledger.extract.layout import layout_ranges

        previous = 0
        for start, end, kind in layout_ranges(text):
            assert previous <= start < end <= len(text) and kind in ("heading", "caption")
            previous = end

    def check_dates(self, pair) -> None:
        from eventledger.extract.dates import resolve_date

        found = resolve_date(*pair)
        if found is not None:
            day, precision = found
            dt.date.fromisoformat(day)
            assert precision in ("day", "month", "year")

    def check_extract(self, pair) -> None:
        from eventledger.document import Document
        from eventledger.pipeline import extract_record, load_pipeline

        text, turn = pair
        if not text.strip():
            return
        self._nlp = self._nlp or load_pipeline()
        document = Document(text=text, source="fuzz")
        record = extract_record(document, nlp=self._nlp)
        check_record(record, text)
        if turn == 0:  # every tenth input, on average: the same record twice
            assert extract_record(document, nlp=self._nlp) == record


def _spread(total: int, only: list[str] | None) -> dict[str, int]:
    shares = {k: v for k, v in SHARES.items() if not only or k in only}
    scale = sum(shares.values())
    return {k: max(1, round(total * v / scale)) for k, v in shares.items()}


def _stop_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    hour, minute = (int(part) for part in text.split(":"))
    now = dt.datetime.now(dt.UTC)
    stop = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return stop if stop > now else stop + dt.timedelta(days=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, required=True, help="Inputs in all.")
    parser.add_argument("--only", nargs="*", choices=sorted(SHARES), help="Targets to run.")
    parser.add_argument("--stop-at", help="UTC time (HH:MM) at which the run ends by itself.")
    parser.add_argument("--failures", default="fuzz-failures", help="Where failing inputs go.")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # The readers log a warning per odd field ("date ... is not YYYY-MM-DD"): thousands.
    logging.disable(logging.WARNING)
    plan = _spread(args.examples, args.only)
    print("plan: " + ", ".join(f"{k} {v}" for k, v in plan.items()), flush=True)
    fuzzer = Fuzzer(Path(args.failures), _stop_time(args.stop_at))
    started = time.perf_counter()
    try:
        for target, count in plan.items():
            if fuzzer.out_of_time():
                break
            fuzzer.run(target, count)
            tally = fuzzer.tallies[target]
            print(f"{target}: {tally.inputs} inputs in {tally.seconds:.1f} s, "
                  f"{len(tally.failures)} failures", flush=True)
    finally:
        shutil.rmtree(fuzzer.folder, ignore_errors=True)
    wall = time.perf_counter() - started
    total = sum(t.inputs for t in fuzzer.tallies.values())
    failed = sum(len(t.failures) for t in fuzzer.tallies.values())
    print(f"\n{'target':<10} {'planned':>8} {'inputs':>8} {'seconds':>9} {'per s':>8} failures")
    for target, count in plan.items():
        tally = fuzzer.tallies.get(target, Tally())
        rate = tally.inputs / tally.seconds if tally.seconds else 0.0
        print(f"{target:<10} {count:>8} {tally.inputs:>8} {tally.seconds:>9.1f} {rate:>8.1f} "
              f"{len(tally.failures)}")
    print(f"{'all':<10} {sum(plan.values()):>8} {total:>8} {wall:>9.1f}"
          f"{'':>9} {failed}  (wall clock, with generation)")
    for tally in fuzzer.tallies.values():
        for line in tally.failures[:20]:
            print("  failed: " + line)
    if failed:
        print(f"failing inputs saved under {args.failures}/")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
