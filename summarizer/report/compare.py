"""Regions side by side: the same indicator, matched by a normalized key, from two or more.

The key is a known indicator (GDP, industry, investment, retail sales, budget revenue,
foreign trade, income) plus the measure: its level in money, its growth in %, or a growth
target in %. Indicators outside the list are not compared: a near-miss match would set
unlike figures side by side.
"""

from __future__ import annotations

from summarizer.models import Metric, MetricKind
from summarizer.report.articles import Unit, one_line
from summarizer.report.model import Comparison, ComparisonRow
from summarizer.report.values import format_value, number
from summarizer.text.fold import fold

# key → (words that name it, Chinese label, English label); first match wins.
INDICATORS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "gdp": (("地区生产总值", "生产总值", "gdp"), "地区生产总值", "GDP"),
    "industry": (
        ("规模以上工业增加值", "规上工业增加值"),
        "规上工业增加值",
        "industrial value added",
    ),
    "fai": (("固定资产投资",), "固定资产投资", "fixed-asset investment"),
    "retail": (("社会消费品零售总额", "社消零", "社零"), "社会消费品零售总额", "retail sales"),
    "budget": (("一般公共预算收入",), "一般公共预算收入", "budget revenue"),
    "trade": (("进出口总额", "外贸进出口", "进出口"), "进出口总额", "foreign trade"),
    "income": (("居民人均可支配收入", "人均可支配收入"), "居民人均可支配收入", "disposable income"),
}
_EXCLUDE = (
    "占",
    "比重",
    "高于",
    "低于",
    "快于",
    "排名",
    "第一产业",
    "第二产业",
    "第三产业",
    "房地产",
    "民间",
    "工业投资",
)
_MEASURES = {
    MetricKind.CHANGE: ("change", "增速", "growth"),
    MetricKind.TARGET: ("target", "目标增速", "growth target"),
    MetricKind.ACTUAL: ("level", "", "level"),
}
_YI = 100_000_000
MIN_REGIONS = 2


def indicator_key(metric: Metric) -> str | None:
    """gdp.change, fai.level, retail.target …, or None when not a compared indicator."""
    measure = _MEASURES.get(metric.kind)
    folded = fold(metric.indicator).lower()
    if measure is None or any(word in folded for word in _EXCLUDE):
        return None
    base = next(
        (k for k, (words, *_) in INDICATORS.items() if any(w in folded for w in words)), None
    )
    if base is None or not _unit_fits(metric, measure[0]):
        return None
    return f"{base}.{measure[0]}"


def _unit_fits(metric: Metric, measure: str) -> bool:
    if measure == "level":
        return metric.normalized_unit == "CNY" and metric.normalized_value is not None
    return metric.unit in ("%", "％")


def comparisons(units: list[Unit], language: str) -> list[Comparison]:
    """Indicators two or more regions report, in the order of the INDICATORS table."""
    found: dict[str, dict[str, ComparisonRow]] = {}
    for unit in units:
        region = unit.ref.region[-1] if unit.ref.region else None
        for metric in unit.metrics:
            key = indicator_key(metric)
            if key and region and region not in found.setdefault(key, {}):
                found[key][region] = _row(unit, metric, region)
    ordered = sorted(found, key=_order)
    return [_comparison(k, found[k], language) for k in ordered if len(found[k]) >= MIN_REGIONS]


def _order(key: str) -> tuple[int, int]:
    base, measure = key.split(".")
    measures = [m[0] for m in _MEASURES.values()]
    return list(INDICATORS).index(base), measures.index(measure)


def _row(unit: Unit, metric: Metric, region: str) -> ComparisonRow:
    is_money = metric.normalized_unit == "CNY" and metric.unit not in ("%", "％")
    amount = (metric.normalized_value or 0.0) / _YI if is_money else metric.value
    return ComparisonRow(
        region=region,
        value=format_value(metric),
        amount=round(amount, 4),
        period=one_line(metric.dated_period or metric.period or "") or None,
        cite=unit.anchors.cite(metric.evidence),
    )


def _comparison(key: str, rows: dict[str, ComparisonRow], language: str) -> Comparison:
    base, measure = key.split(".")
    _, zh, en = INDICATORS[base]
    suffix = next(m for m in _MEASURES.values() if m[0] == measure)
    label = f"{zh}{suffix[1]}" if language == "zh" else f"{en} {suffix[2]}".strip()
    unit = "亿元" if measure == "level" else "%"
    ordered = sorted(rows.values(), key=lambda r: -r.amount)
    return Comparison(key=key, label=label, unit=unit, rows=ordered)


def amount_label(amount: float, unit: str) -> str:
    """Bar labels: 7.5%, 302.3亿元."""
    return f"{number(amount)}{unit}"
