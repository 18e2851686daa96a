"""Approximation words a text puts on a number: 约42亿元, 近32亿元, 600多个, 100列以上."""

from __future__ import annotations

import re

from summarizer.models import Metric

# Longest first, so that 超过 wins over 超 and 及以上 over 以上.
PREFIXES = ("超过", "突破", "接近", "将近", "不足", "不到", "约", "近", "超", "逾", "达约")
INFIXES = ("多", "余")
SUFFIXES = ("及以上", "以上", "左右", "上下", "以下", "以内", "之多")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_GAP = " \u3000\xa0"


def qualifier_of(metric: Metric) -> str | None:
    """The qualifier on the metric's number in its evidence quote, as written, or None."""
    return qualifier_of_text(metric.evidence.quote, metric.value, metric.unit)


def qualifier_of_text(quote: str, value: float, unit: str) -> str | None:
    """The qualifier on the first occurrence of `value` (then `unit`) in `quote`, or None."""
    folded = quote.translate(_FULLWIDTH)
    for match in _NUMBER.finditer(folded):
        if _same_number(match.group(), value):
            return _around(folded, match.start(), match.end(), unit.translate(_FULLWIDTH))
    return None


def _same_number(text: str, value: float) -> bool:
    try:
        return abs(float(text.replace(",", "")) - abs(value)) < 1e-9
    except ValueError:
        return False


def _around(quote: str, start: int, end: int, unit: str) -> str | None:
    before = quote[:start].rstrip(_GAP)
    prefix = next((p for p in PREFIXES if before.endswith(p)), None)
    if prefix:
        return "约" if prefix == "达约" else prefix
    after = quote[end:].lstrip(_GAP)
    infix = next((i for i in INFIXES if after.startswith(i)), None)
    if infix:
        return infix
    if unit and after.startswith(unit):
        rest = after[len(unit) :].lstrip(_GAP)
        return next((s for s in SUFFIXES if rest.startswith(s)), None)
    return None


def with_qualifier(number: str, unit: str, qualifier: str | None) -> str:
    """约42亿元, 600多个, 100列以上: the number written back with its qualifier in place."""
    if not qualifier:
        return f"{number}{unit}"
    if qualifier in INFIXES:
        return f"{number}{qualifier}{unit}"
    if qualifier in SUFFIXES:
        return f"{number}{unit}{qualifier}"
    return f"{qualifier}{number}{unit}"
