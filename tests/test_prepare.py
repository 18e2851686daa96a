"""The prepare stage on the seed pages: article counts, titles, furniture, repairs, offsets."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest

from summarizer.document import PreparedDocument, SourceDocument
from summarizer.fixtures import load_fixtures
from summarizer.prepare import prepare

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "evals" / "fixtures"

SEED_ARTICLES = {"000": 1, "001": 4, "002": 1, "003": 4, "004": 1}
FURNITURE_000 = [
    "关键词",
    "相关的文章",
    "热门标签",
    "热门搜索",
    "资讯",
    "更多图说健康",
    "疏风解毒胶囊",
    "艾叶的功效",
    "紫癜性肾炎",
    "冷链物流运行数据",
    "水电龙头股",
    "资料图片仅供参考",
    "摄影:尹金凯",
]


def seed_path(number: str) -> Path:
    matches = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not matches:
        pytest.skip(f"seed {number} is not available at {SEEDS}")
    return matches[0]


@cache
def prepared_seed(number: str) -> PreparedDocument:
    path = seed_path(number)
    return prepare(SourceDocument(id=path.stem, raw=path.read_bytes(), source=str(path)))


def assert_offsets_exact(prepared: PreparedDocument) -> None:
    """Every article character is the original character at its offset."""
    for article in prepared.articles:
        assert len(article.offsets) == len(article.text)
        for i, char in enumerate(article.text):
            assert prepared.original[article.offsets[i]] == char, (article.index, i)
        assert list(article.offsets) == sorted(set(article.offsets))


def all_text(prepared: PreparedDocument) -> str:
    return "\n".join(article.text for article in prepared.articles)


@pytest.mark.parametrize("number", sorted(SEED_ARTICLES))
def test_each_seed_yields_its_article_count(number: str) -> None:
    assert len(prepared_seed(number).articles) == SEED_ARTICLES[number]


@pytest.mark.parametrize("number", sorted(SEED_ARTICLES))
def test_seed_offsets_round_trip(number: str) -> None:
    prepared = prepared_seed(number)
    assert_offsets_exact(prepared)
    for article in prepared.articles:
        evidence = prepared.evidence(article, 0, len(article.text))
        assert evidence.quote == prepared.original[evidence.start : evidence.end]


def test_fixture_article_counts_and_dates() -> None:
    fixtures = load_fixtures(FIXTURES)
    if not fixtures:
        pytest.skip("no fixtures yet")
    for fixture in fixtures:
        prepared = prepare(SourceDocument(id=fixture.id, raw=fixture.text))
        assert len(prepared.articles) == fixture.articles, fixture.id
        if fixture.date is not None:
            assert prepared.date == fixture.date, fixture.id


@pytest.mark.parametrize("furniture", FURNITURE_000)
def test_no_furniture_of_000_survives(furniture: str) -> None:
    assert furniture not in all_text(prepared_seed("000"))


def test_000_keeps_the_whole_meeting_report() -> None:
    (article,) = prepared_seed("000").articles
    assert article.text.startswith("8月11日,郑州高新区高质量发展推进会召开")
    assert article.text.endswith("圆满完成。")
    assert article.date == "2023-08-11"


def test_001_titles_including_a_headline_set_below_its_story() -> None:
    titles = [a.title for a in prepared_seed("001").articles]
    assert titles == [
        "高新区召开二季度重点工作暨“三十工程”推进会",
        "高新区召开领导班子会议",
        "高新区全生命周期服务保障项目建设",
        "改革赋能 创新引领 产业支撑 高新区聚焦重点稳健开局促发展",
    ]


def test_001_photo_caption_is_not_an_article_text() -> None:
    prepared = prepared_seed("001")
    assert "厦工机械" not in all_text(prepared)
    assert all(a.text.count("本报讯") == 1 for a in prepared.articles)


def test_001_broken_paragraphs_are_repaired() -> None:
    text = all_text(prepared_seed("001"))
    assert "要切实把思想和行动统一" in text
    assert "坚持谋划项目盯前期、招商项目盯签约" in text
    assert "重点项目进展顺利。一季度,全区承担" in text
    assert "帮助15家企业获得一季度满负荷生产奖励资金" in text


def test_002_broken_paragraphs_are_repaired_and_markdown_stripped() -> None:
    (article,) = prepared_seed("002").articles
    assert "敲定目标:GDP增速力争实现9%,规上工业增加值增长13%以上" in article.text
    assert "新增省级以上创新平台52家" in article.text
    assert "进行了系统总结梳理" in article.text
    assert "高新区要打造营商环境标杆区" in article.text
    assert "**" not in article.text


def test_002_headlines_and_section_labels_are_not_joined() -> None:
    (article,) = prepared_seed("002").articles
    assert article.title == "企业家站“C位” 获1.14亿元真金白银助力"
    assert "奖补1.14亿元,真金白银助力企业高质量发展\n当天的会议" in article.text
    assert "\n目标\nGDP增速力争实现9%,全力冲刺“世界一流高科技园区”\n今年" in article.text
    assert "孙庆辉" not in article.text  # the closing byline is not article text
    assert article.date == "2024-02-20"


def test_003_interviews_keep_their_header_and_drop_the_reporter_line() -> None:
    articles = prepared_seed("003").articles
    assert [a.title for a in articles] == [
        "攀高比强作标杆 全力以赴拼经济",
        "加快三大片区建设和招商 谋划两个产业优化调整战略",
        "聚焦四大主攻方向 建设现代化美丽上街",
        "建设国家先进制造业高地 做实“链长制”提升创新力",
    ]
    assert "——访荥阳市委书记杨金军" in articles[0].text
    assert all("正观新闻" not in a.text for a in articles)
    assert "郑州沿黄科创带(荥阳段)" in articles[0].text
    assert "公路、机场和海铁联运" in articles[2].text


def test_004_round_up_is_one_article_without_the_photo_caption() -> None:
    (article,) = prepared_seed("004").articles
    assert "科创沃土" not in article.text
    assert article.title is not None and article.title.startswith("市委十二届七次全会")


def test_prepare_is_fast_on_the_seeds() -> None:
    documents = [SourceDocument(id=n, raw=seed_path(n).read_bytes()) for n in SEED_ARTICLES]
    prepare(documents[0])  # loads OpenCC and the cue tables once
    kilobytes = sum(len(d.raw) for d in documents) / 1024
    started = time.perf_counter()
    for document in documents:
        prepare(document)
    per_kilobyte = (time.perf_counter() - started) / kilobytes
    assert per_kilobyte < 0.001  # measured about 0.13 ms/KB; the budget is 1 ms/KB
