"""The Python entry points as the README shows them."""

from __future__ import annotations

from summarizer import Brief, Failure, SourceDocument, summarize, summarize_many

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
