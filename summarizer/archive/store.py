"""Writing to the archive: a document once, its articles grouped into stories, each brief
version once, and the brief's items."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select, tuple_, update

from summarizer.archive import reprints
from summarizer.archive._rows import day_of, item_rows
from summarizer.archive.schema import (
    article_bands,
    articles,
    briefs,
    document_sources,
    documents,
    items,
    stories,
)
from summarizer.models import SCHEMA_VERSION, ArticleInfo, Brief


@dataclass(frozen=True)
class BriefVersion:
    """What makes two briefs of one document different: who made them, with what."""

    backend: str
    model: str = ""
    prompt_version: str = ""
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def of(cls, brief: Brief) -> BriefVersion:
        p = brief.provenance
        return cls(p.backend, p.model or "", p.prompt_version or "", p.schema_version)

    def columns(self) -> dict[str, str]:
        return {
            "backend": self.backend,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "schema_version": self.schema_version,
        }


@dataclass(frozen=True)
class Stored:
    """What one `add` did."""

    document_added: bool
    brief_added: bool
    brief_id: int


def content_hash(raw: str | bytes) -> str:
    """sha256 of the document's bytes (text is hashed as UTF-8)."""
    return hashlib.sha256(raw.encode("utf-8") if isinstance(raw, str) else raw).hexdigest()


def add_brief(
    conn: Connection, brief: Brief, text: str, digest: str, url: str | None = None
) -> Stored:
    """Store the brief (and its document the first time); the same version twice is a no-op."""
    document_id, document_added = _document(conn, brief, text, digest, url)
    version = BriefVersion.of(brief)
    existing = conn.scalar(
        select(briefs.c.id).where(briefs.c.document_id == document_id, *_matches(version))
    )
    if existing is not None:
        return Stored(document_added, False, existing)
    conn.execute(update(briefs).where(briefs.c.document_id == document_id).values(current=False))
    brief_id = _insert(
        conn,
        briefs,
        document_id=document_id,
        current=True,
        created_at=datetime.now(UTC),
        body=brief.model_dump_json(),
        **version.columns(),
    )
    article_ids = _articles(conn, document_id, brief, text)
    rows = item_rows(brief, article_ids, brief_id, text)
    if rows:
        conn.execute(insert(items), rows)
    return Stored(document_added, True, brief_id)


def _insert(conn: Connection, table: Table, **values: Any) -> int:
    """Insert one row and return its id."""
    key = conn.execute(insert(table).values(**values)).inserted_primary_key
    if key is None:  # every table written here has an integer primary key
        raise AssertionError(f"no primary key returned for {table.name}")
    return int(key[0])


def _matches(version: BriefVersion) -> list[Any]:
    return [getattr(briefs.c, name) == value for name, value in version.columns().items()]


def stored_briefs(conn: Connection, digests: list[str], version: BriefVersion) -> dict[str, Brief]:
    """content hash → the stored brief of that version, for the documents that have one."""
    found: dict[str, Brief] = {}
    for start in range(0, len(digests), 500):
        query = (
            select(documents.c.content_hash, briefs.c.body)
            .join(briefs, briefs.c.document_id == documents.c.id)
            .where(documents.c.content_hash.in_(digests[start : start + 500]), *_matches(version))
        )
        found.update({h: Brief.model_validate_json(body) for h, body in conn.execute(query)})
    return found


def _document(
    conn: Connection, brief: Brief, text: str, digest: str, url: str | None
) -> tuple[int, bool]:
    now = datetime.now(UTC)
    source = brief.source or url or brief.id
    found = conn.scalar(select(documents.c.id).where(documents.c.content_hash == digest))
    added = found is None
    if found is None:
        found = _insert(
            conn,
            documents,
            content_hash=digest,
            doc_id=brief.id,
            title=brief.title,
            source=source,
            url=url,
            published=day_of(brief.date),
            fetched_at=now,
            text=text,
        )
    seen = conn.scalar(
        select(document_sources.c.id).where(
            document_sources.c.document_id == found, document_sources.c.source == source
        )
    )
    if seen is None:
        _insert(conn, document_sources, document_id=found, source=source, url=url, seen_at=now)
    return int(found), added


def _articles(conn: Connection, document_id: int, brief: Brief, text: str) -> list[int]:
    """Ids of the document's articles, in order; the first brief creates them."""
    known = dict(
        conn.execute(
            select(articles.c.idx, articles.c.id).where(articles.c.document_id == document_id)
        ).all()
    )
    infos = brief.articles or [
        ArticleInfo(title=brief.title, date=brief.date, start=0, end=len(text))
    ]
    for idx, info in enumerate(infos):
        if idx not in known:
            known[idx] = _new_article(conn, document_id, idx, info, brief, text)
    return [known[i] for i in sorted(known)]


def _new_article(
    conn: Connection, document_id: int, idx: int, info: ArticleInfo, brief: Brief, text: str
) -> int:
    fp = reprints.fingerprint(text[info.start : info.end])
    day = day_of(info.date) or day_of(brief.date)
    story_id = _story_of(conn, fp, document_id)
    if story_id is None:
        story_id = _insert(conn, stories, title=info.title or brief.title, first_day=day)
    article_id = _insert(
        conn,
        articles,
        document_id=document_id,
        idx=idx,
        story_id=story_id,
        title=info.title or brief.title,
        day=day,
        region=info.region,
        meeting=info.meeting,
        start=info.start,
        end=info.end,
        shingles=fp.shingles,
        signature=fp.signature,
        numbers=fp.numbers,
    )
    conn.execute(
        insert(article_bands),
        [{"article_id": article_id, "band": b, "bucket": k} for b, k in reprints.band_buckets(fp)],
    )
    _update_lead(conn, story_id, article_id, fp.shingles, day)
    return int(article_id)


def _story_of(conn: Connection, fp: reprints.Fingerprint, document_id: int) -> int | None:
    """The story of the stored article this one reprints best, if any reaches the threshold."""
    buckets = reprints.band_buckets(fp)
    candidates = select(
        articles.c.story_id, articles.c.shingles, articles.c.signature, articles.c.numbers
    ).where(
        articles.c.id.in_(
            select(article_bands.c.article_id).where(
                tuple_(article_bands.c.band, article_bands.c.bucket).in_(buckets)
            )
        ),
        articles.c.document_id != document_id,
    )
    best, best_story = reprints.REPRINT_THRESHOLD, None
    for story_id, shingles, signature, numbers in conn.execute(candidates):
        other = reprints.Fingerprint(shingles, bytes(signature), numbers)
        score = reprints.similarity(fp, other)
        if score >= best:
            best, best_story = score, int(story_id)
    return best_story


def _update_lead(conn: Connection, story_id: int, article_id: int, shingles: int, day: Any) -> None:
    """Make the article its story's lead when it should be (reprints.better_lead)."""
    lead = conn.execute(
        select(stories.c.lead_article_id, articles.c.shingles, articles.c.day, stories.c.first_day)
        .select_from(stories.outerjoin(articles, articles.c.id == stories.c.lead_article_id))
        .where(stories.c.id == story_id)
    ).one()
    values: dict[str, Any] = {}
    if lead.lead_article_id is None or reprints.better_lead(
        shingles, day, lead.shingles or 0, lead.day
    ):
        values["lead_article_id"] = article_id
    if day is not None and (lead.first_day is None or day < lead.first_day):
        values["first_day"] = day
    if values:
        conn.execute(update(stories).where(stories.c.id == story_id).values(**values))
