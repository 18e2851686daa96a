"""Figures in a table printed as text: a header naming each column's unit, rows of cells.

`序号 项目名称 建设地点 总投资(亿元) 年度计划投资(亿元)` over `1 某某项目 隆阳区 48.6 12.0`:
each bare number under a column whose header states a unit is a metric, its indicator
the row's name and the column's label (`某某项目总投资`), its unit the header's. A column
label with a goal word (计划) makes a target; one that names a period (年度计划投资)
gives it; a stated total investment has none (LABELING.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer.models import MetricKind
from summarizer.rules.metric_cues import MetricCues
from summarizer.text.numbers import parse_number

_HEADER_UNIT = re.compile(r"^(?P<label>[^()]+)\((?P<unit>[^()]+)\)$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_MIN_CELLS = 3


@dataclass(frozen=True)
class Column:
    """A column whose header states a unit: 总投资(亿元)."""

    index: int
    label: str
    unit: str


@dataclass(frozen=True)
class TableFigure:
    """One number of a table, with the span [start, end) of its cell in the text."""

    indicator: str
    value: float
    unit: str
    kind: MetricKind
    period: str | None
    start: int  # the row holding the figure, in the text
    end: int


def table_figures(text: str, cues: MetricCues) -> Iterator[TableFigure]:
    """Every figure of the tables in the (folded) article text."""
    lines = list(_lines(text))
    columns: list[Column] = []
    width = name_at = 0
    for start, line in lines:
        cells = _cells(line)
        header = _unit_columns(cells, cues)
        if header:
            columns, width, name_at = header, len(cells), _name_column(cells)
            continue
        if not columns or len(cells) != width:
            columns = [] if len(cells) < _MIN_CELLS else columns
            continue
        yield from _row(start, line, cells, columns, name_at, cues)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _cells(line: str) -> list[str]:
    """A row's cells: split at | when the row has one, else at blanks."""
    parts = line.split("|") if "|" in line else line.split()
    return [part.strip() for part in parts]


def _unit_columns(cells: list[str], cues: MetricCues) -> list[Column]:
    """The columns of a header row that state a unit, or [] when the row is no header."""
    if len(cells) < _MIN_CELLS:
        return []
    units = cues.money_units | cues.physical_units | cues.count_units
    found = []
    for index, cell in enumerate(cells):
        match = _HEADER_UNIT.match(cell)
        if match and _unit_ok(match.group("unit"), units, cues):
            found.append(Column(index, match.group("label"), match.group("unit")))
    return found


def _unit_ok(unit: str, units: frozenset[str], cues: MetricCues) -> bool:
    for multiplier in ("", *cues.multipliers):
        if unit.startswith(multiplier) and unit[len(multiplier) :] in units:
            return True
    return False


def _name_column(cells: list[str]) -> int:
    """The column that names a row: 项目名称 / 名称, else the first one after 序号."""
    named = next((i for i, cell in enumerate(cells) if "名称" in cell), None)
    if named is not None:
        return named
    return 1 if cells and cells[0] in ("序号", "编号") else 0


def _row(
    start: int,
    line: str,
    cells: list[str],
    columns: list[Column],
    name_at: int,
    cues: MetricCues,
) -> Iterator[TableFigure]:
    name = cells[name_at]
    row_start = start + len(line) - len(line.lstrip())
    row_end = start + len(line.rstrip())
    for column in columns:
        cell = cells[column.index]
        value = parse_number(cell) if _NUMBER.match(cell) else None
        if value is None or not name:
            continue
        yield TableFigure(
            indicator=name + column.label,
            value=value,
            unit=column.unit,
            kind=_kind(column.label, cues),
            period=_period(column.label, cues),
            start=row_start,
            end=row_end,
        )


def _kind(label: str, cues: MetricCues) -> MetricKind:
    plain = cues.target_false_friends.blank(label)
    goal = cues.target_clause.found(plain) or cues.target.found(plain)
    return MetricKind.TARGET if goal else MetricKind.ACTUAL


def _period(label: str, cues: MetricCues) -> str | None:
    """The period a column label names (年度计划投资 → 年度). A figure stands after the
    label in the text, so the label is read with one: the period patterns expect it."""
    if label.startswith(cues.stated_total):
        return None
    match = cues.period_re.search(label + "0")
    return match.group() if match else None
