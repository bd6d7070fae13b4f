"""A reader that fails in a way nobody foresaw (here: the HTML cleaner that jusText
imports is missing, as after ``pip install .`` with an old pip) is one line naming the
input; the traceback only with ``--verbose``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import eventledger

SRC = Path(eventledger.__file__).resolve().parent.parent


def _process(tmp_path, *options: str) -> subprocess.CompletedProcess:
    missing = tmp_path / "without_cleaner"
    (missing / "lxml_html_clean").mkdir(parents=True, exist_ok=True)
    (missing / "lxml_html_clean" / "__init__.py").write_text(
        'raise ImportError("lxml_html_clean is not installed")\n')
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>The council in Avonford voted on Monday "
                    "to reopen the bridge.</p></article></body></html>")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(missing), str(SRC)])}
    command = [sys.executable, "-m", "eventledger.cli", *options, "process", str(page),
               "--db", str(tmp_path / "events.db"), "-q"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300,
                          cwd=tmp_path)


def test_an_unexpected_reader_failure_is_one_line(tmp_path):
    result = _process(tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()  # lxml's own words say what is missing
    assert line.startswith(f"failed: {tmp_path / 'page.html'}: could not be read (ImportError: ")
    assert "lxml_html_clean" in line


def test_verbose_adds_the_traceback(tmp_path):
    result = _process(tmp_path, "-v")
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert f"failed: {tmp_path / 'page.html'}: could not be read" in result.stderr
