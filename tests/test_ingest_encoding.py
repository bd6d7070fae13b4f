"""Bytes that are not usable text: binary, unknown encodings, empty, too large."""

from __future__ import annotations

import random
import time

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs, readers

GOOD = "The museum in Castleford added a room for local history, its director said."
CAFE = "The café on Quay Street reopened on Monday after the owner repaired the roof."


def _run(tmp_path, name: str, data: bytes, **options):
    """iter_inputs on the bad file and a good one; returns (bad result, good result)."""
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad_result, good_result = list(iter_inputs([str(bad), str(good)], **options))
    assert isinstance(good_result, Document) and good_result.text == GOOD
    return str(bad), bad_result


def test_binary_file(tmp_path):
    path, error = _run(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert isinstance(error, IngestError)
    assert error.message == f"{path}: not a text file (binary content)"


def test_control_characters_without_nul_are_binary(tmp_path):
    rng = random.Random(3)
    data = bytes(rng.choice([1, 2, 3, 4, 5, 6, 0x41, 0x42, 0x20]) for _ in range(2000))
    path, error = _run(tmp_path, "blob", data)
    assert error.message == f"{path}: not a text file (binary content)"


def test_cp1252_text_is_decoded(tmp_path):
    data = (CAFE + " “We are open again,” she said.").encode("cp1252")
    path, doc = _run(tmp_path, "legacy.txt", data)
    assert isinstance(doc, Document)
    assert doc.text.startswith("The café on Quay Street")
    assert "“We are open again,” she said." in doc.text


def test_latin1_text_is_decoded(tmp_path):
    path, doc = _run(tmp_path, "latin1.txt", (CAFE + " The menu is unchanged.").encode("latin-1"))
    assert "café" in doc.text


def test_utf8_bom_dropped_and_utf16_read(tmp_path):
    path, doc = _run(tmp_path, "bom.txt", b"\xef\xbb\xbf" + CAFE.encode("utf-8"))
    assert doc.text == CAFE
    path, doc = _run(tmp_path, "wide.txt", CAFE.encode("utf-16"))
    assert doc.text == CAFE


def test_undecodable_garbage(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    path, error = _run(tmp_path, "garbage.txt", data)
    assert isinstance(error, IngestError)
    assert error.message.startswith(f"{path}: unknown text encoding")


def test_empty_and_blank_files(tmp_path):
    path, error = _run(tmp_path, "empty.txt", b"")
    assert error.message == f"{path}: empty document"
    path, error = _run(tmp_path, "blank.html", b"  \n\n\t ")
    assert error.message == f"{path}: empty document"
    path, error = _run(tmp_path, "seedonly.txt", b"date 2024-01-01\n")
    assert error.message == f"{path}: empty document"


def test_file_over_the_limit(tmp_path):
    path, error = _run(tmp_path, "long.txt", (GOOD + "\n").encode() * 40, max_bytes=1000)
    assert error.message == f"{path}: file is 3.0 kB, larger than the 1 kB limit"


def test_large_sparse_file_refused_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(52_400_000)  # sparse: no disk used, nothing to read
    opened = []
    monkeypatch.setattr(readers, "open", lambda *a, **k: opened.append(a), raising=False)
    start = time.perf_counter()
    [error] = list(iter_inputs([str(big)]))
    elapsed = time.perf_counter() - start
    assert error.message == f"{big}: file is 52.4 MB, larger than the 20 MB limit"
    assert opened == []  # refused from its size alone
    assert elapsed < 1.0


def test_stdin_over_the_limit():
    import io

    [error] = list(iter_inputs(["-"], stdin=io.BytesIO(b"a" * 5000), max_bytes=100))
    assert error.message == "-: file is more than 101 bytes, larger than the 100 bytes limit"
