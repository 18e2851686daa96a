"""The period of a figure (LABELING.md, Metrics `period`; devset README's period calls).

Invented sentences of the genre: a figure's own words name its period, else the heading
or lead sentence that governs it; never a period the text does not give for it.
"""

from __future__ import annotations

from _offline_docs import one_article

from summarizer.rules.metrics import extract_metrics


def periods(text: str) -> dict[float, str | None]:
    document = one_article(text)
    return {m.value: m.period for m in extract_metrics(document, document.articles[0])}


def test_a_section_heading_gives_its_period_to_the_figures_under_it() -> None:
    text = (
        "一、前三季度经济运行情况\n"
        "全县实现地区生产总值112.6亿元,同比增长4.8%。\n"
        "社会消费品零售总额41.3亿元。截至9月底,金融机构各项贷款余额186.4亿元。\n"
        "二、1-10月主要经济指标\n"
        "规模以上工业增加值同比增长7.3%;其中,10月当月增长8.1%,高新技术产业增加值占比为27.4%。\n"
        "三、10月末金融运行\n"
        "各项存款余额3862.7亿元。\n"
    )
    assert periods(text) == {
        112.6: "前三季度",
        4.8: "前三季度",
        41.3: "前三季度",
        186.4: "截至9月底",
        7.3: "1-10月",
        8.1: "10月",
        27.4: "1-10月",
        3862.7: "10月末",
    }


def test_a_lead_period_governs_its_paragraph_and_no_further() -> None:
    text = (
        "1-5月,全县规模以上工业增加值同比增长9.3%;固定资产投资增长12.7%。"
        "社会消费品零售总额9.86亿元。\n"
        "全县现有规上工业企业126家。\n"
    )
    assert periods(text) == {9.3: "1-5月", 12.7: "1-5月", 9.86: "1-5月", 126: None}


def test_since_this_year_is_said_of_its_own_sentence_only() -> None:
    text = (
        "县长王某在致辞中表示,今年以来,全县新签约项目31个,一季度固定资产投资增长12.6%。"
        "此次集中开工的22个项目中,产业项目有14个。"
    )
    assert periods(text) == {31: "今年以来", 12.6: "一季度", 22: None, 14: None}


def test_this_year_before_a_quarter_is_kept_as_written() -> None:
    assert periods("今年一季度,全区地区生产总值完成132.8亿元。") == {132.8: "今年一季度"}


def test_an_event_or_batch_name_gives_no_period_to_its_counts() -> None:
    text = (
        "9月26日,某区2024年第三季度重大项目集中签约活动举行。此次集中签约项目18个,"
        "总投资236.8亿元。"
    )
    assert periods(text) == {18: None, 236.8: None}


def test_stated_total_investments_have_no_period() -> None:
    text = (
        "2025年,全市计划实施市级重点项目420个,总投资3862亿元,年度计划投资615亿元。"
        "其中,某某新能源有限公司储能电池项目总投资40亿元。"
        "今年以来,全区已签约项目46个,计划总投资326亿元。"
    )
    assert periods(text) == {
        420: "2025年", 3862: None, 615: "年度", 40: None, 46: "今年以来", 326: "今年以来"
    }


def test_a_deadline_or_a_period_of_an_action_governs_its_clause_only() -> None:
    text = (
        "要加快专项债券资金支出进度,确保11月底前支出率达到95%,全年争取资金12亿元以上。"
        "力争明年一季度建成投产,投产后预计年产值可达6亿元。"
    )
    assert periods(text) == {95: "11月底前", 12: "全年", 6: None}


def test_a_period_introducing_a_colon_list_governs_it() -> None:
    text = "会议提出,明年全市主要预期目标是:地区生产总值增长6%以上,规模以上工业增加值增长10%左右。"
    assert periods(text) == {6: "明年", 10: "明年"}
