"""A metric's period with its year, when the document fixes the year: 上半年 → 2023年上半年.

The year comes from a headline that names exactly one year (`2024年1-10月全市经济运行简况`),
else from the article's date. Early in a year (January to March) a reported figure (not a
target) for a period that ends later in the year is last year's: `1-10月` or `全年` in an
article dated 2024-02-20 is 2023's. Periods of shapes not
listed here are left as written: no year is guessed for them.
"""

from __future__ import annotations

import re
from datetime import date

from summarizer.models import MetricKind

_FULLWIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d\s*年")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1}
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_QUARTER = re.compile(r"^(?:第|前)?([一二三四])(?:个)?季度")
_HALF = {"上半年": 6, "下半年": 12, "全年": 12}
_MONTHS = re.compile(
    r"^(?:(?:1|一)\s*(?:-|—|～|~|至|到)\s*)?(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
)
_FIRST_MONTHS = re.compile(r"^前\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月")
_EARLY_MONTHS = 3
_AS_OF = re.compile(r"^截至|^截止|^到")


def dated_period(
    period: str | None, kind: MetricKind, day: date | None, headline_year: int | None
) -> str | None:
    """The period with its year prefixed, or None when the year is not fixed or not needed."""
    if not period:
        return None
    period = period.translate(_FULLWIDTH)
    if _HAS_YEAR.search(period):
        return None
    for word, shift in _RELATIVE.items():
        if period.startswith(word):
            year = headline_year or (day.year if day else None)
            return f"{year + shift}年{period[len(word) :]}" if year else None
    end = end_month(period)
    if end is None:
        return None
    year = _year_for(end, kind, day, headline_year)
    return f"{year}年{period}" if year else None


def _year_for(
    end: int, kind: MetricKind, day: date | None, headline_year: int | None
) -> int | None:
    if headline_year:
        return headline_year
    if day is None:
        return None
    if kind != MetricKind.TARGET and end > day.month <= _EARLY_MONTHS:
        return day.year - 1  # early in a year, a reported 1-11月 or 全年 is last year's
    return day.year


def end_month(period: str) -> int | None:
    """The last month a period covers (上半年 → 6, 前三季度 → 9, 1-10月 → 10), else None."""
    text = _AS_OF.sub("", period.translate(_FULLWIDTH).strip())
    quarter = _QUARTER.match(text)
    if quarter:
        return 3 * _CN_MONTHS[quarter.group(1)]
    for word, month in _HALF.items():
        if text.startswith(word):
            return month
    months = _MONTHS.match(text) or _FIRST_MONTHS.match(text)
    if months:
        return _month_number(months.group(1))
    return None


def _month_number(text: str) -> int | None:
    value = int(text) if text.isdigit() else _CN_MONTHS.get(text)
    return value if value and 1 <= value <= 12 else None


def headline_year(title: str | None) -> int | None:
    """The year a headline names, when it names exactly one."""
    years = set(_ANY_YEAR.findall((title or "").translate(_FULLWIDTH)))
    return int(years.pop()) if len(years) == 1 else None
