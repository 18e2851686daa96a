"""The review strategy: the model only confirms offline directive/project candidates by id."""

from __future__ import annotations

from fake_openai import FakeOpenAI, Step
from llm_support import TEXT, extract, settings

from summarizer.backends import Extraction
from summarizer.document import PreparedDocument
from summarizer.local.backend import local_llm_settings
from summarizer.models import (
    Directive,
    Evidence,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Speaker,
)
from summarizer.settings import Settings


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


class _Offline:
    """Stands in for the offline extractor, with one wrong directive and one wrong project."""

    name = "offline"
    model = None
    prompt_version = None

    def __init__(self, *, with_reviewables: bool = True) -> None:
        self.with_reviewables = with_reviewables

    async def extract(self, document: PreparedDocument) -> Extraction:
        found = Extraction(
            speakers=[Speaker(name="李明", title="区委书记", evidence=_ev("区委书记李明"))],
            metrics=[Metric(indicator="地区生产总值", value=120.5, unit="亿元",
                            kind=MetricKind.ACTUAL, evidence=_ev("地区生产总值完成120.5亿元"))],
        )  # fmt: skip
        if self.with_reviewables:
            found.directives = [
                Directive(issuer="李明", text="要全力以赴抓项目、稳增长",
                          evidence=_ev("要全力以赴抓项目、稳增长")),
                Directive(issuer="会议", text="青山大桥项目已开工建设",
                          evidence=_ev("青山大桥项目已开工建设")),
            ]  # fmt: skip
            found.projects = [
                Project(name="青山大桥项目", status=ProjectStatus.STARTED,
                        evidence=_ev("青山大桥项目")),
                Project(name="青山区", status=ProjectStatus.UNKNOWN, evidence=_ev("青山区")),
            ]  # fmt: skip
        return found

    async def aclose(self) -> None:
        pass


def test_unconfirmed_candidates_are_dropped_and_the_rest_kept_with_offline_labels() -> None:
    kept = {"directives": ["D1", "D9"], "projects": [1]}  # 1 means P1; D9 names nothing
    with FakeOpenAI([Step(payload=kept)]) as server:
        result = extract(settings(server.url, strategy="review"), candidates=_Offline())
    user = server.requests[0].body["messages"][-1]["content"]
    assert "D1 [李明] 要全力以赴抓项目、稳增长" in user and "P2 青山区 (上下文:" in user
    assert "M1" not in user and "S1" not in user  # metrics and speakers are not sent
    assert [d.text for d in result.directives] == ["要全力以赴抓项目、稳增长"]
    assert [(p.name, p.status) for p in result.projects] == [("青山大桥项目", "started")]
    assert [s.name for s in result.speakers] == ["李明"]
    assert [m.value for m in result.metrics] == [120.5]
    assert result.usage.calls == 1 and result.usage.reasks == 0  # an unknown id is not re-asked


def test_a_chunk_with_nothing_to_review_makes_no_request() -> None:
    with FakeOpenAI([]) as server:
        offline = _Offline(with_reviewables=False)
        result = extract(settings(server.url, strategy="review"), candidates=offline)
    assert server.requests == []
    assert [s.name for s in result.speakers] == ["李明"] and len(result.metrics) == 1
    assert result.usage.calls == 0


def test_the_local_model_proposes_in_json_mode_unless_told_otherwise() -> None:
    automatic = local_llm_settings(Settings(), "http://127.0.0.1:1/v1")
    assert (automatic.strategy, automatic.mode) == ("propose", "JSON")
    chosen = local_llm_settings(Settings(strategy="plain", mode="TOOLS"), "http://127.0.0.1:1/v1")
    assert (chosen.strategy, chosen.mode) == ("plain", "TOOLS")
