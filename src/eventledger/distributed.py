"""Extraction on a Dask cluster: ``eventledger process INPUTS --workers N`` or
``--scheduler tcp://HOST:PORT``.

The client (the ``process`` command) reads the inputs, finds near-duplicates and writes
the store as it always does; only extraction moves to the workers. Each batch of
documents the client would extract itself is cut into partitions of about
``partition_chars`` characters, whole documents, in input order; each partition is one
task. A worker loads the pipeline once (:class:`PipelinePlugin`, with a per-process cache
behind it), runs each of its models on one thread, and sends the records back. The client
puts them back in input order, stores them and assigns stories in that order.

Partitions depend only on the documents, never on the number of workers, and every
worker runs one thread, so the records (and hence story ids) are the same whatever N
is. A worker that dies mid-task has its task run again elsewhere (Dask reschedules it);
its records reach the client once, and writes are idempotent by document id anyway.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from distributed.diagnostics.plugin import WorkerPlugin

from .document import Document
from .errors import ClusterError, ConfigError

log = logging.getLogger(__name__)

PLUGIN_NAME = "eventledger-pipeline"
# Environment of worker processes: one thread for BLAS and OpenMP (torch's CPU kernels).
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "OPENBLAS_NUM_THREADS": "1"}
# Seconds to wait for a scheduler given with --scheduler.
CONNECT_TIMEOUT = 30

Failure = tuple[str, str]  # (input, reason), as ProcessSummary.failed holds them


def partitions(documents: Sequence[Document], max_chars: int) -> list[list[Document]]:
    """``documents`` cut, in order, into runs of at most ``max_chars`` characters (a longer
    document is a partition of its own). Depends on the documents alone."""
    parts: list[list[Document]] = []
    size = 0
    for document in documents:
        if parts and parts[-1] and size + len(document.text) <= max_chars:
            parts[-1].append(document)
            size += len(document.text)
        else:
            parts.append([document])
            size = len(document.text)
    return parts


# -- on the workers -------------------------------------------------------------------------

def use_one_thread() -> None:
    """Keep this process's models to one thread (torch, BLAS), so N workers use N cores."""
    os.environ.update(SINGLE_THREAD_ENV)
    import torch

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # already set, or parallel work already started: keep it
        pass


def worker_pipeline(model: str):
    """The pipeline of this worker process, loaded on first use (then cached)."""
    from .pipeline import load_pipeline

    use_one_thread()
    return load_pipeline(model)


def extract_partition(documents: list[Document], *, model: str, batch_size: int,
                      max_chunk_chars: int) -> tuple[list[dict], list[Failure]]:
    """Records of ``documents`` in order, and the documents that failed with why. A
    failing batch is retried one document at a time, as a single process does."""
    from .pipeline import extract_records

    nlp = worker_pipeline(model)
    try:
        return list(extract_records(documents, nlp=nlp, batch_size=batch_size,
                                    max_chunk_chars=max_chunk_chars)), []
    except Exception:  # one bad document must not sink its partition
        log.exception("partition failed; extracting its documents one at a time")
    records: list[dict] = []
    failures: list[Failure] = []
    for document in documents:
        try:
            records.extend(extract_records([document], nlp=nlp, batch_size=1,
                                           max_chunk_chars=max_chunk_chars))
        except Exception as exc:  # noqa: BLE001 - reported per input
            failures.append((document.source, f"extraction failed: {exc}"))
    return records, failures


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (and when a dead one is replaced), so the
    first task does not pay for it."""

    name = PLUGIN_NAME

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker) -> None:
        worker_pipeline(self.model)


# -- on the client --------------------------------------------------------------------------

class DaskExtractor:
    """Extracts batches of documents on a Dask cluster; ``process_documents`` calls it
    (``extractor=``) in place of extracting in its own process."""

    def __init__(self, client, *, model: str, batch_size: int, max_chunk_chars: int,
                 partition_chars: int):
        self.client = client
        self.model = model
        self.batch_size = batch_size
        self.max_chunk_chars = max_chunk_chars
        self.partition_chars = partition_chars

    def __call__(self, documents: list[Document]) -> tuple[list[dict], list[Failure]]:
        parts = partitions(documents, self.partition_chars)
        # The largest partitions first, so that no worker is left with one at the end.
        order = sorted(range(len(parts)), key=lambda i: -sum(len(d.text) for d in parts[i]))
        futures = {}
        for i in order:
            futures[i] = self.client.submit(
                extract_partition, parts[i], model=self.model, batch_size=self.batch_size,
                max_chunk_chars=self.max_chunk_chars, pure=False,
            )
        try:
            results = self.client.gather([futures[i] for i in range(len(parts))])
        except Exception as exc:  # the workers catch document errors: this is the cluster
            raise ClusterError(
                f"the Dask cluster failed while extracting ({type(exc).__name__}: "
                f"{' '.join(str(exc).split())}); the documents stored so far are kept, "
                f"and running the command again goes on from there") from exc
        records = [record for part_records, _ in results for record in part_records]
        failures = [failure for _, part_failures in results for failure in part_failures]
        return records, failures


@contextmanager
def dask_extractor(*, workers: int | None = None, scheduler: str | None = None,
                   model: str, batch_size: int, max_chunk_chars: int,
                   partition_chars: int) -> Iterator[DaskExtractor]:
    """A :class:`DaskExtractor` on a new local cluster of ``workers`` processes (one thread
    each), or on the cluster whose scheduler is at ``scheduler``; closed afterwards (a
    local cluster is shut down, an existing one is left running)."""
    if workers is not None and scheduler is not None:
        raise ConfigError("give --workers or --scheduler, not both")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if partition_chars < 1:
        raise ConfigError("partition_chars must be a positive number of characters")
    from distributed import Client, LocalCluster

    # Dask's own messages as loud as eventledger's (warnings, unless -v asks for more).
    logging.getLogger("distributed").setLevel(
        max(logging.getLogger().getEffectiveLevel(), logging.INFO))
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, memory_limit=0, env=dict(SINGLE_THREAD_ENV),
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: "
                              f"{' '.join(str(exc).split())}") from exc
    try:
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
        yield DaskExtractor(client, model=model, batch_size=batch_size,
                            max_chunk_chars=max_chunk_chars, partition_chars=partition_chars)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
