"""`summarizer export --format csv|xlsx|parquet -o FILE`: the archive's items as a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from summarizer.archive import Archive
from summarizer.archive.export import FORMATS, LISTS, write_export
from summarizer.cli._archived import Db, with_db
from summarizer.errors import ConfigurationError
from summarizer.settings import resolve_settings


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        out: Annotated[Path, typer.Option("-o", "--out", help="Output file.")],
        format: Annotated[
            str | None,
            typer.Option("--format", "-f", help="csv, xlsx or parquet (default: from -o)."),
        ] = None,
        since: Annotated[
            str | None, typer.Option(help="Only items dated on or after YYYY-MM-DD.")
        ] = None,
        lists: Annotated[
            list[str] | None,
            typer.Option("--list", "-l", help="speakers, directives, metrics, projects (repeat)."),
        ] = None,
        db: Db = None,
    ) -> None:
        """One row per item of the stored briefs, a reprinted story's items once."""
        kind = (format or out.suffix.lstrip(".")).lower()
        if kind not in FORMATS:
            raise ConfigurationError(f"unknown export format {kind!r}: choose csv, xlsx or parquet")
        first = _day(since)
        with Archive.from_settings(with_db(resolve_settings(), db)) as archive:
            rows = archive.export_rows(first, tuple(lists or LISTS))
        write_export(rows, kind, out)
        typer.echo(f"wrote {out}: {len(rows)} item(s)", err=True)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"--since {value!r}: write it as YYYY-MM-DD") from None
