"""Shared material for the llm backend tests: an article, good replies, settings."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any

from summarizer.backends import Extraction
from summarizer.document import Article, PreparedDocument, SourceDocument
from summarizer.llm._transport import RetryPolicy
from summarizer.llm.backend import LLMBackend
from summarizer.pipeline import Outcome, asummarize_many
from summarizer.settings import Settings

SECRET = "sk-test-SECRET-7f3a9c1e5b"

TEXT = (
    "7月20日,青山区召开经济运行调度会。区委书记李明主持会议并讲话。"
    "上半年全区地区生产总值完成120.5亿元,同比下降6.8%。"
    "李明强调,要全力以赴抓项目、稳增长,确保完成全年目标任务。"
    "会议指出,青山大桥项目已开工建设。"
)

GOOD: dict[str, Any] = {
    "speakers": [{"name": "李明", "title": "区委书记", "quote": "区委书记李明主持会议并讲话"}],
    "directives": [{"issuer": "李明", "text": "要全力以赴抓项目、稳增长"}],
    "metrics": [
        {"indicator": "地区生产总值", "number": "120.5", "unit": "亿元", "kind": "actual",
         "period": "上半年", "quote": "上半年全区地区生产总值完成120.5亿元"},
        {"indicator": "地区生产总值增速", "number": "6.8", "unit": "%", "kind": "change",
         "period": "上半年", "quote": "同比下降6.8%"},
    ],
    "projects": [{"name": "青山大桥项目", "status": "started"}],
}  # fmt: skip

FAST = RetryPolicy(attempts=4, initial_wait=0.05, max_wait=0.2, max_retry_after=5)


def good(**changes: Any) -> dict[str, Any]:
    """A copy of GOOD with some lists replaced."""
    reply = copy.deepcopy(GOOD)
    reply.update(changes)
    return reply


def document(text: str = TEXT, id: str = "doc") -> PreparedDocument:
    """A one-article document whose article text is the original text."""
    article = Article(index=0, text=text, offsets=tuple(range(len(text))))
    return PreparedDocument(id=id, original=text, articles=(article,))


def settings(url: str, cache_dir: Path | None = None, **changes: Any) -> Settings:
    """Settings for the fake server; cache off unless a folder is given."""
    values: dict[str, Any] = {
        "backend": "llm", "model": "fake-model", "base_url": url, "api_key": SECRET,
        "strategy": "plain", "use_cache": cache_dir is not None, "timeout": 5.0,
    }  # fmt: skip
    if cache_dir is not None:
        values["cache_dir"] = cache_dir
    values.update(changes)
    return Settings(**values)


def extract(config: Settings, doc: PreparedDocument | None = None, **kw: Any) -> Extraction:
    """Run one extraction with a fresh backend and close it."""

    async def run() -> Extraction:
        backend = LLMBackend(config, retry=kw.pop("retry", FAST), **kw)
        try:
            return await backend.extract(doc or document())
        finally:
            await backend.aclose()

    return asyncio.run(run())


def batch(config: Settings, docs: list[SourceDocument], retry: RetryPolicy = FAST) -> list[Outcome]:
    """One batch with a fresh backend (as a new process would have), closed at the end."""

    async def run() -> list[Outcome]:
        backend = LLMBackend(config, retry=retry)
        try:
            return await asummarize_many(docs, settings=config, backend=backend)
        finally:
            await backend.aclose()

    return asyncio.run(run())
