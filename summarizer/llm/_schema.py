"""What the model fills in: compact, verbatim-first response models.

The field descriptions are prompt text (instructor sends them as the JSON
Schema). Offsets and numeric values are absent on purpose: code locates quotes
and parses numbers. Each top-level reply is grounded while it is validated: the
request passes a `ReplyContext` as instructor's `context=`, the reply's validator
hands itself to the context's check, and keeps what grounded (`reply.grounded`).
A quote that is not in the article is a validation error that instructor feeds
back to the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)

from summarizer.llm._chunking import Grounded
from summarizer.models import MetricKind, ProjectStatus

# Part of every reply-cache key: bump it when a reply schema changes, so an old reply
# (which the new schema may reject) is asked again rather than replayed.
LLM_SCHEMA_VERSION = "llm-2"  # llm-2: PageAnswer lost `keep` (no directive question)


class ReplyContext(dict[str, Any]):
    """instructor's `context=` for one request: the check that grounds its reply.

    instructor also renders the request's messages as Jinja templates whenever `context`
    is truthy, so an article holding `{{` would lose text and one holding `{%` would fail.
    The messages here are data, never templates: this mapping reports itself as empty to
    that test, and the validators read the check from its attribute.
    """

    def __init__(self, check: Callable[[BaseModel], Grounded]) -> None:
        super().__init__()
        self.check = check

    def __bool__(self) -> bool:
        return False


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Reply(_Out):
    """A top-level reply; validated with a ReplyContext, it carries what code grounded."""

    _grounded: Grounded = PrivateAttr(default_factory=Grounded)

    @property
    def grounded(self) -> Grounded:
        """The items of this reply that grounded in the article, and how many were dropped."""
        return self._grounded

    @model_validator(mode="after")
    def _ground(self, info: ValidationInfo) -> Self:
        if isinstance(info.context, ReplyContext):
            # raises ValueError listing what to fix; instructor re-asks with it
            self._grounded = info.context.check(self)
        return self


class SpeakerOut(_Out):
    """A named person who speaks or acts at the reported event."""

    name: str = Field(description="人名,原文照抄。The person's name, copied verbatim.")
    title: str | None = Field(
        default=None, description="最完整的职务,原文照抄;没有则 null. Fullest verbatim title."
    )
    quote: str = Field(
        description="显示此人讲话或行为的一句原文,须包含 name. Verbatim sentence with the name."
    )


class DirectiveOut(_Out):
    """An instruction, requirement or commitment about future action."""

    issuer: str = Field(description="讲话人姓名、会议、或作出承诺的具名单位. Who issues it.")
    text: str = Field(description="陈述该要求的最短原文片段. Shortest verbatim span.")


class MetricOut(_Out):
    """One number with its unit."""

    indicator: str = Field(description="所度量的内容,取自原文的短语. What is measured.")
    number: str | float = Field(
        description="数字在原文中的写法,如 302.3、三;必须出现在 quote 中. The numeral as written."
    )
    unit: str = Field(description="单位,按原文:亿元、%、个百分点、家、个、位. The unit.")
    kind: MetricKind = Field(description="actual, change, target, rank, ratio 或 gap.")
    period: str | None = Field(
        default=None, description="原文写的时期(上半年、2023年),没有则 null. Period as written."
    )
    quote: str = Field(description="包含该数字的分句,原文照抄. Verbatim clause holding the number.")


class ProjectOut(_Out):
    """A named, concrete construction, industrial, investment or infrastructure project."""

    name: str = Field(description="项目最完整的名称,原文照抄. Fullest verbatim name.")
    status: ProjectStatus = Field(
        description="planned, signed, started, under_construction, completed, operating, unknown."
    )


class MissedItems(_Out):
    """Items stated in the text that the candidate list does not hold."""

    speakers: list[SpeakerOut] = Field(default_factory=list, description="讲话人.")
    directives: list[DirectiveOut] = Field(default_factory=list, description="工作要求.")
    metrics: list[MetricOut] = Field(default_factory=list, description="指标数据.")
    projects: list[ProjectOut] = Field(default_factory=list, description="项目.")


class ArticleItems(_Reply, MissedItems):
    """Speakers, directives, metrics and projects of one article (or part of one)."""


class SpeakerChoice(_Out):
    """A speaker candidate the model keeps."""

    id: str = Field(description="候选编号,如 S1. Candidate id.")
    title: str | None = Field(
        default=None, description="修正后的职务,原文;null 表示沿用候选. Corrected verbatim title."
    )


class DirectiveChoice(_Out):
    """A directive candidate the model keeps, with its issuer."""

    id: str = Field(description="候选编号,如 D1. Candidate id.")
    issuer: str = Field(description="讲话人姓名、会议、或作出承诺的具名单位. Who issues it.")


class MetricChoice(_Out):
    """A number candidate the model keeps, labelled."""

    id: str = Field(description="候选编号,如 M1. Candidate id.")
    indicator: str = Field(description="所度量的内容,取自原文的短语. What is measured.")
    kind: MetricKind = Field(description="actual, change, target, rank, ratio 或 gap.")
    period: str | None = Field(default=None, description="原文写的时期,没有则 null.")


class ProjectChoice(_Out):
    """A project candidate the model keeps, with its status."""

    id: str = Field(description="候选编号,如 P1. Candidate id.")
    status: ProjectStatus = Field(
        description="planned, signed, started, under_construction, completed, operating, unknown."
    )


class CandidateChoice(_Reply):
    """The candidates that are true items, labelled by id, plus what the candidates missed."""

    speakers: list[SpeakerChoice] = Field(default_factory=list, description="选中的讲话人.")
    directives: list[DirectiveChoice] = Field(default_factory=list, description="选中的工作要求.")
    metrics: list[MetricChoice] = Field(default_factory=list, description="选中的数字.")
    projects: list[ProjectChoice] = Field(default_factory=list, description="选中的项目.")
    missed: MissedItems = Field(
        default_factory=MissedItems, description="候选遗漏的条目,原文字段逐字复制."
    )


class KeptCandidates(_Reply):
    """The review strategy's compact answer: the ids of the candidates that are right.

    Asked the other way round (the ids of the wrong ones), the local 1.5B model listed every
    id (seed fixtures: directives F1 0.21 against 0.81 for this form; bench/README.md).
    """

    directives: list[str | int] = Field(
        default_factory=list, description="是工作要求的候选编号,如 D3."
    )
    projects: list[str | int] = Field(default_factory=list, description="是项目的候选编号,如 P2.")


class PersonOut(_Out):
    """A person the model names as speaking or acting at the event."""

    name: str = Field(description="姓名,原文照抄.")
    title: str | None = Field(default=None, description="原文中此人的完整职务;没有则 null.")


class PageAnswer(_Reply):
    """One answer about an article, for the propose strategy: each question fills one field.

    One schema for every question keeps the prompt's prefix (system, schema, article) the
    same from question to question, so a local server evaluates the article only once.
    """

    speakers: list[PersonOut] = Field(default_factory=list, description="讲话人,原文照抄.")
    projects: list[str] = Field(default_factory=list, description="项目名称,原文照抄.")
