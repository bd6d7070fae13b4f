"""Ingest, extract and store: the job behind ``eventledger process``.

Each document is written with all its records in one transaction, so a run that is
killed and started again ends with the same store as an uninterrupted run: documents
already stored (with the current extractor version) are skipped.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import EXTRACTOR_VERSION
from .document import Document
from .errors import EventledgerError, IngestError
from .pipeline import SECTIONS, extract_records
from .stories import assign_stories

log = logging.getLogger(__name__)


@dataclass
class ProcessSummary:
    read: int = 0
    written: int = 0
    replaced: int = 0
    unchanged: int = 0  # already in the store
    duplicates: int = 0  # the same text twice in this run
    near_duplicates: int = 0  # pairs linked
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    records: Counter = field(default_factory=Counter)
    done: int = 0  # inputs finished, for progress reporting

    @property
    def ok(self) -> bool:
        return not self.failed


def _near_duplicate_index(store, threshold: float):
    from .ingest.neardup import NearDuplicateIndex

    index = NearDuplicateIndex(threshold=threshold)
    for doc_id, signature in store.iter_signatures():
        index.add(doc_id, signature)
    return index


def process_documents(
    items: Iterable[Document | IngestError],
    store,
    *,
    nlp=None,
    reprocess: bool = False,
    batch_size: int = 32,
    max_chunk_chars: int = 100000,
    near_duplicate_threshold: float = 0.7,
    on_document: Callable[[ProcessSummary], None] | None = None,
    extractor: Callable[[list[Document]], tuple[list[dict], list[tuple[str, str]]]]
    | None = None,
) -> ProcessSummary:
    """Extract every document of ``items`` and write it to ``store``; ingest errors in
    ``items`` are counted as failures and the rest goes on. ``extractor`` extracts a
    batch elsewhere (a Dask cluster: :mod:`eventledger.distributed`): it returns the
    records and the ``(input, reason)`` of documents that failed."""
    summary = ProcessSummary()
    index = _near_duplicate_index(store, near_duplicate_threshold)
    seen: set[str] = set()
    # In input order: (document, stored before this run). Documents the store already
    # holds in the current version are only (re)placed in stories, in their turn.
    pending: list[tuple[Document, bool | None]] = []
    to_extract = 0

    def tick() -> None:
        summary.done += 1
        if on_document:
            on_document(summary)

    def extract(documents: list[Document]) -> dict[str, dict]:
        if extractor is not None:
            records, failures = extractor(documents) if documents else ([], [])
            summary.failed.extend(failures)
            return {record["document"]["id"]: record for record in records}
        try:
            records = list(extract_records(documents, nlp=nlp, batch_size=batch_size,
                                          max_chunk_chars=max_chunk_chars))
        except Exception:  # one bad document must not sink its batch: retry one by one
            log.exception("batch failed; extracting its documents one at a time")
            records = []
            for document in documents:
                try:
                    records.extend(extract_records([document], nlp=nlp, batch_size=1,
                                                   max_chunk_chars=max_chunk_chars))
                except Exception as exc:  # noqa: BLE001 - reported per input
                    summary.failed.append((document.source, f"extraction failed: {exc}"))
        return {record["document"]["id"]: record for record in records}

    def store_record(record: dict, replace: bool) -> None:
        source = record["document"]["path"] or record["document"]["id"]
        try:
            status = store.write_record(
                record, extractor_version=EXTRACTOR_VERSION, replace=replace
            )
        except EventledgerError as exc:
            summary.failed.append((source, exc.message))
            return
        if status == "written":
            summary.written += 1
        elif status == "replaced":
            summary.replaced += 1
        else:
            summary.unchanged += 1
        if status != "unchanged":
            for name in SECTIONS:
                summary.records[name] += len(record[name])
        doc_id = record["document"]["id"]
        assign_stories(store, [doc_id], records={doc_id: record})

    def flush() -> None:
        nonlocal to_extract
        records = extract([doc for doc, current in pending if current is not True])
        for document, state in pending:
            if state is True:
                # A run killed between storing a document and placing it in stories left
                # it unassigned: assign it now, in input order (assignment is idempotent).
                assign_stories(store, [document.id])
                summary.unchanged += 1
            elif document.id in records:
                # A document stored by an older extractor version is replaced too.
                store_record(records[document.id], replace=reprocess or state is False)
            tick()
        pending.clear()
        to_extract = 0

    for item in items:
        if isinstance(item, IngestError):
            summary.failed.append((item.source, item.message.split(": ", 1)[-1]))
            tick()
            continue
        summary.read += 1
        if item.id in seen:
            summary.duplicates += 1
            tick()
            continue
        seen.add(item.id)
        version = store.document_version(item.id)
        if version == EXTRACTOR_VERSION and not reprocess:
            pending.append((item, True))
            continue
        signature = index.signature(item.text)
        for other, similarity in index.query(signature):
            if other != item.id:
                store.link_near_duplicate(item.id, other, similarity)
                summary.near_duplicates += 1
        store.save_signature(item.id, signature)
        index.add(item.id, signature)
        # state: None for a new document, False for one stored by another version or
        # to be re-extracted.
        pending.append((item, None if version is None else False))
        to_extract += 1
        if to_extract >= batch_size:
            flush()
    flush()
    return summary
