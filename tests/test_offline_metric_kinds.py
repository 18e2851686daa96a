"""The kind of a figure (LABELING.md, Metrics `kind`; devset README's kind calls), on
invented sentences of the genre."""

from __future__ import annotations

from _offline_docs import one_article

from summarizer.models import MetricKind
from summarizer.rules.metrics import extract_metrics

ACTUAL, CHANGE, TARGET = MetricKind.ACTUAL, MetricKind.CHANGE, MetricKind.TARGET
RATIO = MetricKind.RATIO


def kinds(text: str, date: str | None = None) -> dict[float, MetricKind]:
    document = one_article(text, date=date)
    return {m.value: m.kind for m in extract_metrics(document, document.articles[0])}


def test_a_plan_of_projects_is_a_target_and_its_stated_total_actual() -> None:
    text = (
        "2025年,全市共安排市级重点项目420个,总投资3862亿元,年度计划投资615亿元;"
        "其中,产业项目218个。全年谋划储备亿元以上项目150个以上,实施亿元以上项目80个,"
        "其中新开工项目45个。"
    )
    assert kinds(text) == {
        420: TARGET, 3862: ACTUAL, 615: TARGET, 218: TARGET, 150: TARGET, 80: TARGET, 45: TARGET
    }


def test_an_amount_stated_as_a_floor_is_a_goal() -> None:
    text = "今年我们将继续办好民生实事,民生支出占一般公共预算支出比重保持在75%以上。"
    assert kinds(text) == {75: TARGET}
    assert kinds("全县新签约亿元以上项目31个。") == {31: ACTUAL}  # a class, not a floor


def test_a_goal_earlier_in_the_paragraph_does_not_reach_a_past_year() -> None:
    text = (
        "力争全年固定资产投资增长6%以上。"
        "2024年,全市重点项目完成投资578.3亿元,占年度计划的103.2%。"
    )
    assert kinds(text, date="2025-03-07") == {6: TARGET, 578.3: ACTUAL, 103.2: RATIO}


def test_better_than_expected_is_no_goal() -> None:
    text = "过去一年,全县经济运行好于预期。全年实现地区生产总值386.2亿元,同比增长7.1%。"
    assert kinds(text) == {386.2: ACTUAL, 7.1: CHANGE}


def test_a_report_proposing_figures_states_goals() -> None:
    text = "报告提出,2025年全县地区生产总值增长6.5%左右,新建高标准农田3.5万亩。"
    assert kinds(text) == {6.5: TARGET, 3.5: TARGET}


def test_a_change_verb_inside_a_project_name_makes_no_change() -> None:
    text = "园洲镇服装产业数字化提升项目总投资12亿元,技改项目投资增长20%。"
    assert kinds(text) == {12: ACTUAL, 20: CHANGE}


def test_a_goal_goes_on_through_its_sentence_until_a_report_of_what_is_done() -> None:
    assert kinds("我们计划再投资3000万元扩大产能,带动200户牧民增收。") == {
        3000: TARGET,
        200: TARGET,
    }
    text = "力争全年完成投资100亿元以上,目前已完成投资42亿元。"
    assert kinds(text) == {100: TARGET, 42: ACTUAL}


def test_work_done_as_a_share_is_a_ratio() -> None:
    assert kinds("目前主体工程已完成约70%。") == {70: RATIO}


def table(text: str) -> list[tuple[str, float, str, MetricKind, str | None]]:
    document = one_article(text)
    found = extract_metrics(document, document.articles[0])
    return [(m.indicator, m.value, m.unit, m.kind, m.period) for m in found]


def test_a_table_printed_as_text_gives_each_number_its_columns_unit() -> None:
    name = "某某新材料有限公司年产5万吨新材料项目"
    for separator in ("|", "\u3000", "｜"):  # a full-width blank or bar, as pages print them
        header = separator.join(["序号", "项目名称", "地点", "总投资(亿元)", "年度计划投资(亿元)"])
        row = separator.join(["1", name, "某某区", "48.6", "12.0"])
        assert table(f"附件:重点项目清单\n{header}\n{row}\n") == [
            ("某某新材料有限公司年产5万吨新材料项目总投资", 48.6, "亿元", ACTUAL, None),
            ("某某新材料有限公司年产5万吨新材料项目年度计划投资", 12.0, "亿元", TARGET, "年度"),
        ]
