"""CLI commands: extract (stateless JSONL → events), events (query the store), eval events."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

import click

from ..errors import InputError
from . import main

_EVENT_COLUMNS = ["doc_id", "type", "sources", "targets", "location", "date", "modality", "confidence", "evidence",
                  "sources_count"]


def _rows(stream: TextIO) -> Any:
    for n, line in enumerate(stream, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise click.ClickException(f"line {n}: not JSON: {error}") from None


@main.command()
@click.argument("docs", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write the events (JSONL); `-` is stdout.")
def extract(docs: TextIO, output: TextIO) -> None:
    """Extract events from DOCS.jsonl (`-` for stdin): one EVENTS.md record a line, nothing stored."""
    from ..events.records import extract_records

    def report(error: InputError) -> None:
        click.echo(f"skipped: {error}", err=True)

    for record in extract_records(_rows(docs), on_error=report):
        output.write(json.dumps(record, ensure_ascii=False) + "\n")


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return "" if value is None else str(value)


@main.command()
@click.option("--db", help="Store: a SQLite path or a postgresql:// URL [default: ./letopis.db or $LETOPIS_DB].")
@click.option("--type", "type_", help="Only this PLOVER type (AGREE, CONSULT, …).")
@click.option("--actor", help="Only events with this actor (code or name) among sources or targets.")
@click.option("--location", help="Only events at this place: name, GeoNames id or ISO3.")
@click.option("--since", help="Only events on or after this ISO date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Only events on or before this ISO date.")
@click.option("--modality", type=click.Choice(["asserted", "planned", "negated", "hypothetical"]))
@click.option("--format", "format_", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True)
def events(db: str | None, type_: str | None, actor: str | None, location: str | None, since: str | None,
           until: str | None, modality: str | None, format_: str, limit: int) -> None:
    """List stored events, filtered; ×N is how many outlets reported the event (reprints included)."""
    from .. import queries
    from ..store.base import EventFilter
    from .core import _DATE, _open, _settings

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _DATE.match(value):
            raise click.BadParameter("use an ISO date: YYYY-MM-DD (or YYYY-MM, YYYY)", param_hint=name)
    store = _open(_settings(db=db).db, must_exist=True)
    try:
        rows = queries.list_events(store, EventFilter(type=type_, actor=actor, location=location, since=since,
                                                      until=until, modality=modality, limit=limit))
    finally:
        store.close()
    if format_ == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif format_ == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_EVENT_COLUMNS)
        writer.writerows([_cell(row.get(c)) for c in _EVENT_COLUMNS] for row in rows)
    else:
        for row in rows:
            actors = _cell(row["sources"]) + (" → " + _cell(row["targets"]) if row["targets"] else "")
            click.echo(f"{_cell(row['date']):<22} {row['type']:<10} {row['modality']:<12} {actors:<40} "
                       f"{_cell(row['location']):<16} ×{row['sources_count']:<3} {row['evidence'][:80]}")


@main.group("eval")
def eval_group() -> None:
    """Score extraction against gold sets (EVENTS.md metrics)."""


@eval_group.command("events")
@click.argument("docs", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score this prediction file instead of extracting from DOCS.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list missed and spurious events.")
def eval_events(docs: str, gold: str, pred: str | None, as_json: bool, show_errors: bool) -> None:
    """Extract events from DOCS.jsonl and score them against GOLD.jsonl."""
    from ..evaluate import read_jsonl, score
    from ..events.records import extract_records

    doc_rows = read_jsonl(docs)
    predicted = read_jsonl(pred) if pred else list(extract_records(doc_rows))
    report = score(doc_rows, read_jsonl(gold), predicted)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    for key, value in report.overall.as_dict().items():
        click.echo(f"{key:16} {value:.3f}" if isinstance(value, float) else f"{key:16} {value}")
    click.echo("\nper type          gold  pred  match   F1")
    for type_, scores in sorted(report.by_type.items()):
        d = scores.as_dict()
        click.echo(f"  {type_:<14} {d['gold_events']:>5} {d['pred_events']:>5} {d['matched']:>6} {d['event_f1']:6.3f}")
    if show_errors:
        click.echo("\nmissed:")
        for g in report.missed:
            evidence = g["evidence"][0] if isinstance(g["evidence"], list) else g["evidence"]
            click.echo(f"  {g['doc_id']} {g['type']} {g['sources']}→{g['targets']}: {evidence}")
        click.echo("\nspurious:")
        for p in report.spurious:
            click.echo(f"  {p['doc_id']} {p['type']} {p['sources']}→{p['targets']}: {p['evidence']}")
