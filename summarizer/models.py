"""The brief and its items: the data every stage produces or consumes.

This module imports nothing from the rest of the package. Field names and
enums follow ../shared/LABELING.md; the field descriptions are prompt text
and JSON Schema documentation at once.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class MetricKind(StrEnum):
    """What a figure is, per the labeling guide."""

    ACTUAL = "actual"
    CHANGE = "change"
    TARGET = "target"
    RANK = "rank"
    RATIO = "ratio"
    GAP = "gap"


class ProjectStatus(StrEnum):
    """Where a project stands, per the labeling guide."""

    PLANNED = "planned"
    SIGNED = "signed"
    STARTED = "started"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    OPERATING = "operating"
    UNKNOWN = "unknown"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """A verbatim quote and where it stands in the document the user passed in."""

    quote: str = Field(description="Verbatim text of the source that supports the item.")
    start: int = Field(ge=0, description="Character offset of the quote's first character.")
    end: int = Field(ge=0, description="Character offset just past the quote's last character.")


class Speaker(_Strict):
    """A named person whose words or official act at the event the text states."""

    name: str = Field(description="The person's name as written, e.g. 张红军.")
    title: str | None = Field(
        default=None,
        description="The fullest title the text gives the person, verbatim; null if none.",
    )
    article: int = Field(default=0, ge=0, description="Index of the article in the document.")
    evidence: Evidence = Field(description="Where the text shows the person speaking or acting.")


class Directive(_Strict):
    """An instruction, requirement or commitment about future action."""

    issuer: str = Field(
        description="The speaker's name, 会议 for the meeting, or the named body that commits."
    )
    text: str = Field(description="The shortest verbatim span that states the instruction.")
    article: int = Field(default=0, ge=0, description="Index of the article in the document.")
    evidence: Evidence = Field(description="The instruction as it stands in the source.")


class Metric(_Strict):
    """One number about performance, activity, money, counts or targets."""

    indicator: str = Field(description="What is measured, a short phrase from the text.")
    value: float = Field(description="The number as written in the text's unit; declines negative.")
    unit: str = Field(description="The unit as written: 亿元, %, 个百分点, 家, 位 ...")
    kind: MetricKind = Field(description="actual, change, target, rank, ratio or gap.")
    period: str | None = Field(
        default=None, description="The period as written (上半年, 2023年, 一季度), or null."
    )
    normalized_value: float | None = Field(
        default=None,
        description="The value in base units computed by code: 亿元→CNY, %→fraction, 万→×10⁴.",
    )
    normalized_unit: str | None = Field(
        default=None, description="The base unit of normalized_value: CNY, fraction, or the unit."
    )
    article: int = Field(default=0, ge=0, description="Index of the article in the document.")
    evidence: Evidence = Field(description="The clause holding the number.")
    qualifier: str | None = Field(
        default=None,
        description="Set by code: the approximation word on the number as written "
        "(约, 近, 超, 逾, 多, 余, 以上, 左右); null when the number is exact.",
    )
    dated_period: str | None = Field(
        default=None,
        description="Set by code: the period with its year when the document fixes the year "
        "(上半年 → 2023年上半年); null when it is not fixed or the period already has one.",
    )


class Money(_Strict):
    """An amount of money the text states, read by code."""

    value: float = Field(description="The number as written in the text's unit.")
    unit: str = Field(description="The unit as written: 亿元, 万元, 亿美元.")
    qualifier: str | None = Field(default=None, description="约, 超, 逾 ... as written, or null.")
    normalized_value: float | None = Field(default=None, description="The amount in base units.")
    normalized_unit: str | None = Field(default=None, description="CNY, USD ...")
    evidence: Evidence = Field(description="The span that states the amount.")


class Project(_Strict):
    """A named, concrete construction, industrial, investment or infrastructure undertaking."""

    name: str = Field(description="The fullest name the text uses, verbatim.")
    status: ProjectStatus = Field(description="planned, signed, started, under_construction, ...")
    article: int = Field(default=0, ge=0, description="Index of the article in the document.")
    evidence: Evidence = Field(description="Where the text names the project.")
    investment: Money | None = Field(
        default=None,
        description="Set by code: the total investment the text states next to the project's "
        "name (总投资, 计划总投资, 投资X亿元); null when it states none.",
    )


class ArticleInfo(_Strict):
    """One news item found in the document."""

    title: str | None = Field(default=None, description="The article's headline, if any.")
    date: str | None = Field(default=None, description="Date of the main event, YYYY-MM-DD.")
    start: int = Field(ge=0, description="Offset of the article's first character in the document.")
    end: int = Field(ge=0, description="Offset just past the article's last character.")
    region: str | None = Field(default=None, description="The place the article is mostly about.")
    meeting: bool = Field(default=False, description="True when the article reports a meeting.")


class Usage(_Strict):
    """What extraction cost."""

    calls: int = Field(default=0, description="Requests sent to a model.")
    prompt_tokens: int = Field(default=0, description="Prompt tokens reported by the model.")
    completion_tokens: int = Field(default=0, description="Completion tokens reported.")
    reasks: int = Field(default=0, description="Validation re-asks.")
    cached: bool = Field(default=False, description="True when served from the cache.")
    dropped_items: int = Field(default=0, description="Items dropped because they failed checks.")
    cost_usd: float | None = Field(default=None, description="Cost, where the price is configured.")


class Provenance(_Strict):
    """How the brief was made."""

    backend: str = Field(description="Backend name: offline, llm, local.")
    model: str | None = Field(default=None, description="Model name, if a model was used.")
    prompt_version: str | None = Field(
        default=None, description="Version of the prompt (llm, local) or of the rules (offline)."
    )
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    started_at: datetime = Field(description="When extraction started (UTC).")
    finished_at: datetime = Field(description="When extraction finished (UTC).")
    usage: Usage = Field(default_factory=Usage, description="Calls and tokens spent.")


class Brief(_Strict):
    """Everything extracted from one document, each item grounded in the source."""

    id: str = Field(description="Identifier of the document.")
    title: str | None = Field(default=None, description="Title of the (first) article.")
    date: str | None = Field(default=None, description="Date of the main event, YYYY-MM-DD.")
    source: str | None = Field(default=None, description="Path or URL the document came from.")
    articles: list[ArticleInfo] = Field(default_factory=list, description="News items found.")
    speakers: list[Speaker] = Field(default_factory=list, description="Who spoke or acted.")
    directives: list[Directive] = Field(default_factory=list, description="Instructions issued.")
    metrics: list[Metric] = Field(default_factory=list, description="Every figure.")
    projects: list[Project] = Field(default_factory=list, description="Named projects.")
    warnings: list[str] = Field(
        default_factory=list,
        description="What the reader should know about the input: e.g. a page mostly not "
        "in Chinese, which the extractor cannot read.",
    )
    provenance: Provenance = Field(description="Backend, model, prompt version and timing.")


class Failure(_Strict):
    """A document that could not be summarized, recorded so the batch goes on."""

    id: str = Field(description="Identifier of the document.")
    source: str | None = Field(default=None, description="Path or URL of the document.")
    error: str = Field(description="Error class name.")
    message: str = Field(description="What went wrong and what to do.")
    last_output: str | None = Field(default=None, description="The model's last raw output.")
    attempts: int = Field(default=0, description="Attempts made.")


# ---- the fixture format (LABELING.md) -------------------------------------------------


class ExpectedSpeaker(_Strict):
    """A hand-labeled speaker."""

    name: str = Field(description="Verbatim name.")
    title: str | None = Field(default=None, description="Fullest verbatim title, or null.")


class ExpectedDirective(_Strict):
    """A hand-labeled directive."""

    issuer: str = Field(description="Speaker name, 会议, or the committing body.")
    text: str = Field(description="Shortest verbatim span stating the instruction.")


class ExpectedMetric(_Strict):
    """A hand-labeled metric."""

    indicator: str = Field(description="What is measured.")
    value: float = Field(description="The number in the text's unit.")
    unit: str = Field(description="The unit as written.")
    kind: MetricKind = Field(description="actual, change, target, rank, ratio or gap.")
    period: str | None = Field(default=None, description="Period as written, or null.")


class ExpectedProject(_Strict):
    """A hand-labeled project."""

    name: str = Field(description="Verbatim fullest name.")
    status: ProjectStatus = Field(description="Project status.")


class Expected(_Strict):
    """The four labeled lists of one document."""

    speakers: list[ExpectedSpeaker] = Field(default_factory=list, description="Speakers.")
    directives: list[ExpectedDirective] = Field(default_factory=list, description="Directives.")
    metrics: list[ExpectedMetric] = Field(default_factory=list, description="Metrics.")
    projects: list[ExpectedProject] = Field(default_factory=list, description="Projects.")


class Fixture(_Strict):
    """One hand-labeled document, per ../shared/LABELING.md."""

    id: str = Field(description="Fixture identifier, e.g. seed-000.")
    source: str | None = Field(
        default=None, description="Path relative to the fixture's folder, or a URL."
    )
    date: str | None = Field(description="Date of the main event, YYYY-MM-DD, or null.")
    text: str = Field(description="The whole document, exactly as the summarizer receives it.")
    articles: int = Field(ge=0, description="How many separate news items the document holds.")
    expected: Expected = Field(description="The labeled items.")
