"""The Python entry points as the README shows them."""

from __future__ import annotations

import asyncio

from summarizer import Brief, Failure, SourceDocument, summarize, summarize_many
from summarizer.backends import Extraction
from summarizer.document import PreparedDocument

ARTICLE = (
    "6月3日,南宁市召开推进会。市委书记王强讲话。上半年地区生产总值完成850.2亿元,同比增长5.1%。"
)


def test_summarize_takes_a_backend_name() -> None:
    brief = summarize(ARTICLE, backend="offline")
    assert isinstance(brief, Brief) and brief.provenance.backend == "offline"
    assert sorted(m.value for m in brief.metrics) == [5.1, 850.2]
    for metric in brief.metrics:
        assert ARTICLE[metric.evidence.start : metric.evidence.end] == metric.evidence.quote


def test_summarize_many_records_a_bad_document_and_goes_on() -> None:
    documents = [
        SourceDocument(id="good", raw=ARTICLE.encode("gbk")),
        SourceDocument(id="bad", raw=b""),
    ]
    outcomes = summarize_many(documents, backend="offline")
    assert [type(o) for o in outcomes] == [Brief, Failure]
    assert [o.id for o in outcomes] == ["good", "bad"]


class _OneAtATime:
    """A backend that serves one document at a time and takes 0.2 s for each."""

    name = "scripted"
    model: str | None = None
    prompt_version: str | None = None
    parallel = 1

    def __init__(self) -> None:
        self.busy = self.most = 0

    async def extract(self, document: PreparedDocument) -> Extraction:
        self.busy += 1
        self.most = max(self.most, self.busy)
        await asyncio.sleep(0.2)
        self.busy -= 1
        return Extraction()

    async def aclose(self) -> None:
        pass


def test_documents_in_flight_never_exceed_what_the_backend_serves() -> None:
    backend = _OneAtATime()
    documents = [SourceDocument(id=f"d{n}", raw=ARTICLE) for n in range(4)]
    outcomes = summarize_many(documents, backend=backend, concurrency=4)
    assert backend.most == 1
    for brief in outcomes:
        assert isinstance(brief, Brief)
        seconds = (brief.provenance.finished_at - brief.provenance.started_at).total_seconds()
        assert 0.2 <= seconds < 0.4  # its own 0.2 s, not the others' before it
