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
    assert kinds("截至目前,累计完成投资100亿元以上。") == {100: ACTUAL}  # done, not planned


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


def items(text: str) -> list[tuple[float, str]]:
    document = one_article(text)
    return [(m.value, m.unit) for m in extract_metrics(document, document.articles[0])]


def test_a_narrowed_decline_is_a_gain_and_a_widened_one_a_loss() -> None:
    assert items("固定资产投资同比下降3.4%,降幅比上半年收窄2.6个百分点。") == [
        (-3.4, "%"),
        (2.6, "个百分点"),
    ]
    assert items("工业投资下降5%,降幅比一季度扩大1.2个百分点。") == [(-5, "%"), (-1.2, "个百分点")]


def test_thresholds_names_and_scopes_are_not_metrics() -> None:
    assert items("规模以上工业统计范围为年主营业务收入2000万元及以上的工业法人单位。") == []
    assert items("力争培育营业收入过50亿元的链主企业3家。") == [(3, "家")]
    assert items("力争完成投资超过100亿元的目标。") == [(100, "亿元")]  # the goal itself
    assert items("重点对接汽车零部件企业,县四家班子有关领导出席。") == []
    assert items("全市4个县(市)地区生产总值合计约1580亿元。") == [(1580, "亿元")]
    assert items("将新增建设用地计划指标的60%以上用于县域产业项目。") == [(60, "%")]


def test_units_of_the_genre() -> None:
    assert items("小麦收购均价每斤1.32元,粮食总产量32.6亿斤,组织展会80场次。") == [
        (1.32, "元/斤"),
        (32.6, "亿斤"),
        (80, "场次"),
    ]
    assert items("今年汛期前已完成区域排水清淤约18万立方公尺。") == [(18, "万立方公尺")]


def test_a_headline_repeating_the_body_count_is_one_item() -> None:
    text = (
        "某县举行招商引资项目集中签约仪式\n6个项目总投资38.5亿元\n"
        "6月12日上午,某县举行招商引资项目集中签约仪式。此次集中签约项目6个,总投资38.5亿元。\n"
    )
    assert items(text) == [(6, "个"), (38.5, "亿元")]


def test_a_first_place_far_after_its_verb_is_a_rank() -> None:
    assert items("地区生产总值增长6.2%,增速位列江门各县(市、区)首位。") == [(6.2, "%"), (1, "位")]
