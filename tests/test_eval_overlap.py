"""Character-overlap F1 and unit scaling, the two comparisons the scorer is built on."""

from __future__ import annotations

import pytest

from summarizer.evaluate.overlap import comparable, contains_either, overlap_f1, same_text
from summarizer.evaluate.units import same_quantity, scaled


def test_overlap_f1_counts_characters_as_a_multiset() -> None:
    # predicted 6 chars, expected 4, all 4 shared: P = 4/6, R = 1, F1 = 0.8
    assert overlap_f1("要抓落地见效", "落地见效") == pytest.approx(0.8)
    # repeated characters count once per occurrence: 见见 vs 见 shares one
    assert overlap_f1("见见", "见") == pytest.approx(2 * 0.5 * 1 / 1.5)


def test_overlap_f1_ignores_whitespace_punctuation_and_width() -> None:
    assert overlap_f1("要抓“双招双引”,\n更要抓落地见效。", "要抓双招双引 更要抓落地见效") == 1.0
    assert comparable("ＧＤＰ增长７.５％") == "gdp增长75"


def test_overlap_f1_folds_traditional_to_simplified() -> None:
    assert overlap_f1("會議強調", "会议强调") == 1.0


def test_overlap_f1_of_unrelated_or_empty_texts_is_zero() -> None:
    assert overlap_f1("紫荆大道", "玉溪路小学") == 0.0
    assert overlap_f1("", "会议") == 0.0
    assert overlap_f1("。,", "。,") == 0.0


def test_containment_and_equality_after_normalization() -> None:
    assert contains_either("瑞庆混动发动机项目", "混动发动机")
    assert not contains_either("", "混动发动机")
    assert same_text(None, None) and not same_text("上半年", None)
    assert same_text("上半年 ", "上半年")


def test_scaling_puts_yi_and_wan_on_one_base() -> None:
    assert same_quantity(3.023, "亿元", 30230, "万元")
    assert same_quantity(302.3, "亿元", 30_230_000_000, "元")
    assert same_quantity(1.2, "万亿元", 12_000, "亿元")
    assert same_quantity(5, "千万元", 5000, "万元")
    assert same_quantity(50, "万吨", 500_000, "吨")
    assert scaled(2, "万") == (20_000, "")
    assert scaled(3, "万千瓦") == (30_000_000, "瓦")


def test_scaling_keeps_different_units_apart() -> None:
    assert not same_quantity(3.2, "%", 3.2, "个百分点")
    assert not same_quantity(302.3, "亿元", 302.3, "万元")
    assert not same_quantity(10, "家", 10, "个")


def test_negative_values_keep_their_sign() -> None:
    assert same_quantity(-10.9, "%", -10.9, "％")
    assert not same_quantity(-10.9, "%", 10.9, "%")
    assert same_quantity(-0.5, "亿元", -5000, "万元")
