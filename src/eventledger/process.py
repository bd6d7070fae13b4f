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
    near_duplicate_threshold: float = 0.7,
    on_document: Callable[[ProcessSummary], None] | None = None,
) -> ProcessSummary:
    """Extract every document of ``items`` and write it to ``store``; ingest errors in
    ``items`` are counted as failures and the rest goes on."""
    summary = ProcessSummary()
    index = _near_duplicate_index(store, near_duplicate_threshold)
    seen: set[str] = set()
    pending: list[Document] = []

    def tick() -> None:
        summary.done += 1
        if on_document:
            on_document(summary)

    def flush() -> None:
        if not pending:
            return
        try:
            records = list(extract_records(pending, nlp=nlp, batch_size=batch_size))
        except Exception:  # one bad document must not sink its batch: retry one by one
            log.exception("batch failed; extracting its documents one at a time")
            records = []
            for document in pending:
                try:
                    records.extend(extract_records([document], nlp=nlp))
                except Exception as exc:  # noqa: BLE001 - reported per input
                    summary.failed.append((document.source, f"extraction failed: {exc}"))
                    tick()
        for record in records:
            source = record["document"]["path"] or record["document"]["id"]
            try:
                # A document stored by an older extractor version is re-extracted too.
                status = store.write_record(
                    record,
                    extractor_version=EXTRACTOR_VERSION,
                    replace=reprocess or store.has_document(record["document"]["id"]),
                )
            except EventledgerError as exc:
                summary.failed.append((source, exc.message))
            else:
                if status == "written":
                    summary.written += 1
                elif status == "replaced":
                    summary.replaced += 1
                else:
                    summary.unchanged += 1
                if status != "unchanged":
                    for name in SECTIONS:
                        summary.records[name] += len(record[name])
                assign_stories(store, [record["document"]["id"]])
            tick()
        pending.clear()

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
        stored = store.has_document(item.id)
        if stored and not reprocess and store.document_version(item.id) == EXTRACTOR_VERSION:
            # A run killed between storing a document and placing it in stories left it
            # unassigned: assign it now, in input order (assignment is idempotent).
            flush()
            assign_stories(store, [item.id])
            summary.unchanged += 1
            tick()
            continue
        signature = index.signature(item.text)
        for other, similarity in index.query(signature):
            if other != item.id:
                store.link_near_duplicate(item.id, other, similarity)
                summary.near_duplicates += 1
        store.save_signature(item.id, signature)
        index.add(item.id, signature)
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    return summary
