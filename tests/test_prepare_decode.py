"""Decoding: encodings, HTML, and bad input that must fail clearly, alone and in a batch."""

from __future__ import annotations

import codecs

import pytest

from summarizer.backends import Extraction
from summarizer.document import PreparedDocument, SourceDocument
from summarizer.errors import InputError
from summarizer.models import Brief, Failure
from summarizer.pipeline import summarize_many
from summarizer.prepare import prepare

NEWS = (
    "高新区召开重点项目推进会\n\n"
    "本报讯(记者 张三 通讯员 李四)5月7日上午,高新区召开重点项目推进会,"
    "安排部署下一阶段重点工作。党工委书记王五出席会议并讲话。\n\n"
    "王五强调,要切实把思想和行动统一到决策部署上来,全力以赴抓项目、扩投资,"
    "确保完成全年目标任务。要坚持“项目为王”,抓好项目土地供应和要素保障。\n\n"
    "会议要求,各部门要加强协调配合,形成工作合力,推动重大项目早开工、早投产、早见效。\n"
)


def prepared_from(raw: str | bytes, source: str = "page.txt") -> PreparedDocument:
    return prepare(SourceDocument(id="doc", raw=raw, source=source))


def assert_offsets_exact(prepared: PreparedDocument) -> None:
    for article in prepared.articles:
        for i, char in enumerate(article.text):
            assert prepared.original[article.offsets[i]] == char


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (NEWS.encode("gbk"), "gb18030"),
        ((NEWS + "南汉刘䶮。\n").encode("gb18030"), "gb18030"),
        (NEWS.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF8 + NEWS.encode("utf-8"), "utf-8-sig"),
        (NEWS.encode("utf-8"), "utf-8"),
    ],
    ids=["gbk", "gb18030", "utf-16-le-bom", "utf-16-be-bom", "utf-8-bom", "utf-8"],
)
def test_encodings_decode_to_the_same_text(encoded: bytes, encoding: str) -> None:
    prepared = prepared_from(encoded)
    assert prepared.original.startswith(NEWS)  # no BOM, nothing changed
    assert len(prepared.articles) == 1
    assert prepared.articles[0].title == "高新区召开重点项目推进会"
    assert_offsets_exact(prepared)
    noted = [w for w in prepared.warnings if w.startswith("decoded as")]
    assert noted == ([] if encoding == "utf-8" else [f"decoded as {encoding}"])


def test_crlf_text_keeps_its_carriage_returns_in_the_original() -> None:
    prepared = prepared_from(NEWS.replace("\n", "\r\n").encode("utf-8"))
    assert "\r" in prepared.original
    assert "\r" not in prepared.articles[0].text
    assert_offsets_exact(prepared)


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>高新区召开重点项目推进会_新闻中心</title>
<script>var tracker = "不应出现的脚本文字"; function go() { return 1; }</script>
<style>.nav { color: red; }</style></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a></div>
<article>
<h1>高新区召开重点项目推进会</h1>
<p>本报讯(记者 张三)5月7日上午,高新区召开重点项目推进会,安排部署下一阶段重点工作。
党工委书记王五出席会议并讲话。</p>
<p>王五强调,要切实把思想和行动统一到决策部署上来,全力以赴抓项目、扩投资,确保完成全年目标任务。</p>
<p>会议要求,各部门要加强协调配合,形成工作合力,推动重大项目早开工、早投产、早见效。</p>
</article>
<div class="comments">网友评论<br>请登录后发表评论</div>
<footer>版权所有 © 高新区融媒体中心 投稿邮箱:news@example.com</footer>
<script>document.write("另一段脚本文字");</script>
</body></html>
"""


@pytest.mark.parametrize("raw", [HTML, HTML.encode("utf-8"), HTML.encode("gb18030")])
def test_html_becomes_its_main_text_and_offsets_index_that_text(raw: str | bytes) -> None:
    prepared = prepared_from(raw, source="page.html")
    text = "\n".join(a.text for a in prepared.articles)
    assert "王五强调,要切实把思想和行动统一到决策部署上来" in text
    for noise in ("脚本文字", "function", "color: red", "<p>", "版权所有", "发表评论", "政务"):
        assert noise not in text
    assert any(w.startswith("html:") for w in prepared.warnings)
    assert "<" not in prepared.original  # the original is the extracted text
    assert_offsets_exact(prepared)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        ("", "empty"),
        (" \n\t\u3000\n  ", "empty"),
        (b"   \r\n\r\n  ", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00binarydata\x00\x00", "binary"),
        ("text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3, "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd\xc3\x28", "undecodable"),
        ("关键词:\n相关的文章>>\n热门标签\n热门搜索:\n", "no article"),
        ("<html><body><script>var a = 1;</script></body></html>", "no main text"),
    ],
    ids=[
        "empty-bytes",
        "empty-str",
        "whitespace-str",
        "whitespace-bytes",
        "all-bytes",
        "zip-header",
        "control-chars",
        "bad-utf8-after-bom",
        "furniture-only",
        "html-without-text",
    ],
)
def test_bad_input_raises_input_error_naming_the_input(raw: str | bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        prepared_from(raw, source="inbox/bad-page.txt")
    assert "inbox/bad-page.txt" in str(caught.value)
    assert reason in str(caught.value)
    assert caught.value.source == "inbox/bad-page.txt"


def test_bad_input_without_source_is_named_by_its_id() -> None:
    with pytest.raises(InputError, match="^doc-17: empty"):
        prepare(SourceDocument(id="doc-17", raw=b""))


class _NothingBackend:
    """A backend that finds nothing: enough to see the batch go on."""

    name = "nothing"
    model: str | None = None
    prompt_version: str | None = None

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def extract(self, document: PreparedDocument) -> Extraction:
        self.seen.append(document.id)
        return Extraction()

    async def aclose(self) -> None:
        return None


def test_bad_input_in_a_batch_is_a_failure_and_the_batch_goes_on() -> None:
    backend = _NothingBackend()
    documents = [
        SourceDocument(id="empty", raw=b"", source="empty.txt"),
        SourceDocument(id="good", raw=NEWS.encode("gbk"), source="good.txt"),
        SourceDocument(id="binary", raw=b"\x00\x01\x02" * 40, source="blob.bin"),
    ]
    outcomes = summarize_many(documents, backend=backend)
    assert [type(o) for o in outcomes] == [Failure, Brief, Failure]
    failure = outcomes[0]
    assert isinstance(failure, Failure)
    assert failure.error == "InputError" and "empty.txt" in failure.message
    assert backend.seen == ["good"]
