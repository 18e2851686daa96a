"""Cleaning and segmentation on synthetic pages: each noise type, each transformation."""

from __future__ import annotations

import pytest

from summarizer.document import PreparedDocument, SourceDocument
from summarizer.prepare import prepare
from summarizer.text.fold import fold

LEAD = "本报讯(记者 张三)5月7日上午,高新区召开重点项目推进会,安排部署下一阶段重点工作。"
SPEECH = "王五强调,要全力以赴抓项目、扩投资,确保完成全年目标任务。"
CLOSE = "会议要求,各部门要加强协调配合,推动重大项目早开工、早投产、早见效。"


def prepared_from(raw: str) -> PreparedDocument:
    prepared = prepare(SourceDocument(id="doc", raw=raw, source="page.txt"))
    for article in prepared.articles:  # offsets round-trip after every transformation
        for i, char in enumerate(article.text):
            assert prepared.original[article.offsets[i]] == char
    return prepared


def only_text(raw: str) -> str:
    (article,) = prepared_from(raw).articles
    return article.text


def test_navigation_headers_are_dropped() -> None:
    page = (
        "首页 > 新闻中心 > 本地要闻\n"
        "首页 | 要闻 | 政务 | 视频 | 图片 | 专题\n"
        "当前位置:首页>>新闻>>正文\n"
        f"高新区召开重点项目推进会\n{LEAD}\n{SPEECH}\n"
    )
    prepared = prepared_from(page)
    (article,) = prepared.articles
    assert article.title == "高新区召开重点项目推进会"
    assert article.text == f"高新区召开重点项目推进会\n{LEAD}\n{SPEECH}"


def test_editor_and_mailbox_tails_are_dropped() -> None:
    page = (
        f"{LEAD}\n{SPEECH}\n【责任编辑:李四】\n责编:王二\n投稿邮箱:news@example.com\n"
        "扫一扫在手机打开当前页\n"
    )
    assert only_text(page) == f"{LEAD}\n{SPEECH}"


def test_original_title_source_and_photo_lines_are_dropped() -> None:
    page = (
        "原标题:奋战二季度 确保双过半 高新区召开重点项目推进会\n"
        "来源:郑州日报\n"
        "(资料图片仅供参考)\n"
        f"{LEAD}\n"
        "图为项目建设现场。本报记者 马六 摄\n"
        "(摄影:尹金凯)\n"
        f"{SPEECH}\n"
    )
    assert only_text(page) == f"{LEAD}\n{SPEECH}"


def test_comment_boxes_and_related_links_are_dropped_until_the_next_article() -> None:
    page = (
        f"{LEAD}\n{SPEECH}\n"
        "网友评论\n请登录后发表评论\n文明上网,理性发言\n"
        "相关阅读\n高新区举办招商推介会\n某某新区签约项目12个...\n"
        "本报讯(记者 赵七)5月8日,某某区召开安全生产工作会议,安排部署安全生产工作。"
        "会议强调,要压紧压实安全生产责任,坚决遏制重特大事故发生,确保人民群众生命财产安全。\n"
    )
    articles = prepared_from(page).articles
    assert len(articles) == 2
    joined = "".join(a.text for a in articles)
    for noise in ("网友评论", "发表评论", "理性发言", "相关阅读", "签约项目12个"):
        assert noise not in joined


def test_teasers_and_cut_off_links_are_dropped() -> None:
    page = (
        f"{LEAD}\n{SPEECH}\n更多图说健康\n"
        "更多疏风解毒胶囊的作用与功效是什么?疏风解毒胶囊可以起到解毒利咽...\n"
        "A股4大水电龙头股(附名单),水电概念,整体上涨0 6%。领涨股...\n"
    )
    assert only_text(page) == f"{LEAD}\n{SPEECH}"


def test_traditional_characters_are_matched_but_quoted_as_written() -> None:
    page = (
        "首頁 > 新聞 > 本地\n"
        "高新區召開重點項目推進會\n"
        "本報訊(記者 張三)5月7日上午,高新區召開重點項目推進會,安排部署下一階段重點工作。\n"
        "王五強調,要全力以赴抓項目、擴投資,確保完成全年目標任務。\n"
        "關鍵詞:項目 投資\n"
        "責任編輯:李四\n"
    )
    (article,) = prepared_from(page).articles
    assert article.title == "高新區召開重點項目推進會"
    assert article.text.endswith("確保完成全年目標任務。")
    assert "本報訊" in article.text and "關鍵詞" not in article.text
    assert "王五强调,要全力以赴抓项目" in fold(article.text)


def test_full_width_and_half_width_punctuation_are_treated_alike() -> None:
    full = (
        "本报讯（记者　张三）５月７日上午，高新区召开推进会。王五表示，要切实\n\n"
        "把思想和行动统一到决策部署上来，确保完成全年目标任务。\n"
    )
    half = full.replace("（", "(").replace("）", ")").replace("，", ",").replace("　", " ")
    for page in (full, half):
        text = only_text(page)
        assert "要切实把思想和行动" in text
        assert "\n" not in text


def test_markdown_bold_is_stripped_and_offsets_skip_it() -> None:
    page = f"{LEAD}\n目标:GDP增速力争实现**9%**,规上工业增加值增长**13%以上**。\n"
    prepared = prepared_from(page)
    (article,) = prepared.articles
    assert article.text.endswith("力争实现9%,规上工业增加值增长13%以上。")
    start = article.text.index("9%")
    evidence = prepared.evidence(article, start, start + 2)
    assert evidence.quote == "9%" and prepared.original[evidence.start - 2 : evidence.start] == "**"


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("推动经济运行稳健开局。要切实", "把思想和行动统一到决策部署上来。", "要切实把思想"),
        ("重点项目进展顺利。一季", "度,全区承担的13个项目均按节点推进。", "一季度,全区"),
        ("张红军要求,高新区要打造营", "商环境标杆区,激发企业发展活力。", "打造营商环境"),
        ("此次大会为今年发展敲定目标:GDP增速", "力争实现9%,工业增加值增长13%以上。", "增速力争"),
    ],
)
def test_paragraphs_broken_mid_sentence_are_joined(first: str, second: str, joined: str) -> None:
    for gap in ("\n\n", "\n", "\n \n\n"):
        text = only_text(f"{LEAD}\n\n{first}{gap}{second}\n")
        assert joined in text
        assert text.endswith(first + second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("奖补1.14亿元,真金白银助力企业高质量发展", "当天的会议采取主会场加分会场的模式召开。"),
        ("● 全年GDP实现564.6亿元,增速7.5%", "● 规上工业增加值完成173.3亿元,增速13.2%"),
        ("现场", "当天的会议采取主会场加分会场的模式召开。"),
        ("会议强调:", "要全力以赴抓项目。"),
    ],
)
def test_headlines_list_items_and_complete_lines_are_not_joined(first: str, second: str) -> None:
    text = only_text(f"{LEAD}\n\n{first}\n\n{second}\n")
    assert f"{first}\n{second}" in text


def test_articles_closed_by_bylines_are_split_and_titled() -> None:
    page = (
        "高新区召开重点项目推进会\n"
        f"{SPEECH}\n{CLOSE}\n"
        "记者 张三 通讯员 李四 文/图\n"
        "某某区部署安全生产工作\n"
        "5月8日,某某区召开安全生产工作会议。会议强调,要压紧压实安全生产责任。\n"
        "郑州晚报记者 赵七\n"
    )
    articles = prepared_from(page).articles
    assert [a.title for a in articles] == ["高新区召开重点项目推进会", "某某区部署安全生产工作"]
    assert all("记者" not in a.text for a in articles)


def test_dispatch_leads_start_articles() -> None:
    page = (
        "两会代表热议高质量发展\n"
        "新华社北京3月5日电(记者 王某)十四届全国人大一次会议5日开幕,"
        "代表们认为,要扎实推动高质量发展。\n"
        "代表们表示,要坚持稳中求进工作总基调,确保完成全年目标任务。\n"
        "春耕备耕有序推进\n"
        "新华社郑州3月6日电(记者 李某)河南各地抢抓农时,春耕备耕工作有序推进。\n"
    )
    articles = prepared_from(page).articles
    assert [a.title for a in articles] == ["两会代表热议高质量发展", "春耕备耕有序推进"]


def test_article_dates_need_a_determinable_year() -> None:
    dated = prepared_from("2023年8月11日,高新区召开推进会,安排部署下半年工作。\n").articles[0]
    assert dated.date == "2023-08-11"
    undated = prepared_from("8月11日,高新区召开推进会,安排部署下半年工作。\n").articles[0]
    assert undated.date is None
    inferred = prepared_from(
        "8月11日,高新区召开推进会,安排部署下半年工作。\n2023年已过半程,全区经济稳中向好。\n"
    ).articles[0]
    assert inferred.date == "2023-08-11"


# ---- hard-wrapped pages (PDF, OCR) ----------------------------------------------------

from summarizer.text.clean import unwrap  # noqa: E402
from summarizer.text.cues import cues  # noqa: E402
from summarizer.text.fold import fold_page  # noqa: E402


def _unwrapped(text: str) -> list[str]:
    from summarizer.text.clean import _lines

    return [p.text(text) for p in unwrap(_lines(text, fold_page(text)), text, cues())]


WRAPPED = (
    "会议强调，各乡镇、各部门要紧盯目标，逐项分析指标进度，精准\n"
    "施策补短板；要加大重点企业帮扶力度，确保规上工业企业开工率保\n"
    "持在95%以上；要抢抓政策窗口期，全力争取各类资金9亿元以上。\n"
    "　　二、关于重点项目建设工作\n"
    "　　会议听取了县发改局关于全县重点项目推进情况的汇报。全县今年\n"
    "计划实施重点项目112个，总投资286.5亿元，年度计划投资68.\n"
    "2亿元。截至5月底，已开工项目87个，开工率77.7%，完成投\n"
    "－ 2 －\n"
    "资24.6亿元；全县新能源装机容量达到236万千瓦，同比增长。\n"
)


def test_a_hard_wrapped_page_is_read_as_paragraphs() -> None:
    lines = _unwrapped(WRAPPED)
    assert lines[0].endswith("资金9亿元以上。")
    assert lines[1] == "二、关于重点项目建设工作"
    assert "年度计划投资68.2亿元" in lines[2]
    assert "完成投资24.6亿元" in lines[2]  # the page number between is dropped


def test_a_page_with_one_paragraph_per_line_is_left_alone() -> None:
    text = "\n".join(f"第{i}段正文，长短不一{'的内容' * i}。" for i in range(1, 9))
    assert len(_unwrapped(text)) == 8
