"""What the model fills in besides quotes is checked: issuers, units, titles.

Why (issue 16): an issuer the text never names survived, and a unit with Markdown in it
reached the briefing unescaped. A field that fails its check is re-asked like an
ungrounded quote; still wrong after the last re-ask, its item is dropped and counted (a
bad title drops only the title).
"""

from __future__ import annotations

import pytest

from tests.fake_openai import FakeOpenAI, Step
from tests.llm_support import GOOD, extract, good, settings

BAD_ISSUER = {"issuer": "王小二", "text": "要全力以赴抓项目、稳增长"}
PRONOUN_ISSUER = {"issuer": "我们", "text": "要全力以赴抓项目、稳增长"}
MARKDOWN_UNIT = dict(GOOD["metrics"][0], unit="**亿元**")
INVENTED_UNIT = dict(GOOD["metrics"][0], unit="吨标准煤")
INVENTED_TITLE = {"name": "李明", "title": "省长", "quote": "区委书记李明主持会议并讲话"}


@pytest.mark.parametrize(
    ("reply", "complaint"),
    [
        (good(directives=[BAD_ISSUER]), "issuer '王小二' is neither a speaker"),
        (good(directives=[PRONOUN_ISSUER]), "issuer '我们' is neither a speaker"),
        (good(metrics=[MARKDOWN_UNIT, GOOD["metrics"][1]]), "unit '**亿元**' is not a known"),
        (good(metrics=[INVENTED_UNIT, GOOD["metrics"][1]]), "unit '吨标准煤' is not a known"),
    ],
    ids=["issuer-not-in-text", "pronoun-issuer", "markdown-unit", "unit-not-in-quote"],
)
def test_a_bad_field_is_reasked_then_its_item_dropped_and_counted(
    reply: dict[str, object], complaint: str
) -> None:
    with FakeOpenAI([Step(payload=reply)] * 2) as server:
        result = extract(settings(server.url, max_reasks=1))
    assert len(server.requests) == 2 and complaint in server.requests[1].text
    assert result.usage.dropped_items == 1 and result.usage.reasks == 1
    kept = len(result.directives) + len(result.metrics)
    assert kept == 2  # one directive + two metrics, less the dropped one
    assert all(d.issuer == "李明" for d in result.directives)
    assert all(m.unit in ("亿元", "%") for m in result.metrics)


def test_issuers_that_the_text_allows_are_kept() -> None:
    directives = [
        {"issuer": "李明", "text": "要全力以赴抓项目、稳增长"},  # a speaker of the reply
        {"issuer": "会议", "text": "确保完成全年目标任务"},  # the meeting
        {"issuer": "青山区", "text": "全力以赴抓项目"},  # a body the text names
    ]
    with FakeOpenAI([Step(payload=good(directives=directives))]) as server:
        result = extract(settings(server.url))
    assert [d.issuer for d in result.directives] == ["李明", "会议", "青山区"]
    assert result.usage.reasks == 0 and result.usage.dropped_items == 0


def test_a_title_not_in_the_text_is_reasked_then_only_the_title_is_dropped() -> None:
    with FakeOpenAI([Step(payload=good(speakers=[INVENTED_TITLE]))] * 2) as server:
        result = extract(settings(server.url, max_reasks=1))
    assert "title '省长' is not in the article" in server.requests[1].text
    assert [(s.name, s.title) for s in result.speakers] == [("李明", None)]
    assert result.usage.dropped_items == 1
