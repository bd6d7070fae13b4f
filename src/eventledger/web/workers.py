"""``serve --workers N``: N server processes, each listening on a socket of its own on the
same port (``SO_REUSEPORT``), so that the kernel hands each new connection to one of them
in turn of a hash, and the connections spread evenly.

uvicorn's own workers share one listening socket, and the worker that wakes first accepts
every connection waiting: fifty readers who connect at once then land 44 on one worker and
6 on the other, and the first worker's readers wait for one core while the second idles.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import time

from ..errors import ConfigError

log = logging.getLogger(__name__)

# How often the parent looks for a worker that has died, in seconds.
_WATCH_SECONDS = 0.5


def can_share_port() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that other sockets of this user may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host.strip("[]"), port))
    sock.set_inheritable(True)
    return sock


def _worker(host: str, port: int) -> None:
    import uvicorn

    sock = listening_socket(host, port)
    config = uvicorn.Config("eventledger.web.serve:app_from_environment", factory=True,
                            log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(host: str, port: int, workers: int) -> None:
    """Run ``workers`` server processes until SIGINT or SIGTERM, starting again any that
    dies on its own. Each builds its app from the environment (``app_from_environment``)."""
    # Binding first here gives a taken port one clear error before any worker starts.
    try:
        probe = listening_socket(host, port)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    context = multiprocessing.get_context("spawn")

    def start() -> multiprocessing.process.BaseProcess:
        process = context.Process(target=_worker, args=(host, port), daemon=True)
        process.start()
        return process

    stopping = False

    def stop(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    probe.close()
    try:
        while not stopping:
            time.sleep(_WATCH_SECONDS)
            for i, process in enumerate(processes):
                if not process.is_alive() and not stopping:
                    log.warning("server worker %s ended (exit code %s); starting another",
                                process.pid, process.exitcode)
                    processes[i] = start()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes what it is answering
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
        for s, handler in previous.items():
            signal.signal(s, handler)
