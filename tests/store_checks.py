"""Whether a store is consistent: what the crash tests and benchmarks/kill_restart.py
check after every kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from sqlalchemy import func, select

import eventledger
from eventledger.store import Store
from eventledger.store.rows import record_rows
from eventledger.store.schema import ITEM_TABLES, T


def store_problems(store: Store) -> list[str]:
    """SQLite's integrity and foreign key checks, and for every stored document: its
    item rows are exactly those its record JSON gives (a document is whole or absent)."""
    problems = []
    with store._engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        problems += [f"foreign key: {tuple(row)}"
                     for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
        for doc_id in store.document_ids():
            _, rows = record_rows(store.get_record(doc_id))
            for name in ITEM_TABLES:
                table = T[name]
                stored = conn.execute(select(func.count()).select_from(table)
                                      .where(table.c.doc_id == doc_id)).scalar_one()
                if stored != len(rows[name]):
                    problems.append(f"{doc_id}: {stored} {name} rows, the record gives "
                                    f"{len(rows[name])}")
    return problems


# -- killing `eventledger process` -------------------------------------------------------

SRC = Path(eventledger.__file__).resolve().parent.parent


def stored_documents(db: Path) -> int:
    """Documents in the SQLite file ``db`` (0 while it does not exist yet), read-only."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # the schema not created yet
        return 0


def start_process(inputs: list[str], db: Path) -> subprocess.Popen:
    """``eventledger process`` in a child process, one document per batch, so that a
    kill can land between any two documents as well as inside one."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "eventledger.cli", "process", *inputs, "--db", str(db),
               "-q", "--batch-size", "1"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def kill_after(child: subprocess.Popen, db: Path, documents: int, delay: float) -> bool:
    """SIGKILL ``child`` ``delay`` seconds after ``db`` holds ``documents`` documents;
    False when it finished first."""
    while child.poll() is None and stored_documents(db) < documents:
        time.sleep(0.02)
    time.sleep(delay)
    if child.poll() is not None:
        return False
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    return True
