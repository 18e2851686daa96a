"""Helpers for the offline-extractor tests: documents whose article is the whole text."""

from __future__ import annotations

from summarizer.document import Article, PreparedDocument


def one_article(text: str, date: str | None = None) -> PreparedDocument:
    """A prepared document with one article covering the text, offsets the identity."""
    article = Article(index=0, text=text, offsets=tuple(range(len(text))), date=date)
    return PreparedDocument(id="t", original=text, articles=(article,))
