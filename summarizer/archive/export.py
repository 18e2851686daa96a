"""Exports: one row per item of the stored briefs, as CSV, Excel or Parquet.

Rows come from the current brief of each document, and a reprinted story's items once
(its lead article's), with every place the story was found in `sources`.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from summarizer._atomic import write_with
from summarizer.archive._query import current_items, story_sources
from summarizer.archive.schema import items
from summarizer.errors import ConfigurationError

LISTS = ("speakers", "directives", "metrics", "projects")
FORMATS = ("csv", "xlsx", "parquet")
COLUMNS = (
    "list",
    "date",
    "region",
    "story",
    "label",
    "detail",
    "kind",
    "value",
    "unit",
    "period",
    "normalized_value",
    "normalized_unit",
    "investment",
    "entity_key",
    "document",
    "sources",
    "quote",
)
_TEXT = frozenset(COLUMNS) - {"date", "value", "normalized_value", "investment"}


def export_rows(
    conn: Connection, since: date | None = None, lists: tuple[str, ...] = LISTS
) -> list[dict[str, Any]]:
    """The rows of the export, by date (undated last), list and position."""
    unknown = sorted(set(lists) - set(LISTS))
    if unknown:
        raise ConfigurationError(f"unknown list {unknown[0]!r}: choose from {', '.join(LISTS)}")
    query = current_items().where(items.c.list.in_(lists))
    if since is not None:
        query = query.where(items.c.day >= since)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    rows.sort(
        key=lambda r: (
            r["day"] is None,
            r["day"] or date.min,
            r["doc_id"],
            LISTS.index(r["list"]),
            r["position"],
        )
    )
    sources = story_sources(conn, (r["story_id"] for r in rows))
    return [_export_row(r, sources.get(r["story_id"], [])) for r in rows]


def _export_row(row: dict[str, Any], sources: list[str]) -> dict[str, Any]:
    return {
        "list": row["list"],
        "date": row["day"],
        "region": row["region"],
        "story": row["story_title"],
        "label": row["label"],
        "detail": row["detail"],
        "kind": row["kind"],
        "value": row["value"],
        "unit": row["unit"],
        "period": row["period"],
        "normalized_value": row["normalized_value"],
        "normalized_unit": row["normalized_unit"],
        "investment": row["investment"],
        "entity_key": row["entity_key"],
        "document": row["doc_id"],
        "sources": " ".join(sources),
        "quote": row["quote"],
    }


def write_export(rows: list[dict[str, Any]], kind: str, out: Path) -> None:
    """Write the rows atomically: csv (UTF-8 with a BOM, so Excel reads Chinese), xlsx, parquet."""
    writers = {"csv": _csv, "xlsx": _xlsx, "parquet": _parquet}
    if kind not in writers:
        raise ConfigurationError(f"unknown export format {kind!r}: choose csv, xlsx or parquet")
    write_with(out, lambda tmp: writers[kind](rows, tmp))


def _csv(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _xlsx(rows: list[dict[str, Any]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value: Any) -> Any:  # control characters (form feeds from PDFs) break xlsx
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    book = Workbook(write_only=True)
    sheet = book.create_sheet("items")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([cell(row[c]) for c in COLUMNS])
    book.save(path)


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {c: pa.string() for c in _TEXT} | {
        "date": pa.date32(),
        "value": pa.float64(),
        "normalized_value": pa.float64(),
        "investment": pa.float64(),
    }
    schema = pa.schema([(c, types[c]) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
