"""The LLM path under faults: 100 articles at 30 % faults, then a re-run of the failures only.

Also: an article that tries to give the model orders is sent as data inside the user message,
never as instructions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.document import SourceDocument
from summarizer.llm._transport import RetryPolicy
from summarizer.models import Brief, Failure
from summarizer.pipeline import Outcome
from summarizer.settings import Settings
from tests.bad_inputs import ARTICLE, INJECTION
from tests.fake_openai import FakeOpenAI, Recorded, Step
from tests.llm_support import GOOD, batch
from tests.llm_support import settings as llm_settings
from tests.reliability_server import (
    FAULT_KINDS,
    FaultyResponder,
    article_number,
    fault_step,
    numbered_article,
)

ARTICLES = 100
# Two tries per request and one re-ask keep the suite fast and let some articles fail for good.
QUICK = RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.05, max_retry_after=0.1)


def documents() -> list[SourceDocument]:
    return [SourceDocument(id=f"a{n:03d}", raw=numbered_article(n)) for n in range(ARTICLES)]


def run_batch(config: Settings, docs: list[SourceDocument]) -> list[Outcome]:
    return batch(config, docs, QUICK)


def faulty_config(url: str, cache: Path, timeout: float = 1.0) -> Settings:
    """A 1 s timeout: the slow fault (1.5 s) trips it, a busy CI machine should not."""
    return llm_settings(url, cache_dir=cache, timeout=timeout, max_reasks=1, concurrency=16)


def test_faults_end_as_briefs_or_failures_and_a_rerun_retries_only_failures(
    tmp_path: Path,
) -> None:
    docs = documents()
    faulty = FaultyResponder(rate=0.3, slow=1.5)
    with FakeOpenAI(responder=faulty) as server:
        first = run_batch(faulty_config(server.url, tmp_path), docs)
    assert sorted(faulty.faults) == sorted(FAULT_KINDS), faulty.faults  # every kind was injected
    assert [o.id for o in first] == [d.id for d in docs]
    failed = {o.id for o in first if isinstance(o, Failure)}
    assert all(isinstance(o, Brief | Failure) for o in first)
    assert 0 < len(failed) < ARTICLES // 2, failed
    for failure in (o for o in first if isinstance(o, Failure)):
        assert failure.error in ("BackendError", "ExtractionError") and failure.message
    assert all(o.metrics and o.speakers for o in first if isinstance(o, Brief))

    with FakeOpenAI(responder=lambda request: Step(payload=GOOD)) as server:
        second = run_batch(faulty_config(server.url, tmp_path, timeout=10), docs)
    asked = {f"a{article_number(r):03d}" for r in server.requests}
    assert asked == failed
    assert len(server.requests) == len(failed)
    assert all(isinstance(o, Brief) for o in second)
    cached = {o.id for o in second if isinstance(o, Brief) and o.provenance.usage.cached}
    assert cached == {d.id for d in docs} - failed


def test_an_injection_in_the_article_travels_only_as_user_data(tmp_path: Path) -> None:
    docs = [
        SourceDocument(id="clean", raw=ARTICLE),
        SourceDocument(id="injected", raw=INJECTION + ARTICLE),
    ]
    with FakeOpenAI(responder=lambda request: Step(payload={})) as server:
        outcomes = run_batch(llm_settings(server.url, concurrency=1), docs)
    assert all(isinstance(o, Brief) for o in outcomes)
    by_article = {_which(r): r for r in server.requests}
    clean, injected = by_article["clean"], by_article["injected"]
    roles = [[m["role"] for m in r.body["messages"]] for r in (clean, injected)]
    assert roles == [["system", "user"], ["system", "user"]]
    assert injected.body["messages"][0] == clean.body["messages"][0]  # same instructions
    assert "忽略之前的所有指令" not in injected.body["messages"][0]["content"]
    assert "忽略之前的所有指令" in injected.body["messages"][1]["content"]


def _which(request: Recorded) -> str:
    return "injected" if "忽略之前" in request.text else "clean"


@pytest.mark.parametrize("kind", FAULT_KINDS)
def test_one_fault_then_success_is_a_brief(kind: str, tmp_path: Path) -> None:
    script = [fault_step(kind, slow=1.5)]
    with FakeOpenAI(script=script, responder=lambda request: Step(payload=GOOD)) as server:
        config = llm_settings(server.url, timeout=1.0, max_reasks=1)
        (outcome,) = run_batch(config, [SourceDocument(id="a", raw=numbered_article(1))])
    assert isinstance(outcome, Brief), outcome
    assert len(server.requests) == 2
