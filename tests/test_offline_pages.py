"""Scraped page shapes from other provinces, through prepare and the offline backend."""

from __future__ import annotations

from summarizer.document import PreparedDocument, SourceDocument
from summarizer.models import MetricKind, ProjectStatus
from summarizer.prepare import prepare
from summarizer.rules import OfflineBackend

LEAD = (
    "宜宾日报讯(记者 王五)3月27日,宜宾市2024年一季度重大项目集中开工仪式在三江新区举行。"
    "市委书记张三出席并宣布开工。"
)
BODY = "此次集中开工项目共42个,总投资286亿元。"


def prepared_page(raw: str) -> PreparedDocument:
    return prepare(SourceDocument(id="page", raw=raw, source="page.txt"))


def articles_of(raw: str) -> list[str]:
    return [a.text for a in prepared_page(raw).articles]


def test_menu_bar_date_line_and_original_title_leave_one_article() -> None:
    page = (
        "网站首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流\n"
        "当前位置:首页 > 新闻中心 > 今日宜宾\n"
        "宜宾市一季度重大项目集中开工\n"
        "2024年03月28日 10:15  来源:宜宾日报\n"
        "原标题:总投资286亿元!宜宾一季度重大项目集中开工\n"
        f"{LEAD}\n{BODY}\n"
    )
    prepared = prepared_page(page)
    (article,) = prepared.articles
    assert article.title == "宜宾市一季度重大项目集中开工"
    assert article.text == f"宜宾市一季度重大项目集中开工\n{LEAD}\n{BODY}"
    assert article.date == "2024-03-27"


def test_a_bare_time_stamp_line_is_furniture_but_a_dated_sentence_is_text() -> None:
    page = f"2024-03-28 09:12:30\n{LEAD}\n2024年3月28日,三江新区又有5个项目签约。\n"
    (text,) = articles_of(page)
    assert text == f"{LEAD}\n2024年3月28日,三江新区又有5个项目签约。"


def test_an_exclaiming_headline_above_its_lead_is_the_title_not_an_article() -> None:
    page = f"总投资286亿元!宜宾一季度重大项目集中开工\n{LEAD}\n{BODY}\n"
    prepared = prepared_page(page)
    (article,) = prepared.articles
    assert article.title == "总投资286亿元!宜宾一季度重大项目集中开工"


def test_a_short_story_with_a_full_stop_still_ends_before_the_next_lead() -> None:
    first = "本报讯 3月26日,叙州区召开安全生产工作会议。"
    assert len(articles_of(f"{first}\n{LEAD}\n{BODY}\n")) == 2


CONCENTRATED_START = (
    "首页 > 新闻中心 > 本地要闻\n"
    "总投资326亿元!南宁市2024年第一季度重大项目集中开工\n"
    "2024-03-29 10:20  来源:南宁日报\n"
    "原标题:南宁市2024年第一季度重大项目集中开工 49个项目总投资326亿元\n"
    "南宁日报讯(记者 韦小燕)3月28日上午,南宁市2024年第一季度重大项目集中开工活动在五象新区"
    "主会场举行。自治区党委常委、南宁市委书记农生文宣布项目开工,市委副书记、市长李明致辞。\n"
    "此次集中开工项目共49个,总投资326亿元,涵盖先进制造业、现代服务业、基础设施和社会民生等领域。"
    "其中,南宁东站综合交通枢纽二期、五象新区会展中心、南宁轨道交通5号线延长线等3个项目"
    "总投资均超20亿元。\n"
    "李明表示,各县(区)、开发区和市直各部门要牢固树立“项目为王”理念,全力以赴抓项目、扩投资;"
    "要强化要素保障,推动项目早开工、早投产、早见效。\n"
    "据了解,一季度全市新开工亿元以上项目86个,同比增长12.5%;南宁国际空港综合交通枢纽一期、"
    "广西文化艺术中心等15个项目竣工投产。今年,南宁市力争全年完成投资1500亿元。\n"
)


def test_a_concentrated_start_page_end_to_end() -> None:
    prepared = prepared_page(CONCENTRATED_START)
    assert len(prepared.articles) == 1
    extraction = OfflineBackend().extract_sync(prepared)
    assert extraction.date == "2024-03-28"
    assert [(s.name, s.title) for s in extraction.speakers] == [
        ("农生文", "自治区党委常委、南宁市委书记"),
        ("李明", "市委副书记、市长"),
    ]
    assert {p.name: p.status for p in extraction.projects} == {
        "南宁东站综合交通枢纽二期": ProjectStatus.STARTED,
        "五象新区会展中心": ProjectStatus.STARTED,
        "南宁轨道交通5号线延长线": ProjectStatus.STARTED,
        "南宁国际空港综合交通枢纽一期": ProjectStatus.OPERATING,
        "广西文化艺术中心": ProjectStatus.OPERATING,
    }
    figures = [(m.value, m.unit, m.kind) for m in extraction.metrics]
    assert figures.count((326.0, "亿元", MetricKind.ACTUAL)) == 1  # headline and body: one fact
    assert (12.5, "%", MetricKind.CHANGE) in figures
    assert (1500.0, "亿元", MetricKind.TARGET) in figures
    issued = {(d.issuer, d.text[:8]) for d in extraction.directives}
    assert ("李明", "各县(区)、开发") in issued
    assert ("李明", "要强化要素保障,") in issued
    assert ("南宁市", "南宁市力争全年完") in issued  # 据了解: the reporter's narration
    for item in [*extraction.speakers, *extraction.directives, *extraction.projects]:
        quote = item.evidence.quote
        assert prepared.original[item.evidence.start : item.evidence.end] == quote
