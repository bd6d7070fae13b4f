"""Tagging ahead: the attribution tagger tags one batch in a thread of its own while the
parse reads the next, gives the same spans as tagging in turn, and stops its work when
the caller stops reading (an error, a document's time limit)."""

from __future__ import annotations

import threading
import time

import numpy
import pytest

from eventledger.config import load_settings
from eventledger.errors import ConfigError
from eventledger.extract.attribution_spans import SPANS_KEY, AttributionSpansTagger
from eventledger.extract.work_ahead import Stopped, check, worked_ahead
from eventledger.ingest.limits import DocumentTimeout, time_limit
from eventledger.pipeline import component_configs

TAGGER = "eventledger_attribution_spans"


def _tagging_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("test-ahead")]


def test_items_come_in_order_with_their_results():
    got = list(worked_ahead(range(5), lambda n, _stop: n * n, name="test-ahead"))
    assert got == [(0, 0), (1, 1), (2, 4), (3, 9), (4, 16)]
    assert list(worked_ahead([], lambda n, _stop: n, name="test-ahead")) == []
    assert not _tagging_threads()


def test_the_next_item_is_worked_on_while_the_caller_holds_this_one():
    started = {n: threading.Event() for n in range(3)}
    threads = {}

    def work(n, _stop):
        threads[n] = threading.current_thread()
        started[n].set()
        return n

    for n, _result in worked_ahead(range(3), work, name="test-ahead"):
        if n < 2:
            # item n+1's work starts before the caller is done with item n
            assert started[n + 1].wait(timeout=30)
    assert all(t is not threading.current_thread() for t in threads.values())


def test_an_error_of_the_work_is_raised_at_its_item():
    def work(n, _stop):
        if n == 2:
            raise ValueError("item two is unreadable")
        return n

    got = []
    with pytest.raises(ValueError, match="item two"):
        for n, _result in worked_ahead(range(5), work, name="test-ahead"):
            got.append(n)
    assert got == [0, 1]
    assert not _tagging_threads()


def _long_work(steps_done: list[int]):
    """Work of many short steps that checks its stop flag between them."""

    def work(n, stop):
        for _ in range(10_000):
            check(stop)
            time.sleep(0.01)
            steps_done[n] += 1
        return n

    return work


def test_work_checks_its_stop_flag():
    check(None)
    flag = threading.Event()
    check(flag)
    flag.set()
    with pytest.raises(Stopped):
        check(flag)


def test_a_time_limit_while_waiting_stops_the_work_and_waits_for_it():
    steps_done = [0, 0, 0]
    with pytest.raises(DocumentTimeout), time_limit(0.3):
        for _item in worked_ahead(range(3), _long_work(steps_done), name="test-ahead"):
            pass
    # item 0's work stopped at its next step (10,000 steps would take 100 s); the
    # items after it were never started; no thread is left computing
    assert 0 < steps_done[0] < 10_000
    assert steps_done[1:] == [0, 0]
    assert not _tagging_threads()


def test_closing_the_generator_stops_the_work_ahead():
    steps_done = [0, 0, 0]

    def work(n, stop):
        if n == 0:
            return n
        return _long_work(steps_done)(n, stop)

    ahead = worked_ahead(range(3), work, name="test-ahead")
    assert next(ahead) == (0, 0)  # item 1's work is now under way
    time.sleep(0.1)
    ahead.close()
    assert 0 < steps_done[1] < 10_000 and steps_done[2] == 0
    assert not _tagging_threads()


# -- the attribution tagger -------------------------------------------------------------

REPORTS = [
    "The mayor said on Tuesday that the bridge would reopen in May.",
    "Residents of Millbrook complained that the water had been cut off for three days, "
    "according to a local council statement.",
    "“We will not leave,” one of the farmers told reporters outside the depot.",
    "The ferry left the harbour at noon.",
    "Police said two men were arrested after the fire, and a spokesman added that "
    "inquiries were continuing.",
]


def _tagged(tagger, docs, *, ahead: bool, batch_size: int):
    tagger.tag_ahead = ahead
    out = list(tagger.pipe(docs, batch_size=batch_size))
    return [
        ([(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]],
         doc._.el_trigger_scores["rows"].copy())
        for doc in out
    ]


def test_tagging_ahead_gives_the_spans_of_tagging_in_turn(nlp):
    tagger = nlp.get_pipe(TAGGER)
    assert tagger.tag_ahead  # the default
    docs = list(nlp.pipe(REPORTS))
    try:
        in_turn = _tagged(tagger, docs, ahead=False, batch_size=2)
        ahead = _tagged(tagger, docs, ahead=True, batch_size=2)
    finally:
        tagger.tag_ahead = True
    assert [spans for spans, _ in ahead] == [spans for spans, _ in in_turn]
    assert any(spans for spans, _ in ahead)
    for (_, rows_ahead), (_, rows_in_turn) in zip(ahead, in_turn, strict=True):
        numpy.testing.assert_allclose(rows_ahead, rows_in_turn, atol=1e-5)


def test_a_time_limit_stops_the_tagger_between_forward_passes(nlp):
    tagger = nlp.get_pipe(TAGGER)
    # one long report: many windows, so many forward passes
    docs = list(nlp.pipe([" ".join(REPORTS * 150)], disable=[TAGGER]))
    passes = []
    encoder_states = tagger.tagger.encoder_states

    def counted(*args, **kwargs):
        passes.append(1)
        return encoder_states(*args, **kwargs)

    tagger.tagger.encoder_states = counted
    try:
        list(tagger.pipe(docs))
        every_pass = len(passes)
        passes.clear()
        with pytest.raises(DocumentTimeout), time_limit(0.05):
            list(tagger.pipe(docs))
    finally:
        del tagger.tagger.encoder_states
    assert every_pass >= 4
    assert len(passes) < every_pass
    assert not [t for t in threading.enumerate() if t.name.startswith("eventledger-tagger")]


def test_tag_ahead_is_a_setting(monkeypatch):
    assert load_settings().tag_ahead is True
    monkeypatch.setenv("EVENTLEDGER_TAG_AHEAD", "false")
    settings = load_settings()
    assert settings.tag_ahead is False
    assert component_configs(settings)[TAGGER]["tag_ahead"] is False
    monkeypatch.setenv("EVENTLEDGER_TAG_AHEAD", "sometimes")
    with pytest.raises(ConfigError, match="tag_ahead must be true or false"):
        load_settings()


def test_one_pipe_batch_is_tagged_ahead_in_small_parts(nlp):
    # `process` hands the pipeline 32 documents at a time: tagged in parts of
    # ahead_batch_size, all but the first part are tagged while the parse reads on
    tagger = nlp.get_pipe(TAGGER)
    docs = list(nlp.pipe(REPORTS))
    sizes = []
    found = tagger._found

    def recorded(batch, stop=None):
        sizes.append(len(batch))
        return found(batch, stop)

    tagger._found = recorded
    before = tagger.ahead_batch_size
    try:
        tagger.ahead_batch_size = 2
        list(tagger.pipe(docs, batch_size=32))
        assert sizes == [2, 2, 1]
        sizes.clear()
        tagger.tag_ahead = False
        list(tagger.pipe(docs, batch_size=32))
        assert sizes == [5]
    finally:
        del tagger._found
        tagger.ahead_batch_size = before
        tagger.tag_ahead = True


def test_ahead_batches_hold_at_least_one_document(nlp):
    with pytest.raises(ConfigError, match="ahead_batch_size 0"):
        AttributionSpansTagger(nlp, "tagger", model_path=None, batch_size=32,
                               ahead_batch_size=0)


def test_process_fails_documents_past_the_time_limit_and_leaves_no_tagging(nlp, tmp_path):
    from eventledger.document import Document
    from eventledger.process import process_documents
    from eventledger.store import Store

    long_text = " ".join(REPORTS * 20)
    docs = [Document(text=f"Report {n}. {long_text}", source=f"in{n}.txt", path=f"in{n}.txt")
            for n in range(3)]
    with Store.open(tmp_path / "t.db") as store:
        summary = process_documents(docs, store, nlp=nlp, batch_size=8,
                                    max_seconds_per_document=0.01)
        assert summary.written == 0
        assert [source for source, _ in summary.failed] == ["in0.txt", "in1.txt", "in2.txt"]
        assert all("longer than the 0.01 s limit" in reason for _, reason in summary.failed)
        assert not any(store.has_document(d.id) for d in docs)
    assert not [t for t in threading.enumerate() if t.name.startswith("eventledger-tagger")]
