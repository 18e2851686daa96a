"""The offline metric extractor on synthetic sentences of the genre (other regions)."""

from __future__ import annotations

import pytest
from _offline_docs import one_article

from summarizer.document import Article, PreparedDocument
from summarizer.models import Metric, MetricKind
from summarizer.rules.metrics import extract_metrics

ACTUAL, CHANGE, TARGET = MetricKind.ACTUAL, MetricKind.CHANGE, MetricKind.TARGET
RANK, RATIO, GAP = MetricKind.RANK, MetricKind.RATIO, MetricKind.GAP


def metrics_of(text: str) -> list[Metric]:
    document = one_article(text)
    return extract_metrics(document, document.articles[0])


def triples(metrics: list[Metric]) -> list[tuple[float, str, MetricKind]]:
    return [(m.value, m.unit, m.kind) for m in metrics]


def figures(text: str) -> list[tuple[float, str, MetricKind]]:
    return triples(metrics_of(text))


def test_amount_then_growth_inherits_the_indicator() -> None:
    found = metrics_of("上半年,全县实现地区生产总值186.5亿元,同比增长6.2%,增速居全市第一位。")
    assert triples(found) == [
        (186.5, "亿元", ACTUAL),
        (6.2, "%", CHANGE),
        (1.0, "位", RANK),
    ]
    assert [m.indicator for m in found[:2]] == ["地区生产总值", "地区生产总值增速"]
    assert {m.period for m in found} == {"上半年"}
    assert found[1].evidence.quote == "同比增长6.2%"


def test_decline_is_negative_and_gap_is_kept_as_written() -> None:
    text = "前三季度,规模以上工业增加值同比下降2.3%,低于全省平均水平1.5个百分点。"
    assert figures(text) == [(-2.3, "%", CHANGE), (1.5, "个百分点", GAP)]


def test_approximations_keep_the_written_value() -> None:
    text = "今年以来,该市签约引进30多个项目,帮助1200余家企业获得贷款超5亿元,绿化面积近3万平方米。"
    assert figures(text) == [
        (30.0, "个", ACTUAL),
        (1200.0, "家", ACTUAL),
        (5.0, "亿元", ACTUAL),
        (3.0, "万平方米", ACTUAL),
    ]


def test_goal_sentence_makes_targets_and_ratios_stay_targets() -> None:
    text = "会议提出,2024年全区力争地区生产总值增长8%左右,研发投入强度不低于2.5%,新增规上企业40家。"
    found = metrics_of(text)
    assert triples(found) == [
        (8.0, "%", TARGET),
        (2.5, "%", TARGET),
        (40.0, "家", TARGET),
    ]
    assert found[0].period == "2024年"


def test_ratio_and_change_in_points() -> None:
    text = "高新技术产业增加值占规模以上工业增加值比重达32.6%,比上年同期提高2.1个百分点。"
    assert figures(text) == [(32.6, "%", RATIO), (2.1, "个百分点", CHANGE)]


def test_chinese_numerals_and_ranks() -> None:
    text = "该区新建三所学校,引进十余家企业,两个项目竣工投产,经济总量排名全省第三。"
    assert figures(text) == [
        (3.0, "所", ACTUAL),
        (10.0, "家", ACTUAL),
        (2.0, "个", ACTUAL),
        (3.0, "位", RANK),
    ]


def test_list_with_respectively_pairs_indicators_and_figures() -> None:
    found = metrics_of("一季度,高技术制造业、装备制造业增加值同比分别增长12.4%、9.8%。")
    assert [(m.indicator, m.value) for m in found] == [
        ("高技术制造业", 12.4),
        ("装备制造业增加值", 9.8),
    ]


def test_each_gives_one_item_per_listed_indicator() -> None:
    found = metrics_of("确保全年新增规上工业企业、省级专精特新企业各50家。")
    assert [(m.indicator, m.value, m.kind) for m in found] == [
        ("新增规上工业企业", 50.0, TARGET),
        ("省级专精特新企业", 50.0, TARGET),
    ]


def test_two_indicators_sharing_one_rank() -> None:
    text = (
        "1-5月,全市固定资产投资增长9.1%,社会消费品零售总额增长7.6%,两项指标增速均位居全省第二位。"
    )
    found = metrics_of(text)
    ranks = [m for m in found if m.kind is RANK]
    assert [(m.indicator, m.value) for m in ranks] == [
        ("固定资产投资增速", 2.0),
        ("社会消费品零售总额增速", 2.0),
    ]
    assert {m.period for m in found} == {"1-5月"}


@pytest.mark.parametrize(
    "text",
    [
        "2023年8月11日,会议在县委召开。",  # dates
        "力争6月底前全面完工,八年内建成。",  # deadlines and durations
        "深入学习贯彻党的二十大精神,编制“十四五”规划,推进“三十工程”和“两区六高地”建设。",
        "全力做好四项工作,守住三条底线,推进12项重点工作。",  # counts of tasks
        "加快五大产业集群和三大片区建设。",  # 大-groupings
        "会议设5个乡镇分会场,6个单位和部门代表进行交流发言。",  # the meeting itself
        "三次产业结构调整为8.1:40.2:51.7。",  # ratio without unit
        "加快年产50万吨乙二醇项目、10万吨再生铝项目建设。",  # specifications in names
        "一要抓项目,二要抓招商;第一,要坚持稳中求进。",  # ordinal enumerations
        "紧抓千亿级产业集群机遇,深化“万人助万企”活动。",
        "其中10亿元以上项目开工建设。",  # a class of projects
        "抓好“三个一批”项目,落实三个重点。",
    ],
)
def test_exclusions(text: str) -> None:
    assert figures(text) == []


def test_evidence_is_grounded_in_the_original_through_offsets() -> None:
    original = "标题\n\n  今年以来,全镇新增市场主体1.2万户。"
    cleaned = original.replace("\n\n  ", "\n")
    offsets = tuple(i for i in range(len(original)) if i not in (3, 4, 5))
    article = Article(index=2, text=cleaned, offsets=offsets)
    document = PreparedDocument(id="t", original=original, articles=(article,))
    (metric,) = extract_metrics(document, article)
    assert metric.article == 2
    assert original[metric.evidence.start : metric.evidence.end] == metric.evidence.quote
    assert metric.evidence.quote == "全镇新增市场主体1.2万户"
    assert (metric.normalized_value, metric.normalized_unit) == (12000.0, "户")


def test_output_value_is_an_amount_but_annual_capacity_is_a_specification() -> None:
    text = "建设年产30万吨新型建材项目,建成后年产值15亿元,带动就业800余人。"
    assert figures(text) == [(15.0, "亿元", TARGET), (800.0, "人", TARGET)]


def test_page_furniture_counts_are_not_metrics() -> None:
    assert figures("来源:市政府办公室 浏览次数:1234次 【字体:大 中 小】") == []


def test_headline_figure_repeated_in_the_body_is_one_item() -> None:
    text = "获1.14亿元奖补\n会上,该县兑现奖励资金1.14亿元。"
    assert figures(text) == [(1.14, "亿元", ACTUAL)]


def test_normalized_values() -> None:
    found = metrics_of("全市一般公共预算收入完成38.7亿元,同比增长0.5%。")
    assert [(m.normalized_value, m.normalized_unit) for m in found] == [
        (3_870_000_000.0, "CNY"),
        (0.005, "fraction"),
    ]


def test_points_against_an_earlier_period_are_a_change_against_a_unit_a_gap() -> None:
    text = (
        "2023年,全市规模以上工业增加值增长6.8%,比上年提高1.2个百分点;"
        "居民人均可支配收入增速较上年同期高出0.5个百分点,高于全省平均水平0.8个百分点。"
        "一季度,全区财政收入增速比上年同期低0.3个百分点。"
    )
    found = metrics_of(text)
    assert triples(found) == [
        (6.8, "%", CHANGE),
        (1.2, "个百分点", CHANGE),
        (0.5, "个百分点", CHANGE),
        (0.8, "个百分点", GAP),
        (-0.3, "个百分点", CHANGE),
    ]
    assert found[2].indicator == "居民人均可支配收入增速"


def test_expected_targets_projections_and_caps_are_targets() -> None:
    text = (
        "2024年,全区经济社会发展的主要预期目标为:地区生产总值增长7%左右,"
        "一般公共预算收入增长5%,城镇调查失业率控制在5.5%以内。\n"
        "该项目总投资50亿元,建成后可实现年产值80亿元。\n"
        "全年城镇新增就业1.2万人,城镇登记失业率控制在3.5%以内。"
    )
    assert figures(text) == [
        (7.0, "%", TARGET),
        (5.0, "%", TARGET),
        (5.5, "%", TARGET),
        (50.0, "亿元", ACTUAL),
        (80.0, "亿元", TARGET),
        (1.2, "万人", ACTUAL),
        (3.5, "%", TARGET),
    ]


def test_a_share_of_the_annual_plan_is_a_ratio_not_a_target() -> None:
    text = "一季度,全县完成固定资产投资8.6亿元,占年度计划的31.2%。"
    assert figures(text) == [(8.6, "亿元", ACTUAL), (31.2, "%", RATIO)]
