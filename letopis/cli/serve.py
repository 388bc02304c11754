"""CLI: `letopis serve` runs the JSON API and the web page over one store."""

from __future__ import annotations

import click

from . import main

__all__ = ["serve"]


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option(
    "--db", "db", default="letopis.db", show_default=True, help="Store: a SQLite path or postgresql://… URL."
)
@click.option(
    "--get",
    "get",
    default=None,
    help="Run one GET request in-process, print the body, exit 0 if it succeeded.",
)
def serve(host: str, port: int, db: str, get: str | None) -> None:
    """Serve the API (/api/…, schema at /api/openapi.json) and the web page at /."""
    from ..web.app import create_app

    app = create_app(db)
    if get is not None:
        import warnings

        with warnings.catch_warnings():  # starlette asks for httpx2, which is not packaged yet
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        response = TestClient(app).get(get)
        click.echo(response.text)
        raise SystemExit(0 if response.status_code < 400 else 1)
    import uvicorn

    click.echo(f"letopis: serving {db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
