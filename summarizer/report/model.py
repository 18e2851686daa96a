"""The weekly briefing as data: what the renderers receive (never raw article text)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Row):
    """One article of the briefing, the target of every line's source key."""

    key: str = Field(description="Short reference used in the tables, e.g. S3.")
    id: str = Field(description="Document id.")
    title: str | None = Field(default=None, description="Headline of the document.")
    location: str | None = Field(default=None, description="URL or file path.")
    date: str | None = Field(default=None, description="Event date, YYYY-MM-DD.")
    date_origin: str = Field(description="Where the date came from: article, file, none.")


class MetricRow(_Row):
    """One figure with its change, if the text pairs one with it."""

    indicator: str = Field(description="What is measured.")
    value: str = Field(description="Value and unit as a reader writes them, e.g. 302.3 亿元.")
    change: str | None = Field(default=None, description="The paired change, e.g. +7.5%.")
    kind: str = Field(description="actual, change, target, rank, ratio or gap.")
    period: str | None = Field(default=None, description="Period as written.")
    region: str | None = Field(default=None, description="Region of the article.")
    source: str = Field(description="Source key.")
    amount: float | None = Field(default=None, description="Normalized value, for ranking.")


class DirectiveLine(_Row):
    """One instruction with its source."""

    text: str = Field(description="The instruction.")
    source: str = Field(description="Source key.")


class IssuerGroup(_Row):
    """All the instructions one issuer gave this week."""

    issuer: str = Field(description="Speaker, 会议 or body.")
    title: str | None = Field(default=None, description="The issuer's title, if a person.")
    directives: list[DirectiveLine] = Field(description="Instructions, in source order.")


class ProjectRow(_Row):
    """One project and what the text says of its money."""

    name: str = Field(description="Project name.")
    status: str = Field(description="Project status.")
    investment: str | None = Field(default=None, description="Stated investment, if any.")
    source: str = Field(description="Source key.")


class Person(_Row):
    """A speaker merged across articles by name and organization."""

    name: str = Field(description="Name.")
    titles: list[str] = Field(description="Titles the articles give.")
    sources: list[str] = Field(description="Source keys.")


class Headline(_Row):
    """The week at a glance."""

    articles: int = Field(description="Articles in the period.")
    regions: list[str] = Field(description="Regions covered.")
    meetings: int = Field(description="Articles that report a meeting.")
    key_figures: list[MetricRow] = Field(description="The largest money figures.")


class Section(_Row):
    """One week (or the undated articles)."""

    label: str = Field(description="e.g. 2023-W32 (2023-08-07 – 2023-08-13), or 未标日期.")
    headline: Headline = Field(description="Summary.")
    metrics: list[MetricRow] = Field(description="Metrics table.")
    directives: list[IssuerGroup] = Field(description="Directives by issuer.")
    projects: dict[str, list[ProjectRow]] = Field(description="Projects by status.")
    people: list[Person] = Field(description="Who spoke.")
    sources: list[SourceRef] = Field(description="Articles of the section.")


class Problem(_Row):
    """An input that could not be summarized, or a warning about one."""

    id: str = Field(description="Document id or file.")
    message: str = Field(description="What happened.")


class Briefing(_Row):
    """The whole document."""

    title: str = Field(description="Document title.")
    period: str = Field(description="The period covered, as asked.")
    generated_at: str = Field(description="When it was generated (UTC, ISO).")
    backend: str = Field(description="Extraction backend and model.")
    sections: list[Section] = Field(description="One per week, undated last.")
    failures: list[Problem] = Field(default_factory=list, description="Inputs that failed.")
    warnings: list[Problem] = Field(default_factory=list, description="E.g. dates from files.")
