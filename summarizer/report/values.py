"""Numbers as a Chinese reader writes them: 302.3亿元, 约42亿元, +7.5%, 第3位, 600多个."""

from __future__ import annotations

from summarizer.models import Metric, MetricKind, Money
from summarizer.normalize.qualifiers import with_qualifier

_YI = 100_000_000


def number(value: float) -> str:
    """302.3, 1200, 0.03: as the texts write numbers, without float noise."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_value(metric: Metric) -> str:
    """The value as the text writes it, qualifier in place: 约42亿元, 100列以上, 第3位."""
    if metric.kind == MetricKind.RANK and metric.unit == "位":
        return f"第{number(metric.value)}位"
    return with_qualifier(number(metric.value), metric.unit, metric.qualifier)


def format_change(metric: Metric) -> str:
    """A change with its sign: +7.5%, -10.9%, +0.3个百分点."""
    sign = "+" if metric.value > 0 else ""
    return sign + format_value(metric)


def format_money(money: Money) -> str:
    """约42亿元 as written."""
    return with_qualifier(number(money.value), money.unit, money.qualifier)


def yi_yuan(total_cny: float) -> str:
    """A CNY amount in 亿元: 236.8亿元."""
    return f"{number(round(total_cny / _YI, 2))}亿元"
