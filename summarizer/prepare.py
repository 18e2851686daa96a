"""Placeholder prepare stage: UTF-8 decode, one article (replaced by issue #3)."""

from __future__ import annotations

from summarizer.document import Article, PreparedDocument, SourceDocument
from summarizer.errors import InputError


def prepare(document: SourceDocument) -> PreparedDocument:
    raw = document.raw
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    if not text.strip():
        raise InputError("empty document", source=document.source or document.id)
    article = Article(index=0, text=text, offsets=tuple(range(len(text))))
    return PreparedDocument(id=document.id, original=text, articles=(article,), source=document.source)
