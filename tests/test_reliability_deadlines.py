"""Every request has a deadline, every article a budget, and a reply a size cap.

Why (issue 16): a server that drips one byte a second never timed out, so the batch hung;
a 50 MB reply drove the process to ~6 GB RSS; a garbage `Retry-After` header was not
tolerated cleanly.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.document import SourceDocument
from summarizer.llm._transport import RetryPolicy
from summarizer.models import Brief, Failure
from tests.fake_openai import FakeOpenAI, Recorded, Step
from tests.llm_support import GOOD, batch, extract
from tests.llm_support import settings as llm_settings
from tests.reliability_server import article_number, numbered_article

ROOT = Path(__file__).resolve().parents[1]
PATIENT = RetryPolicy(attempts=10, initial_wait=0.05, max_wait=0.1, max_retry_after=0.3)


def test_a_dripping_server_cannot_hold_the_batch_past_the_article_deadline() -> None:
    """Odd articles drip their reply at 20 bytes/s (a minute per reply); even ones are fine."""

    def drip_odd(request: Recorded) -> Step:
        number = article_number(request) or 0
        return Step(payload=GOOD, drip=0.05) if number % 2 else Step(payload=GOOD)

    docs = [SourceDocument(id=f"a{n}", raw=numbered_article(n)) for n in range(1, 9)]
    config = llm_settings("", timeout=1.0, read_timeout=1.0, article_timeout=2.5,
                          concurrency=8)  # fmt: skip
    with FakeOpenAI(responder=drip_odd) as server:
        started = time.monotonic()
        outcomes = batch(config.with_changes(base_url=server.url), docs, PATIENT)
        elapsed = time.monotonic() - started
    assert elapsed < 2.5 + 1.5, elapsed  # the budget, and a little for a busy machine
    for n, outcome in enumerate(outcomes, 1):
        if n % 2:
            assert isinstance(outcome, Failure), outcome
            assert "deadline passed after" in outcome.message, outcome.message
        else:
            assert isinstance(outcome, Brief) and len(outcome.metrics) == 2


def test_a_reply_that_never_starts_ends_at_the_read_idle_deadline() -> None:
    config = llm_settings("", timeout=30.0, read_timeout=0.4)
    with FakeOpenAI([Step(payload=GOOD, delay=3.0), Step(payload=GOOD)]) as server:
        started = time.monotonic()
        result = extract(config.with_changes(base_url=server.url))
    assert time.monotonic() - started < 2.0
    assert len(server.requests) == 2 and len(result.metrics) == 2


@pytest.mark.parametrize(
    "value", ["soon", "nan", "inf", "-5", "1e400", "Wed, 99 Foo 2024 99:99:99 GMT", "", "86400"]
)
def test_a_garbage_or_huge_retry_after_is_tolerated_and_capped(value: str) -> None:
    policy = RetryPolicy(attempts=3, initial_wait=0.05, max_wait=0.1, max_retry_after=0.3)
    script = [Step(status=429, headers={"Retry-After": value}), Step(payload=GOOD)]
    with FakeOpenAI(script) as server:
        result = extract(llm_settings(server.url), retry=policy)
    (gap,) = server.gaps()
    assert gap < 1.0  # a backoff or the cap, never a day
    assert len(result.metrics) == 2


_MEASURE = """
import asyncio, json, resource, sys
from summarizer.document import SourceDocument
from summarizer.pipeline import asummarize_many
from summarizer.settings import Settings
from tests.reliability_server import numbered_article

settings = Settings(backend="llm", model="fake-model", base_url=sys.argv[1], strategy="plain",
                    use_cache=False, max_reasks=1, concurrency=4)
docs = [SourceDocument(id=f"a{n}", raw=numbered_article(n)) for n in range(4)]
outcomes = asyncio.run(asummarize_many(docs, settings=settings))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rss_mib": rss, "messages": [getattr(o, "message", "") for o in outcomes]}))
"""


@pytest.mark.parametrize("declared", [True, False], ids=["with-length", "until-close"])
def test_a_50_mb_reply_is_cut_at_the_cap_and_peak_rss_stays_small(declared: bool) -> None:
    huge = Step(size=50 << 20, declare_length=declared)
    with FakeOpenAI(responder=lambda request: huge) as server:
        child = subprocess.run([sys.executable, "-c", _MEASURE, server.url], cwd=ROOT,
                               capture_output=True, text=True, timeout=120)  # fmt: skip
    assert child.returncode == 0, child.stderr[-2000:]
    report = json.loads(child.stdout.splitlines()[-1])
    assert report["rss_mib"] < 500, report
    assert all("larger than 2,097,152 bytes" in m for m in report["messages"]), report
    assert len(server.requests) == 4  # cut once per article, never retried



def test_a_server_that_never_accepts_ends_at_the_connect_deadline() -> None:
    """A listening socket whose accept queue is full drops new connections' SYNs, so a
    connect hangs until its deadline (0.5 s here); the request deadline (30 s) is not what
    ends it."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = _fill_accept_queue(port)
        try:
            config = llm_settings(f"http://127.0.0.1:{port}/v1", timeout=30.0,
                                  read_timeout=30.0, connect_timeout=0.5)  # fmt: skip
            docs = [SourceDocument(id="a1", raw=numbered_article(1))]
            started = time.monotonic()
            outcomes = batch(config, docs, RetryPolicy(attempts=2, initial_wait=0.05))
            elapsed = time.monotonic() - started
        finally:
            for filler in fillers:
                filler.close()
    assert elapsed < 6.0, elapsed
    assert isinstance(outcomes[0], Failure)
    assert "could not connect to 127.0.0.1" in outcomes[0].message
    assert "after 2 attempts" in outcomes[0].message


def _fill_accept_queue(port: int) -> list[socket.socket]:
    """Connect until a connection no longer completes: the listener's queue is full."""
    fillers: list[socket.socket] = []
    for _ in range(16):
        filler = socket.socket()
        filler.settimeout(0.3)
        try:
            filler.connect(("127.0.0.1", port))
        except TimeoutError:
            filler.close()
            return fillers
        fillers.append(filler)
    raise AssertionError("the listener accepted every connection")
