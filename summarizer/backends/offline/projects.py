"""Projects of an article: names from projects_names, with a status from nearby verbs."""

from __future__ import annotations

import re
from functools import cache

from summarizer.backends.offline._tables import alternation, table
from summarizer.backends.offline.projects_names import NameSpan, find_names
from summarizer.document import Article, PreparedDocument
from summarizer.models import Project, ProjectStatus

CLAUSE_MARKS = frozenset(",，。；;：:！？!?\n")


@cache
def _status_cues() -> tuple[re.Pattern[str], dict[str, ProjectStatus]]:
    statuses = table("project_cues")["status"]
    by_word = {str(w): ProjectStatus(name) for name, ws in statuses.items() for w in ws}
    return re.compile(alternation(by_word)), by_word


def extract_projects(document: PreparedDocument, article: Article) -> list[Project]:
    """Every named project of one article, grounded in the document."""
    return [
        Project(
            name=article.text[span.start : span.end],
            status=project_status(article.text, span),
            article=article.index,
            evidence=document.evidence(article, span.start, span.end),
        )
        for span in find_names(article.text)
    ]


def project_status(text: str, span: NameSpan) -> ProjectStatus:
    """The status the clause around the name states; a verb before the name wins."""
    pattern, by_word = _status_cues()
    left, right = _clause_bounds(text, span.start, span.end)
    before = [m for m in pattern.finditer(text, left, span.start)]
    planned = [m for m in before if by_word[m.group()] is ProjectStatus.PLANNED]
    if planned:
        return ProjectStatus.PLANNED
    if before:
        return by_word[before[-1].group()]
    after = pattern.search(text, span.end, right)
    return by_word[after.group()] if after else ProjectStatus.UNKNOWN


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_MARKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_MARKS:
        right += 1
    return left, right


def merge_projects(projects: list[Project]) -> list[Project]:
    """One project per name in the document; a name inside a fuller one is dropped."""
    kept: list[Project] = []
    for project in sorted(projects, key=lambda p: -len(p.name)):
        if not any(project.name in other.name for other in kept):
            kept.append(project)
    order = {id(p): i for i, p in enumerate(projects)}
    return sorted(kept, key=lambda p: order[id(p)])
