"""One document never ends a batch: a document whose extraction raises, or runs past the
time limit, is one failed input; the documents around it are stored."""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.language import Language

from eventledger.document import Document
from eventledger.extract import ensure_extensions
from eventledger.process import process_documents
from eventledger.store import Store


@Language.component("eventledger_test_tripwire")
def _tripwire(doc):
    # Stands for an extractor bug that only one article's text sets off.
    if "tripwire" in doc.text:
        raise RuntimeError("the tripwire article\nsecond line of the message")
    if "slowpoke" in doc.text:
        time.sleep(3)
    return doc


@pytest.fixture
def tripwire_nlp():
    ensure_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("eventledger_test_tripwire")
    return nlp


def _docs(*texts: str) -> list[Document]:
    return [Document(text=text, source=f"in{n}.txt", path=f"in{n}.txt")
            for n, text in enumerate(texts, start=1)]


def _integrity(store: Store) -> str:
    with store._engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


def test_an_extraction_that_raises_fails_that_document_only(tmp_path, tripwire_nlp):
    docs = _docs("The council met on Monday in Avonford.",
                 "A tripwire article that the extractor cannot read.",
                 "The bridge in Millbrook reopened on Tuesday.")
    with Store.open(tmp_path / "t.db") as store:
        summary = process_documents(docs, store, nlp=tripwire_nlp, batch_size=8)
        assert summary.written == 2
        assert summary.failed == [
            ("in2.txt", "extraction failed (RuntimeError: the tripwire article)")
        ]
        assert store.has_document(docs[0].id) and store.has_document(docs[2].id)
        assert not store.has_document(docs[1].id)
        assert _integrity(store) == "ok"


def test_a_document_over_the_time_limit_is_skipped(tmp_path, tripwire_nlp):
    docs = _docs("The council met on Monday in Avonford.",
                 "A slowpoke article that takes the extractor too long.",
                 "The bridge in Millbrook reopened on Tuesday.")
    with Store.open(tmp_path / "t.db") as store:
        summary = process_documents(docs, store, nlp=tripwire_nlp, batch_size=8,
                                    max_seconds_per_document=0.5)
        assert summary.written == 2
        assert summary.failed == [
            ("in2.txt", "extraction took longer than the 0.5 s limit per document: skipped")
        ]
        assert not store.has_document(docs[1].id)


def test_a_count_beyond_any_toll_is_stored_without_it(tmp_path, nlp):
    # Once an OverflowError from SQLite that ended the whole run.
    docs = _docs("Police said 99999999999999999999999999 people were killed in Avonford.",
                 "Officials said 12 people were injured in Millbrook on Monday.")
    with Store.open(tmp_path / "t.db") as store:
        summary = process_documents(docs, store, nlp=nlp)
        assert summary.failed == []
        assert summary.written == 2
        figures = store.get_record(docs[0].id)["figures"]
        assert all((f.get("low") or 0) < 10**10 and (f.get("high") or 0) < 10**10
                   for f in figures)
        assert store.get_record(docs[1].id)["figures"]
