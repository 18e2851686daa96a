"""Project tables printed as text: one project per numbered row, named by its 项目名称 cell.

A list of projects is often a table copied into the page (序号 项目名称 建设单位 总投资 建设阶段,
cells apart by ｜, tabs or wide blanks, one row per line of the page). The name is the whole
cell, company included; the other cells (the builder, the works to be done) name no project.
A row's status is its stage cell (续建, 前期), else the table's caption (本次集中开工项目一览).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.document import Article, PreparedDocument
from summarizer.models import ProjectStatus
from summarizer.rules._segments import trim_span
from summarizer.rules.projects_cues import cues
from summarizer.rules.projects_status import status_of_word, status_pattern

ROW = re.compile(r"(?m)^[ \t\u3000]*\d{1,3}[ \t\u3000]*[|｜\t \u3000]")
SERIAL = re.compile(r"[ ]*[0-9]{1,3}")
BARS = frozenset("|｜")
BLANKS = frozenset(" \t\u3000\xa0")
MIN_CELLS = 3
NAME_HEADERS = ("项目名称", "名称", "项目")


@dataclass(frozen=True)
class _Layout:
    """The page's lines and blanks as seen from the view (the view drops blanks, may join lines)."""

    lines: list[tuple[int, int]]
    blanks: frozenset[int]  # view offsets with a blank of the page right before them


@dataclass(frozen=True)
class TableRow:
    """One project row: its line [start, end), its name cell [name_start, name_end)."""

    start: int
    end: int
    name_start: int
    name_end: int
    status: ProjectStatus | None


def table_rows(document: PreparedDocument, view: Article) -> list[TableRow]:
    """The project rows of every table in an article's view."""
    if not ROW.search(document.original, view.start, view.end):
        return []
    layout = _layout(document, view)
    rows: list[TableRow] = []
    for first, last in _runs(view.text, layout):
        rows.extend(_table(view.text, layout, first, last))
    return rows


def _layout(document: PreparedDocument, view: Article) -> _Layout:
    text, offsets, original = view.text, view.offsets, document.original
    lines, blanks, start = [], set(), 0
    for i in range(1, len(text)):
        gap = original[offsets[i - 1] + 1 : offsets[i]]
        if text[i - 1] == "\n" or "\n" in gap:
            lines.append((start, i - (text[i - 1] == "\n")))
            start = i
        elif text[i - 1] in BLANKS or any(ch in BLANKS for ch in gap):
            blanks.add(i)
    lines.append((start, len(text)))
    return _Layout(lines, frozenset(blanks))


def _cells(text: str, layout: _Layout, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Cell spans of a line: apart by bars, else by the page's blanks."""
    start, end = span
    bars = any(ch in BARS for ch in text[start:end])
    cells, cell = [], start
    for i in range(start, end + 1):
        if i == end or (text[i] in BARS if bars else i in layout.blanks and i > cell):
            cells.append(trim_span(text, cell, i))
            cell = i + 1 if i < end and text[i] in BARS else i
    return [c for c in cells if c[0] < c[1]]


def _is_row(text: str, layout: _Layout, span: tuple[int, int]) -> bool:
    cells = _cells(text, layout, span)
    return len(cells) >= MIN_CELLS and SERIAL.fullmatch(text, *cells[0]) is not None


def _runs(text: str, layout: _Layout) -> list[tuple[int, int]]:
    """Index ranges [first, last) of two or more numbered rows in a row."""
    runs, first = [], None
    for i, span in enumerate([*layout.lines, (0, 0)]):
        if span != (0, 0) and _is_row(text, layout, span):
            first = i if first is None else first
            continue
        if first is not None and i - first >= 2:
            runs.append((first, i))
        first = None
    return runs


def _table(text: str, layout: _Layout, first: int, last: int) -> list[TableRow]:
    lines = layout.lines
    header = [text[s:e] for s, e in _cells(text, layout, lines[first - 1])] if first > 0 else []
    named = [i for i, cell in enumerate(header) if cell in NAME_HEADERS]
    table = [_cells(text, layout, span) for span in lines[first:last]]
    column = named[0] if named else _name_column(text, table)
    if column is None:
        return []
    caption = _caption_status(text, lines, first - (2 if named else 1))
    return [
        TableRow(start, end, *cells[column], _stage(text, cells, column) or caption)
        for (start, end), cells in zip(lines[first:last], table, strict=True)
        if column < len(cells)
    ]


def _name_column(text: str, table: list[list[tuple[int, int]]]) -> int | None:
    """Without a header: the first column whose cells mostly end like project names."""
    for column in range(1, max(len(cells) for cells in table)):
        ends = [_ends_like_name(text, cells[column]) for cells in table if column < len(cells)]
        if 2 * sum(ends) > len(table):
            return column
    return None


def _ends_like_name(text: str, cell: tuple[int, int]) -> bool:
    start, end = cell
    return any(m.end(1) == end for m in cues().suffixes.finditer(text, max(start, end - 8), end))


def _stage(text: str, cells: list[tuple[int, int]], column: int) -> ProjectStatus | None:
    """The status a cell of the row states on its own (续建, 前期, 新开工)."""
    for i, (start, end) in enumerate(cells):
        status = status_of_word(text[start:end]) if i != column else None
        if status is not None:
            return status
    return None


def _caption_status(text: str, lines: list[tuple[int, int]], index: int) -> ProjectStatus | None:
    """The status a caption line states (本次集中开工部分项目一览)."""
    if index < 0:
        return None
    start, end = lines[index]
    found = status_pattern().search(text, start, end)
    return status_of_word(found.group()) if found else None
