"""Since last week: the archive's changes of the week as a section of the briefing.

Each line is one click from its evidence: the [S#] of its sentence when this briefing holds
the item (the week's articles, or an earlier week's when the briefing spans it), else the
page the archive found it on. Labels follow the briefing's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summarizer.archive.changes import (
    FigureChange,
    NewProject,
    SinceLastWeek,
    StatusMove,
    TargetVsActual,
)
from summarizer.models import Metric, MetricKind, Project, ProjectStatus
from summarizer.report.articles import Unit, one_line, web_url
from summarizer.report.labels import KIND, STATUS, text
from summarizer.report.model import ChangeGroup, ChangeLine, Reported, SinceSection
from summarizer.report.values import format_money, format_value, yi_yuan


@dataclass(frozen=True)
class _Said:
    """What the archive says one report was: its words, day, quote and sources."""

    label: str | None
    value: str | None
    period: str | None
    day: date | None
    quote: str
    sources: list[str]


class _Evidence:
    """The briefing's items by list, quote and day, to turn an archived report into an [S#].

    The day keeps apart two weeks' items that quote the same words (a project's name).
    """

    def __init__(self, units: list[Unit]) -> None:
        self.found: dict[tuple[str, str, date | None], tuple[Unit, Metric | Project]] = {}
        for unit in units:
            for name, items in (("metrics", unit.metrics), ("projects", unit.brief.projects)):
                for item in items:
                    if item.article == unit.index:
                        key = (name, item.evidence.quote, unit.day)
                        self.found.setdefault(key, (unit, item))

    def reported(self, list_name: str, said: _Said) -> Reported:
        """The report, cited in this briefing when it is here, else linked to its page."""
        hit = self.found.get((list_name, said.quote, said.day))
        value, period = said.value, said.period
        if hit is None:
            url = next((u for s in said.sources if (u := web_url(s))), None)
            return Reported(label=said.label, value=value, period=period, day=_iso(said.day),
                            url=url, quote=said.quote)  # fmt: skip
        unit, item = hit
        if isinstance(item, Metric):
            value, period = format_value(item), item.dated_period or item.period
        elif item.investment is not None and value is not None:
            value = format_money(item.investment)
        cite = unit.anchors.cite(item.evidence)
        return Reported(label=said.label, value=value, period=period, day=_iso(said.day),
                        cite=cite, quote=said.quote)  # fmt: skip


def since_section(since: SinceLastWeek, units: list[Unit], language: str) -> SinceSection:
    """The section: status moves, new projects, targets and actuals, figures that changed."""
    words = text(language)
    evidence = _Evidence(units)
    groups = {
        "status": [_move(m, evidence, language) for m in since.status_moves],
        "new": [_new(p, evidence, language) for p in since.new_projects],
        "targets": [_target(t, evidence, language) for t in since.targets],
        "figures": [_figure(f, evidence, words) for f in since.figures],
    }
    shown = [
        ChangeGroup(id=f"since-{name}", heading=words[f"since_{name}"], lines=lines)
        for name, lines in groups.items()
        if lines
    ]
    return SinceSection(
        heading=words["since"],
        week=f"{since.week}（{since.since} – {since.until}）",
        baseline=_baseline(since, shown, words),
        groups=shown,
    )


def _baseline(since: SinceLastWeek, groups: list[ChangeGroup], words: dict[str, str]) -> str:
    if since.last_before is None:
        return words["since_first"]
    compared = words["since_baseline"].format(day=since.last_before.isoformat())
    return compared if groups else f"{compared} {words['since_none']}"


def _move(move: StatusMove, evidence: _Evidence, language: str) -> ChangeLine:
    before = _Said(_status(move.before, language), None, None, move.before_day,
                   move.before_quote, move.before_sources)  # fmt: skip
    now = _Said(_status(move.now, language), None, None, move.now_day, move.quote, move.sources)
    return _line(move.name, move.region, evidence.reported("projects", before),
                 evidence.reported("projects", now))  # fmt: skip


def _new(project: NewProject, evidence: _Evidence, language: str) -> ChangeLine:
    now = _Said(_status(project.status, language), yi_yuan(project.investment), None,
                project.day, project.quote, project.sources)  # fmt: skip
    return _line(project.name, project.region, None, evidence.reported("projects", now))


def _target(line: TargetVsActual, evidence: _Evidence, language: str) -> ChangeLine:
    kinds = KIND[language]
    target = _Said(kinds[MetricKind.TARGET], line.target, line.target_period, line.target_day,
                   line.target_quote, line.target_sources)  # fmt: skip
    actual = _Said(kinds[MetricKind.ACTUAL], line.actual, line.actual_period, line.actual_day,
                   line.quote, line.sources)  # fmt: skip
    return _line(line.indicator, line.region, evidence.reported("metrics", target),
                 evidence.reported("metrics", actual))  # fmt: skip


def _figure(change: FigureChange, evidence: _Evidence, words: dict[str, str]) -> ChangeLine:
    before = _Said(None, change.before, change.before_period, change.before_day,
                   change.before_quote, change.before_sources)  # fmt: skip
    now = _Said(None, change.now, change.now_period, change.now_day, change.quote, change.sources)
    note = words["revised"] if change.revised else None
    return _line(change.indicator, change.region, evidence.reported("metrics", before),
                 evidence.reported("metrics", now), note)  # fmt: skip


def _line(
    subject: str,
    region: str | None,
    before: Reported | None,
    now: Reported,
    note: str | None = None,
) -> ChangeLine:
    subject = one_line(subject)
    shown = region if region and region not in subject else None
    return ChangeLine(subject=subject, region=shown, before=before, now=now, note=note)


def _status(value: str, language: str) -> str:
    """The status in the briefing's words (a value this version does not know, as stored)."""
    try:
        return STATUS[language][ProjectStatus(value)]
    except ValueError:
        return value


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
