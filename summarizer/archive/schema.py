"""The archive's tables (SQLAlchemy Core): documents, sources, stories, articles, briefs, items.

A document is identified by the sha256 of its bytes; a brief by its document and the
backend, model, prompt and schema versions that made it, so a new version is stored
beside the old one. Items are the four lists, flattened, with the entity key that
tracks them across weeks. Key columns that may be absent hold '' rather than NULL,
so unique constraints behave alike on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", Text, nullable=False),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
)

document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "source"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("lead_article_id", Integer),  # the longest article of the story: its items count
    Column("title", Text),
    Column("first_day", Date),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("story_id", ForeignKey("stories.id"), nullable=False, index=True),
    Column("title", Text),
    Column("day", Date),
    Column("region", Text),
    Column("meeting", Boolean, nullable=False, default=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("numbers", Text, nullable=False, default=""),
    UniqueConstraint("document_id", "idx"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("bucket", BigInteger, nullable=False),
    Index("ix_article_bands_band_bucket", "band", "bucket"),
)

briefs = Table(
    "briefs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("backend", String(40), nullable=False),
    Column("model", String(200), nullable=False),
    Column("prompt_version", String(80), nullable=False),
    Column("schema_version", String(20), nullable=False),
    Column("current", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),
    UniqueConstraint("document_id", "backend", "model", "prompt_version", "schema_version"),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("brief_id", ForeignKey("briefs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("list", String(12), nullable=False),
    Column("position", Integer, nullable=False),
    Column("label", Text, nullable=False),  # name, directive text or indicator
    Column("detail", Text),  # speaker title or directive issuer
    Column("kind", String(24)),  # metric kind or project status
    Column("value", Float),
    Column("unit", Text),
    Column("period", Text),
    Column("normalized_value", Float),
    Column("normalized_unit", Text),
    Column("investment", Float),  # a project's stated investment, CNY
    Column("quote", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("entity", Text, nullable=False, index=True),  # normalized name, indicator or person
    Column("entity_key", Text, nullable=False),  # entity + region (+ period, + organization)
    Column("day", Date, index=True),
    Column("region", Text),
)
