"""What the names lead to: folders, globs, standard input, and names that lead nowhere."""

from __future__ import annotations

import io
import json
import os

import pytest

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs

ALPHA = "The bakery on Mill Lane opened a second shop in the old post office this week."
BETA = "Volunteers planted three hundred trees along the river path on Saturday morning."
GAMMA = "The swimming pool will close for two weeks in August for cleaning and repairs."


@pytest.fixture
def tree(tmp_path):
    """top/b.txt, top/a.txt, top/sub/c.txt, plus hidden files that must be skipped."""
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / ".git").mkdir()
    (top / "b.txt").write_text(BETA)
    (top / "a.txt").write_text(ALPHA)
    (top / "sub" / "c.txt").write_text(GAMMA)
    (top / ".hidden.txt").write_text("Hidden notes that nobody should ever read at all.")
    (top / ".git" / "config.txt").write_text("Repository settings and other things to skip.")
    return top


def test_folder_is_read_recursively_sorted_hidden_skipped(tree):
    results = list(iter_inputs([str(tree)]))
    assert all(isinstance(r, Document) for r in results)
    assert [r.text for r in results] == [ALPHA, BETA, GAMMA]
    assert [r.path for r in results] == [
        os.path.join(str(tree), "a.txt"),
        os.path.join(str(tree), "b.txt"),
        os.path.join(str(tree), "sub", "c.txt"),
    ]


def test_glob_patterns(tree):
    flat = list(iter_inputs([str(tree / "*.txt")]))
    assert [r.text for r in flat] == [ALPHA, BETA]
    deep = list(iter_inputs([str(tree / "**" / "*.txt")]))
    assert [r.text for r in deep] == [ALPHA, BETA, GAMMA]


def test_file_reached_twice_is_read_once(tree):
    results = list(iter_inputs([str(tree / "a.txt"), str(tree), str(tree / "*.txt")]))
    assert [r.text for r in results] == [ALPHA, BETA, GAMMA]


def test_glob_without_matches_is_an_error(tree):
    pattern = str(tree / "*.nothing")
    error, *docs = list(iter_inputs([pattern, str(tree / "a.txt")]))
    assert error.message == f"{pattern}: no files match this pattern"
    assert [d.text for d in docs] == [ALPHA]


def test_stdin_plain_text(tree):
    stream = io.BytesIO(("date 2024-07-01 " + ALPHA).encode("utf-8"))
    results = list(iter_inputs(["-", str(tree / "b.txt")], stdin=stream))
    first, second = results
    assert first.source == "-" and first.path is None
    assert first.text == ALPHA and first.published == "2024-07-01"
    assert second.text == BETA


def test_stdin_json_lines_detected_from_content():
    lines = json.dumps({"text": ALPHA}) + "\n" + json.dumps({"text": BETA}) + "\n"
    results = list(iter_inputs(["-"], stdin=io.BytesIO(lines.encode("utf-8"))))
    assert [r.text for r in results] == [ALPHA, BETA]
    assert [r.source for r in results] == ["-:1", "-:2"]


def test_stdin_html_detected_from_content():
    page = (
        "<!doctype html><html><head><title>Pool closes</title></head><body><article>"
        f"<p>{GAMMA}</p><p>{BETA}</p></article></body></html>"
    )
    [doc] = list(iter_inputs(["-"], stdin=io.BytesIO(page.encode("utf-8"))))
    assert GAMMA in doc.text and "<p>" not in doc.text
    assert doc.title == "Pool closes"


def test_stdin_text_stream_accepted():
    [doc] = list(iter_inputs(["-"], stdin=io.StringIO(ALPHA)))
    assert doc.text == ALPHA


def test_missing_path(tree):
    missing = str(tree / "nope.txt")
    error, doc = list(iter_inputs([missing, str(tree / "a.txt")]))
    assert isinstance(error, IngestError)
    assert error.message == f"{missing}: no such file"
    assert doc.text == ALPHA


def test_broken_symlink(tree):
    link = tree / "dangling.txt"
    link.symlink_to(tree / "gone.txt")
    results = list(iter_inputs([str(tree)]))
    errors = [r for r in results if isinstance(r, IngestError)]
    assert [e.message for e in errors] == [f"{link}: no such file (broken symbolic link)"]
    assert [r.text for r in results if isinstance(r, Document)] == [ALPHA, BETA, GAMMA]


def test_named_pipe_is_refused_without_blocking(tree):
    fifo = tree / "pipe.txt"
    os.mkfifo(fifo)
    error, doc = list(iter_inputs([str(fifo), str(tree / "a.txt")]))
    assert error.message == f"{fifo}: not a regular file (a named pipe)"
    assert doc.text == ALPHA


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_unreadable_file(tree):
    locked = tree / "locked.txt"
    locked.write_text(GAMMA)
    locked.chmod(0)
    try:
        error, doc = list(iter_inputs([str(locked), str(tree / "a.txt")]))
    finally:
        locked.chmod(0o600)
    assert error.message == f"{locked}: unreadable: permission denied"
    assert doc.text == ALPHA


def test_results_are_deterministic(tree):
    (tree / "broken.jsonl").write_text('{"text": "x"\n' + json.dumps({"text": GAMMA}) + "\n")
    once = [(type(r).__name__, r.source) for r in iter_inputs([str(tree)])]
    again = [(type(r).__name__, r.source) for r in iter_inputs([str(tree)])]
    assert once == again


def test_empty_folder_is_reported(tmp_path, tree):
    empty = tmp_path / "empty"
    (empty / ".cache").mkdir(parents=True)
    (empty / ".cache" / "x.txt").write_text(ALPHA)  # hidden: does not count
    error, doc = list(iter_inputs([str(empty), str(tree / "a.txt")]))
    assert error.message == f"{empty}: no files in this folder"
    assert doc.text == ALPHA


def test_recursive_glob_over_folders_reads_each_file_once(tree):
    (tree / "sub" / "deeper").mkdir()  # empty, matched by **: no message
    results = list(iter_inputs([str(tree / "**")]))
    assert [r.text for r in results] == [ALPHA, BETA, GAMMA]


def test_stdin_telegram_export_detected_from_content():
    export = {
        "name": "Pool News",
        "messages": [
            {"id": 7, "type": "message", "date": "2024-08-01T10:00:00", "text": GAMMA},
            {"id": 8, "type": "service", "date": "2024-08-01T11:00:00", "text": ""},
        ],
    }
    stream = io.BytesIO(json.dumps(export, indent=1).encode("utf-8"))
    [doc] = list(iter_inputs(["-"], stdin=stream))
    assert doc.source == "-#7" and doc.outlet == "Pool News"
    assert doc.text == GAMMA and doc.published == "2024-08-01"
