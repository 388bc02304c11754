"""The JSON API and the analysts' web page, served by one FastAPI process.

Reads go through a read-only connection; the one write (`POST /api/documents`) runs the pipeline
and is allowed only with the bearer token from `LETOPIS_API_TOKEN`. Errors are JSON that say what
to do: `{"error": "not-found", "message": "...", "where": ...}`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ..errors import LetopisError
from ..store import Store, open_store
from . import api

__all__ = ["create_app", "CSP"]

STATIC = Path(__file__).resolve().parent / "static"

# Everything is served by this process: no CDN, no inline script or style, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def open_reader(store_url: str) -> Store:
    """A read-only view of the store, migrated first so the search index and read indexes exist."""
    open_store(store_url).close()  # creates or migrates; the reader itself never writes
    return open_store(store_url, read_only=True)


def create_app(store_url: str) -> FastAPI:
    """The app for one store (a path, `sqlite:///path` or `postgresql://…`)."""
    app = FastAPI(
        title="letopis",
        summary="Russian-language news as clean text, linked entities and PLOVER events.",
        version="0.1.0",
        docs_url=None,  # Swagger UI loads from a CDN: not offline, not allowed by the CSP
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store_url = store_url
    app.state.reader = open_reader(store_url)
    app.state.writer = None
    app.state.pipeline = None

    @app.exception_handler(LetopisError)
    async def letopis_error(request: Request, error: LetopisError) -> JSONResponse:
        body = {"error": error.code, "message": error.message, "where": error.where}
        return JSONResponse(body, status_code=error.status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app
