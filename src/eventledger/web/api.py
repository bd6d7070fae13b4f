"""The JSON API: ``/api/events``, ``/api/figures``, ``/api/stories`` (filtered, paginated),
one story, one document's record, the map's points, the timeline's counts, the export
of the current filter, and ``/healthz``."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text

from ..provenance import denied, evidence_sentence, name_of, source_chain
from ..units import unit_of
from . import queries
from .event_index import figures_indexable, indexable, map_feature
from .filters import FilterError, Filters, parse_filters, parse_page
from .story_index import stories_indexable

router = APIRouter()

EXPORT_FORMATS = {"csv": "text/csv", "geojson": "application/geo+json",
                  "jsonl": "application/x-ndjson"}


# The query parameters of the lists, for the OpenAPI page only: ``parse_filters`` and
# ``parse_page`` read and check them (FastAPI's own reading of nine parameters cost
# every request about a millisecond).
FILTER_PARAMETERS = [
    ("since", "On or after this day (YYYY-MM-DD).", False),
    ("until", "On or before this day (YYYY-MM-DD).", False),
    ("type", "PLOVER type (or figure category); repeatable.", True),
    ("country", "ISO 3166-1 alpha-2 code.", False),
    ("actor", "Actor or recipient (substring).", False),
    ("source", "Outlet or source (substring).", False),
    ("q", "Free text: trigger, title, place, actor.", False),
]
PAGE_PARAMETERS = [("limit", "Rows per page.", False), ("offset", "Rows to skip.", False)]


def _documented(*groups: list[tuple[str, str, bool]]) -> dict:
    """The OpenAPI ``parameters`` of an operation taking the query parameters ``groups``."""
    string = {"type": "string"}
    return {"parameters": [
        {"name": name, "in": "query", "required": False, "description": description,
         "schema": {"type": "array", "items": string} if repeated else string}
        for group in groups for name, description, repeated in group]}


LISTED = _documented(FILTER_PARAMETERS, PAGE_PARAMETERS)
FILTERED = _documented(FILTER_PARAMETERS)


async def filters(request: Request) -> Filters:
    """The filters, checked. A coroutine, as ``page``: the event loop checks them, with
    no thread of their own."""
    return parse_filters(request.query_params)


def with_source_names(state, f: Filters) -> Filters:
    """``f``, with the names its ``source`` filter finds in the store looked up, from the
    store's names kept per store version (where answers are not kept, the database
    matches the names itself, in the query)."""
    if not f.source or not state.cache.enabled:
        return f
    known = state.cache.get("names:", lambda: queries.known_names(state.engine), pin=True)
    return replace(f, source_names=queries.source_names(known, f.source))


async def page(request: Request) -> tuple[int, int]:
    settings = request.app.state.web.settings
    return parse_page(request.query_params, default=settings.page_size, most=settings.max_limit)


FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[tuple[int, int], Depends(page)]


def _state(request: Request):
    return request.app.state.web


def _json(payload) -> Response:
    """The payload as JSON, written directly: the rows are plain JSON values already, so
    FastAPI's per-value conversion (slow on long lists) is not needed. orjson writes it
    (several times faster on the map's thousands of points); what it cannot write (an
    integer beyond 64 bits) goes through the standard library."""
    try:
        # Keys may be str subclasses (SQLAlchemy names a quoted label "trigger" so).
        body = orjson.dumps(payload, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return JSONResponse(payload)
    return Response(body, media_type="application/json")


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


def _cached(request: Request, make) -> Response:
    """``make()``'s JSON answer, kept while the store does not change (keyed by the
    request's path and query). A kept answer carries an ETag naming the store's version:
    a browser that has it already is answered 304, with no body."""
    key = f"{request.url.path}?{request.url.query}"
    body, tag = _state(request).cache.get_tagged(key, lambda: make().body)
    if tag is None:
        return Response(body, media_type="application/json")
    headers = {"ETag": f'"{tag}"', "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def story_bounds(state) -> queries.StoryBounds | None:
    """The stories' bounds, kept per store version (None where answers are not kept)."""
    if not state.cache.enabled:
        return None
    return state.cache.get("bounds:", lambda: queries.story_bounds(state.engine), pin=True)


def stories_page(state, f: Filters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """``(how many stories pass f, the page of them)``: ``queries.list_stories``'s
    answer, from the stories in memory where they are."""
    index = state.index() if stories_indexable(f) else None
    if index is not None:
        total, ids = index.stories.page(f, limit=limit, offset=offset)
        return total, queries.story_rows(state.engine, ids)
    return queries.list_stories(state.engine, f, limit=limit, offset=offset,
                                bounds=story_bounds(state))


def events_page(state, f: Filters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """``queries.list_events``'s answer, from the events in memory where they are."""
    index = state.index() if indexable(f) else None
    if index is None:
        return queries.list_events(state.engine, f, limit=limit, offset=offset)
    total, keys = index.events.page(f, limit=limit, offset=offset)
    return total, queries.event_rows(state.engine, keys)


def figures_page(state, f: Filters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """``queries.list_figures``'s answer, from the figures in memory where they are."""
    index = state.index() if figures_indexable(f) else None
    if index is None:
        return queries.list_figures(state.engine, f, limit=limit, offset=offset)
    total, keys = index.figures.page(f, limit=limit, offset=offset)
    return total, queries.figure_rows(state.engine, keys)


def _list_answer(state, pager, f: Filters, limit: int, offset: int) -> Response:
    total, rows = pager(state, f, limit, offset)
    return _json({"total": total, "limit": limit, "offset": offset,
                  "filters": f.as_dict(), "items": rows})


def _listing(request: Request, pager, f: Filters, paging: tuple[int, int]) -> Response:
    """One page of ``pager``'s rows (``events_page``, ``figures_page`` or
    ``stories_page``) passing ``f``, with their total, as the cached JSON answer every
    list of the API gives."""
    limit, offset = paging
    state = _state(request)
    return _cached(request, lambda: _list_answer(state, pager, with_source_names(state, f),
                                                 limit, offset))


@router.get("/healthz", tags=["service"])
def healthz(request: Request) -> dict:
    """The server is up and can read its store."""
    with _state(request).engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return {"status": "ok"}


@router.get("/api/events", tags=["reading"], openapi_extra=LISTED)
def api_events(request: Request, f: FiltersDep, paging: PageDep) -> Response:
    """Events passing the filters, by day; ``total`` counts them all."""
    return _listing(request, events_page, f, paging)


@router.get("/api/figures", tags=["reading"], openapi_extra=LISTED)
def api_figures(request: Request, f: FiltersDep, paging: PageDep) -> Response:
    """Casualty and other figures passing the filters, each with its source."""
    return _listing(request, figures_page, f, paging)


@router.get("/api/stories", tags=["reading"], openapi_extra=LISTED)
def api_stories(request: Request, f: FiltersDep, paging: PageDep) -> Response:
    """Stories (incidents reported by one or more documents), newest first, with the
    range of each figure category reported."""
    return _listing(request, stories_page, f, paging)


@router.get("/api/stories/{story_id}", tags=["reading"])
def api_story(request: Request, story_id: str) -> JSONResponse:
    """One story: every source's figures side by side, ranges, conservative figure,
    independent sources. No figure is picked as the true one."""
    from ..stories.table import list_stories

    tables = list_stories(_state(request).store, ids=[story_id.upper()[:16]])
    if not tables:
        raise HTTPException(404, f"no story {story_id[:40]}")
    return _json(tables[0].as_dict())


@router.get("/api/documents/{doc_id}", tags=["reading"])
def api_document(request: Request, doc_id: str) -> JSONResponse:
    """The document's extraction record, as stored (see CONTRACT)."""
    record = _state(request).store.get_record(doc_id[:64])
    if record is None:
        raise HTTPException(404, f"no document {doc_id[:64]}")
    return _json(record)


@router.get("/api/documents/{doc_id}/events/{event_id}", tags=["reading"])
def api_event(request: Request, doc_id: str, event_id: str) -> dict:
    """One event with its source chain, evidence sentence and the figures that count its
    victims, each with its own source (the map's popup)."""
    record = _state(request).store.get_record(doc_id[:64])
    event = next((e for e in (record or {}).get("events") or [] if e.get("id") == event_id),
                 None)
    if event is None:
        raise HTTPException(404, f"no event {event_id[:64]} in document {doc_id[:64]}")
    document = record["document"]
    attribution = next((a for a in record.get("attributions") or []
                        if a.get("id") == event.get("attribution")), None)
    trigger = event.get("trigger") or {}
    attributions = {a.get("id"): a for a in record.get("attributions") or []}
    figures = [{
        "id": f.get("id"), "category": f.get("category"),
        "count": (f.get("count") or {}).get("text"), "unit": unit_of(f),
        "source": source_chain(attributions.get(f.get("attribution")),
                               document.get("outlet")) or "the outlet",
        "negated": denied(f, attributions),
    } for f in record.get("figures") or [] if f.get("event") == event["id"]]
    return {
        "doc_id": document["id"], "id": event["id"], "type": event.get("type"),
        "mode": event.get("mode"), "trigger": trigger.get("text"),
        "actor": name_of(event.get("actor")) or None,
        "recipient": name_of(event.get("recipient")) or None,
        "date": event.get("date") or document.get("published"),
        "negated": bool(event.get("negated")), "hypothetical": bool(event.get("hypothetical")),
        "source": source_chain(attribution, document.get("outlet")) or "the outlet",
        "evidence": evidence_sentence(document["text"], trigger.get("start", 0),
                                      trigger.get("end", 0)),
        "outlet": document.get("outlet"), "title": document.get("title"),
        "figures": figures,
    }


@router.get("/api/map", tags=["reading"], openapi_extra=FILTERED)
def api_map(request: Request, f: FiltersDep) -> Response:
    """Placed events passing the filters as GeoJSON points (at most the ``map_limit``
    setting; ``total`` counts them all)."""
    state = _state(request)
    return _cached(request, lambda: _map(state, with_source_names(state, f)))


def _map(state, f: Filters) -> Response:
    index = state.index() if indexable(f) else None
    if index is not None:
        return Response(index.events.map_body(f, limit=state.settings.map_limit),
                        media_type="application/json")
    total, rows = queries.map_points(state.engine, f, limit=state.settings.map_limit)
    features = [map_feature(row) for row in rows]
    return _json({"type": "FeatureCollection", "total": total, "shown": len(features),
                  "features": features})


@router.get("/api/timeline", tags=["reading"], openapi_extra=FILTERED)
def api_timeline(request: Request, f: FiltersDep) -> Response:
    """Events per day and PLOVER type (the overview's timeline)."""
    state = _state(request)
    return _cached(request, lambda: _timeline(state, with_source_names(state, f)))


def _timeline(state, f: Filters) -> Response:
    index = state.index() if indexable(f) else None
    days = index.events.timeline(f) if index is not None else queries.timeline(state.engine, f)
    return _json({"filters": f.as_dict(), "days": days})


def warm_overview(state) -> None:
    """Make and keep the answers every reader's overview asks first (the map, timeline
    and stories, unfiltered), as the routes would, so that the first readers after a
    start find them made."""
    if not state.cache.enabled:
        return
    nothing = Filters()
    page = state.settings.page_size
    state.cache.get("/api/map?", lambda: _map(state, nothing).body, pin=True)
    state.cache.get("/api/timeline?", lambda: _timeline(state, nothing).body, pin=True)
    state.cache.get("/api/stories?", lambda: _list_answer(
        state, stories_page, nothing, page, 0).body, pin=True)


@router.get("/api/export", tags=["reading"], openapi_extra=FILTERED)
def api_export(request: Request, f: FiltersDep,
               format: Annotated[str, Query(  # noqa: A002 - the CLI's name
                   description="csv, geojson or jsonl")] = "csv") -> Response:
    """The current filter as a download: the same rows as ``eventledger export`` with
    the same ``since``, ``until``, ``type``, ``country`` and ``source``."""
    from ..export import export_records

    if format not in EXPORT_FORMATS:
        raise FilterError(f"format: {format[:20]!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if f.actor or f.q:
        raise FilterError("export takes the command line's filters (since, until, type, "
                          "country, source); actor and q are not among them")
    records = _state(request).store.iter_records(
        since=f.since, until=f.until, types=[t.upper() for t in f.types] or None,
        country=f.country, source=f.source)
    buffer = io.StringIO()
    export_records(records, format, buffer)
    extension = "geojson" if format == "geojson" else format
    return Response(buffer.getvalue(), media_type=EXPORT_FORMATS[format], headers={
        "Content-Disposition": f'attachment; filename="eventledger.{extension}"'})
