"""The weekly briefing as data: what the renderers receive.

A Briefing is a list of sections, each a model with its own `kind`; every renderer has one
template part (templates/sections/KIND.*.j2) or one Word writer per kind, so a new section
(say, "since last week") is one model, one template part and one Word function.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cite(_Row):
    """Where an item stands: the article's key and the anchor of its sentence."""

    key: str = Field(description="Article key shown in the text, e.g. S3.")
    anchor: str = Field(description="Anchor of the quoted sentence, e.g. S3-7.")
    quote: str = Field(description="The verbatim evidence quote.")


class SourceRef(_Row):
    """One article of the briefing."""

    key: str = Field(description="Short reference used everywhere, e.g. S3.")
    id: str = Field(description="Document id.")
    title: str = Field(description="Headline of the article (or the document id).")
    date: str | None = Field(default=None, description="Event date, YYYY-MM-DD, or null.")
    region: list[str] = Field(description="Province, city, county as far as known.")
    meeting: bool = Field(default=False, description="The article reports a meeting.")
    url: str | None = Field(default=None, description="The page's URL when known.")
    path: str | None = Field(default=None, description="The file or JSONL line it came from.")
    also: list[str] = Field(
        default_factory=list, description="Other pages or files that carried the same story."
    )


class MetricRow(_Row):
    """One figure, written as the text writes it, with the change paired to it."""

    indicator: str = Field(description="What is measured.")
    value: str = Field(description="Value with qualifier and unit, e.g. 约42亿元.")
    change: str | None = Field(default=None, description="The paired change, e.g. +7.5%.")
    kind: str = Field(description="Kind label in the briefing's language.")
    period: str | None = Field(default=None, description="Period, with its year when fixed.")
    cite: Cite = Field(description="Evidence.")


class DirectiveLine(_Row):
    """One instruction with its evidence."""

    text: str = Field(description="The instruction.")
    cite: Cite = Field(description="Evidence.")


class IssuerGroup(_Row):
    """The instructions one issuer gave in one article."""

    issuer: str = Field(description="Speaker, 会议 or body.")
    title: str | None = Field(default=None, description="The issuer's title, if a person.")
    directives: list[DirectiveLine] = Field(description="Instructions, in source order.")


class ProjectRow(_Row):
    """One project, its status and its stated investment."""

    name: str = Field(description="Project name.")
    status: str = Field(description="Status label in the briefing's language.")
    investment: str | None = Field(default=None, description="Stated total investment.")
    cite: Cite = Field(description="Evidence of the project.")


class Person(_Row):
    """A speaker of the article."""

    name: str = Field(description="Name.")
    title: str | None = Field(default=None, description="Title the article gives.")


class ArticleBlock(_Row):
    """Everything one article says, for its own entry."""

    ref: SourceRef = Field(description="The article.")
    metrics: list[MetricRow] = Field(description="Figures.")
    directives: list[IssuerGroup] = Field(description="Directives by issuer.")
    projects: list[ProjectRow] = Field(description="Projects.")
    people: list[Person] = Field(description="Who spoke.")


class RegionFigures(_Row):
    """A region's headline figures in the overview."""

    region: str = Field(description="Region label.")
    figures: list[MetricRow] = Field(description="Up to a few headline figures.")


class ProjectGroup(_Row):
    """Projects of one kind of news (signed, started, completed) with their investment."""

    label: str = Field(description="e.g. 新开工.")
    count: int = Field(description="Projects.")
    disclosed: int = Field(description="Projects whose investment the text states.")
    total: str | None = Field(default=None, description="Sum of stated investments.")
    projects: list[ProjectRow] = Field(description="The projects, largest first.")


class KeyDirective(_Row):
    """One of the week's main directives."""

    issuer: str = Field(description="Who issued it.")
    title: str | None = Field(default=None, description="The issuer's title.")
    text: str = Field(description="The instruction.")
    cite: Cite = Field(description="Evidence.")


class OverviewSection(_Row):
    """The week at a glance."""

    kind: Literal["overview"] = "overview"
    id: str = Field(default="overview", description="Anchor.")
    heading: str = Field(description="Heading.")
    articles: int = Field(description="Articles in the briefing.")
    regions: int = Field(description="Regions covered.")
    meetings: int = Field(description="Articles that report a meeting.")
    figures: list[RegionFigures] = Field(description="Headline figures per region.")
    projects: list[ProjectGroup] = Field(description="Signed, started, completed projects.")
    directives: list[KeyDirective] = Field(description="The week's main directives.")


class Reported(_Row):
    """One side of a change: what a week reported, and where its evidence is."""

    label: str | None = Field(default=None, description="Status or kind word, e.g. 目标.")
    value: str | None = Field(default=None, description="Value as written, e.g. 6.5%.")
    period: str | None = Field(default=None, description="Period, with its year when fixed.")
    day: str | None = Field(default=None, description="Date of the report, YYYY-MM-DD.")
    cite: Cite | None = Field(
        default=None, description="Its sentence in this briefing's source texts, if here."
    )
    url: str | None = Field(default=None, description="Else the page it was reported on.")
    quote: str | None = Field(default=None, description="The evidence quote the archive holds.")


class ChangeLine(_Row):
    """One thing that moved since the weeks before: a project or an indicator."""

    subject: str = Field(description="Project name or indicator.")
    region: str | None = Field(default=None, description="Region, when the subject lacks it.")
    before: Reported | None = Field(default=None, description="The earlier report, if any.")
    now: Reported = Field(description="This week's report.")
    note: str | None = Field(default=None, description="e.g. 修订 for a revised figure.")


class ChangeGroup(_Row):
    """Changes of one kind: status moves, new projects, targets and actuals, figures."""

    id: str = Field(description="Anchor.")
    heading: str = Field(description="Heading.")
    lines: list[ChangeLine] = Field(description="The changes.")


class SinceSection(_Row):
    """What changed since the weeks before, from the archive."""

    kind: Literal["since"] = "since"
    id: str = Field(default="since", description="Anchor.")
    heading: str = Field(description="Heading.")
    week: str = Field(description="The week compared, with its days.")
    baseline: str = Field(description="What it is compared with, in words.")
    groups: list[ChangeGroup] = Field(description="Non-empty groups of changes.")


class ComparisonRow(_Row):
    """One region's value of a compared indicator."""

    region: str = Field(description="Region label.")
    value: str = Field(description="Value as written.")
    amount: float = Field(description="Value in the table's unit, for the chart.")
    period: str | None = Field(default=None, description="Period, with its year when fixed.")
    cite: Cite = Field(description="Evidence.")


class Comparison(_Row):
    """One indicator reported by several regions."""

    key: str = Field(description="Normalized indicator key, e.g. gdp.change.")
    label: str = Field(description="Indicator label, e.g. 地区生产总值增速.")
    unit: str = Field(description="Unit of `amount`: %, 亿元 ...")
    rows: list[ComparisonRow] = Field(description="One row per region, largest first.")


class ComparisonSection(_Row):
    """Regions side by side on the indicators they share."""

    kind: Literal["comparison"] = "comparison"
    id: str = Field(default="comparison", description="Anchor.")
    heading: str = Field(description="Heading.")
    comparisons: list[Comparison] = Field(description="Indicators with two or more regions.")


class RegionGroup(_Row):
    """The articles of one province › city."""

    id: str = Field(description="Anchor.")
    label: str = Field(description="Province › city (or the place known).")
    articles: list[ArticleBlock] = Field(description="Articles, by date.")


class RegionsSection(_Row):
    """Dated articles grouped by region."""

    kind: Literal["regions"] = "regions"
    id: str = Field(default="regions", description="Anchor.")
    heading: str = Field(description="Heading.")
    groups: list[RegionGroup] = Field(description="Province › city groups.")


class UndatedSection(_Row):
    """Articles with no date: in no week."""

    kind: Literal["undated"] = "undated"
    id: str = Field(default="undated", description="Anchor.")
    heading: str = Field(description="Heading, naming them as undated.")
    articles: list[ArticleBlock] = Field(description="The undated articles.")


class Segment(_Row):
    """A run of a source text, quoted by an item or not."""

    text: str = Field(description="The characters.")
    quoted: bool = Field(default=False, description="Some item quotes these characters.")


class Sentence(_Row):
    """One sentence of a source text; quoted sentences carry an anchor."""

    anchor: str | None = Field(default=None, description="Anchor when an item quotes it.")
    segments: list[Segment] = Field(description="Its runs, quoted or not.")


class EvidenceText(_Row):
    """One article's cleaned text, its quoted sentences marked."""

    ref: SourceRef = Field(description="The article.")
    paragraphs: list[list[Sentence]] = Field(description="Paragraphs of sentences.")


class EvidenceSection(_Row):
    """The source texts every [S#] points into."""

    kind: Literal["evidence"] = "evidence"
    id: str = Field(default="evidence", description="Anchor.")
    heading: str = Field(description="Heading.")
    texts: list[EvidenceText] = Field(description="One per article.")


class Problem(_Row):
    """An input that could not be summarized, or a warning about one."""

    id: str = Field(description="Document id or file.")
    message: str = Field(description="What happened.")


class ProblemsSection(_Row):
    """Inputs that failed and warnings, so nothing is lost silently."""

    kind: Literal["problems"] = "problems"
    id: str = Field(default="problems", description="Anchor.")
    heading: str = Field(description="Heading.")
    failures: list[Problem] = Field(description="Inputs that failed.")
    warnings: list[Problem] = Field(description="Warnings.")


AnySection = Annotated[
    OverviewSection
    | SinceSection
    | ComparisonSection
    | RegionsSection
    | UndatedSection
    | EvidenceSection
    | ProblemsSection,
    Field(discriminator="kind"),
]


class Briefing(_Row):
    """The whole document."""

    title: str = Field(description="Document title.")
    language: str = Field(description="zh or en.")
    period: str = Field(description="The period covered, as asked.")
    generated_at: str = Field(description="When it was generated (UTC, ISO).")
    backend: str = Field(description="Extraction backend and model.")
    dated_articles: int = Field(description="Articles with a date inside the period.")
    sections: list[AnySection] = Field(description="Overview first, then the rest.")
    words: dict[str, str] = Field(description="Fixed words in the briefing's language.")
