"""The JSON endpoints: thin handlers over `letopis.search` and `letopis.queries`, which the CLI calls too."""

from __future__ import annotations

import hmac
import json
import os
import threading
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

from .. import queries
from .. import search as search_module
from ..errors import BadRecord, LetopisError, TooLarge
from ..export import export_lines
from ..record import Document, EventType, Modality
from ..store import DocumentFilter, EntityFilter, EventFilter, Store

__all__ = ["router", "TOKEN_ENV", "Unauthorized", "Forbidden"]

router = APIRouter(prefix="/api")
TOKEN_ENV = "LETOPIS_API_TOKEN"
MAX_BODY = 5_000_000  # bytes; the pipeline's own limit is 5M characters
_lock = threading.Lock()

Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=500)]


class Unauthorized(LetopisError):
    code = "unauthorized"
    status = 401


class Forbidden(LetopisError):
    code = "forbidden"
    status = 403


def _store(request: Request) -> Store:
    """The app's read-only store: one connection per worker thread."""
    store: Store = request.app.state.reader
    return store


def document_filter(
    source: Text = None,
    since: Text = None,
    until: Text = None,
    entity: Annotated[str | None, Query(max_length=500, description="entity key or code mentioned")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DocumentFilter:
    return DocumentFilter(source=source, since=since, until=until, entity=entity, limit=limit, offset=offset)


def entity_filter(
    type: Text = None,
    kind: Text = None,
    name: Annotated[str | None, Query(max_length=500, description="substring of the name")] = None,
    sort: Literal["-mentions", "-documents", "name"] = "-mentions",
    limit: Limit = 50,
    offset: Offset = 0,
) -> EntityFilter:
    return EntityFilter(type=type, kind=kind, name=name, sort=sort, limit=limit, offset=offset)


def event_filter(
    type: EventType | None = None,
    actor: Text = None,
    role: Literal["source", "target"] | None = None,
    location: Text = None,
    since: Text = None,
    until: Text = None,
    modality: Modality | None = None,
    source: Text = None,
    document: Text = None,
) -> EventFilter:
    """The event filters shared by the list, its summary and the export."""
    return EventFilter(
        type=type and str(type),
        actor=actor,
        role=role,
        location=location,
        since=since,
        until=until,
        modality=modality and str(modality),
        source=source,
        document=document,
    )


Reader = Annotated[Store, Depends(_store)]
Documents = Annotated[DocumentFilter, Depends(document_filter)]
Entities = Annotated[EntityFilter, Depends(entity_filter)]
Events = Annotated[EventFilter, Depends(event_filter)]


@router.get("/documents", summary="List documents, newest first")
def list_documents(store: Reader, where: Documents) -> JSONResponse:
    return JSONResponse(queries.list_documents(store, where).as_dict())


@router.get("/documents/{document_id}", summary="One document with its text, mentions and events")
def get_document(store: Reader, document_id: str) -> JSONResponse:
    return JSONResponse(queries.get_document(store, document_id))


@router.get(
    "/documents/{document_id}/raw", summary="The raw input as it arrived", response_class=PlainTextResponse
)
def get_raw(store: Reader, document_id: str) -> PlainTextResponse:
    return PlainTextResponse(queries.get_raw(store, document_id))


@router.get("/entities", summary="List entities by number of mentions")
def list_entities(store: Reader, where: Entities) -> JSONResponse:
    return JSONResponse(queries.list_entities(store, where).as_dict())


@router.get("/entities/{code:path}", summary="One entity: mentions over time, co-actors, events")
def get_entity(store: Reader, code: str) -> JSONResponse:
    return JSONResponse(queries.get_entity(store, code))


@router.get("/events", summary="List events; filter by type, actor, place, date, modality, source")
def list_events(
    store: Reader,
    where: Events,
    sort: Literal["date", "-date", "confidence", "-confidence", "id"] = "date",
    summary: Annotated[bool, Query(description="add timeline, actor network and map counts")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONResponse:
    page = queries.list_events(store, replace(where, sort=sort, limit=limit, offset=offset)).as_dict()
    if summary:
        page["summary"] = queries.event_summary(store, where)
    return JSONResponse(page)


@router.get("/search", summary="Morphology-aware full-text search with event filters")
def search(
    store: Reader,
    q: Annotated[
        str, Query(max_length=500, description='words and "quoted phrases"; any inflected form')
    ] = "",
    expand: Annotated[
        bool, Query(description="an adjective also finds its place (казахстанский → Казахстан)")
    ] = False,
    actor: Text = None,
    type: EventType | None = None,
    modality: Modality | None = None,
    location: Text = None,
    since: Text = None,
    until: Text = None,
    source: Text = None,
    sort: Literal["relevance", "date", "-date"] = "relevance",
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    filters = search_module.SearchFilters(
        actor=actor,
        event_type=str(type) if type else None,
        modality=str(modality) if modality else None,
        location=location,
        date_from=since,
        date_to=until,
        source=source,
    )
    page = search_module.search(store, q, filters, limit, offset, sort, expand)
    return JSONResponse(
        {
            "query": q,
            "terms": sorted(page.query.lemmas),
            "total": page.total,
            "limit": limit,
            "offset": offset,
            "items": [
                {
                    "id": hit.id,
                    "doc_id": hit.doc_id,
                    "headline": hit.headline,
                    "published": hit.published,
                    "source": hit.source,
                    "url": hit.url,
                    "score": hit.score,
                    "snippet": hit.snippet.text,
                    "highlights": [list(pair) for pair in hit.snippet.highlights],
                }
                for hit in page.hits
            ],
        }
    )


@router.get("/stats", summary="Counts of documents, entities, events; event timeline, network and map")
def stats(store: Reader) -> JSONResponse:
    return JSONResponse({"totals": queries.stats(store), **queries.event_summary(store)})


_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
          "gdelt": "text/tab-separated-values; charset=utf-8", "polecat": "text/tab-separated-values; charset=utf-8"}
_FILENAME = {"jsonl": "events.jsonl", "csv": "events.csv", "gdelt": "events.gdelt.tsv", "polecat": "events.polecat.tsv"}


@router.get(
    "/export/events",
    summary="All events matching the filters: JSON lines, CSV, or the GDELT 2.0 / POLECAT table layouts",
)
def export_events(
    store: Reader, where: Events, format: Literal["jsonl", "csv", "gdelt", "polecat"] = "jsonl"
) -> StreamingResponse:
    lines = export_lines(queries.iter_events(store, where), format)
    headers = {"Content-Disposition": f'attachment; filename="{_FILENAME[format]}"'}
    return StreamingResponse(lines, media_type=_MEDIA[format], headers=headers)


INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        key: {"type": "string"}
                        for key in ("text", "id", "published", "source", "url", "title")
                    },
                }
            },
        },
    }
}


@router.post(
    "/documents",
    summary="Ingest one document through the pipeline (needs 'Authorization: Bearer $LETOPIS_API_TOKEN')",
    openapi_extra=INGEST_BODY,
    status_code=201,
)
async def ingest(request: Request) -> JSONResponse:
    check_token(request)
    body = await request.body()
    if len(body) > MAX_BODY:
        raise TooLarge(f"request body has {len(body):,} bytes, more than the limit of {MAX_BODY:,}")
    document = _document(request.headers.get("content-type", "text/plain"), body)
    from starlette.concurrency import run_in_threadpool

    result, status = await run_in_threadpool(_process_and_save, request.app, document)
    return JSONResponse(result, status_code=status)


def _document(content_type: str, body: bytes) -> Document:
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        from ..ingest.html import extract_html

        charset = content_type.partition("charset=")[2].strip(" \"'") or None
        return extract_html(body, declared_encoding=charset, origin="POST /api/documents")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRecord(
            f"the body is not UTF-8 ({error.reason} at byte {error.start}); send UTF-8 text"
        ) from error
    if kind == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BadRecord(f"the body is not valid JSON: {error.msg} at line {error.lineno}") from error
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise BadRecord(
                'send a JSON object with a "text" string (and optional id, published, source, url, title)'
            )
        fields = {
            key: str(data[key]) for key in ("id", "published", "source", "url", "title") if data.get(key)
        }
        return Document(text=data["text"], format="text", origin="POST /api/documents", **fields)
    return Document(text=text, format="text", origin="POST /api/documents")


def _process_and_save(app: Any, document: Document) -> tuple[dict[str, Any], int]:
    from ..pipeline import Pipeline, prepare
    from ..store import open_store
    from ..stories import StoryIndex

    with _lock:  # one writer; the models load once, on the first ingest
        if app.state.writer is None:
            app.state.writer = open_store(app.state.store_url)
            app.state.pipeline = Pipeline()
        if getattr(app.state, "stories", None) is None:
            app.state.stories = StoryIndex(app.state.writer.story_entries())
        writer, pipeline = app.state.writer, app.state.pipeline
        key = prepare(document).id
        if writer.has_document(key):
            return {"id": key, "created": False, "url": f"/api/documents/{key}"}, 200
        article = pipeline.process(document)
        story_id, signature = app.state.stories.assign(article.id, article.text)
        writer.save_article(article, story_id, signature)
    return {
        "id": article.id,
        "doc_id": article.doc_id,
        "created": True,
        "entities": len(article.entities),
        "events": len(article.events),
        "url": f"/api/documents/{article.id}",
    }, 201


def check_token(request: Request) -> None:
    """Refuse a write unless the server has a token and the request carries the same one."""
    expected = os.environ.get(TOKEN_ENV, "")
    if not expected:
        raise Forbidden(
            f"ingest over HTTP is disabled: start the server with {TOKEN_ENV} set to a secret token"
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise Unauthorized(f"send the header 'Authorization: Bearer <token>' with the token in {TOKEN_ENV}")
