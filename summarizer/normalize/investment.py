"""A project's stated total investment, parsed from the text around each mention of its name.

Forms: `XX项目总投资45亿元`, `XX项目（总投资15亿元）`, `计划总投资3.2亿元的XX项目`,
`XX项目，投资约8亿元`, and a table row under a header `总投资（亿元）`. The amount is read
by code; the evidence is the span that states it.
"""

from __future__ import annotations

import re

from summarizer.models import Evidence, Money
from summarizer.normalize.qualifiers import qualifier_of_text
from summarizer.text.numbers import scale_unit

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_AMOUNT = r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>(?:万亿|亿|万)?(?:元|美元|港元))"
_LABEL = r"(?:计划)?总投资(?:额)?|协议投资(?:额)?|投资(?:额)?"
_QUAL = r"(?:约|近|超过|超|逾|达|突破)?"
_AFTER = re.compile(
    rf"^[^。；;\n、]{{0,12}}?(?P<span>(?:{_LABEL})\s*[:：为]?\s*{_QUAL}\s*{_AMOUNT})"
)
_BEFORE = re.compile(rf"(?P<span>(?:{_LABEL})\s*{_QUAL}\s*{_AMOUNT})(?:的|建设的)?$")
_INSIDE = re.compile(rf"(?P<span>(?:{_LABEL})\s*{_QUAL}\s*{_AMOUNT})")
_CELLS = re.compile(r"[\t｜|]|[ \u3000]{1,}")
_HEADER = re.compile(r"总投资[（(](?P<unit>(?:万亿|亿|万)?元)[）)]")
_TABLE_REACH = 40  # lines above a row to look for its header


def investment_of(name: str, text: str, start: int, end: int) -> Money | None:
    """The first total investment stated next to a mention of `name` in text[start:end]."""
    folded = text.translate(_FULLWIDTH)  # same length, so offsets hold
    position = folded.find(name, start, end)
    while position >= 0:
        found = _after(folded, text, position + len(name)) or _before(folded, text, position)
        found = found or _inside(folded, text, position, position + len(name))
        found = found or _table_cell(folded, text, position)
        if found is not None:
            return found
        position = folded.find(name, position + len(name), end)
    return None


def _after(folded: str, text: str, at: int) -> Money | None:
    match = _AFTER.match(folded[at : at + 60])
    return _money(text, at, match) if match else None


def _inside(folded: str, text: str, start: int, end: int) -> Money | None:
    """An extractor may keep `（总投资15亿元）` as part of the name."""
    match = _INSIDE.search(folded, start, end)
    return _money(text, 0, match) if match else None


def _before(folded: str, text: str, at: int) -> Money | None:
    window = max(0, at - 30)
    match = _BEFORE.search(folded[window:at])
    return _money(text, window, match) if match else None


def _money(text: str, base: int, match: re.Match[str]) -> Money:
    start, end = base + match.start("span"), base + match.end("span")
    quote = text[start:end]
    value = float(match.group("number").replace(",", ""))
    return _build(
        value,
        match.group("unit"),
        qualifier_of_text(quote, value, match.group("unit")),
        Evidence(quote=quote, start=start, end=end),
    )


def _build(value: float, unit: str, qualifier: str | None, evidence: Evidence) -> Money:
    normalized, base_unit = scale_unit(value, unit)
    return Money(
        value=value,
        unit=unit,
        qualifier=qualifier,
        normalized_value=normalized,
        normalized_unit=base_unit,
        evidence=evidence,
    )


def _table_cell(folded: str, text: str, position: int) -> Money | None:
    """The 总投资 column of the table row that holds the name."""
    line_start = folded.rfind("\n", 0, position) + 1
    line_end = _line_end(folded, position)
    header = _header_above(folded, line_start)
    if header is None:
        return None
    column, unit = header
    cells = _cells(folded, line_start, line_end)
    if column >= len(cells):
        return None
    cell_start, cell_end = cells[column]
    try:
        value = float(folded[cell_start:cell_end].replace(",", ""))
    except ValueError:
        return None
    evidence = Evidence(quote=text[cell_start:cell_end], start=cell_start, end=cell_end)
    return _build(value, unit, None, evidence)


def _header_above(folded: str, line_start: int) -> tuple[int, str] | None:
    position = line_start
    for _ in range(_TABLE_REACH):
        if position <= 0:
            return None
        previous = folded.rfind("\n", 0, position - 1) + 1
        line = folded[previous : position - 1]
        header = _HEADER.search(line)
        if header:
            names = [
                line[s - previous : e - previous] for s, e in _cells(folded, previous, position - 1)
            ]
            column = next((i for i, n in enumerate(names) if _HEADER.search(n)), None)
            return (column, header.group("unit")) if column is not None else None
        position = previous
    return None


def _cells(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cells of one table line (cells split by tabs, bars or spaces)."""
    cells, cursor = [], start
    for separator in _CELLS.finditer(folded, start, end):
        if separator.start() > cursor:
            cells.append((cursor, separator.start()))
        cursor = separator.end()
    if cursor < end:
        cells.append((cursor, end))
    return cells


def _line_end(folded: str, position: int) -> int:
    newline = folded.find("\n", position)
    return len(folded) if newline < 0 else newline
