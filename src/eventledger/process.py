"""Ingest, extract and store: the job behind ``eventledger process``.

Each document is written with all its records in one transaction, so a run that is
killed and started again ends with the same store as an uninterrupted run: documents
already stored (with the current extractor version) are skipped.

One document never ends the batch: whatever goes wrong with it (its extraction raises,
takes too long, or gives a record the store refuses) is one failed input, and the next
document goes on. Only a store that can take no more writes at all (a full disk, a
read-only database) ends the run, with one error; what is stored stays.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import EXTRACTOR_VERSION
from .document import Document
from .errors import EventledgerError, IngestError, StoreError, StoreUnusableError
from .ingest.limits import DocumentTimeout, time_limit
from .ingest.readers import unexpected
from .pipeline import SECTIONS, extract_records
from .stories import assign_stories

log = logging.getLogger(__name__)

# Extracts a batch elsewhere: its records, and (input, reason) for each that failed.
Extractor = Callable[[list[Document]], tuple[list[dict], list[tuple[str, str]]]]

# SQLite's primary result codes (sqlite3 errors carry them) and PostgreSQL's SQLSTATEs
# that mean no document can be written: the run stops rather than fail each in turn.
_SQLITE_UNUSABLE = {8: "the database is read-only", 13: "the database or disk is full",
                    10: "disk I/O error", 14: "the database file cannot be opened"}
# Extracted once, without a time limit, before the first timed document: the pipeline
# loads parts of itself on first use, which is no document's fault.
_WARM_UP = Document(text="Officials said on Monday that 2 people were hurt in Avonford.",
                    source="warm-up")
_POSTGRES_UNUSABLE = {"53100": "the disk is full", "25006": "the database is read-only",
                      "53200": "the server is out of memory"}


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


def store_unusable(exc: BaseException) -> str | None:
    """Why no write can succeed, when ``exc`` (or what caused it) says so; else None."""
    seen = 0
    while exc is not None and seen < 8:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_UNUSABLE:
            return _SQLITE_UNUSABLE[code & 0xFF]
        state = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
        if state in _POSTGRES_UNUSABLE:
            return _POSTGRES_UNUSABLE[state]
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        seen += 1
    return None


class _Run:
    """One call of :func:`process_documents`: its state, and a step per method."""

    def __init__(self, store, *, nlp, reprocess: bool, batch_size: int, max_chunk_chars: int,
                 near_duplicate_threshold: float, max_seconds: float | None,
                 on_document: Callable[[ProcessSummary], None] | None,
                 extractor: Extractor | None = None):
        self.store = store
        self.nlp = nlp
        self.extractor = extractor
        self.reprocess = reprocess
        self.batch_size = batch_size
        self.max_chunk_chars = max_chunk_chars
        self.max_seconds = max_seconds
        self.on_document = on_document
        self.summary = ProcessSummary()
        self.index = _near_duplicate_index(store, near_duplicate_threshold)
        self.seen: set[str] = set()
        # In input order: (document, stored before this run). Documents the store already
        # holds in the current version are only (re)placed in stories, in their turn.
        # State None: new; False: stored by another version, or to be re-extracted.
        self.pending: list[tuple[Document, bool | None]] = []
        self.to_extract = 0
        self.warm = not max_seconds

    # -- bookkeeping -------------------------------------------------------------------
    def tick(self) -> None:
        self.summary.done += 1
        if self.on_document:
            self.on_document(self.summary)

    def fail(self, source: str, reason: str) -> None:
        self.summary.failed.append((source, reason))

    def fail_unexpected(self, document: Document, step: str, exc: BaseException) -> None:
        """A failure nobody foresaw: one line for the input, the traceback at -v."""
        if isinstance(exc, EventledgerError):
            reason = exc.message
        else:
            log.info("%s: %s failed", document.source, step, exc_info=exc)
            reason = f"{step} failed ({unexpected(exc)})"
        self.fail(document.source, reason)

    def check_store(self, exc: BaseException) -> None:
        """Re-raise a store failure that every later write would meet too."""
        reason = store_unusable(exc)
        if reason is not None:
            raise StoreUnusableError(f"database {self.store.label}: {reason}; "
                                     "the documents stored before are kept") from exc

    # -- one input ---------------------------------------------------------------------
    def add(self, item: Document | IngestError) -> None:
        if isinstance(item, IngestError):
            self.fail(item.source, item.message.split(": ", 1)[-1])
            self.tick()
            return
        self.summary.read += 1
        if item.id in self.seen:
            self.summary.duplicates += 1
            self.tick()
            return
        self.seen.add(item.id)
        try:
            state = self.admit(item)
        except Exception as exc:  # noqa: BLE001 - reported per input
            self.check_store(exc)
            self.fail_unexpected(item, "storing its signature", exc)
            self.tick()
            return
        self.pending.append((item, state))
        if state is not True:
            self.to_extract += 1
            if self.to_extract >= self.batch_size:
                self.flush()

    def admit(self, document: Document) -> bool | None:
        """The document's state (see ``pending``); a new one's near-duplicates linked."""
        version = self.store.document_version(document.id)
        if version == EXTRACTOR_VERSION and not self.reprocess:
            return True
        signature = self.index.signature(document.text)
        for other, similarity in self.index.query(signature):
            if other != document.id:
                self.store.link_near_duplicate(document.id, other, similarity)
                self.summary.near_duplicates += 1
        self.store.save_signature(document.id, signature)
        self.index.add(document.id, signature)
        return None if version is None else False

    # -- a batch -----------------------------------------------------------------------
    def flush(self) -> None:
        records = self.extract([doc for doc, state in self.pending if state is not True])
        for document, state in self.pending:
            try:
                self.finish(document, state, records)
            except Exception as exc:  # noqa: BLE001 - reported per input
                self.check_store(exc)
                self.fail_unexpected(document, "storing", exc)
            self.tick()
        self.pending.clear()
        self.to_extract = 0

    def finish(self, document: Document, state: bool | None, records: dict[str, dict]) -> None:
        if state is True:
            # A run killed between storing a document and placing it in stories left
            # it unassigned: assign it now, in input order (assignment is idempotent).
            assign_stories(self.store, [document.id])
            self.summary.unchanged += 1
        elif document.id in records:
            # A document stored by an older extractor version is replaced too.
            self.store_record(records[document.id], replace=self.reprocess or state is False)

    def extract(self, documents: list[Document]) -> dict[str, dict]:
        """Records by document id. A batch that fails or runs out of time is extracted
        again one document at a time, so that only the guilty document fails."""
        if not documents:
            return {}
        if self.extractor is not None:
            records, failures = self.extractor(documents)
            self.summary.failed.extend(failures)
            return {record["document"]["id"]: record for record in records}
        if not self.warm:
            self.warm = True
            try:
                self.extract_batch([_WARM_UP])
            except Exception:  # noqa: BLE001 - the documents will say what is wrong
                log.info("warm-up extraction failed", exc_info=True)
        budget = self.max_seconds * len(documents) if self.max_seconds else None
        try:
            with time_limit(budget):
                records = self.extract_batch(documents)
        except (Exception, DocumentTimeout):
            log.info("batch of %d failed; extracting its documents one at a time",
                     len(documents), exc_info=True)
            records = []
            for document in documents:
                records.extend(self.extract_alone(document))
        return {record["document"]["id"]: record for record in records}

    def extract_batch(self, documents: list[Document]) -> list[dict]:
        return list(extract_records(documents, nlp=self.nlp, batch_size=self.batch_size,
                                    max_chunk_chars=self.max_chunk_chars))

    def extract_alone(self, document: Document) -> list[dict]:
        try:
            with time_limit(self.max_seconds):
                return list(extract_records([document], nlp=self.nlp, batch_size=1,
                                            max_chunk_chars=self.max_chunk_chars))
        except DocumentTimeout as exc:
            self.fail(document.source, f"extraction {exc}")
        except Exception as exc:  # noqa: BLE001 - reported per input
            self.fail_unexpected(document, "extraction", exc)
        return []

    def store_record(self, record: dict, replace: bool) -> None:
        source = record["document"]["path"] or record["document"]["id"]
        try:
            status = self.store.write_record(
                record, extractor_version=EXTRACTOR_VERSION, replace=replace
            )
        except StoreError as exc:
            self.check_store(exc)
            self.fail(source, exc.message)
            return
        if status == "written":
            self.summary.written += 1
        elif status == "replaced":
            self.summary.replaced += 1
        else:
            self.summary.unchanged += 1
        if status != "unchanged":
            for name in SECTIONS:
                self.summary.records[name] += len(record[name])
        doc_id = record["document"]["id"]
        assign_stories(self.store, [doc_id], records={doc_id: record})


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
    max_seconds_per_document: float | None = None,
    extractor: Extractor | None = None,
) -> ProcessSummary:
    """Extract every document of ``items`` and write it to ``store``; ingest errors in
    ``items`` are counted as failures and the rest goes on, as does the batch after a
    document whose extraction or storing fails, or that takes more than
    ``max_seconds_per_document`` (None: no limit). Raises
    :class:`~eventledger.errors.StoreUnusableError` when the store takes no more writes
    (full, read-only); the documents stored before it stay.

    ``extractor`` extracts a batch elsewhere (a Dask cluster:
    :mod:`eventledger.distributed`): it returns the records and the ``(input, reason)``
    of documents that failed; the time limit is then the cluster's affair."""
    run = _Run(store, nlp=nlp, reprocess=reprocess, batch_size=batch_size,
               max_chunk_chars=max_chunk_chars,
               near_duplicate_threshold=near_duplicate_threshold,
               max_seconds=max_seconds_per_document, on_document=on_document,
               extractor=extractor)
    for item in items:
        run.add(item)
    run.flush()
    return run.summary
