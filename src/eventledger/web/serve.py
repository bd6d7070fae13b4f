"""Running the web application: what ``eventledger serve`` does after parsing options."""

from __future__ import annotations

import ipaddress
import logging
import os

from .app import create_app
from .settings import WebSettings

log = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def build(db: str, host: str, settings: WebSettings):
    """The app for ``db``; warns when it will be reachable from elsewhere with no token."""
    if not is_loopback(host) and not settings.token:
        log.warning("serving on %s, which other machines can reach, with no token set: "
                    "everyone there can read the ledger (writing stays off until "
                    "--token-file is given)", host)
    return create_app(db, settings=settings)


# How a worker process learns which store to serve (see app_from_environment).
DB_VARIABLE = "EVENTLEDGER_SERVE_DATABASE"


def app_from_environment():
    """The app of one worker process of ``serve --workers N``."""
    from .settings import load_web_settings

    return create_app(os.environ[DB_VARIABLE], settings=load_web_settings())


def run(app, host: str, port: int, *, workers: int = 1, db: str | None = None,
        settings: WebSettings | None = None) -> None:
    """Serve ``app`` until Ctrl-C; with ``workers`` above 1, that many processes each
    build their own app over ``db`` (the token reaches them through the environment)."""
    import uvicorn

    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    os.environ[DB_VARIABLE] = str(db)
    if settings is not None and settings.token:
        os.environ["EVENTLEDGER_SERVE_TOKEN"] = settings.token
    from .workers import can_share_port, run_workers

    if can_share_port():
        run_workers(host, port, workers)
        return
    # Without SO_REUSEPORT the workers share uvicorn's one socket. A worker answers
    # uvicorn's health checks once it has imported the command line again (as a spawned
    # process does): seconds on a busy machine, more than uvicorn's own 5, after which it
    # would kill and restart the worker, over and over.
    patience = (settings or WebSettings()).worker_start_seconds
    uvicorn.run("eventledger.web.serve:app_from_environment", factory=True, host=host,
                port=port, workers=workers, log_level="warning", server_header=False,
                timeout_worker_healthcheck=patience)
