"""The week at a glance: counts, headline figures per region, project news, main directives."""

from __future__ import annotations

from collections import Counter

from summarizer.models import Metric, MetricKind, ProjectStatus
from summarizer.report.articles import Unit, metric_row, one_line
from summarizer.report.compare import indicator_key
from summarizer.report.labels import STATUS
from summarizer.report.model import KeyDirective, ProjectGroup, ProjectRow, RegionFigures
from summarizer.report.values import format_money, yi_yuan

FIGURES_PER_REGION = 3
MAIN_DIRECTIVES = 8
DIRECTIVE_CHARS = 80
_PRIORITY = ("gdp.level", "gdp.change", "industry.change", "fai.change", "retail.change",
             "budget.level", "budget.change", "gdp.target")  # fmt: skip
_GROUPS = (
    ("new", (ProjectStatus.SIGNED,)),
    ("started", (ProjectStatus.STARTED,)),
    ("completed", (ProjectStatus.COMPLETED, ProjectStatus.OPERATING)),
)


def region_figures(units: list[Unit], language: str) -> list[RegionFigures]:
    """Per region (in article order), its few headline figures."""
    by_region: dict[str, list[tuple[Unit, Metric]]] = {}
    for unit in units:
        region = unit.ref.region[-1] if unit.ref.region else None
        if region:
            by_region.setdefault(region, []).extend((unit, m) for m in unit.metrics)
    result = []
    for region, metrics in by_region.items():
        chosen = _headline(metrics)
        rows = [metric_row(unit, metric, language, None) for unit, metric in chosen]
        if rows:
            result.append(RegionFigures(region=region, figures=rows))
    return result


def _headline(metrics: list[tuple[Unit, Metric]]) -> list[tuple[Unit, Metric]]:
    """Known indicators first (GDP, then growth rates), then the largest money figures."""
    keyed = {}
    for unit, metric in metrics:
        key = indicator_key(metric)
        if key in _PRIORITY and key not in keyed:
            keyed[key] = (unit, metric)
    chosen = [keyed[k] for k in _PRIORITY if k in keyed]
    money = [
        (u, m)
        for u, m in metrics
        if m.kind == MetricKind.ACTUAL and m.normalized_unit == "CNY" and (u, m) not in chosen
    ]
    money.sort(key=lambda um: -(um[1].normalized_value or 0.0))
    return (chosen + money)[:FIGURES_PER_REGION]


def project_groups(units: list[Unit], words: dict[str, str], language: str) -> list[ProjectGroup]:
    """Signed, started and completed projects, each with the sum of stated investments."""
    groups = []
    for name, statuses in _GROUPS:
        rows: list[tuple[float, ProjectRow]] = []
        for unit in units:
            for project in unit.brief.projects:
                if project.article != unit.index or project.status not in statuses:
                    continue
                money = project.investment
                cny = money.normalized_value if money and money.normalized_unit == "CNY" else None
                row = ProjectRow(
                    name=one_line(project.name),
                    status=STATUS[language][project.status],
                    investment=format_money(money) if money else None,
                    cite=unit.anchors.cite(project.evidence),
                )
                rows.append((cny or 0.0, row))
        if rows:
            groups.append(_group(words[name], rows))
    return groups


def _group(label: str, rows: list[tuple[float, ProjectRow]]) -> ProjectGroup:
    rows.sort(key=lambda r: -r[0])
    stated = [amount for amount, row in rows if row.investment and amount]
    return ProjectGroup(
        label=label,
        count=len(rows),
        disclosed=len(stated),
        total=yi_yuan(sum(stated)) if stated else None,
        projects=[row for _, row in rows],
    )


def main_directives(units: list[Unit]) -> list[KeyDirective]:
    """One directive per article, from its most prolific issuer (the meeting first)."""
    found: list[KeyDirective] = []
    for unit in units:
        directives = [d for d in unit.brief.directives if d.article == unit.index]
        if not directives:
            continue
        counts = Counter(d.issuer for d in directives)
        top = "会议" if "会议" in counts else counts.most_common(1)[0][0]
        first = next(d for d in directives if d.issuer == top)
        titles = {s.name: s.title for s in unit.brief.speakers}
        found.append(
            KeyDirective(
                issuer=one_line(top),
                title=_title(titles.get(top)),
                text=_shorten(one_line(first.text)),
                cite=unit.anchors.cite(first.evidence),
            )
        )
    return found[:MAIN_DIRECTIVES]


def _title(title: str | None) -> str | None:
    return one_line(title) if title else None


def _shorten(text: str) -> str:
    return text if len(text) <= DIRECTIVE_CHARS else text[: DIRECTIVE_CHARS - 1] + "…"
