"""Timelines: one project, indicator or person across every stored week."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Select

from summarizer.archive import keys
from summarizer.archive._query import current_items, story_sources
from summarizer.archive.schema import items


class TimelineEntry(BaseModel):
    """One mention of the entity, with where it was found."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(
        description="Entity key: name@region (projects), name@region@period, name@place."
    )
    day: date | None = Field(description="Date of the article, if known.")
    region: str | None = Field(description="Region of the article.")
    list_name: str = Field(description="speakers, directives, metrics or projects.")
    label: str = Field(description="Project name, indicator, speaker name or directive text.")
    detail: str | None = Field(default=None, description="Speaker title or directive issuer.")
    kind: str | None = Field(default=None, description="Project status or metric kind.")
    value: float | None = Field(default=None, description="Metric value in the text's unit.")
    unit: str | None = Field(default=None, description="Metric unit as written.")
    period: str | None = Field(default=None, description="Metric period as written.")
    investment: float | None = Field(default=None, description="Project investment, CNY.")
    story: str | None = Field(default=None, description="Headline of the story.")
    sources: list[str] = Field(default_factory=list, description="Where the story was found.")
    quote: str = Field(description="The evidence quote.")


def project_timeline(conn: Connection, name: str, region: str | None = None) -> list[TimelineEntry]:
    """Every stored mention of the project (normalized name; a part of it when none is equal)."""
    return _timeline(conn, ["projects"], keys.project_entity(name), region)


def indicator_timeline(
    conn: Connection, key: str, region: str | None = None
) -> list[TimelineEntry]:
    """Every stored figure of the indicator, optionally in one region."""
    return _timeline(conn, ["metrics"], keys.indicator_entity(key), region)


def person_timeline(conn: Connection, name: str, region: str | None = None) -> list[TimelineEntry]:
    """Every appearance of people of that name, and their directives; namesakes have other keys."""
    return _timeline(conn, ["speakers", "directives"], keys.person_entity(name), region)


def _timeline(
    conn: Connection, lists: list[str], entity: str, region: str | None
) -> list[TimelineEntry]:
    if not entity:
        return []
    rows = _rows(conn, _filtered(lists, region).where(items.c.entity == entity))
    if not rows:
        query = _filtered(lists, region).where(items.c.entity.contains(entity))
        rows = _rows(conn, query)
    sources = story_sources(conn, (r["story_id"] for r in rows))
    entries = [_entry(row, sources.get(row["story_id"], [])) for row in rows]
    return sorted(entries, key=lambda e: (e.key, e.day or date.min, e.list_name))


def _filtered(lists: list[str], region: str | None) -> Select[tuple[object, ...]]:
    query = current_items().where(items.c.list.in_(lists))
    if region:
        query = query.where(items.c.region.contains(region))
    return query.order_by(items.c.day, items.c.id)


def _rows(conn: Connection, query: Select[tuple[object, ...]]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in conn.execute(query)]


def _entry(row: dict[str, Any], sources: list[str]) -> TimelineEntry:
    return TimelineEntry(
        key=row["entity_key"],
        day=row["day"],
        region=row["region"],
        list_name=row["list"],
        label=row["label"],
        detail=row["detail"],
        kind=row["kind"],
        value=row["value"],
        unit=row["unit"],
        period=row["period"],
        investment=row["investment"],
        story=row["story_title"],
        sources=sources,
        quote=row["quote"],
    )
