"""The normalize stage: facts code reads from the text, added to any backend's brief.

Runs after the brief is assembled, on the output of every backend (offline, llm, local),
and only adds fields; what the extractor decided (value, unit, kind, period as written,
names, statuses) is never changed:
- Metric.qualifier: 约/近/超/逾/多/余/以上/左右 on the number, as written;
- Metric.dated_period: the period with its year when the document fixes the year;
- Project.investment: the stated total investment next to the project's name.
"""

from __future__ import annotations

from datetime import date

from summarizer.models import ArticleInfo, Brief, Metric, Project
from summarizer.normalize.investment import investment_of
from summarizer.normalize.periods import dated_period, headline_year
from summarizer.normalize.qualifiers import qualifier_of

__all__ = ["normalize"]


def normalize(brief: Brief, original: str) -> Brief:
    """The brief with qualifiers, dated periods and project investments filled in."""
    metrics = [_metric(brief, m) for m in brief.metrics]
    projects = [_project(brief, p, original) for p in brief.projects]
    return brief.model_copy(update={"metrics": metrics, "projects": projects})


def _metric(brief: Brief, metric: Metric) -> Metric:
    article = _article(brief, metric.article)
    title = article.title if article and article.title else brief.title
    day = _day(article.date if article and article.date else brief.date)
    return metric.model_copy(
        update={
            "qualifier": qualifier_of(metric),
            "dated_period": dated_period(metric.period, metric.kind, day, headline_year(title)),
        }
    )


def _project(brief: Brief, project: Project, original: str) -> Project:
    article = _article(brief, project.article)
    start, end = (article.start, article.end) if article else (0, len(original))
    found = investment_of(project.name, original, start, end)
    return project.model_copy(update={"investment": found}) if found else project


def _article(brief: Brief, index: int) -> ArticleInfo | None:
    return brief.articles[index] if 0 <= index < len(brief.articles) else None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
