"""CLI commands: extract (stateless JSONL → events), events (query the store), eval events."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

import click

from ..errors import InputError
from . import main


@main.command()
@click.argument("docs", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write the events (JSONL); `-` is stdout.")
def extract(docs: str, output: TextIO) -> None:
    """Extract events from DOCS.jsonl (`-` for stdin): one EVENTS.md record a line, nothing stored.

    A bad line or a rejected document is reported on stderr with its `file:line`, and the rest goes on.
    """
    from pathlib import Path

    from ..events.records import extract_records
    from ..ingest.jsonl import read

    if docs != "-" and not Path(docs).is_file():
        raise click.BadParameter(f"no such file: {docs}", param_hint="DOCS")
    skipped = 0

    def report(error: InputError) -> None:
        nonlocal skipped
        skipped += 1
        click.echo(f"skipped: {error}", err=True)

    source = sys.stdin.buffer if docs == "-" else Path(docs)
    for record in extract_records(read(source), on_error=report):
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
        output.flush()
    if skipped:
        click.echo(f"{skipped} line(s) skipped; the other documents were extracted", err=True)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return "" if value is None else str(value)


def _event_filters(function: Any) -> Any:
    """The filters `events` and `export` share."""
    for option in reversed([
        click.option("--db", help="Store: a SQLite path or a postgresql:// URL [default: ./letopis.db or $LETOPIS_DB]."),
        click.option("--type", "type_", help="Only this PLOVER type (AGREE, CONSULT, …)."),
        click.option("--actor", help="Only events with this actor (code or name) among sources or targets."),
        click.option("--location", help="Only events at this place: name, GeoNames id or ISO3."),
        click.option("--since", help="Only events on or after this ISO date (YYYY[-MM[-DD]])."),
        click.option("--until", help="Only events on or before this ISO date."),
        click.option("--modality", type=click.Choice(["asserted", "planned", "negated", "hypothetical"])),
    ]):
        function = option(function)
    return function


def _query(db: str | None, limit: int | None, **filters: Any) -> tuple[Any, Any]:
    """The open store and the EventFilter the options ask for."""
    from ..store.base import EventFilter
    from .core import _DATE, _open, _settings

    for name in ("since", "until"):
        value = filters[name]
        if value is not None and not _DATE.match(value):
            raise click.BadParameter("use an ISO date: YYYY-MM-DD (or YYYY-MM, YYYY)", param_hint=f"--{name}")
    store = _open(_settings(db=db).db, must_exist=True)
    return store, EventFilter(type=filters["type_"], actor=filters["actor"], location=filters["location"],
                              since=filters["since"], until=filters["until"], modality=filters["modality"],
                              limit=limit or 100)


@main.command()
@_event_filters
@click.option("--format", "format_", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True)
def events(db: str | None, format_: str, limit: int, **filters: Any) -> None:
    """List stored events, filtered; ×N is how many outlets reported the event (reprints included)."""
    from .. import queries
    from ..export import export_lines

    store, where = _query(db, limit, **filters)
    try:
        rows = queries.list_events(store, where)
    finally:
        store.close()
    if format_ != "table":
        for line in export_lines(rows, format_):
            click.echo(line, nl=False)
        return
    for row in rows:
        actors = _cell(row["sources"]) + (" → " + _cell(row["targets"]) if row["targets"] else "")
        click.echo(f"{_cell(row['date']):<22} {row['type']:<10} {row['modality']:<12} {actors:<40} "
                   f"{_cell(row['location']):<16} ×{row['sources_count']:<3} {row['evidence'][:80]}")


@main.command()
@_event_filters
@click.option("--format", "format_", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "polecat"]),
              default="jsonl", show_default=True,
              help="gdelt: GDELT 2.0 event table (tab-separated, no header, one row per actor pair); "
                   "polecat: POLECAT's columns (tab-separated). Both follow the PLOVER manual: planned "
                   "meetings, support, cooperation and aid become AGREE; negated and possible acts are left out.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write; `-` is stdout (not for parquet).")
def export(db: str | None, format_: str, output: str, **filters: Any) -> None:
    """Export every stored event the filters match, streamed from the store."""
    from pathlib import Path

    from .. import queries
    from ..export import export_lines, write_events

    if format_ == "parquet" and output == "-":
        raise click.BadParameter("Parquet is a binary file: give one with -o events.parquet", param_hint="--output")
    store, where = _query(db, None, **filters)
    try:
        rows = queries.iter_events(store, where)
        if output == "-":
            for line in export_lines(rows, format_):
                sys.stdout.write(line)
            return
        count = write_events(rows, format_, Path(output))
    finally:
        store.close()
    click.echo(f"{count} events written to {output} ({format_})", err=True)


@main.group("eval")
def eval_group() -> None:
    """Score extraction against gold sets (EVENTS.md metrics)."""


@eval_group.command("events")
@click.argument("docs", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score this prediction file instead of extracting from DOCS.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list missed and spurious events, and matched ones with the fields that differ.")
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
        _echo_mismatched(report.mismatched)


def _echo_mismatched(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Matched events that miss full F1: per field, how many, then each pair with gold → predicted values."""
    from collections import Counter

    from ..evaluate import differences

    wrong = [(g, p, differences(g, p)) for g, p in pairs]
    counts = Counter(name for _, _, names in wrong for name in names)
    summary = ", ".join(f"{name} {count}" for name, count in counts.most_common())
    click.echo(f"\nmatched, not full ({len(wrong)}: {summary}):" if wrong else "\nmatched, not full: none")
    shown = {"participants": lambda e: sorted(e.get("sources") or []) + ["→"] + sorted(e.get("targets") or []),
             "location": _place,
             "date": lambda e: e.get("date"),
             "modality": lambda e: e.get("modality")}  # fmt: skip
    for g, p, names in wrong:
        click.echo(f"  {p['doc_id']} {p['type']}: {p['evidence']}")
        for name in names:
            click.echo(f"      {name}: gold {shown[name](g)}  predicted {shown[name](p)}")


def _place(event: dict[str, Any]) -> str | None:
    place = event.get("location")
    return f"{place.get('name')} ({place.get('geonameid') or place.get('country')})" if place else None
