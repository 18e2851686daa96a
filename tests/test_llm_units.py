"""Small pure pieces of the llm backend: chunking, Retry-After parsing, usage sums."""

from __future__ import annotations

import email.utils
import time

import httpx
import openai
import pytest

from summarizer.llm._chunking import split_article
from summarizer.llm._replies import json_object, salvage
from summarizer.llm._schema import MissedItems
from summarizer.llm._transport import is_transient, retry_after
from summarizer.llm.usage import cost_usd, total_usage
from summarizer.models import Usage


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(status, headers=headers or {}, request=request)
    return openai.APIStatusError("fake", response=response, body=None)


@pytest.mark.parametrize("max_chars", [5, 17, 40, 1000])
def test_chunks_cover_the_article_exactly_and_fit(max_chars: int) -> None:
    text = "第一段。第二句很长很长。\n\n第二段!\n" + "长" * 50 + "\n末段。"
    chunks = split_article(text, max_chars)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= max_chars and text[c.start : c.end] == c.text for c in chunks)


def test_chunks_prefer_paragraph_boundaries() -> None:
    text = "甲" * 10 + "\n" + "乙" * 10 + "\n" + "丙" * 10
    assert [c.text for c in split_article(text, 23)] == ["甲" * 10 + "\n" + "乙" * 10 + "\n",
                                                        "丙" * 10]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "transient"), [(408, True), (429, True), (500, True), (503, True),
                              (400, False), (401, False), (404, False), (422, False)],
)  # fmt: skip
def test_only_408_429_and_5xx_are_transient(status: int, transient: bool) -> None:
    assert is_transient(_status_error(status)) is transient


def test_retry_after_in_seconds_milliseconds_and_http_date() -> None:
    assert retry_after(_status_error(429, {"Retry-After": "3"})) == 3.0
    assert retry_after(_status_error(429, {"retry-after-ms": "250"})) == 0.25
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 27 <= (retry_after(_status_error(503, {"Retry-After": later})) or 0) <= 31
    assert retry_after(_status_error(503)) is None


def test_json_is_found_inside_a_fence_or_prose() -> None:
    assert json_object('好的:\n```json\n{"a": 1}\n```') == {"a": 1}
    with pytest.raises(ValueError):
        json_object("无法完成")


def test_salvage_keeps_the_items_that_fit_the_schema() -> None:
    raw = '{"projects": [{"name": "甲项目", "status": "started"}, {"name": "乙", "status": "?"}]}'
    model, left_out = salvage(raw, MissedItems)
    assert isinstance(model, MissedItems) and [p.name for p in model.projects] == ["甲项目"]
    assert left_out == 1


def test_cost_and_totals() -> None:
    assert cost_usd(1_000_000, 500_000, 0.5, 2.0) == 1.5
    assert cost_usd(10, 10, None, None) is None
    total = total_usage([Usage(calls=2, prompt_tokens=5, cost_usd=0.1), Usage(calls=1)])
    assert (total.calls, total.prompt_tokens, total.cost_usd, total.cached) == (3, 5, 0.1, False)
