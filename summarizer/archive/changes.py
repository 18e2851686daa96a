"""Since last week: what moved between the weeks before and this one.

For a week (Monday to Sunday) and everything stored before its Monday: projects whose
status moved, projects first seen this week with a stated investment, targets set in an
earlier week next to the actuals reported now, and figures whose value changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, func, select

from summarizer.archive import keys
from summarizer.archive._query import current_items, story_sources
from summarizer.archive.schema import items

_TRACKED = ("actual", "change", "ratio", "rank", "gap")
_YEAR = re.compile(r"(?:19|20)\d\d")
Row = dict[str, Any]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StatusMove(_Model):
    """A project whose status is not the one an earlier week reported."""

    name: str = Field(description="Project name as written this week.")
    region: str | None = Field(description="Region of the article.")
    before: str = Field(description="Last status reported before this week.")
    before_day: date | None = Field(description="When that was reported.")
    before_quote: str = Field(description="That report's evidence quote.")
    before_sources: list[str] = Field(description="Where that report's story was found.")
    now: str = Field(description="Status reported this week.")
    now_day: date | None = Field(description="When.")
    quote: str = Field(description="This week's evidence quote.")
    sources: list[str] = Field(description="Where this week's story was found.")


class NewProject(_Model):
    """A project first seen this week, with the investment stated for it."""

    name: str = Field(description="Project name.")
    region: str | None = Field(description="Region of the article.")
    status: str = Field(description="Status reported.")
    investment: float = Field(description="Stated investment, CNY.")
    day: date | None = Field(description="Date of the article.")
    quote: str = Field(description="Evidence quote.")
    sources: list[str] = Field(description="Where the story was found.")


class TargetVsActual(_Model):
    """A target from an earlier week and the figure reported now for the same indicator."""

    indicator: str = Field(description="Indicator as written this week.")
    region: str | None = Field(description="Region.")
    target: str = Field(description="Target value and unit, e.g. 6%.")
    target_period: str | None = Field(description="Period of the target, e.g. 2024年全年.")
    target_day: date | None = Field(description="When the target was reported.")
    target_quote: str = Field(description="The target's evidence quote.")
    target_sources: list[str] = Field(description="Where the target's story was found.")
    actual: str = Field(description="Value reported this week.")
    actual_kind: str = Field(description="actual or change.")
    actual_period: str | None = Field(description="Its period, e.g. 2024年一季度.")
    actual_day: date | None = Field(description="When.")
    quote: str = Field(description="This week's evidence quote.")
    sources: list[str] = Field(description="Where this week's story was found.")


class FigureChange(_Model):
    """An indicator whose value differs from the last one reported before this week."""

    indicator: str = Field(description="Indicator as written this week.")
    region: str | None = Field(description="Region.")
    kind: str = Field(description="Metric kind.")
    before: str = Field(description="Earlier value and unit.")
    before_period: str | None = Field(description="Its period, with its year.")
    before_day: date | None = Field(description="When it was reported.")
    before_quote: str = Field(description="The earlier figure's evidence quote.")
    before_sources: list[str] = Field(description="Where the earlier figure's story was found.")
    now: str = Field(description="This week's value and unit.")
    now_period: str | None = Field(description="Its period, with its year.")
    now_day: date | None = Field(description="When.")
    revised: bool = Field(description="True when the period is the same: a revision.")
    quote: str = Field(description="This week's evidence quote.")
    sources: list[str] = Field(description="Where this week's story was found.")


class SinceLastWeek(_Model):
    """Everything that changed in one week against the weeks before."""

    week: str = Field(description="ISO week, e.g. 2023-W32.")
    since: date = Field(description="Monday of the week.")
    until: date = Field(description="Sunday of the week.")
    last_before: date | None = Field(
        description="The latest day stored before the week (null: nothing to compare with)."
    )
    status_moves: list[StatusMove] = Field(description="Projects whose status moved.")
    new_projects: list[NewProject] = Field(description="New projects with investment.")
    targets: list[TargetVsActual] = Field(description="Earlier targets next to actuals now.")
    figures: list[FigureChange] = Field(description="Figures that changed.")


def week_bounds(week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week 2023-W32 (ValueError when it is not one)."""
    year, _, number = week.partition("-W")
    monday = date.fromisocalendar(int(year), int(number), 1)
    return monday, monday + timedelta(days=6)


def since_last_week(conn: Connection, week: str) -> SinceLastWeek:
    """The changes of `week` against everything stored before its Monday."""
    monday, sunday = week_bounds(week)
    now = _rows(conn, items.c.day.between(monday, sunday))
    entities = sorted({r["entity"] for r in now})
    before = [
        row
        for start in range(0, len(entities), 500)
        for row in _rows(
            conn, items.c.day < monday, items.c.entity.in_(entities[start : start + 500])
        )
    ]
    sources = story_sources(conn, (r["story_id"] for r in now + before))
    last_before = conn.scalar(select(func.max(items.c.day)).where(items.c.day < monday))
    return SinceLastWeek(
        week=week,
        since=monday,
        until=sunday,
        last_before=last_before,
        status_moves=_status_moves(now, before, sources),
        new_projects=_new_projects(now, before, sources),
        targets=_targets(now, before, sources),
        figures=_figures(now, before, sources),
    )


def _rows(conn: Connection, *conditions: Any) -> list[Row]:
    query = current_items().where(items.c.list.in_(["projects", "metrics"]), *conditions)
    rows = [dict(r._mapping) for r in conn.execute(query.order_by(items.c.day, items.c.id))]
    return rows


def _latest(rows: list[Row], list_name: str, group: Any) -> dict[Any, Row]:
    """The last row of each group (rows come sorted by day, then id)."""
    latest: dict[Any, Row] = {}
    for row in rows:
        if row["list"] == list_name:
            latest[group(row)] = row
    return latest


def _status_moves(
    now: list[Row], before: list[Row], sources: dict[int, list[str]]
) -> list[StatusMove]:
    earlier = _latest(before, "projects", lambda r: r["entity_key"])
    moves = []
    for key, row in _latest(now, "projects", lambda r: r["entity_key"]).items():
        old = earlier.get(key)
        if old is not None and old["kind"] != row["kind"]:
            moves.append(
                StatusMove(
                    name=row["label"],
                    region=row["region"],
                    before=old["kind"],
                    before_day=old["day"],
                    before_quote=old["quote"],
                    before_sources=sources.get(old["story_id"], []),
                    now=row["kind"],
                    now_day=row["day"],
                    quote=row["quote"],
                    sources=sources.get(row["story_id"], []),
                )
            )
    return moves


def _new_projects(
    now: list[Row], before: list[Row], sources: dict[int, list[str]]
) -> list[NewProject]:
    known = {r["entity_key"] for r in before if r["list"] == "projects"}
    found = []
    for key, row in _latest(now, "projects", lambda r: r["entity_key"]).items():
        investment = max(
            (r["investment"] or 0.0 for r in now if r["entity_key"] == key), default=0.0
        )
        if key not in known and investment > 0:
            found.append(
                NewProject(
                    name=row["label"],
                    region=row["region"],
                    status=row["kind"],
                    investment=investment,
                    day=row["day"],
                    quote=row["quote"],
                    sources=sources.get(row["story_id"], []),
                )
            )
    return found


def _indicator(row: Row) -> tuple[str, str, str, str]:
    """(indicator, region, year, unit): what a target and a later figure must share."""
    _, region, period = keys.split(row["entity_key"])
    unit = row["normalized_unit"] or row["unit"] or ""
    return row["entity"], region, keys.period_year(period), unit


def _targets(
    now: list[Row], before: list[Row], sources: dict[int, list[str]]
) -> list[TargetVsActual]:
    targets: dict[tuple[str, str, str, str], list[Row]] = defaultdict(list)
    for row in before:
        if row["list"] == "metrics" and row["kind"] == "target":
            targets[_indicator(row)].append(row)
    lines = []
    for row in now:
        if row["list"] != "metrics" or row["kind"] not in ("actual", "change"):
            continue
        for target in targets.get(_indicator(row), []):
            lines.append(
                TargetVsActual(
                    indicator=row["label"],
                    region=row["region"],
                    target=shown(target),
                    target_period=dated_period(target),
                    target_day=target["day"],
                    target_quote=target["quote"],
                    target_sources=sources.get(target["story_id"], []),
                    actual=shown(row),
                    actual_kind=row["kind"],
                    actual_period=dated_period(row),
                    actual_day=row["day"],
                    quote=row["quote"],
                    sources=sources.get(row["story_id"], []),
                )
            )
    return lines


def _figures(
    now: list[Row], before: list[Row], sources: dict[int, list[str]]
) -> list[FigureChange]:
    def series(row: Row) -> tuple[str, str, str, str]:
        indicator, region, _, unit = _indicator(row)
        return indicator, region, row["kind"], unit

    # a figure without a period (a project's total investment) is no series to follow
    tracked = [
        r for r in before if r["list"] == "metrics" and r["kind"] in _TRACKED and r["period"]
    ]
    earlier = _latest(tracked, "metrics", series)
    changes = []
    current = [r for r in now if r["kind"] in _TRACKED and r["period"]]
    for key, row in _latest(current, "metrics", series).items():
        old = earlier.get(key)
        if old is None or old["value"] == row["value"]:
            continue
        changes.append(
            FigureChange(
                indicator=row["label"],
                region=row["region"],
                kind=row["kind"],
                before=shown(old),
                before_period=dated_period(old),
                before_day=old["day"],
                before_quote=old["quote"],
                before_sources=sources.get(old["story_id"], []),
                now=shown(row),
                now_period=dated_period(row),
                now_day=row["day"],
                revised=keys.split(old["entity_key"])[2] == keys.split(row["entity_key"])[2],
                quote=row["quote"],
                sources=sources.get(row["story_id"], []),
            )
        )
    return changes


def shown(row: Row) -> str:
    """6%, 302.3亿元, as the texts write them (a Latin unit after a space: 12 km)."""
    number = f"{row['value']:g}"
    unit = row["unit"] or ""
    return f"{number} {unit}" if unit[:1].isascii() and unit[:1].isalpha() else number + unit


def dated_period(row: Row) -> str | None:
    """A figure's period with the year its key was matched under: 全年 → 2024年全年."""
    period: str | None = row["period"]
    year = keys.period_year(keys.split(row["entity_key"])[2])
    if not period or not year.isdigit() or _YEAR.search(period):
        return period
    return f"{year}年{period}"
