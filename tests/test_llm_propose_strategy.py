"""The propose strategy: offline items kept, the model's proposals kept only once grounded."""

from __future__ import annotations

import asyncio

from fake_openai import FakeOpenAI, Recorded, Step
from llm_support import document, extract, settings

from summarizer.backends import Extraction
from summarizer.document import PreparedDocument
from summarizer.llm._proposals import (
    looks_like_project,
    merged_projects,
    not_known,
    speaking_span,
    split_title,
)
from summarizer.models import (
    Directive,
    Evidence,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Speaker,
)

TEXT = (
    "3月5日，青山区召开项目建设大会。区委书记李明主持会议并讲话，区长王芳汇报了项目进展。"
    "副区长赵刚出席会议。会上，青山区人民医院住院综合楼项目、城北污水处理厂二期工程集中开工。"
    "李明强调，要全力以赴抓项目、稳增长，落实市委书记孙伟调研时提出的要求。"
    "青山区将加快建设城东物流中心。"
    "上半年全区地区生产总值完成120.5亿元。"
)


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


class _Offline:
    """Stands in for the offline extractor: one speaker, one directive, two projects (one
    under a shortened name), one metric."""

    name = "offline"
    model = None
    prompt_version = None

    async def extract(self, document: PreparedDocument) -> Extraction:
        return Extraction(
            speakers=[Speaker(name="李明", title="区委书记", evidence=_ev("区委书记李明主持"))],
            directives=[Directive(issuer="李明", text="要全力以赴抓项目、稳增长",
                                  evidence=_ev("要全力以赴抓项目、稳增长"))],
            metrics=[Metric(indicator="地区生产总值", value=120.5, unit="亿元",
                            kind=MetricKind.ACTUAL, evidence=_ev("地区生产总值完成120.5亿元"))],
            projects=[
                Project(name="住院综合楼项目", status=ProjectStatus.STARTED,
                        evidence=_ev("住院综合楼项目")),
                Project(name="城北污水处理厂二期工程", status=ProjectStatus.STARTED,
                        evidence=_ev("城北污水处理厂二期工程")),
            ],
        )  # fmt: skip

    async def aclose(self) -> None:
        pass


def answers(request: Recorded) -> Step:
    """The model's answers: one field per question, with right and wrong proposals."""
    asked = request.body["messages"][-1]["content"]
    if "只填写 speakers" in asked:
        people = [{"name": "区长王芳", "title": None},  # a title written into the name
                  {"name": "赵刚", "title": "副区长"},  # only attends
                  {"name": "孙伟", "title": "市委书记"},  # only referred to
                  {"name": "李明", "title": "区委书记"}]  # already a candidate
        return Step(payload={"speakers": people})
    if "只填写 projects" in asked:
        names = ["青山区人民医院住院综合楼项目", "城东物流中心", "青山区", "城西大道",
                 "住院综合楼项目、城北污水处理厂二期工程"]  # fmt: skip
        # fuller name, new, not a project, not in the text, a list of two
        return Step(payload={"projects": names})
    raise AssertionError(f"an unexpected question: {asked[-80:]}")


def test_offline_items_stay_and_grounded_proposals_are_added() -> None:
    with FakeOpenAI(responder=answers) as server:
        result = extract(settings(server.url, strategy="propose", mode="JSON"),
                         document(TEXT), candidates=_Offline())  # fmt: skip
    assert [(s.name, s.title) for s in result.speakers] == [("李明", "区委书记"), ("王芳", "区长")]
    assert sorted(p.name for p in result.projects) == [
        "城东物流中心", "城北污水处理厂二期工程", "青山区人民医院住院综合楼项目",
    ]  # fmt: skip
    fuller = next(p for p in result.projects if p.name.startswith("青山区人民医院"))
    assert fuller.status is ProjectStatus.STARTED  # the candidate's status, kept
    assert [(d.issuer, d.text) for d in result.directives] == [("李明", "要全力以赴抓项目、稳增长")]
    assert [m.value for m in result.metrics] == [120.5]
    # two questions; dropped: 赵刚, 孙伟, 青山区, 城西大道 and the list
    assert result.usage.calls == 2 and result.usage.dropped_items == 5
    for item in [*result.speakers, *result.projects, *result.directives]:
        assert TEXT[item.evidence.start : item.evidence.end] == item.evidence.quote


def test_a_short_article_costs_no_request() -> None:
    with FakeOpenAI([]) as server:
        result = extract(settings(server.url, strategy="propose"), document(TEXT[:60]),
                         candidates=_Offline())  # fmt: skip
    assert server.requests == [] and result.usage.calls == 0


def test_a_title_written_into_the_name_is_split_off() -> None:
    assert split_title("县委副书记、县长莫少华") == ("莫少华", "县委副书记、县长")
    assert split_title("王长江") == ("王长江", None)  # a short name is taken as it is
    assert split_title("县长王长江") == ("王长江", "县长")


def test_a_project_name_ends_like_one_and_is_more_than_a_category() -> None:
    assert looks_like_project("瓮安至开阳快速通道") and looks_like_project("藤縣中和中學教學綜合樓")
    assert not looks_like_project("重大项目") and not looks_like_project("县发改局")
    assert not looks_like_project("晋ICP备15001263号-1")
    assert not looks_like_project("苍溪嘉陵江四桥、县人民医院新院区等重点项目")


def _projects_cut_off(request: Recorded) -> Step:
    """Answers like `answers`, but the projects reply is cut off at max_tokens."""
    if "只填写 projects" in request.body["messages"][-1]["content"]:
        cut = '{"projects": ["青山区人民医院住院综合楼项目", "城东物'
        return Step(raw=cut, finish_reason="length")
    return answers(request)


def test_an_unusable_answer_loses_its_proposals_not_the_article() -> None:
    with FakeOpenAI(responder=_projects_cut_off) as server:
        result = extract(settings(server.url, strategy="propose", mode="JSON"),
                         document(TEXT), candidates=_Offline())  # fmt: skip
    # offline's projects, nothing proposed; the other questions' proposals still count
    assert sorted(p.name for p in result.projects) == ["住院综合楼项目", "城北污水处理厂二期工程"]
    assert [s.name for s in result.speakers] == ["李明", "王芳"]
    assert len(result.warnings) == 1
    assert "no projects proposed" in result.warnings[0] and "max_tokens" in result.warnings[0]


def _project(name: str, start: int) -> Project:
    evidence = Evidence(quote=name, start=start, end=start + len(name))
    return Project(name=name, status=ProjectStatus.UNKNOWN, evidence=evidence)


def test_a_project_named_again_shorter_or_fuller_is_not_added_twice() -> None:
    found = [_project("襄州区城乡供水一体化工程", 10)]
    proposed = [_project("城乡供水一体化工程", 80), _project("黄集水厂扩建工程", 120)]
    assert [p.name for p in merged_projects(found, proposed)] == [
        "襄州区城乡供水一体化工程", "黄集水厂扩建工程",
    ]  # fmt: skip


def test_a_speaker_already_known_from_an_earlier_part_is_not_added_again() -> None:
    proposed = [Speaker(name="梁國強", evidence=_ev("李明")),
                Speaker(name="王芳", evidence=_ev("王芳"))]  # fmt: skip
    assert [s.name for s in not_known(proposed, ["梁国强"])] == ["王芳"]  # script folded


def test_an_interview_turn_opens_its_line_and_an_addressee_list_is_none() -> None:
    turn = "【答】市金融办主任陈德安：今年我们将继续推进。"
    start = turn.index("陈德安")
    assert speaking_span(turn, (start, start + 3)) == (start, start + 4)
    notice = "各乡镇人民政府，县政府各部门，各有关单位：\n现将方案印发给你们。"
    start = notice.index("各有关单位")
    assert speaking_span(notice, (start, start + 5)) is None


def test_the_prompt_version_names_the_rules_whose_items_it_keeps() -> None:
    from summarizer.llm.backend import LLMBackend
    from summarizer.rules import rules_version

    backends = [LLMBackend(settings("http://127.0.0.1:9", strategy=name))
                for name in ("propose", "plain")]  # fmt: skip
    try:
        versions = [b.prompt_version for b in backends]
    finally:
        for backend in backends:
            asyncio.run(backend.aclose())
    assert versions == [f"v1-propose+{rules_version()}", "v1"]
