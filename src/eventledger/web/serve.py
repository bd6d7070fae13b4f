"""Running the web application: what ``eventledger serve`` does after parsing options."""

from __future__ import annotations

import ipaddress
import logging

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


def run(app, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
