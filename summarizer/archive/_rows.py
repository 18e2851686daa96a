"""A brief's items as table rows: the four lists flattened, each with its entity key."""

from __future__ import annotations

from datetime import date
from typing import Any

from summarizer.archive import keys
from summarizer.models import Brief, Metric, MetricKind, Project

_INVESTMENT_WINDOW = 60  # characters between a project's name and its stated investment


def day_of(value: str | None) -> date | None:
    """YYYY-MM-DD → date; anything else → None."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def item_rows(
    brief: Brief, article_ids: list[int], brief_id: int, text: str = ""
) -> list[dict[str, Any]]:
    """One row per speaker, directive, metric and project of the brief (text: the document's)."""
    rows: list[dict[str, Any]] = []
    context = _Context(brief, article_ids, brief_id, text)
    people: dict[str, str] = {}
    for position, s in enumerate(brief.speakers):
        key = keys.person_key(s.name, s.title, context.region(s.article))
        people.setdefault(keys.person_entity(s.name), key)
        rows.append(
            context.row(
                "speakers", position, s.article, s.evidence, key, label=s.name, detail=s.title
            )
        )
    for position, d in enumerate(brief.directives):
        # a speaker's directive takes the speaker's key, so namesakes stay apart here too
        entity = keys.person_entity(d.issuer)
        key = people.get(entity) or keys.join(entity, keys.normalize(context.region(d.article)))
        rows.append(
            context.row(
                "directives", position, d.article, d.evidence, key, label=d.text, detail=d.issuer
            )
        )
    for position, m in enumerate(brief.metrics):
        rows.append(context.metric_row(position, m))
    for position, p in enumerate(brief.projects):
        rows.append(context.project_row(position, p))
    return rows


class _Context:
    """What every row of one brief shares: article ids, regions and days."""

    def __init__(self, brief: Brief, article_ids: list[int], brief_id: int, text: str) -> None:
        self.text = text
        self.brief = brief
        self.article_ids = article_ids
        self.brief_id = brief_id

    def region(self, article: int) -> str | None:
        articles = self.brief.articles
        return articles[article].region if article < len(articles) else None

    def day(self, article: int) -> date | None:
        articles = self.brief.articles
        own = articles[article].date if article < len(articles) else None
        return day_of(own) or day_of(self.brief.date)

    def row(
        self, list_name: str, position: int, article: int, evidence: Any, key: str, **values: Any
    ) -> dict[str, Any]:
        index = article if article < len(self.article_ids) else 0
        entity = keys.split(key)[0]
        return {
            "brief_id": self.brief_id,
            "article_id": self.article_ids[index],
            "list": list_name,
            "position": position,
            "quote": evidence.quote,
            "start": evidence.start,
            "end": evidence.end,
            "entity": entity,
            "entity_key": key,
            "day": self.day(article),
            "region": self.region(article),
            "detail": None,
            "kind": None,
            "value": None,
            "unit": None,
            "period": None,
            "normalized_value": None,
            "normalized_unit": None,
            "investment": None,
            **values,
        }

    def metric_row(self, position: int, m: Metric) -> dict[str, Any]:
        key = keys.indicator_key(m.indicator, self.region(m.article), m.period, self.day(m.article))
        return self.row(
            "metrics",
            position,
            m.article,
            m.evidence,
            key,
            label=m.indicator,
            kind=m.kind.value,
            value=m.value,
            unit=m.unit,
            period=m.period,
            normalized_value=m.normalized_value,
            normalized_unit=m.normalized_unit,
        )

    def project_row(self, position: int, p: Project) -> dict[str, Any]:
        key = keys.project_key(p.name, self.region(p.article))
        return self.row(
            "projects",
            position,
            p.article,
            p.evidence,
            key,
            label=p.name,
            kind=p.status.value,
            investment=self.investment(p),
        )

    def investment(self, project: Project) -> float | None:
        """The investment stated after the project's name in the same sentence (CNY), if any."""
        for metric in self.brief.metrics:
            same = metric.article == project.article and metric.kind == MetricKind.ACTUAL
            money = "投资" in metric.indicator and metric.normalized_unit == "CNY"
            if same and money and self._follows(project.evidence.start, metric.evidence.start):
                return metric.normalized_value
        return None

    def _follows(self, name_at: int, metric_at: int) -> bool:
        if not 0 <= metric_at - name_at <= _INVESTMENT_WINDOW:
            return False
        between = self.text[name_at:metric_at] if self.text else ""
        return not any(mark in between for mark in "。；;\n")
