"""The report stage's data half: briefs in, a Briefing (grouped by ISO week) out."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from summarizer.errors import ConfigurationError
from summarizer.models import Brief, Failure, Metric, MetricKind, ProjectStatus
from summarizer.report.model import (
    Briefing,
    DirectiveLine,
    Headline,
    IssuerGroup,
    MetricRow,
    Person,
    Problem,
    ProjectRow,
    Section,
    SourceRef,
)

UNDATED = "未标日期 (undated)"
KEY_FIGURES = 5
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|街道|镇|乡)")
_STATUS_ORDER = [s.value for s in ProjectStatus]
_INVESTMENT_WINDOW = 60


@dataclass(frozen=True)
class Period:
    """Inclusive date bounds; None means open."""

    since: date | None = None
    until: date | None = None
    label: str = "all dates"

    def contains(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


def period_of(week: str | None, since: str | None, until: str | None) -> Period:
    """Parse --week 2023-W32 or --since/--until YYYY-MM-DD into a Period."""
    if week:
        match = _WEEK.match(week)
        if not match:
            raise ConfigurationError(f"--week {week!r}: write it as YYYY-Www, e.g. 2023-W32")
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            raise ConfigurationError(f"--week {week!r} does not exist") from None
        return Period(monday, monday + timedelta(days=6), week)
    start, end = _parse_day(since, "--since"), _parse_day(until, "--until")
    label = f"{since or '…'} – {until or '…'}" if (since or until) else "all dates"
    return Period(start, end, label)


def _parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"{option} {value!r}: write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class _Dated:
    brief: Brief
    day: date | None
    origin: str


def build_briefing(
    briefs: Iterable[Brief],
    failures: Iterable[Failure] = (),
    *,
    fallback_dates: dict[str, str] | None = None,
    period: Period | None = None,
    generated_at: datetime | None = None,
) -> Briefing:
    """Group briefs by ISO week within the period; undated articles get their own section."""
    period = period or Period()
    dated, warnings = _date_all(briefs, fallback_dates or {})
    chosen = [d for d in dated if d.day is None or period.contains(d.day)]
    chosen.sort(key=lambda d: (d.day is None, d.day or date.min, d.brief.id))
    keys = {d.brief.id: f"S{i}" for i, d in enumerate(chosen, start=1)}
    sections = [_section(label, group, keys) for label, group in _by_week(chosen)]
    return Briefing(
        title="每周简报 Weekly briefing",
        period=period.label,
        generated_at=(generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        backend=_backend_label(chosen),
        sections=sections,
        failures=[Problem(id=f.id, message=f"{f.error}: {f.message}") for f in failures],
        warnings=warnings,
    )


def _date_all(
    briefs: Iterable[Brief], fallback: dict[str, str]
) -> tuple[list[_Dated], list[Problem]]:
    dated, warnings = [], []
    for brief in briefs:
        if brief.date:
            dated.append(_Dated(brief, date.fromisoformat(brief.date), "article"))
        elif brief.id in fallback:
            dated.append(_Dated(brief, date.fromisoformat(fallback[brief.id]), "file"))
            warnings.append(
                Problem(
                    id=brief.id, message="no date in the text: used the file's modification date"
                )
            )
        else:
            dated.append(_Dated(brief, None, "none"))
    return dated, warnings


def _by_week(dated: list[_Dated]) -> list[tuple[str, list[_Dated]]]:
    groups: dict[str, list[_Dated]] = defaultdict(list)
    for item in dated:
        groups[_week_label(item.day) if item.day else UNDATED].append(item)
    return list(groups.items())


def _week_label(day: date) -> str:
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return f"{year}-W{week:02d} ({monday} – {monday + timedelta(days=6)})"


def _backend_label(dated: list[_Dated]) -> str:
    labels = {
        f"{d.brief.provenance.backend}" + (f" / {m}" if (m := d.brief.provenance.model) else "")
        for d in dated
    }
    return ", ".join(sorted(labels)) or "none"


def _section(label: str, group: list[_Dated], keys: dict[str, str]) -> Section:
    briefs = [d.brief for d in group]
    metrics = [row for b in briefs for row in _metric_rows(b, keys[b.id])]
    return Section(
        label=label,
        headline=_headline(briefs, metrics),
        metrics=metrics,
        directives=_directive_groups(briefs, keys),
        projects=_projects_by_status(briefs, keys),
        people=_people(briefs, keys),
        sources=[_source_ref(d, keys[d.brief.id]) for d in group],
    )


def _source_ref(item: _Dated, key: str) -> SourceRef:
    brief = item.brief
    return SourceRef(
        key=key,
        id=brief.id,
        title=brief.title,
        location=brief.source,
        date=item.day.isoformat() if item.day else None,
        date_origin=item.origin,
    )


def _headline(briefs: list[Brief], metrics: list[MetricRow]) -> Headline:
    regions = sorted({a.region for b in briefs for a in b.articles if a.region})
    money = [r for r in metrics if r.kind == MetricKind.ACTUAL and "元" in r.value]
    money.sort(key=lambda r: -(r.amount or 0.0))
    return Headline(
        articles=sum(max(1, len(b.articles)) for b in briefs),
        regions=regions,
        meetings=sum(a.meeting for b in briefs for a in b.articles),
        key_figures=money[:KEY_FIGURES],
    )


def _metric_rows(brief: Brief, key: str) -> list[MetricRow]:
    regions = {i: a.region for i, a in enumerate(brief.articles)}
    rows, used = [], set()
    for i, metric in enumerate(brief.metrics):
        if i in used:
            continue
        change = _paired_change(brief.metrics, i)
        if change is not None:
            used.add(change)
        rows.append(
            MetricRow(
                indicator=metric.indicator,
                value=format_value(metric),
                change=format_change(brief.metrics[change]) if change is not None else None,
                kind=metric.kind.value,
                period=metric.period,
                region=regions.get(metric.article),
                source=key,
                amount=metric.normalized_value,
            )
        )
    return rows


def _paired_change(metrics: list[Metric], index: int) -> int | None:
    """The change metric that directly follows an actual one about the same indicator.

    Extractors may name the change after the level (地区生产总值 → 地区生产总值增速).
    """
    metric = metrics[index]
    following = index + 1
    if metric.kind != MetricKind.ACTUAL or following >= len(metrics):
        return None
    candidate = metrics[following]
    same = candidate.indicator.startswith(metric.indicator) and candidate.article == metric.article
    return following if same and candidate.kind == MetricKind.CHANGE else None


def format_value(metric: Metric) -> str:
    """302.3 亿元, 7.5%, 第3位."""
    number = f"{metric.value:g}"
    if metric.unit == "%":
        return f"{number}%"
    return f"{number} {metric.unit}"


def format_change(metric: Metric) -> str:
    sign = "+" if metric.value > 0 else ""
    return sign + format_value(metric)


def _directive_groups(briefs: list[Brief], keys: dict[str, str]) -> list[IssuerGroup]:
    """Group by issuer; same-name people of different organizations stay apart."""
    groups: list[tuple[str, str | None, list[DirectiveLine]]] = []
    for brief in briefs:
        titles = {s.name: s.title for s in brief.speakers}
        for d in brief.directives:
            line = DirectiveLine(text=_one_line(d.text), source=keys[brief.id])
            _group_line(groups, d.issuer, titles.get(d.issuer), line)
    return [IssuerGroup(issuer=i, title=t, directives=ls) for i, t, ls in groups]


def _group_line(
    groups: list[tuple[str, str | None, list[DirectiveLine]]],
    issuer: str,
    title: str | None,
    line: DirectiveLine,
) -> None:
    for known, known_title, lines in groups:
        if known == issuer and same_organization([known_title] if known_title else [], title):
            lines.append(line)
            return
    groups.append((issuer, title, [line]))


def _projects_by_status(briefs: list[Brief], keys: dict[str, str]) -> dict[str, list[ProjectRow]]:
    grouped: dict[str, list[ProjectRow]] = {}
    for brief in briefs:
        for project in brief.projects:
            row = ProjectRow(
                name=_one_line(project.name),
                status=project.status.value,
                investment=_investment_near(brief, project.evidence.start),
                source=keys[brief.id],
            )
            grouped.setdefault(project.status.value, []).append(row)
    return {s: grouped[s] for s in _STATUS_ORDER if s in grouped}


def _investment_near(brief: Brief, position: int) -> str | None:
    for metric in brief.metrics:
        near = abs(metric.evidence.start - position) <= _INVESTMENT_WINDOW
        if near and "投资" in metric.indicator and metric.kind == MetricKind.ACTUAL:
            return format_value(metric)
    return None


def _people(briefs: list[Brief], keys: dict[str, str]) -> list[Person]:
    people: list[tuple[str, list[str], list[str]]] = []
    for brief in briefs:
        for speaker in brief.speakers:
            _merge_person(people, speaker.name, speaker.title, keys[brief.id])
    return [Person(name=n, titles=t, sources=s) for n, t, s in people]


def _merge_person(
    people: list[tuple[str, list[str], list[str]]], name: str, title: str | None, key: str
) -> None:
    for known_name, titles, sources in people:
        if known_name == name and same_organization(titles, title):
            if title and title not in titles:
                titles.append(title)
            if key not in sources:
                sources.append(key)
            return
    people.append((name, [title] if title else [], [key]))


def same_organization(titles: list[str], title: str | None) -> bool:
    """Same-name people are one person unless their titles name different places."""
    theirs = {p for t in titles for p in _PLACE.findall(t)}
    mine = set(_PLACE.findall(title or ""))
    if not theirs or not mine:
        return True
    return any(a.endswith(b) or b.endswith(a) for a in theirs for b in mine)


_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def _one_line(text: str) -> str:
    """Join lines the page layout broke: no space between Chinese characters."""
    return " ".join(_CJK_GAP.sub("", text).split())
