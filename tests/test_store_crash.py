"""Crash safety: a writer killed with SIGKILL leaves only whole documents, and finishing
the run afterwards gives exactly the database of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventledger.store import Store

TESTS = Path(__file__).resolve().parent
RECORDS = 300

# The writer: what `eventledger process` does per document (signature, then the record,
# each in its own transaction), skipping documents already stored.
WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from test_store import make_record
    from eventledger.store import Store

    with Store.open(sys.argv[1]) as store:
        for i in range(int(sys.argv[2])):
            doc_id = f"doc-{i:04d}"
            if store.has_document(doc_id):
                continue
            store.save_signature(doc_id, doc_id.encode() * 8)
            if i % 7 == 0 and i:
                store.link_near_duplicate(doc_id, f"doc-{i - 1:04d}", 0.5 + i / 1000)
            record = make_record(doc_id, published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
            store.write_record(record, extractor_version="1.0")
            print(i, flush=True)
""")


def _writer(db: Path) -> list[str]:
    return [sys.executable, "-c", WRITER, str(db), str(RECORDS), str(TESTS)]


def _run_to_end(db: Path) -> None:
    subprocess.run(_writer(db), check=True, stdout=subprocess.DEVNULL, timeout=120)


def _kill_midway(db: Path, after_lines: int) -> None:
    child = subprocess.Popen(_writer(db), stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(after_lines):
            if not child.stdout.readline():
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_midway_then_resume_equals_uninterrupted_run(tmp_path):
    crashed = tmp_path / "crashed.db"
    seen = []
    for after in (40, 60):  # two kills at different points of the run
        _kill_midway(crashed, after)
        with Store.open(crashed) as store:
            counts = store.counts()
            with store._engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Only whole documents: every stored document has all of its items.
        assert 0 < counts["documents"] < RECORDS
        assert counts["events"] == 3 * counts["documents"]
        assert counts["figures"] == 4 * counts["documents"]
        assert counts["disagreements"] == counts["documents"]
        seen.append(counts["documents"])
    assert seen[1] > seen[0]

    _run_to_end(crashed)
    clean = tmp_path / "clean.db"
    _run_to_end(clean)
    with Store.open(crashed) as a, Store.open(clean) as b:
        assert a.counts()["documents"] == RECORDS
        assert a.counts() == b.counts()
        assert a.fingerprint() == b.fingerprint()
