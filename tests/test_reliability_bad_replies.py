"""Every kind of bad 200 answer fails only its own article, with its reason; the rest finish.

Why (issue 16): a 200 reply with an empty `choices` list crashed the whole batch. Here each
kind of bad answer (tests/reliability_server.py: BAD_REPLIES) is the server's answer to one
article, every time it is asked; the other articles get a good reply. A re-run against a
healthy server asks again for the failed articles only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.document import SourceDocument
from summarizer.llm._transport import RetryPolicy
from summarizer.models import Brief, Failure
from tests.fake_openai import FakeOpenAI, Step
from tests.llm_support import GOOD, batch
from tests.llm_support import settings as llm_settings
from tests.reliability_server import (
    BAD_REPLIES,
    HostileResponder,
    article_number,
    numbered_article,
)

GOOD_ARTICLES = 6
QUICK = RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.05, max_retry_after=0.1)


@pytest.mark.parametrize("mode", ["TOOLS", "JSON"])
def test_each_bad_reply_fails_its_article_with_its_reason_and_a_rerun_retries_only_those(
    mode: str, tmp_path: Path
) -> None:
    hostile = HostileResponder()
    count = len(hostile.kinds) + GOOD_ARTICLES
    docs = [SourceDocument(id=f"a{n:02d}", raw=numbered_article(n)) for n in range(1, count + 1)]
    config = llm_settings("", cache_dir=tmp_path, mode=mode, max_reasks=1, concurrency=8,
                          max_reply_bytes=1 << 20)  # fmt: skip
    with FakeOpenAI(responder=hostile) as server:
        first = batch(config.with_changes(base_url=server.url), docs, QUICK)

    by_id = {o.id: o for o in first}
    for n, kind in enumerate(hostile.kinds, 1):
        outcome = by_id[f"a{n:02d}"]
        assert isinstance(outcome, Failure), (kind, outcome)
        assert BAD_REPLIES[kind][1] in outcome.message, (kind, outcome.message)
        assert "\n" not in outcome.message
    summarized = [o for o in first if isinstance(o, Brief)]
    assert len(summarized) == GOOD_ARTICLES
    assert all(len(b.metrics) == 2 and b.speakers and b.projects for b in summarized)

    with FakeOpenAI(responder=lambda request: Step(payload=GOOD)) as server:
        second = batch(config.with_changes(base_url=server.url), docs, QUICK)
    assert sorted(article_number(r) for r in server.requests) == list(
        range(1, len(hostile.kinds) + 1)
    )
    assert all(isinstance(o, Brief) for o in second)
