"""Property tests: every reader, on generated hostile files, yields Documents and
eventledger's own one-line errors only, and reads the same file the same way twice."""

from __future__ import annotations

import pytest
from hostile_inputs import READERS, check_read, read_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventledger.errors import IngestError

# Few examples: the suite stays fast; benchmarks/fuzz.py runs many.
FEW = settings(max_examples=30, deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("reader", sorted(READERS))
def test_reader_on_hostile_files(reader, tmp_path):
    extension, strategy = READERS[reader]

    @FEW
    @given(data=strategy())
    def check(data: bytes) -> None:
        first = read_file(data, extension, folder=str(tmp_path))
        check_read(first)
        # The path is part of the messages and documents: compare without it.
        second = read_file(data, extension, folder=str(tmp_path))
        assert len(first) == len(second)
        assert [type(a) for a in first] == [type(b) for b in second]
        assert [d.text for d in first if not isinstance(d, IngestError)] == \
            [d.text for d in second if not isinstance(d, IngestError)]

    check()


@FEW
@given(data=st.binary(max_size=600), extension=st.sampled_from(
    [".txt", ".html", ".xml", ".jsonl", ".json", ".bin", ""]))
def test_any_bytes_under_any_name(data, extension):
    check_read(read_file(data, extension))
