"""Streamed inputs: `process` reads one input at a time, and its progress total comes from
counting the file listings first, without reading anything."""

from __future__ import annotations

import json
import os
import tracemalloc

from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.ingest import count_inputs, iter_inputs

PARAGRAPH = ("Flood water rose along the river in Millbrook on Thursday, the county "
             "emergency office said, and two bridges were closed to traffic.\n\n")


def test_count_inputs_reads_nothing_and_matches_what_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(PARAGRAPH)
    (tmp_path / "a" / ".hidden.txt").write_text(PARAGRAPH)
    (tmp_path / "a" / "lines.jsonl").write_text(
        "".join(json.dumps({"text": f"{PARAGRAPH} Report {i}."}) + "\n" for i in range(3)))
    os.mkfifo(tmp_path / "a" / "pipe")  # reading it would block: counting must not open it
    inputs = [str(tmp_path / "a"), str(tmp_path / "missing.txt"), str(tmp_path / "a" / "*.txt")]
    assert count_inputs(inputs) == 4  # one.txt, lines.jsonl, pipe, missing.txt

    more = []
    results = list(iter_inputs(inputs, on_more=lambda: more.append(1)))
    # Every input gives one result, except the JSON lines file: three, two of them "more".
    assert len(results) == count_inputs(inputs) + len(more) and len(more) == 2


def _peak_of_process(folder, db, copies: int) -> int:
    folder.mkdir()
    for i in range(copies):
        (folder / f"copy_{i:05d}.txt").write_text(PARAGRAPH * 50, encoding="utf-8")
    tracemalloc.start()
    try:
        result = CliRunner().invoke(cli, ["process", str(folder), "--db", str(db), "-q"])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    assert f"{copies - 1} duplicates skipped" in result.output
    return peak


def test_process_holds_one_input_at_a_time(tmp_path, nlp):
    """Copies of one article (about 7 kB each): one is extracted, the rest are duplicates.
    Six hundred more copies (about 4 MB more text) must not raise the peak by more than
    a fraction of what holding them would take."""
    # Models the first extraction loads (language, tagger) are loaded before measuring.
    warm = CliRunner().invoke(cli, ["process", _write(tmp_path / "warm.txt"),
                                    "--db", str(tmp_path / "warm.db"), "-q"])
    assert warm.exit_code == 0, warm.output
    few = _peak_of_process(tmp_path / "few", tmp_path / "few.db", 100)
    many = _peak_of_process(tmp_path / "many", tmp_path / "many.db", 700)
    held = 600 * len(PARAGRAPH * 50)
    assert many - few < held / 4, (few, many, held)


def _write(path) -> str:
    path.write_text(PARAGRAPH, encoding="utf-8")
    return str(path)
