"""Extraction on a real local Dask cluster: the same records and stories whatever the
number of workers, and a worker killed mid-run costs nothing."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest
from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.config import load_settings
from eventledger.distributed import dask_extractor, partitions
from eventledger.document import Document
from eventledger.errors import ConfigError
from eventledger.ingest import iter_inputs
from eventledger.process import process_documents
from eventledger.store import Store

REPORTS = [
    ("date 2025-05-12 Gunmen attacked a bus station in Kaduna on Sunday, police said. "
     "Seven people were killed and ten were injured, a hospital official said."),
    ("date 2025-05-12 Seven passengers died when gunmen opened fire at a bus station in "
     "Kaduna on Sunday, the state government said."),
    ("date 2025-05-13 Hundreds of nurses protested in Nairobi on Monday over unpaid "
     "salaries, their union said. Police arrested twelve protesters, a lawyer said."),
    ("date 2025-05-13 Police detained 12 nurses during a march in Nairobi on Monday, "
     "according to the nurses' union."),
    ("date 2025-05-14 A car bomb exploded near a market in Mogadishu on Tuesday, killing "
     "at least four people, a police officer told reporters."),
    ("date 2025-05-14 Officials said five people were killed by a car bomb in Mogadishu on "
     "Tuesday. \"The blast destroyed six shops,\" a trader said."),
    ("date 2025-05-15 Troops withdrew from two villages near Goma on Wednesday, the army "
     "said. Three soldiers were wounded in clashes, a spokesman said."),
]


def _write_reports(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(REPORTS):
        (folder / f"report_{number}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_partitions_depend_on_the_documents_only():
    docs = [Document(text="x" * n, source=str(n)) for n in (5, 5, 12, 3, 3, 3, 30, 1)]
    parts = partitions(docs, 12)
    assert [[len(d.text) for d in part] for part in parts] == [
        [5, 5], [12], [3, 3, 3], [30], [1]]
    assert [d for part in parts for d in part] == docs
    assert partitions([], 12) == []


def test_workers_and_scheduler_exclude_each_other():
    with pytest.raises(ConfigError, match="not both"):
        with dask_extractor(workers=1, scheduler="tcp://127.0.0.1:1", model="m",
                            batch_size=1, max_chunk_chars=10, partition_chars=10):
            pass
    result = CliRunner().invoke(cli, ["process", "x.txt", "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    from pg_server import free_port

    monkeypatch.setattr("eventledger.distributed.CONNECT_TIMEOUT", 2)

    corpus = _write_reports(tmp_path / "in")
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["process", str(corpus), "--scheduler", address,
                                      "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: [E310] cannot reach the Dask scheduler at {address}: ")
    assert result.output.count("\n") == 1


def _json(runner, *args) -> list:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_one_and_two_workers_store_the_same_records_and_stories(tmp_path, database,
                                                                 monkeypatch):
    # Partitions of about one report each: two workers share every batch.
    monkeypatch.setenv("EVENTLEDGER_PARTITION_CHARS", "200")
    corpus = _write_reports(tmp_path / "in")
    runner = CliRunner()
    outputs = {}
    for workers in ("1", "2"):
        db = database if workers == "2" else str(tmp_path / f"workers{workers}.db")
        result = runner.invoke(cli, ["process", str(corpus), "--db", db, "-q",
                                     "--workers", workers])
        assert result.exit_code == 0, result.output
        assert f"{len(REPORTS)} stored" in result.output
        outputs[workers] = (_json(runner, "export", "--db", db, "--format", "json", "-o", "-"),
                            _json(runner, "stories", "--db", db, "--format", "json"))
    assert outputs["1"] == outputs["2"]
    records, stories = outputs["2"]
    assert len(records) == len(REPORTS)
    assert any(story["n_documents"] == 2 for story in stories)  # the reports do group

    plain = str(tmp_path / "plain.db")
    assert runner.invoke(cli, ["process", str(corpus), "--db", plain, "-q"]).exit_code == 0
    assert _json(runner, "export", "--db", plain, "--format", "json", "-o", "-") == records


def _kill_a_busy_worker(client, done: threading.Event, killed: list) -> None:
    """SIGKILL the first worker seen running a task (its nanny starts a new one)."""
    pids = client.run(os.getpid)
    while not done.is_set():
        busy = [worker for worker, keys in client.processing().items() if keys]
        if busy:
            time.sleep(0.3)  # well inside the task
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed.append(busy[0])
            return
        time.sleep(0.02)


def test_a_worker_killed_mid_run_leaves_every_document_stored_once(tmp_path, nlp):
    settings = load_settings()
    corpus = _write_reports(tmp_path / "in")
    documents = [d for d in iter_inputs([str(corpus)]) if isinstance(d, Document)]
    # Longer documents, so that a task lasts long enough to be killed inside.
    documents = [Document(text="\n\n".join([d.text] * 6), published=d.published,
                          source=d.source, path=d.path) for d in documents]
    with Store.open(tmp_path / "reference.db") as reference:
        process_documents(documents, reference, nlp=nlp, batch_size=32)
        expected = (reference.counts(), reference.fingerprint())

    with Store.open(tmp_path / "killed.db") as store, dask_extractor(
            workers=2, model=settings.model, batch_size=settings.batch_size,
            max_chunk_chars=settings.max_chunk_chars, partition_chars=1) as extractor:
        done, killed = threading.Event(), []
        watcher = threading.Thread(target=_kill_a_busy_worker,
                                   args=(extractor.client, done, killed))
        watcher.start()
        try:
            summary = process_documents(documents, store, batch_size=32, extractor=extractor)
        finally:
            done.set()
            watcher.join()
        assert killed, "no worker was killed while running a task"
        assert summary.failed == [] and summary.written == len(documents)
        assert (store.counts(), store.fingerprint()) == expected
