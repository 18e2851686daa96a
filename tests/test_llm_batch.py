"""Many documents at once through the pipeline: one shared client, failures recorded."""

from __future__ import annotations

import asyncio

from fake_openai import FakeOpenAI, Recorded, Step
from llm_support import FAST, GOOD, TEXT, batch, settings
from reliability_server import SlottedResponder, numbered_article

from summarizer.document import SourceDocument
from summarizer.llm.backend import LLMBackend
from summarizer.models import Brief, Failure
from summarizer.pipeline import Outcome, asummarize_many


def _by_document(request: Recorded) -> Step:
    if "坏文档" in request.text:
        return Step(raw="not json at all")
    return Step(payload=GOOD, delay=0.2)


def test_concurrent_documents_share_one_backend_and_a_failure_does_not_stop_the_batch() -> None:
    documents = [SourceDocument(id=f"d{n}", raw=TEXT) for n in range(4)]
    documents.insert(2, SourceDocument(id="bad", raw="坏文档:" + TEXT))
    seen: list[Outcome] = []

    async def run() -> list[Outcome]:
        config = settings("", concurrency=4, max_reasks=1)
        with FakeOpenAI(responder=_by_document) as server:
            backend = LLMBackend(config.with_changes(base_url=server.url), retry=FAST)
            try:
                return await asummarize_many(documents, settings=config, backend=backend,
                                             on_outcome=seen.append)  # fmt: skip
            finally:
                await backend.aclose()

    outcomes = asyncio.run(run())
    assert [o.id for o in outcomes] == ["d0", "d1", "bad", "d2", "d3"]
    assert len(seen) == 5
    failure = outcomes[2]
    assert isinstance(failure, Failure) and failure.error == "ExtractionError"
    assert failure.last_output == "not json at all" and failure.attempts == 2
    briefs = [o for o in outcomes if isinstance(o, Brief)]
    assert len(briefs) == 4
    for brief in briefs:
        assert brief.provenance.backend == "llm" and brief.provenance.prompt_version == "v1"
        assert brief.provenance.usage.calls == 1 and len(brief.metrics) == 2



def test_requests_in_flight_never_exceed_the_concurrency_while_more_documents_wait() -> None:
    responder = SlottedResponder(latency=0.1, slots=10)  # room for more than we may send
    documents = [SourceDocument(id=f"d{n}", raw=numbered_article(n)) for n in range(12)]
    with FakeOpenAI(responder=responder) as server:
        outcomes = batch(settings(server.url, concurrency=3), documents)
    assert all(isinstance(o, Brief) for o in outcomes)
    assert responder.max_busy == 3 and len(server.requests) == 12
