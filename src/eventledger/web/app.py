"""The application factory: ``create_app(db)`` gives the ASGI app ``eventledger serve`` runs.

Pages (:mod:`.pages`) and the JSON API (:mod:`.api`) read through a read-only store;
``POST /api/documents`` (:mod:`.writing`) opens the writable store and the extraction
pipeline on first use. Every response carries a Content-Security-Policy that allows
scripts, styles and images from this server only (no inline script), so nothing in a
document can run in the browser even if it slipped past the templates' escaping.
"""

from __future__ import annotations

import gc
import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import EventledgerError
from .cache import AnswerCache, file_version, snapshot_version
from .database import is_sqlite, open_reader, sqlite_file
from .event_index import StoreIndex, StoreIndexes
from .filters import FilterError
from .settings import WebSettings, load_web_settings

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets style attributes in the markup it builds; scripts stay 'self' only.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class WebState:
    """What the routes share: the stores, the settings, the pipeline (loaded on demand)."""

    def __init__(self, target: str, settings: WebSettings, *, nlp=None):
        self.target = target
        self.settings = settings
        self.store, self.engine = open_reader(target, mmap_bytes=settings.sqlite_mmap_bytes,
                                              cache_kib=settings.sqlite_cache_kib)
        version = store_version(target, self.engine)
        self.cache = AnswerCache(version, size=settings.cache_entries)
        # Events and figures in memory for an SQLite store only: the index orders and
        # compares days and keys as SQLite does (a PostgreSQL collation may not).
        self.indexes = StoreIndexes(self.engine, version) \
            if version is not None and is_sqlite(target) else None
        self._writer = None
        self.nlp = nlp
        self.write_lock = threading.Lock()

    def index(self) -> StoreIndex | None:
        """The events and figures of the store's current version in memory, where made
        already."""
        return self.indexes.current() if self.indexes is not None else None

    def writer(self):
        """The writable store (opened on first use, under ``write_lock``)."""
        from ..store import Store

        if self._writer is None:
            self._writer = Store.open(self.target)
        return self._writer

    def pipeline(self):
        from ..config import load_settings
        from ..pipeline import load_pipeline

        if self.nlp is None:
            self.nlp = load_pipeline(load_settings().model)
        return self.nlp

    def close(self) -> None:
        self.store.close()
        if self._writer is not None:
            self._writer.close()


def store_version(target: str, engine):
    """What gives the version of the store ``target`` (None: none is known, nothing is
    kept)."""
    if is_sqlite(target):
        database = sqlite_file(target)
        return file_version(database) if database else None
    if engine.dialect.name == "postgresql":
        return snapshot_version(engine)
    return None


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(HERE / "templates"))
    found.env.autoescape = True
    found.env.globals["version"] = __version__
    return found


def create_app(db: str | Path, *, settings: WebSettings | None = None, nlp=None) -> FastAPI:
    """The web application over the store ``db`` (a SQLite path or an SQLAlchemy URL).
    ``nlp``: an extraction pipeline already loaded (else loaded on the first write)."""
    from . import api, pages, writing

    state = WebState(str(db), settings or load_web_settings(), nlp=nlp)

    @asynccontextmanager
    async def lifespan(_app):
        warming = threading.Thread(target=_warm, args=(state,), name="eventledger-warm",
                                   daemon=True)
        warming.start()
        yield
        warming.join()
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventledger", version=__version__, docs_url=None, redoc_url=None,
        openapi_url="/openapi.json",
        description="Source-attributed event data: events, casualty figures and stories, "
        "each with who claimed it and the words that say so.",
    )
    app.state.web = state
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(writing.router)
    app.include_router(pages.router)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        return _error(request, 400, exc.message)

    @app.exception_handler(EventledgerError)
    async def eventledger_error(request: Request, exc: EventledgerError):
        return _error(request, 400, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "query")
        return _error(request, 422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), headers=exc.headers)

    return app


class SecurityHeaders:
    """Every response's security headers; a request whose address holds a NUL is
    answered 400 here. A plain ASGI middleware: Starlette's ``@app.middleware("http")``
    costs every request a task and a stream of its own."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = DOCS_CSP if path == "/docs" else CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                if path.startswith("/static/"):  # shipped with this version: may be kept
                    headers["Cache-Control"] = "public, max-age=3600"
            await send(message)

        if "\x00" in path or b"%00" in scope.get("query_string", b""):
            # No store keeps a NUL in a name or an id (PostgreSQL cannot even be asked).
            response = _error(Request(scope, receive), 400,
                              "a NUL character in the request's address")
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _warm(state: WebState) -> None:
    """The overview's unfiltered answers, made while the server starts taking requests
    (a reader who asks meanwhile waits for them rather than making them again)."""
    from .api import warm_overview

    try:
        if state.indexes is not None:
            state.indexes.make_now()
        warm_overview(state)
        # What the server holds from now on (modules, templates, kept answers) is left out
        # of the collector's later passes, which every request waits for.
        gc.collect()
        gc.freeze()
    except Exception:  # a reader asking later gets the error itself, on one line
        log.debug("making the overview's answers ahead failed", exc_info=True)


def _error(request: Request, status: int, message: str, *, headers=None):
    """A JSON error for the API, a small HTML page for the pages."""
    path = request.url.path
    if path.startswith("/api/") or path in ("/healthz", "/openapi.json"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message},
        status_code=status, headers=headers)
