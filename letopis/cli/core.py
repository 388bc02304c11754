"""CLI commands: process, clean, show, entities, errors — parse options, call batch/queries."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from .. import queries
from ..batch import BatchOptions, Runner, input_files, process_paths, quarantined_files
from ..errors import InputError, LetopisError
from ..ingest import FORMATS
from ..settings import Settings, load_settings
from ..store import EntityFilter, Store, open_store
from . import main

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DB_HELP = (
    "Store: a SQLite path, sqlite:///path or postgresql://… URL [default: ./letopis.db or $LETOPIS_DB]."
)


def _settings(**flags: Any) -> Settings:
    try:
        return load_settings(flags)
    except LetopisError as error:
        raise click.ClickException(str(error)) from None


def _open(db: str, must_exist: bool = False) -> Store:
    if must_exist and "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no store at {db}; run `letopis process PATH --db {db}` first")
    try:
        return open_store(db)
    except LetopisError as error:
        raise click.ClickException(str(error)) from None


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("use an ISO date: YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", help=_DB_HELP)
@click.option(
    "--published", callback=_check_date, help="Publication date for documents that carry none (YYYY-MM-DD)."
)
@click.option("--source", help="Source name (e.g. interfax.ru) for documents that carry none.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(list(FORMATS)),
    help="Read every file as this format (default: sniff).",
)
@click.option(
    "--retry-errors",
    is_flag=True,
    help="Retry documents quarantined by an earlier run (and, with no PATH, their files).",
)
@click.option("--text-field", help="Corpus column/key holding the text (CSV/JSONL; default: guessed).")
@click.option("--date-field", help="Corpus column/key holding the publication date.")
@click.option("--id-field", help="Corpus column/key holding the document id.")
@click.option(
    "--timeout",
    type=float,
    default=120.0,
    show_default=True,
    help="Seconds one document may take before it is quarantined (0: no limit; applies on Dask workers too).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Run the NLP on this many local Dask worker processes (one thread each); 0: in this process.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Run the NLP on the Dask cluster at this scheduler (tcp://host:8786).")
def process(
    paths: tuple[Path, ...],
    db: str | None,
    published: str | None,
    source: str | None,
    format_: str | None,
    retry_errors: bool,
    text_field: str | None,
    date_field: str | None,
    id_field: str | None,
    timeout: float,
    workers: int,
    scheduler: str | None,
) -> None:
    """Process files or folders into the store; re-running skips what is stored already.

    With --workers or --scheduler the NLP runs on Dask; reading and writing stay here, so the store
    has one writer and an interrupted run resumes the same way.
    """
    settings = _settings(db=db)
    store = _open(settings.db)
    targets = list(paths) or (quarantined_files(store) if retry_errors else [])
    if not targets:
        raise click.UsageError("give at least one PATH (or --retry-errors to retry the quarantine)")
    files = input_files(targets)

    def report(error: InputError) -> None:
        click.echo(f"rejected: {error} [{error.code}]", err=True)

    options = BatchOptions(
        format=format_,
        published=published,
        source=source,
        retry_errors=retry_errors,
        max_bytes=settings.max_document_bytes,
        max_chars=settings.max_chars,
        events=settings.events,
        payload_bytes=settings.payload_bytes,
        text_field=text_field,
        date_field=date_field,
        id_field=id_field,
        timeout=timeout,
        on_reject=report,
    )
    try:
        with _runner(workers, scheduler, settings, timeout) as runner:
            if sys.stdout.isatty() and len(files) > 1:
                with click.progressbar(length=len(files), label="processing", show_pos=True) as bar:
                    summary = process_paths(files, store, options=_with_progress(options, bar), runner=runner)
            else:
                summary = process_paths(files, store, options=options, runner=runner)
    except KeyboardInterrupt:
        click.echo("interrupted: what was stored stays; run the same command again to resume", err=True)
        sys.exit(130)
    finally:
        total = queries.stats(store)
        store.close()
    for line in summary.lines(settings.top_actors):
        click.echo(line)
    tail = f"store: {settings.db}: {total['documents']} documents, {total['entities']} entities, {total['events']} events"
    if total["rejected"]:
        tail += f"; {sum(total['rejected'].values())} in quarantine (`letopis errors` lists them)"
    click.echo(tail)


@contextmanager
def _runner(workers: int, scheduler: str | None, settings: Any, timeout: float) -> Iterator[Runner | None]:
    """None (the pipeline runs here), or a runner on a local or remote Dask cluster."""
    if not workers and not scheduler:
        yield None
        return
    from ..scale import cluster_runner

    try:
        yield cluster_runner(workers, scheduler, events=settings.events, max_chars=settings.max_chars, timeout=timeout)
    except LetopisError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:  # includes the timeout of a scheduler that does not answer
        raise click.ClickException(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None


def _with_progress(options: BatchOptions, bar: Any) -> BatchOptions:
    from dataclasses import replace

    return replace(options, on_file=lambda file: bar.update(1))


@main.command()
@click.argument("path", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--jsonl", is_flag=True, help='Read {"id","text"} lines, write {"id","clean"} lines.')
def clean(path: TextIO, jsonl: bool) -> None:
    """Only the cleaning stage: print the clean text of PATH (or stdin)."""
    from ..clean import clean_text

    if not jsonl:
        click.echo(clean_text(path.read()).text)
        return
    failed = 0
    for number, line in enumerate(path, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            failed += 1
            click.echo(f"{path.name}:{number}: skipped, not a {{id, text}} record ({error})", err=True)
            continue
        out = {"id": record.get("id"), "clean": clean_text(text).text}
        click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        sys.exit(1)


@main.command()
@click.argument("doc_id")
@click.option("--db", help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the document as one JSON object.")
def show(doc_id: str, db: str | None, as_json: bool) -> None:
    """Show a stored document (by input id or content hash): text, metadata, entities, events."""
    store = _open(_settings(db=db).db, must_exist=True)
    try:
        document = queries.get_document(store, doc_id)
    except LetopisError as error:
        raise click.ClickException(str(error)) from None
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _show_text(document)


def _show_text(doc: dict[str, Any]) -> None:
    meta = [
        ("id", doc["doc_id"]),
        ("hash", doc["id"]),
        ("published", doc["published"]),
        ("source", doc["source"]),
        ("url", doc["url"]),
        ("origin", doc["origin"]),
        ("headline", doc["headline"] or doc["title"]),
    ]
    for name, value in meta:
        if value:
            click.echo(f"{name:>10}: {value}")
    click.echo("")
    click.echo(doc["text"])
    click.echo(f"\nentities ({len(doc['entities'])}):")
    for entity in doc["entities"]:
        click.echo(f"  {entity['name']:<40} {entity['type']:<5} {_code(entity):<28} ×{entity['mentions']}")
    click.echo(f"\nevents ({len(doc['events'])}):")
    for event in doc["events"]:
        place = (event["location"] or {}).get("name") or "-"
        actors = ", ".join(event["sources"]) + (
            " → " + ", ".join(event["targets"]) if event["targets"] else ""
        )
        click.echo(
            f"  {event['type']:<9} {actors}  [{event['modality']}, {event['date'] or 'no date'}, {place}]"
        )
        click.echo(f"            «{event['evidence']}»")


def _code(entity: dict[str, Any]) -> str:
    code = entity["code"] or ""
    if entity["geonameid"]:
        code = f"{code} geonames:{entity['geonameid']}".strip()
    if entity["latitude"] is not None and entity["longitude"] is not None:
        code += f" ({entity['latitude']:.2f}, {entity['longitude']:.2f})"
    return code or "-"


@main.command()
@click.option("--db", help=_DB_HELP)
@click.option("--type", "type_", help="Only this type: PER, LOC, ORG, PROGRAMME.")
@click.option("--code", help="Only entities linked to this code (ISO3, IGO code).")
@click.option(
    "--format", "format_", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@click.option("--limit", type=int, default=1000, show_default=True)
def entities(db: str | None, type_: str | None, code: str | None, format_: str, limit: int) -> None:
    """List stored entities: canonical name, type, code (ISO3 / IGO / GeoNames), mention count."""
    store = _open(_settings(db=db).db, must_exist=True)
    try:
        rows = queries.list_entities(store, EntityFilter(type=type_, code=code, limit=limit))
    finally:
        store.close()
    columns = [
        "name",
        "type",
        "kind",
        "code",
        "geonameid",
        "country",
        "latitude",
        "longitude",
        "mentions",
        "documents",
    ]
    if format_ == "jsonl":
        for row in rows:
            click.echo(json.dumps({name: row[name] for name in ["key", *columns]}, ensure_ascii=False))
    elif format_ == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[name] for name in columns] for row in rows)
    else:
        for row in rows:
            click.echo(f"{row['name']:<40} {row['type']:<9} {_code(row):<32} {row['mentions']:>6}")


@main.command()
@click.option("--db", help=_DB_HELP)
@click.option("--all", "everything", is_flag=True, help="Also list rejections resolved by a later run.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
def errors(db: str | None, everything: bool, as_json: bool) -> None:
    """List the quarantine: each rejected input's file, position and reason."""
    store = _open(_settings(db=db).db, must_exist=True)
    try:
        rows = queries.list_rejections(store, resolved=everything)
    finally:
        store.close()
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        where = f"{row['origin']}:{row['position']}" if row["position"] else row["origin"]
        resolved = "  (resolved)" if row["resolved_at"] else ""
        click.echo(f"{where}: {row['reason']} [{row['code']}]{resolved}")
    if not rows and not as_json:
        click.echo("no rejected inputs", err=True)
