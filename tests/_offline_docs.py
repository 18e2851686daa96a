"""Helpers for the offline-extractor tests: documents whose article is the whole text."""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.document import Article, PreparedDocument
from summarizer.models import Directive, Speaker


def one_article(text: str, date: str | None = None) -> PreparedDocument:
    """A prepared document with one article covering the text, offsets the identity."""
    article = Article(index=0, text=text, offsets=tuple(range(len(text))), date=date)
    return PreparedDocument(id="t", original=text, articles=(article,))


def names_and_titles(speakers: Iterable[Speaker]) -> list[tuple[str, str | None]]:
    """(name, title) of each speaker, in order."""
    return [(s.name, s.title) for s in speakers]


def issued(directives: Iterable[Directive]) -> set[tuple[str, str]]:
    """The (issuer, text) pairs of the directives."""
    return {(d.issuer, d.text) for d in directives}
