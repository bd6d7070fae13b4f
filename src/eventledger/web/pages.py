"""The HTML pages: the overview, a story, a document, an actor, and the API's docs.

Everything a page shows is in its HTML (tables and text), so it reads without
JavaScript; ``static/overview.js`` and ``static/document.js`` add the map, the timeline
and the interaction. Templates escape every value (Jinja2 autoescape); data for scripts
goes in JSON blocks that the browser never runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from . import queries
from .api import stories_page, with_source_names
from .filters import parse_filters, parse_page
from .views import highlight, item_details, story_view

router = APIRouter(include_in_schema=False)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a web address (http, https), else None: a ``javascript:`` URL
    from a document is shown as text, never made a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    context = {"safe_url": safe_url, **context}
    return request.app.state.templates.TemplateResponse(request, name, context,
                                                        status_code=status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    state = request.app.state.web
    f = with_source_names(state, parse_filters(request.query_params))
    limit, offset = parse_page(request.query_params, default=state.settings.page_size,
                               most=state.settings.max_limit)
    total, stories = stories_page(state, f, limit, offset)
    own_limit = limit if limit != state.settings.page_size else None  # kept in the links
    return _render(request, "overview.html", {
        "filters": f, "stories": stories, "total": total, "limit": limit, "offset": offset,
        "query": f.query_string(),
        "previous": f.query_string(limit=own_limit, offset=max(offset - limit, 0))
        if offset else None,
        "next": f.query_string(limit=own_limit, offset=offset + limit)
        if offset + limit < total else None,
        "export_ok": not (f.actor or f.q),
    })


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    state = request.app.state.web
    rows = state.store.story_rows(ids=[story_id.upper()[:16]])
    if not rows:
        raise HTTPException(404, f"no story {story_id[:40]}")
    view = story_view(state.store, rows[0])
    titles = queries.document_titles(state.engine, view.table.documents)
    return _render(request, "story.html", {"story": rows[0], "view": view, "titles": titles})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    state = request.app.state.web
    record = state.store.get_record(doc_id[:64])
    if record is None:
        raise HTTPException(404, f"no document {doc_id[:64]}")
    near = state.store.near_duplicates(record["document"]["id"])
    titles = queries.document_titles(state.engine, [other for other, _ in near])
    details = item_details(record)
    return _render(request, "document.html", {
        "record": record, "doc": record["document"], "pieces": highlight(record),
        "details": details, "stories": queries.stories_of_document(state.engine, doc_id),
        "near": near, "titles": titles,
    })


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(request: Request, name: str):
    state = request.app.state.web
    if not name.strip() or len(name) > 300:
        raise HTTPException(400, "an actor name of 1 to 300 characters is needed")
    limit = state.settings.actor_rows
    claims = queries.actor_claims(state.engine, name, limit=limit)
    events = queries.actor_events(state.engine, name, limit=limit)
    if not claims and not events:
        raise HTTPException(404, f"nothing said by or done by {name[:60]!r} in this store")
    return _render(request, "actor.html", {"name": name, "claims": claims, "events": events,
                                           "limit": limit})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return _render(request, "docs.html", {})


__all__ = ["router", "safe_url"]
