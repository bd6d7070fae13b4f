"""``eventledger serve``: the ledger in a browser (pages, a JSON API, a map and a timeline).

:func:`create_app` builds the ASGI application over a store; :mod:`.serve` runs it.
"""

from .app import create_app

__all__ = ["create_app"]
