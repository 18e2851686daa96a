"""Numbered articles and scripted-server responders for the reliability tests and benchmarks.

Every article carries its number ("第17次经济运行调度会"), so a responder (and a test) can tell
which article a request is about. Replies are the grounded GOOD reply of tests.llm_support,
whose quotes occur verbatim in every numbered article.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tests.fake_openai import Recorded, Step
from tests.llm_support import GOOD, TEXT

_MARK = re.compile(r"第(\d+)次经济运行调度会")
FAULT_KINDS = ("429", "500", "503", "timeout", "drop", "broken_json")


def numbered_article(number: int) -> str:
    """The test article with its number in the first sentence."""
    return TEXT.replace("召开经济运行调度会", f"召开第{number}次经济运行调度会", 1)


def article_number(request: Recorded) -> int | None:
    """The number of the article a request is about (from its user message)."""
    found = _MARK.search(request.text)
    return int(found.group(1)) if found else None


@dataclass
class FaultyResponder:
    """Faults at `rate`, drawn by hashing (article, attempt): reproducible under concurrency.

    Faults cycle through 429 (with Retry-After), 500, 503, a reply slower than the client's
    timeout (`slow` seconds), a dropped connection and a reply that is not JSON.
    """

    rate: float
    slow: float = 1.0
    seed: str = "reliability"
    attempts: Counter[int] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: Recorded) -> Step:
        number = article_number(request) or -1
        with self._lock:
            self.attempts[number] += 1
            attempt = self.attempts[number]
        draw = hashlib.sha256(f"{self.seed}/{number}/{attempt}".encode()).digest()
        if int.from_bytes(draw[:4], "big") / 2**32 >= self.rate:
            return Step(payload=GOOD)
        kind = FAULT_KINDS[draw[4] % len(FAULT_KINDS)]
        with self._lock:
            self.faults[kind] += 1
        return fault_step(kind, self.slow)


def fault_step(kind: str, slow: float) -> Step:
    """The scripted step for one fault kind."""
    if kind == "429":
        return Step(status=429, headers={"Retry-After": "0"})
    if kind in ("500", "503"):
        return Step(status=int(kind))
    if kind == "timeout":
        return Step(payload=GOOD, delay=slow)
    if kind == "drop":
        return Step(drop=True)
    return Step(raw='{"speakers": [{"name": "李明", "title": ')


class SlottedResponder:
    """A server with `slots` parallel workers, each taking `latency` seconds per reply."""

    def __init__(self, latency: float, slots: int) -> None:
        self.latency = latency
        self._slots = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self.busy = 0
        self.max_busy = 0

    def __call__(self, request: Recorded) -> Step:
        with self._slots:  # a request waits here for a free slot, like a real server's queue
            with self._lock:
                self.busy += 1
                self.max_busy = max(self.max_busy, self.busy)
            time.sleep(self.latency)
            with self._lock:
                self.busy -= 1
        return Step(payload=GOOD)


def envelope(choices: list[dict[str, Any]] | None) -> dict[str, Any]:
    """A chat.completion body with these choices (None: no `choices` key at all)."""
    body: dict[str, Any] = {"id": "chatcmpl-hostile", "object": "chat.completion",
                            "created": 1, "model": "fake-model",
                            "usage": {"prompt_tokens": 10, "completion_tokens": 2,
                                      "total_tokens": 12}}  # fmt: skip
    if choices is not None:
        body["choices"] = choices
    return body


def message(content: str | None, **extra: Any) -> list[dict[str, Any]]:
    """One choice whose message has this content (and e.g. a `refusal`)."""
    return [{"index": 0, "finish_reason": "stop",
             "message": {"role": "assistant", "content": content, **extra}}]  # fmt: skip


# Every kind of bad 200 answer, and the words its article's Failure must give as the reason.
BAD_REPLIES: dict[str, tuple[Step, str]] = {
    "empty choices": (Step(completion=envelope([])), "has no choices"),
    "missing choices": (Step(completion=envelope(None)), "has no choices"),
    "null content": (Step(completion=envelope(message(None))), "reply is empty"),
    "prose, not JSON": (Step(raw="好的，以下是本文摘要：李明主持会议。"), "reply is not JSON"),
    "truncated JSON": (Step(raw=json.dumps(GOOD, ensure_ascii=False)[:70]), "truncated"),
    "wrong schema": (Step(raw='{"summary": "会议", "keywords": ["项目"]}'),
                     "none of the fields asked for"),
    "HTML error page": (Step(body=b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
                             content_type="text/html"), "HTML page"),
    "garbage body": (Step(body=b"upstream connect error"), "is not JSON"),
    "oversized": (Step(size=3 << 20, declare_length=False), "larger than"),
    "refusal": (Step(completion=envelope(message(None, refusal="I can't help with that."))),
                "refused"),
}  # fmt: skip


@dataclass
class HostileResponder:
    """Answers article n (from 1) with the n-th bad reply kind, every time; others with GOOD."""

    kinds: list[str] = field(default_factory=lambda: list(BAD_REPLIES))

    def kind_of(self, number: int | None) -> str | None:
        if number is None or not 1 <= number <= len(self.kinds):
            return None
        return self.kinds[number - 1]

    def __call__(self, request: Recorded) -> Step:
        kind = self.kind_of(article_number(request))
        return BAD_REPLIES[kind][0] if kind else Step(payload=GOOD)
