"""CLI commands: fetch — download feeds and pages politely into a WARC that `process` reads."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_RATE,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    Fetcher,
    FetchResult,
    save_warc,
)
from . import main


def fetch_urls(
    urls: list[str],
    out: Path,
    rate: float = DEFAULT_RATE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    follow: bool = False,
    on_error: object = None,
) -> tuple[Path, int, list[InputError]]:
    """Fetch `urls` into one WARC file under `out`; returns (path, pages saved, errors)."""
    errors: list[InputError] = []
    fetched: list[FetchResult] = []
    with Fetcher(rate=rate, max_bytes=max_bytes, timeout=timeout, retries=retries) as fetcher:
        for item in fetcher.crawl(urls, follow_feeds=follow):
            if isinstance(item, InputError):
                errors.append(item)
                if callable(on_error):
                    on_error(item)
            else:
                fetched.append(item)
    path, count = save_warc(fetched, out)
    return path, count, errors


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the WARC file [default: ./fetched].",
)
@click.option(
    "--rate",
    type=float,
    default=DEFAULT_RATE,
    show_default=True,
    help="Seconds between requests to one host (robots.txt Crawl-delay wins if longer).",
)
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest response kept; bigger ones are rejected.",
)
@click.option(
    "--timeout",
    type=float,
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds before a request is given up (then retried).",
)
@click.option(
    "--retries",
    type=int,
    default=DEFAULT_RETRIES,
    show_default=True,
    help="Retries after a timeout, network error, 429 or 5xx, with exponential backoff.",
)
@click.option("--follow", is_flag=True, help="Also fetch the pages that fetched feeds link to.")
@click.option("--db", help="Process what was fetched straight into this store (as `letopis process`).")
@click.pass_context
def fetch(
    ctx: click.Context,
    urls: tuple[str, ...],
    out: Path | None,
    rate: float,
    max_bytes: int,
    timeout: float,
    retries: int,
    follow: bool,
    db: str | None,
) -> None:
    """Download feeds and pages politely into a WARC file that `letopis process` reads."""

    def report(error: InputError) -> None:
        click.echo(f"not fetched: {error} [{error.code}]", err=True)

    # The WARC is kept even with --db, so `letopis process --retry-errors` can find it again.
    path, count, errors = fetch_urls(list(urls), out or Path("fetched"), rate, max_bytes, timeout, retries, follow, report)
    click.echo(f"fetched {count} of {count + len(errors)} URLs into {path}")
    if db and count:
        from .core import process

        ctx.invoke(process, paths=(path,), db=db, published=None, source=None, format_=None, retry_errors=False)
    if not count:
        ctx.exit(1)
