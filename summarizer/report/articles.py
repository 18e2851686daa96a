"""One entry per article: its figures, directives by issuer, projects and speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from summarizer.models import Brief, Metric, MetricKind
from summarizer.report.evidence import Anchors
from summarizer.report.labels import KIND, STATUS
from summarizer.report.model import (
    ArticleBlock,
    DirectiveLine,
    IssuerGroup,
    MetricRow,
    Person,
    ProjectRow,
    SourceRef,
)
from summarizer.report.values import format_change, format_money, format_value

_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


@dataclass
class Unit:
    """One article of one brief, with its key, date and evidence anchors."""

    brief: Brief
    index: int
    day: date | None
    ref: SourceRef
    anchors: Anchors
    metrics: list[Metric]


def web_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (a JSONL `url` could say javascript:)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def one_line(text: str) -> str:
    """Join lines the page layout broke: no space between Chinese characters."""
    return " ".join(_CJK_GAP.sub("", text).split())


def article_block(unit: Unit, language: str) -> ArticleBlock:
    """The article's entry."""
    return ArticleBlock(
        ref=unit.ref,
        metrics=metric_rows(unit, language),
        directives=_directive_groups(unit),
        projects=_projects(unit, language),
        people=[
            Person(name=one_line(s.name), title=one_line(s.title) if s.title else None)
            for s in unit.brief.speakers
            if s.article == unit.index
        ],
    )


def metric_rows(unit: Unit, language: str) -> list[MetricRow]:
    """Figures in text order, a change folded into the level it follows."""
    metrics = unit.metrics
    rows, used = [], set()
    for i, metric in enumerate(metrics):
        if i in used:
            continue
        change = _paired_change(metrics, i)
        if change is not None:
            used.add(change)
            unit.anchors.cite(metrics[change].evidence)  # its quote is highlighted too
        rows.append(
            metric_row(unit, metric, language, metrics[change] if change is not None else None)
        )
    return rows


def metric_row(unit: Unit, metric: Metric, language: str, change: Metric | None) -> MetricRow:
    """One figure as a row."""
    return MetricRow(
        indicator=one_line(metric.indicator),
        value=format_value(metric),
        change=format_change(change) if change is not None else None,
        kind=KIND[language][metric.kind],
        period=metric.dated_period or metric.period,
        cite=unit.anchors.cite(metric.evidence),
    )


def _paired_change(metrics: list[Metric], index: int) -> int | None:
    """The change that directly follows a level of the same indicator (地区生产总值 → …增速)."""
    metric, following = metrics[index], index + 1
    if metric.kind != MetricKind.ACTUAL or following >= len(metrics):
        return None
    candidate = metrics[following]
    same = candidate.indicator.startswith(metric.indicator) and candidate.article == metric.article
    return following if same and candidate.kind == MetricKind.CHANGE else None


def _directive_groups(unit: Unit) -> list[IssuerGroup]:
    titles = {s.name: s.title for s in unit.brief.speakers if s.article == unit.index}
    groups: dict[str, list[DirectiveLine]] = {}
    for directive in unit.brief.directives:
        if directive.article == unit.index:
            line = DirectiveLine(
                text=one_line(directive.text), cite=unit.anchors.cite(directive.evidence)
            )
            groups.setdefault(directive.issuer, []).append(line)
    return [
        IssuerGroup(issuer=one_line(issuer), title=_title(titles.get(issuer)), directives=lines)
        for issuer, lines in groups.items()
    ]


def _title(title: str | None) -> str | None:
    return one_line(title) if title else None


def _projects(unit: Unit, language: str) -> list[ProjectRow]:
    rows = []
    for project in unit.brief.projects:
        if project.article != unit.index:
            continue
        if project.investment is not None:
            unit.anchors.cite(project.investment.evidence)
        rows.append(
            ProjectRow(
                name=one_line(project.name),
                status=STATUS[language][project.status],
                investment=format_money(project.investment) if project.investment else None,
                cite=unit.anchors.cite(project.evidence),
            )
        )
    return rows
