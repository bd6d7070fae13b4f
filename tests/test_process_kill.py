"""``eventledger process`` killed with SIGKILL at points of its run (inside a document,
between two): after each kill the store is consistent, and finishing the batch gives
the store of a clean run. benchmarks/kill_restart.py does this 20 times."""

from __future__ import annotations

import random
import signal

import pytest
from click.testing import CliRunner
from store_checks import kill_after, start_process, store_problems

from eventledger.cli import cli
from eventledger.store import Store

ARTICLES = [
    "date 2025-05-0{day} Protesters marched through Avonford on {weekday}, the city's "
    "police said. Officers said {count} people were injured.",
    "date 2025-05-0{day} A fire destroyed a warehouse in Millbrook on {weekday}, "
    "firefighters said. {count} workers were hurt, according to the fire service.",
    "date 2025-05-0{day} Troops withdrew from Eastbrook on {weekday}, the army said. "
    "Residents said {count} homes were damaged, but the governor denied it.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def write_batch(folder, count: int) -> list[str]:
    folder.mkdir()
    for n in range(count):
        text = ARTICLES[n % len(ARTICLES)].format(day=1 + n % 9, weekday=WEEKDAYS[n % 6],
                                                  count=n + 2)
        (folder / f"article_{n:02d}.txt").write_text(text + "\n")
    return [str(folder)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_process_resumes_to_the_clean_store(tmp_path, nlp):
    inputs = write_batch(tmp_path / "in", 10)
    crashed = tmp_path / "crashed.db"
    chance = random.Random(32)
    stored = []
    for at_least in (1, 3):  # a kill early in the batch, one later
        child = start_process(inputs, crashed)
        assert kill_after(child, crashed, at_least, delay=chance.uniform(0.0, 0.2))
        with Store.open(crashed) as store:
            assert store_problems(store) == []
            stored.append(store.counts()["documents"])
    assert 1 <= stored[0] <= stored[1] < 10

    runner = CliRunner()
    finished = runner.invoke(cli, ["process", *inputs, "--db", str(crashed), "-q"])
    assert finished.exit_code == 0, finished.output
    clean = tmp_path / "clean.db"
    assert runner.invoke(cli, ["process", *inputs, "--db", str(clean), "-q"]).exit_code == 0
    with Store.open(crashed) as a, Store.open(clean) as b:
        assert store_problems(a) == []
        assert a.counts()["documents"] == 10
        assert a.fingerprint() == b.fingerprint()
