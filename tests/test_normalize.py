"""The normalize stage: qualifiers, dated periods, project investment (texts written here)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.models import MetricKind
from summarizer.normalize.investment import investment_of
from summarizer.normalize.periods import dated_period, headline_year
from summarizer.normalize.qualifiers import qualifier_of_text


@pytest.mark.parametrize(
    ("quote", "value", "unit", "expected"),
    [
        ("总投资约42亿元", 42, "亿元", "约"),
        ("网上零售额近32亿元", 32, "亿元", "近"),
        ("支出超410亿元", 410, "亿元", "超"),
        ("签约引进40多个项目", 40, "个", "多"),
        ("拆除围挡1000余米", 1000, "米", "余"),
        ("开行100列以上", 100, "列", "以上"),
        ("增长6.5%左右", 6.5, "%", "左右"),
        ("完成302.3亿元", 302.3, "亿元", None),
        ("增长８．６％以上", 8.6, "％", "以上"),
    ],
)
def test_qualifiers_as_written(quote: str, value: float, unit: str, expected: str | None) -> None:
    assert qualifier_of_text(quote, value, unit) == expected


@pytest.mark.parametrize(
    ("period", "kind", "day", "headline", "expected"),
    [
        ("上半年", MetricKind.ACTUAL, date(2023, 8, 11), None, "2023年上半年"),
        ("全年", MetricKind.ACTUAL, date(2024, 2, 20), None, "2023年全年"),
        ("全年", MetricKind.TARGET, date(2024, 2, 20), None, "2024年全年"),
        ("1-10月", MetricKind.CHANGE, date(2024, 1, 10), 2024, "2024年1-10月"),
        ("今年以来", MetricKind.ACTUAL, date(2024, 9, 26), None, "2024年以来"),
        ("前三季度", MetricKind.ACTUAL, None, None, None),
        ("2023年", MetricKind.ACTUAL, date(2023, 8, 11), None, None),
        ("近三年", MetricKind.ACTUAL, date(2023, 8, 11), None, None),
    ],
)
def test_dated_period(
    period: str, kind: MetricKind, day: date | None, headline: int | None, expected: str | None
) -> None:
    assert dated_period(period, kind, day, headline) == expected


def test_headline_year_only_when_one_year() -> None:
    assert headline_year("2024年1-10月全市经济运行简况") == 2024
    assert headline_year("三年行动方案（2024—2026年）答记者问") is None


@pytest.mark.parametrize(
    ("text", "name", "quote", "value"),
    [
        (
            "锐芯碳化硅衬底项目总投资45亿元，达产后年产值30亿元。",
            "锐芯碳化硅衬底项目",
            "总投资45亿元",
            45,
        ),
        (
            "主要包括：华鼎糖醇项目（总投资15亿元）、湿地文旅项目（总投资9.8亿元）。",
            "湿地文旅项目",
            "总投资9.8亿元",
            9.8,
        ),
        (
            "计划总投资约3.2亿元的城南污水处理厂二期工程开工。",
            "城南污水处理厂二期工程",
            "计划总投资约3.2亿元",
            3.2,
        ),
        (
            "序号　项目名称　总投资（亿元）　建设阶段\n1　北部片区综合管廊工程　21.3　续建\n",
            "北部片区综合管廊工程",
            "21.3",
            21.3,
        ),
    ],
)
def test_investment_forms(text: str, name: str, quote: str, value: float) -> None:
    money = investment_of(name, text, 0, len(text))
    assert money is not None and (money.evidence.quote, money.value) == (quote, value)
    assert text[money.evidence.start : money.evidence.end] == quote


def test_no_investment_is_not_invented() -> None:
    text = "瑞庆混动发动机项目正在加快建设，年产值可达30亿元。"
    assert investment_of("瑞庆混动发动机项目", text, 0, len(text)) is None
