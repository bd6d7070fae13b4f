"""The command line, end to end on inputs written here, against a real SQLite file and a
real PostgreSQL server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.store import Store

ARTICLE = (
    "date 2025-06-02 Gunmen attacked a police station in Maiduguri on Sunday night, "
    "the state police command said.\n\n"
    "The police said four officers were killed, but a hospital official said six people "
    "were killed in the attack.\n\n"
    "“We will not be intimidated,” the police commissioner said.\n"
)

OTHER = (
    "Farmers protested in Nairobi on Tuesday against new taxes on fertiliser, "
    "the county government said.\n\n"
    "Police arrested 15 protesters, according to a rights group.\n"
)


def _write_corpus(folder, count=3):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "maiduguri.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "nairobi.txt").write_text(OTHER, encoding="utf-8")
    for i in range(count - 2):
        (folder / f"extra_{i}.txt").write_text(
            f"Troops withdrew from the village of Number {i} near Goma on Friday, "
            f"the army said. A spokesperson said {i + 2} soldiers were injured.\n",
            encoding="utf-8",
        )
    return folder


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_process_twice_leaves_the_database_unchanged(tmp_path, database):
    corpus = _write_corpus(tmp_path / "in")
    db = database
    runner = CliRunner()
    first = runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    assert "3 stored" in first.output
    with Store.open(db) as store:
        before = store.fingerprint()
        assert store.counts()["documents"] == 3
    second = runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"])
    assert second.exit_code == 0, second.output
    assert "0 stored" in second.output and "3 already stored" in second.output
    with Store.open(db) as store:
        assert store.fingerprint() == before


def test_reprocess_swaps_records_and_keeps_the_content(tmp_path, database):
    corpus = _write_corpus(tmp_path / "in")
    db = database
    runner = CliRunner()
    runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"])
    with Store.open(db) as store:
        before = store.fingerprint()
    result = runner.invoke(cli, ["process", str(corpus), "--db", db, "-q", "--reprocess"])
    assert result.exit_code == 0, result.output
    assert "3 re-extracted" in result.output
    with Store.open(db) as store:
        assert store.fingerprint() == before


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path, database):
    corpus = _write_corpus(tmp_path / "in")
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (corpus / "broken.jsonl").write_text('{"text": "Troops left the town on Monday."}\n{oops\n')
    db = database
    result = CliRunner().invoke(cli, ["process", str(corpus), str(tmp_path / "nowhere.txt"),
                                      "--db", db, "-q"])
    assert result.exit_code == 1
    failures = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failures) == 4, result.output
    assert any("empty.txt" in line and "empty" in line for line in failures)
    assert any("image.txt" in line and "binary" in line for line in failures)
    assert any("broken.jsonl" in line and "JSON" in line for line in failures)
    assert any("nowhere.txt" in line for line in failures)
    with Store.open(db) as store:
        assert store.counts()["documents"] == 4  # three articles and the good JSON line


def test_extract_prints_a_valid_record(tmp_path):
    path = tmp_path / "maiduguri.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["document"]["published"] == "2025-06-02"
    assert record["document"]["text"].startswith("Gunmen attacked")


def test_show_and_export(tmp_path, database):
    corpus = _write_corpus(tmp_path / "in")
    db = database
    runner = CliRunner()
    runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"])
    with Store.open(db) as store:
        doc_id = next(iter(store.iter_records()))["document"]["id"]
    shown = runner.invoke(cli, ["show", doc_id[:8], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert doc_id in shown.output
    missing = runner.invoke(cli, ["show", "zzzz", "--db", db])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: ")
    for fmt in ("csv", "json", "jsonl", "geojson", "parquet"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(cli, ["export", "--db", db, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    records = json.loads((tmp_path / "out.json").read_text())
    assert len(records) == 3
    summary = runner.invoke(cli, ["summary", "--db", db])
    assert summary.exit_code == 0, summary.output
    assert summary.output.startswith("store: 3 documents")
    assert doc_id in summary.output


def _cli_process(corpus, db, *, env=None):
    return subprocess.Popen(
        [sys.executable, "-m", "eventledger.cli", "process", str(corpus), "--db", db, "-q",
         "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )


def test_killed_run_restarted_ends_like_an_uninterrupted_run(tmp_path):
    corpus = _write_corpus(tmp_path / "in", count=40)
    reference_db = str(tmp_path / "reference.db")
    ref = _cli_process(corpus, reference_db)
    assert ref.wait(timeout=300) == 0, ref.stderr.read().decode()

    db = str(tmp_path / "killed.db")
    proc = _cli_process(corpus, db)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if os.path.exists(db):
            try:
                with Store.open(db) as store:
                    stored = store.counts()["documents"]
            except Exception:  # noqa: BLE001 - the schema may not be there yet
                stored = 0
            if stored >= 5:
                break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 40, "the run should have been killed midway"

    again = _cli_process(corpus, db)
    assert again.wait(timeout=300) == 0, again.stderr.read().decode()
    with Store.open(db) as store, Store.open(reference_db) as reference:
        assert store.counts() == reference.counts()
        assert store.fingerprint() == reference.fingerprint()


def test_process_places_reports_of_one_incident_in_one_story(tmp_path, database):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "first.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "second.txt").write_text(
        "date 2025-06-02 Gunmen stormed a police station in Maiduguri late on Sunday, "
        "a hospital official said. Six people were killed in the attack, the official said.\n",
        encoding="utf-8",
    )
    db = database
    runner = CliRunner()
    assert runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"]).exit_code == 0
    listed = runner.invoke(cli, ["stories", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.output)
    together = [s for s in stories if s["n_documents"] == 2]
    assert len(together) == 1, listed.output
    assert together[0]["type"] == "ASSAULT"
    assert together[0]["figures"]["killed"]["conservative"] == 4
    shown = runner.invoke(cli, ["story", together[0]["id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "a hospital official" in shown.output


def test_rerun_with_new_documents_stores_only_those(tmp_path, database):
    corpus = _write_corpus(tmp_path / "in", count=2)
    db = database
    runner = CliRunner()
    assert runner.invoke(cli, ["process", str(corpus), "--db", db, "-q"]).exit_code == 0
    (corpus / "later.txt").write_text(
        "Police detained 9 students in Lagos on Friday, a rights group said.\n",
        encoding="utf-8")
    result = runner.invoke(cli, ["process", str(corpus), "--db", db, "-q", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "2 already stored" in result.output
    with Store.open(db) as store:
        assert store.counts()["documents"] == 3
