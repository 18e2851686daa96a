"""`summarizer history project|indicator|person NAME`: timelines from the archive."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from summarizer.archive import Archive, TimelineEntry
from summarizer.cli._archived import Db, with_db
from summarizer.settings import resolve_settings

history_app = typer.Typer(help="Timelines across weeks, from the archive.", no_args_is_help=True)
Region = Annotated[str | None, typer.Option("--region", "-r", help="Only this region.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Lookup = Callable[[Archive, str, str | None], list[TimelineEntry]]


def register(app: typer.Typer) -> None:
    app.add_typer(history_app, name="history")


@history_app.command("project")
def project(
    name: Annotated[str, typer.Argument(help="Project name (or a part of it).")],
    region: Region = None,
    db: Db = None,
    as_json: AsJson = False,
) -> None:
    """Every stored mention of a project: status, investment, where it was reported."""
    _show(Archive.project_timeline, name, region, db, as_json)


@history_app.command("indicator")
def indicator(
    key: Annotated[str, typer.Argument(help="Indicator, e.g. 地区生产总值.")],
    region: Region = None,
    db: Db = None,
    as_json: AsJson = False,
) -> None:
    """Every stored figure of an indicator: value, kind, period, region."""
    _show(Archive.indicator_timeline, key, region, db, as_json)


@history_app.command("person")
def person(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    region: Region = None,
    db: Db = None,
    as_json: AsJson = False,
) -> None:
    """Every appearance of people of that name and their directives; namesakes apart."""
    _show(Archive.person_timeline, name, region, db, as_json)


def _show(lookup: Lookup, name: str, region: str | None, db: str | None, as_json: bool) -> None:
    with Archive.from_settings(with_db(resolve_settings(), db)) as archive:
        entries = lookup(archive, name, region)
    if as_json:
        records = [e.model_dump(mode="json") for e in entries]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if not entries:
        typer.echo(f"nothing stored for {name!r}", err=True)
        raise typer.Exit(1)
    Console().print(timeline_table(entries, name))


def timeline_table(entries: list[TimelineEntry], name: str) -> Table:
    """One row per mention; the key column keeps namesakes apart."""
    table = Table(title=name, show_lines=False)
    for column in ("key", "date", "region", "what", "value / status", "story", "sources"):
        table.add_column(column, overflow="fold")
    for e in entries:
        cells = (e.key, str(e.day or "—"), e.region or "—", _what(e), _value(e), e.story or "—")
        table.add_row(*(escape(c) for c in (*cells, "\n".join(e.sources))))
    return table


def _what(entry: TimelineEntry) -> str:
    if entry.list_name == "directives":
        return f"directive: {entry.label}"
    if entry.list_name == "speakers":
        return f"spoke{f' ({entry.detail})' if entry.detail else ''}"
    return entry.label


def _value(entry: TimelineEntry) -> str:
    if entry.list_name == "metrics":
        unit = entry.unit or ""
        period = f" {entry.period}" if entry.period else ""
        return f"{entry.value:g} {unit} [{entry.kind}]{period}".replace(" %", "%")
    if entry.list_name == "projects":
        money = f", {entry.investment / 1e8:g} 亿元" if entry.investment else ""
        return f"{entry.kind}{money}"
    return ""
