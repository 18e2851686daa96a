"""What the weekly briefing takes from the archive: reprints shown once, and since last week."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, select

from summarizer.archive.reprints import better_lead
from summarizer.archive.schema import articles, documents
from summarizer.models import Brief


class Copy(BaseModel):
    """An article of the briefing that repeats a story told in full elsewhere."""

    model_config = ConfigDict(extra="forbid")

    document: str = Field(description="Document id.")
    article: int = Field(description="Index of the article in its document.")


class Reprint(BaseModel):
    """One story found in several documents of the briefing."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(description="Headline of the article kept.")
    kept: str = Field(description="Id of the document whose items the briefing shows.")
    article: int = Field(default=0, description="Index of the kept article in its document.")
    copies: list[Copy] = Field(default_factory=list, description="The other articles.")
    sources: list[str] = Field(description="Every document (URL or file) the story came in.")


def reprint_groups(
    conn: Connection, digests: dict[str, str]
) -> dict[int, list[tuple[str, int, int]]]:
    """story id → (document id, article index, shingles) for stories found in several documents.

    `digests` maps each document id of the briefing to its content hash.
    """
    by_hash = {h: doc for doc, h in digests.items()}
    query = (
        select(documents.c.content_hash, articles.c.idx, articles.c.story_id, articles.c.shingles)
        .join(documents, documents.c.id == articles.c.document_id)
        .where(documents.c.content_hash.in_(list(by_hash)))
    )
    stories: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for digest, idx, story_id, shingles in conn.execute(query):
        stories[int(story_id)].append((by_hash[digest], int(idx), int(shingles)))
    return {s: m for s, m in stories.items() if len({doc for doc, _, _ in m}) > 1}


def without_reprints(
    briefs: list[Brief], groups: dict[int, list[tuple[str, int, int]]]
) -> tuple[list[Brief], list[Reprint]]:
    """Each story once: the longest article keeps its items, its reprints lose theirs."""
    dropped: dict[str, set[int]] = defaultdict(set)
    by_id = {b.id: b for b in briefs}
    reprints = []
    for members in groups.values():
        lead = members[0]
        for member in members[1:]:
            if better_lead(member[2], _day(by_id[member[0]]), lead[2], _day(by_id[lead[0]])):
                lead = member
        for doc, idx, _ in members:
            if (doc, idx) != lead[:2]:
                dropped[doc].add(idx)
        reprints.append(_reprint(by_id, lead, members))
    return [_drop(b, dropped.get(b.id, set())) for b in briefs], reprints


def _reprint(
    by_id: dict[str, Brief], lead: tuple[str, int, int], members: list[tuple[str, int, int]]
) -> Reprint:
    brief = by_id[lead[0]]
    title = brief.articles[lead[1]].title if lead[1] < len(brief.articles) else brief.title
    sources = sorted({by_id[doc].source or doc for doc, _, _ in members})
    copies = [Copy(document=doc, article=idx) for doc, idx, _ in members if (doc, idx) != lead[:2]]
    return Reprint(
        title=title or brief.title, kept=brief.id, article=lead[1], copies=copies, sources=sources
    )


def _drop(brief: Brief, indexes: set[int]) -> Brief:
    if not indexes:
        return brief
    return brief.model_copy(
        update={
            name: [i for i in getattr(brief, name) if i.article not in indexes]
            for name in ("speakers", "directives", "metrics", "projects")
        }
    )


def _day(brief: Brief) -> date | None:
    return date.fromisoformat(brief.date) if brief.date else None


def latest_week(briefs: list[Brief]) -> str | None:
    """The ISO week of the latest dated brief, e.g. 2023-W32."""
    days = [date.fromisoformat(b.date) for b in briefs if b.date]
    if not days:
        return None
    year, week, _ = max(days).isocalendar()
    return f"{year}-W{week:02d}"
