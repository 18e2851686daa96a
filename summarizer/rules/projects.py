"""Projects of an article: names from the text (projects_names) and from tables printed as
text (projects_tables), each with its status (projects_status); one project per name."""

from __future__ import annotations

from summarizer.document import Article, PreparedDocument
from summarizer.models import Project, ProjectStatus
from summarizer.rules.projects_cues import NameSpan, cues
from summarizer.rules.projects_filters import acceptable
from summarizer.rules.projects_names import find_names
from summarizer.rules.projects_status import project_status
from summarizer.rules.projects_tables import table_rows
from summarizer.text.fold import fold_view

MIN_KEPT = 2  # characters of each end a shortened name keeps (瑞庆…发动机)
MIN_ALIAS = 3  # characters of a short name before its ending (鑫晟新材料项目)


def extract_projects(document: PreparedDocument, article: Article) -> list[Project]:
    """Every named project of one article, grounded in the document."""
    view = article.view
    rows = table_rows(document, view)
    spans = [s for s in find_names(view.text) if not any(r.start <= s.start < r.end for r in rows)]
    found = [
        _project(document, view, span, project_status(view.text, span, spans)) for span in spans
    ]
    for row in rows:
        span = NameSpan(row.name_start, row.name_end, listed=True)
        if acceptable(view.text, span):
            found.append(_project(document, view, span, row.status or ProjectStatus.UNKNOWN))
    return sorted(found, key=lambda p: p.evidence.start)


def _project(
    document: PreparedDocument, view: Article, span: NameSpan, status: ProjectStatus
) -> Project:
    return Project(
        name=document.verbatim(view, span.start, span.end),
        status=status,
        article=view.index,
        evidence=document.evidence(view, span.start, span.end),
    )


def merge_projects(projects: list[Project]) -> list[Project]:
    """One project per name in the document: a name inside a fuller one, or a short form of
    it, is dropped, and lends its status when the fuller mention states none."""
    keys = {id(p): _key(p.name) for p in projects}
    kept: list[Project] = []
    for project in sorted(projects, key=lambda p: -len(keys[id(p)])):
        short = keys[id(project)]
        full = next((i for i, k in enumerate(kept) if _shortens(short, keys[id(k)])), None)
        if full is None:
            kept.append(project)
        elif kept[full].status is ProjectStatus.UNKNOWN:
            kept[full].status = project.status
    order = {id(p): i for i, p in enumerate(projects)}
    return sorted(kept, key=lambda p: order[id(p)])


def _key(name: str) -> str:
    """A name as the rules read it: folded, blanks and line breaks of the page left out."""
    return "".join(fold_view(name).text.split())


def _shortens(short: str, full: str) -> bool:
    """The short name is inside the full one, is it with a middle part left out (A发动机 for
    A混动发动机: both keep at least two characters of either end), or is its company's short
    name with the same ending (鑫晟新材料项目 for 广西藤州鑫晟新材料有限公司年产…项目)."""
    if short in full:
        return True
    if len(short) >= len(full):
        return False
    if _alias(short, full):
        return True
    if not (full.startswith(short[:MIN_KEPT]) and full.endswith(short[-MIN_KEPT:])):
        return False  # every cut below keeps both of these ends
    return any(
        full.startswith(short[:cut]) and full.endswith(short[cut:])
        for cut in range(MIN_KEPT, len(short) - MIN_KEPT + 1)
    )


def _alias(short: str, full: str) -> bool:
    for ending in cues().undertakings:
        core = short.removesuffix(ending)
        if core != short and full.endswith(ending) and len(core) >= MIN_ALIAS:
            return core in full[: -len(ending)]
    return False
