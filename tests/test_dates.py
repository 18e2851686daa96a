"""The event date a page states (LABELING.md, Fixture file; ../shared/devset README's date calls).

Every page here is invented. The page header counts as text: it fixes the year, the
body's day fixes the day; with no event day the publication date is the date; a year is
never guessed.
"""

from __future__ import annotations

import pytest

from summarizer.document import SourceDocument
from summarizer.pipeline import summarize
from summarizer.prepare import prepare
from summarizer.text.dates import PageDates, article_date, page_dates
from summarizer.text.fold import fold_page

MEETING = "某县召开经济形势分析会,通报全县经济运行情况。县委书记张某出席会议并讲话。\n"


def date_of(page: str) -> str | None:
    return prepare(SourceDocument(id="page", raw=page)).date


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("发布时间：2024-10-29 09:32　来源：某县融媒体中心", "2024-10-28"),
        ("２０２４－１０－２９ １６：２０　来源：某县融媒体中心", "2024-10-28"),
        ("2024年10月29日 09:32　來源：某某時報　編輯：某某", "2024-10-28"),
        ("http://www.example.gov.cn/xwzx/2024/1029/art_1_2.html", "2024-10-28"),
        ("http://www.example.gov.cn/art/2024/10/9/art_1_2.html", "2024-10-28"),
        ("https://www.example.gov.cn/xwzx/202410/t20241029_123.html", "2024-10-28"),
        ("发布时间:10-29 16:20  来源:某县融媒体中心", None),  # no year anywhere
        ("日期：2024.10.29", "2024-10-28"),
        ("时间：2024年10月29日 来源：某县融媒", "2024-10-28"),
        ("[ 2024-10-29 ]", "2024-10-28"),
        ("發布日期：民國113年10月29日", "2024-10-28"),
    ],
)
def test_the_header_fixes_the_year_and_the_lead_the_day(header: str, expected: str | None) -> None:
    page = f"某县召开经济形势分析会\n{header}\n\n10月28日上午,{MEETING}"
    assert date_of(page) == expected


def test_without_an_event_day_the_publication_date_is_the_date() -> None:
    page = (
        "某市县域经济三年行动方案答记者问\n发布时间：2024-10-18 10:05　来源：市发展改革委\n"
        "近日,市政府办公厅印发《某市县域经济三年行动方案》。记者采访了市发展改革委主任。\n"
    )
    assert date_of(page) == "2024-10-18"


def test_a_roc_calendar_stamp_and_today_with_the_day_in_brackets() -> None:
    page = (
        "縣務會議／某某：汛期將至 各局處務必做好防災整備\n"
        "發布單位：行政處　發布日期：113-07-16　點閱次數：842\n"
        "某縣縣長今（16）日主持縣務會議,聽取防汛整備報告。\n"
    )
    assert date_of(page) == "2024-07-16"


def test_a_signature_or_issuing_date_is_the_date_of_a_notice() -> None:
    notice = (
        "某县人民政府办公室关于印发某县重点项目攻坚行动方案的通知\n"
        "各乡镇人民政府,县政府各部门:\n"
        "经县政府同意,现将《某县重点项目攻坚行动方案》印发给你们,请认真贯彻落实。\n"
        "某县人民政府办公室\n2024年3月8日\n"
    )
    assert date_of(notice) == "2024-03-08"
    labeled = "成文日期：2025年03月07日　　发布日期：2025年03月10日\n" + notice.replace(
        "2024年3月8日", "（此件公开发布）"
    )
    assert date_of(labeled) == "2025-03-07"


def test_the_body_day_wins_over_an_issuing_line_above_it() -> None:
    page = (
        "某县人民政府常务会议纪要\n某县人民政府办公室　　　　　　2025年6月16日\n"
        "2025年6月13日,县长马某主持召开县政府第31次常务会议,研究部署经济运行等工作。\n"
    )
    assert date_of(page) == "2025-06-13"


def test_a_meeting_records_time_line_is_the_event_date() -> None:
    page = (
        "某区人民政府第56次常务会议\n发布日期：2024-06-25　信息来源：区政府办公室\n"
        "会议名称：某区人民政府第56次常务会议\n时　　间：2024年6月24日\n\n"
        "一、听取全区经济运行情况汇报\n会议听取了区发展改革委的汇报。会议强调,要稳增长。\n"
    )
    assert date_of(page) == "2024-06-24"


def test_a_page_of_several_items_takes_its_lead_items_date() -> None:
    page = (
        "今日某县　数字报\n2023年6月13日 星期二　第02版：综合新闻\n"
        "我县举行招商引资项目集中签约仪式\n"
        "本报讯(记者 沈某)6月12日上午,我县举行招商引资项目集中签约仪式。县长葛某致辞。\n"
        "我县召开夏粮收购工作会议\n"
        "本报讯(记者 孔某)6月10日,我县召开夏粮收购工作会议,部署夏粮收购工作。\n"
    )
    prepared = prepare(SourceDocument(id="page", raw=page))
    assert [a.date for a in prepared.articles] == ["2023-06-12", "2023-06-10"]
    assert prepared.date == "2023-06-12"


def test_a_year_is_never_guessed() -> None:
    header = "市政府召开常务会议\n来源：某市人民政府办公室　阅读：2306\n"
    assert date_of(f"{header}10月23日上午,{MEETING}") is None
    # a period is not a date: 2024年1-10月 names no day
    release = "2024年1-10月全市经济运行简况\n来源：某市统计局\n今年以来,全市经济运行总体平稳。\n"
    assert date_of(release) is None


def test_a_december_lead_on_a_january_page_is_of_the_year_before() -> None:
    page = PageDates(published=page_dates(fold_page("发布时间：2024-01-03 08:00")).published)
    assert article_date("12月30日,某市委经济工作会议召开。", 20, page) == "2023-12-30"
    assert article_date("1月2日,某市召开会议。", 20, page) == "2024-01-02"


def test_the_brief_carries_the_date() -> None:
    page = f"某县召开经济形势分析会\n发布时间：2024-10-29 09:32\n10月28日上午,{MEETING}"
    assert summarize(page, backend="offline").date == "2024-10-28"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("某县日报 2025年4月19日 星期六\n本报讯 18日，某县召开项目建设推进会。", "2025-04-18"),
        ("某某商報 2025年4月19日\n【本報訊】（記者 某某）18日上午，某市簽約。", "2025-04-18"),
        ("某县日报 2025年5月2日\n本报讯 30日，某县召开项目建设推进会。", "2025-04-30"),
        # a day inside the text, not the lead's: the page's date stands
        ("某县日报 2025年5月2日\n本报讯 全县新开工项目12个，其中5日开工3个。", "2025-05-02"),
    ],
)
def test_a_lead_that_gives_only_the_day_takes_the_pages_month(page: str, expected: str) -> None:
    assert date_of(page) == expected
