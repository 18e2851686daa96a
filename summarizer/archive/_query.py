"""The rows every reading of the archive starts from: the items of the current brief of each
document, one story once (the items of its lead article), with the story's sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, Select, and_, select, union

from summarizer.archive.schema import articles, briefs, document_sources, documents, items, stories


def current_items() -> Select[tuple[object, ...]]:
    """Items of current briefs whose article leads its story, with story id and title."""
    return select(
        items,
        articles.c.story_id,
        stories.c.title.label("story_title"),
        documents.c.doc_id,
    ).select_from(
        items.join(briefs, and_(briefs.c.id == items.c.brief_id, briefs.c.current.is_(True)))
        .join(articles, articles.c.id == items.c.article_id)
        .join(
            stories,
            and_(stories.c.id == articles.c.story_id, stories.c.lead_article_id == articles.c.id),
        )
        .join(documents, documents.c.id == briefs.c.document_id)
    )


def story_sources(conn: Connection, story_ids: Iterable[int]) -> dict[int, list[str]]:
    """story id → where its articles were found (URL when known, else the file or id), sorted."""
    wanted = sorted(set(story_ids))
    found: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        own = select(articles.c.story_id, documents.c.url, documents.c.source).join(
            documents, documents.c.id == articles.c.document_id
        )
        seen = select(articles.c.story_id, document_sources.c.url, document_sources.c.source).join(
            document_sources, document_sources.c.document_id == articles.c.document_id
        )
        query = union(
            own.where(articles.c.story_id.in_(chunk)), seen.where(articles.c.story_id.in_(chunk))
        )
        for story_id, url, source in conn.execute(query):
            found[int(story_id)].add(url or source)
    return {story: sorted(where) for story, where in found.items()}
