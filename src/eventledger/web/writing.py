"""``POST /api/documents``: add one document, processed as ``eventledger process`` does.

The body is JSON (``text``, and optionally ``date``, ``url``, ``outlet``, ``title``) or a
``multipart/form-data`` upload (field ``file``), read like an input file of the command
line. Writing needs ``Authorization: Bearer <token>``: with no token configured every
write is refused (403), a missing or wrong token gets 401, a body over the
``max_body_bytes`` setting 413, and input the command line would refuse 400 or 422 with
the same one-line reason.
"""

from __future__ import annotations

import hmac
import io
import json
import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..errors import IngestError
from ..ingest.jsonl import record_to_document
from ..ingest.readers import finish

log = logging.getLogger(__name__)

router = APIRouter()


def check_token(request: Request) -> None:
    expected = request.app.state.web.settings.token
    if not expected:
        raise HTTPException(403, "writing is turned off: no token is configured "
                                 "(serve --token-file, or EVENTLEDGER_SERVE_TOKEN)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body of {int(declared)} bytes is over the limit "
                                 f"of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise HTTPException(413, f"request body is over the limit of {limit} bytes")
    return bytes(body)


def _json_document(body: bytes):
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"request body: malformed JSON ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise HTTPException(422, 'request body: a JSON object with a "text" string is required')
    for key in ("date", "url", "outlet", "title"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise HTTPException(422, f"request body: {key!r} must be a string")
    if data.get("date"):
        from ..ingest.text import iso_day

        if iso_day(data["date"]) != data["date"].strip():
            raise HTTPException(422, f"request body: date {data['date'][:40]!r} is not a date "
                                     "in the form YYYY-MM-DD")
    if not data["text"].strip():
        return IngestError("request body", "empty document")
    document = record_to_document(data, source="request body", path=None)
    return finish(document, date=None)


async def _uploaded_documents(request: Request, body: bytes, limit: int) -> list:
    from ..ingest import iter_inputs

    async def replay():
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, receive=replay).form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(422, "upload: a file field named 'file' is required")
    data = await upload.read()
    name = upload.filename or "upload"
    items = list(iter_inputs(["-"], max_bytes=limit, stdin=io.BytesIO(data)))
    # Messages name the uploaded file where the command line would name the path.
    return [IngestError(name, item.message.split(": ", 1)[-1]) if isinstance(item, IngestError)
            else item for item in items]


def _process(state, items: list) -> tuple[int, dict]:
    from ..process import process_documents

    with state.write_lock:
        summary = process_documents(items, state.writer(), nlp=state.pipeline())
        if summary.failed:
            source, reason = summary.failed[0]
            return 422, {"detail": f"failed: {source}: {reason}"}
        documents = [item for item in items if not isinstance(item, IngestError)]
        records = [state.writer().get_record(doc.id) for doc in documents]
    status = 201 if summary.written else 200
    payload = records[0] if len(records) == 1 else {"records": records}
    return status, payload


@router.post("/api/documents", tags=["writing"], status_code=201, responses={
    200: {"description": "Already stored: the stored record"},
    400: {"description": "Malformed body"}, 401: {"description": "Missing or wrong token"},
    403: {"description": "No token configured: writing is off"},
    413: {"description": "Body over the size limit"},
    422: {"description": "Input refused, with the command line's reason"},
})
async def post_document(request: Request) -> JSONResponse:
    """Add a document (JSON ``{"text", "date", "url", "outlet", "title"}`` or a
    multipart upload in field ``file``), extract and store it; answers with its record."""
    check_token(request)
    state = request.app.state.web
    limit = state.settings.max_body_bytes
    body = await read_body(request, limit)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        items = await _uploaded_documents(request, body, limit)
    elif content_type in ("application/json", ""):
        items = [_json_document(body)]
    else:
        raise HTTPException(415, f"unsupported content type {content_type[:60]!r}: send "
                                 "application/json or multipart/form-data")
    if not items:
        raise HTTPException(422, "upload: no document in the file")
    failed = [item for item in items if isinstance(item, IngestError)]
    if failed and len(failed) == len(items):
        raise HTTPException(422, f"failed: {failed[0].message}")
    status, payload = await run_in_threadpool(_process, state, items)
    return JSONResponse(payload, status_code=status)
