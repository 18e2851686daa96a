"""Scraped page shapes from other provinces, through prepare and the offline backend."""

from __future__ import annotations

from summarizer.document import SourceDocument
from summarizer.prepare import prepare

LEAD = (
    "宜宾日报讯(记者 王五)3月27日,宜宾市2024年一季度重大项目集中开工仪式在三江新区举行。"
    "市委书记张三出席并宣布开工。"
)
BODY = "此次集中开工项目共42个,总投资286亿元。"


def articles_of(raw: str) -> list[str]:
    prepared = prepare(SourceDocument(id="page", raw=raw, source="page.txt"))
    return [a.text for a in prepared.articles]


def test_menu_bar_date_line_and_original_title_leave_one_article() -> None:
    page = (
        "网站首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流\n"
        "当前位置:首页 > 新闻中心 > 今日宜宾\n"
        "宜宾市一季度重大项目集中开工\n"
        "2024年03月28日 10:15  来源:宜宾日报\n"
        "原标题:总投资286亿元!宜宾一季度重大项目集中开工\n"
        f"{LEAD}\n{BODY}\n"
    )
    prepared = prepare(SourceDocument(id="page", raw=page, source="page.txt"))
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
    prepared = prepare(SourceDocument(id="page", raw=page, source="page.txt"))
    (article,) = prepared.articles
    assert article.title == "总投资286亿元!宜宾一季度重大项目集中开工"


def test_a_short_story_with_a_full_stop_still_ends_before_the_next_lead() -> None:
    first = "本报讯 3月26日,叙州区召开安全生产工作会议。"
    assert len(articles_of(f"{first}\n{LEAD}\n{BODY}\n")) == 2
