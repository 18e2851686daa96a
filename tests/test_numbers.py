"""Numerals and unit scaling (summarizer.text.numbers)."""

from __future__ import annotations

import pytest

from summarizer.text.numbers import NUMBER_RE, parse_chinese, parse_number, scale_unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("302.3", 302.3),
        ("1,200", 1200.0),
        ("１２３", 123.0),
        ("1.6万", 16000.0),
        ("3千万", 30_000_000.0),
        ("三个", 3.0),
        ("两", 2.0),
        ("十", 10.0),
        ("十二", 12.0),
        ("二十", 20.0),
        ("二十三", 23.0),
        ("一百零五", 105.0),
        ("三百五", 350.0),
        ("两千三", 2300.0),
        ("一万五", 15000.0),
        ("三千五百万", 35_000_000.0),
        ("十二亿", 1_200_000_000.0),
        ("2亿5千万", 250_000_000.0),
        ("5亿零3万", 500_030_000.0),
        ("1万亿", 1e12),
        ("二〇二三", 2023.0),
        ("一九九八", 1998.0),
        ("零", 0.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "个", "abc", "3五", "增长", "1.2.3"])
def test_parse_number_rejects_non_numerals(text: str) -> None:
    assert parse_number(text) is None


def test_parse_chinese_only_accepts_chinese_numerals() -> None:
    assert parse_chinese("四十五") == 45.0
    assert parse_chinese("45") is None


def test_number_re_finds_mixed_numerals() -> None:
    found = [m.group() for m in NUMBER_RE.finditer("完成1.6万家,增长三成,共302.3亿元")]
    assert found == ["1.6万", "三", "302.3亿"]


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (302.3, "亿元", (30_230_000_000.0, "CNY")),
        (38.7, "万元", (387_000.0, "CNY")),
        (500, "元", (500.0, "CNY")),
        (2, "千元", (2000.0, "CNY")),
        (1.5, "万亿元", (1.5e12, "CNY")),
        (3, "亿美元", (300_000_000.0, "USD")),
        (7.5, "%", (0.075, "fraction")),
        (-10.9, "%", (-0.109, "fraction")),
        (3.2, "个百分点", (0.032, "fraction")),
        (1.6, "万家", (16_000.0, "家")),
        (12, "万株", (120_000.0, "株")),
        (3.5, "万平方米", (35_000.0, "平方米")),
        (50, "万吨", (500_000.0, "吨")),
        (2, "亿人次", (200_000_000.0, "人次")),
        (100, "万千瓦", (1_000_000.0, "千瓦")),
        (3, "位", (3.0, "位")),
        (350, "公里/小时", (350.0, "公里/小时")),
        (5, "千米", (5.0, "千米")),
        (120, "万", (1_200_000.0, "")),
    ],
)
def test_scale_unit(value: float, unit: str, expected: tuple[float, str]) -> None:
    normalized, base = scale_unit(value, unit)
    assert base == expected[1]
    assert normalized == pytest.approx(expected[0])


def test_scale_unit_is_exact_for_decimal_inputs() -> None:
    assert scale_unit(302.3, "亿元")[0] == 30_230_000_000.0
