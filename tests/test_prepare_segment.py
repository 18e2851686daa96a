"""Segmentation of whole pages: how many articles a page holds (LABELING.md, Fixture file).

Page furniture, credits, photo captions and related links are not articles; a page of
several short items is split into them; one article is never split by its own headings.
"""

from __future__ import annotations

from summarizer.document import PreparedDocument, SourceDocument
from summarizer.prepare import prepare

ITEM_ONE = (
    "5月14日,某区召开城乡供水工程推进会,通报工程建设进展。区委常委、副区长张某出席会议并讲话。\n"
    "张某强调,要压实工作责任,确保年底前全面完工。\n"
)
ITEM_TWO = "5月16日,区人社局在区人力资源市场举办专场招聘会,共有86家企业参加,提供岗位2100个。\n"


def prepared_from(raw: str) -> PreparedDocument:
    return prepare(SourceDocument(id="page", raw=raw, source="page.txt"))


def test_a_bracketed_credit_closes_the_article_and_is_no_article() -> None:
    for credit in (
        "(记者 邱某某 通讯员 曾某某)",
        "（記者 蒙某某 通訊員 李某某　編輯：甘某某　審核：龐某某）",
        "（记者：贾某某　通讯员：刘 洋　编辑：周某）",
    ):
        prepared = prepared_from(f"某区召开城乡供水工程推进会\n{ITEM_ONE}{credit}\n")
        assert len(prepared.articles) == 1, credit
        assert "记者" not in prepared.articles[0].text


def test_site_footer_address_and_breadcrumb_lines_are_furniture() -> None:
    page = (
        "http://www.example.gov.cn/xwzx/2024/0514/art_1_2.html\n"
        "您现在的位置：首页 > 新闻中心 > 要闻\n"
        f"某区召开城乡供水工程推进会\n{ITEM_ONE}"
        "主办：某区人民政府办公室  承办：某区融媒体中心  联系电话：0000-1234567\n"
        "某ICP备00000000号-1　某公网安备 00000000000000号\n"
    )
    (article,) = prepared_from(page).articles
    assert article.title == "某区召开城乡供水工程推进会"
    assert not any(word in article.text for word in ("ICP", "http", "联系电话", "位置"))


def test_a_headline_over_a_dated_opening_starts_the_next_short_item() -> None:
    page = f"某区召开城乡供水工程推进会\n{ITEM_ONE}区人社局举办专场招聘会\n{ITEM_TWO}"
    articles = prepared_from(page).articles
    assert [a.title for a in articles] == ["某区召开城乡供水工程推进会", "区人社局举办专场招聘会"]


def test_numbered_section_headings_do_not_split_an_article() -> None:
    page = (
        f"某区召开城乡供水工程推进会\n{ITEM_ONE}"
        "二、下一步工作安排\n"
        "5月20日,区水利局将组织开展质量检查,确保工程按期完工。\n"
    )
    assert len(prepared_from(page).articles) == 1


def test_a_bracketed_news_lead_starts_an_article() -> None:
    page = (
        "某区重大项目集中开工\n"
        "【某某时报讯】记者某某报道:4月17日上午,某区二季度重大项目集中开工活动举行。\n"
        "区委书记梁某宣布项目开工。\n"
        "某区委常委会召开会议\n"
        "【某某时报讯】4月16日下午,区委书记梁某主持召开区委常委会会议。会议强调,要抓项目促投资。\n"
    )
    articles = prepared_from(page).articles
    assert [a.title for a in articles] == ["某区重大项目集中开工", "某区委常委会召开会议"]


def test_related_reports_and_font_bars_are_not_text() -> None:
    page = (
        "某区召开城乡供水工程推进会\n【字体：大 中 小】【打印】【关闭】\n"
        f"{ITEM_ONE}相關報道：\n·某区开展防汛演练\n·某镇举办丰收节 吸引游客逾十万人次\n"
    )
    (article,) = prepared_from(page).articles
    assert article.title == "某区召开城乡供水工程推进会"
    assert "字体" not in article.text and "游客" not in article.text


def test_headlines_on_a_web_page_are_not_read_as_hard_wrapped_lines() -> None:
    page = (
        "首页 > 政务公开 > 部门动态\n\n"
        "某区召开城乡供水一体化工程推进会\n"
        "发布时间：2024-05-17 09:05　来源：区水利局　【字体：大 中 小】　【打印】\n\n"
        f"{ITEM_ONE}\n"
        "张某要求,各镇街道要落实属地责任,主要负责同志亲自过问、靠前协调,及时解决征地拆迁等问题。\n"
        "某镇召开人居环境整治座谈会\n\n"
        "本网讯(通讯员 孟某)5月15日下午,某镇召开人居环境整治群众座谈会,听取群众意见。\n"
        "区人社局举办专场招聘会\n\n"
        f"{ITEM_TWO}"
    )
    articles = prepared_from(page).articles
    assert [a.title for a in articles] == [
        "某区召开城乡供水一体化工程推进会",
        "某镇召开人居环境整治座谈会",
        "区人社局举办专场招聘会",
    ]
    assert "发布时间" not in articles[0].text
