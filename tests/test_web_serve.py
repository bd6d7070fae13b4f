"""`eventledger serve` as a user runs it: a real server on a free loopback port that
prints its address, answers, and stops on Ctrl-C (SIGINT)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from web_store import build_store

from eventledger.cli import cli


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(args: list[str], env: dict | None = None) -> subprocess.Popen:
    src = str(Path(__file__).resolve().parent.parent / "src")
    environment = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "eventledger.cli", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environment)


def _wait(url: str, process: subprocess.Popen, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server ended: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return answer.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


def test_serve_prints_its_address_answers_and_stops_on_ctrl_c(nlp):
    path = build_store(nlp)
    port = free_port()
    process = _serve(["--db", str(path), "--port", str(port)])
    try:
        assert _wait(f"http://127.0.0.1:{port}/healthz", process) == b'{"status":"ok"}'
        page = _wait(f"http://127.0.0.1:{port}/", process)
        assert b'id="stories"' in page
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert f"at http://127.0.0.1:{port}/" in out
    assert process.returncode == 0, err
    assert "no token" not in err


def test_serve_with_several_workers(nlp, tmp_path):
    path = build_store(nlp)
    port = free_port()
    token = tmp_path / "token"
    token.write_text("worker-token\n")
    process = _serve(["--db", str(path), "--port", str(port), "--workers", "2",
                      "--token-file", str(token)], env={"EVENTLEDGER_SERVE_TOKEN": ""})
    try:
        assert b'"total"' in _wait(f"http://127.0.0.1:{port}/api/stories", process)
        # Every worker has the token: a wrong one is refused with 401, not 403.
        for _ in range(4):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/documents", data=b"{}", method="POST",
                headers={"Authorization": "Bearer wrong", "Content-Type": "application/json"})
            try:
                urllib.request.urlopen(request, timeout=10)
            except urllib.error.HTTPError as refused:
                assert refused.code == 401
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_serve_on_every_interface_without_token_warns(nlp):
    path = build_store(nlp)
    port = free_port()
    process = _serve(["--db", str(path), "--host", "0.0.0.0", "--port", str(port)],
                     env={"EVENTLEDGER_SERVE_TOKEN": ""})
    try:
        _wait(f"http://127.0.0.1:{port}/healthz", process)
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert "WARNING" in err and "no token" in err


def test_serve_refuses_a_bad_database_and_token_file(tmp_path):
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_bytes(b"this is not a database at all" * 100)
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--db", str(not_a_store)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1
    empty = tmp_path / "token"
    empty.write_text("\n")
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "new.db"),
                                 "--token-file", str(empty)])
    assert result.exit_code == 2  # a setting that cannot work is a usage error
    assert "Error: [E300] token file" in result.output and "is empty" in result.output
