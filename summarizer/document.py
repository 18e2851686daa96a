"""Documents as they come in, and articles as the prepare stage hands them on.

Pure data with the offset arithmetic that keeps evidence pointing into the
document the user gave. Imports only the models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from summarizer.models import Evidence
from summarizer.text.fold import fold_view, restorer


@dataclass(frozen=True)
class SourceDocument:
    """One input document: raw bytes or text, plus what is known about it."""

    id: str
    raw: str | bytes
    source: str | None = None
    title: str | None = None
    date: str | None = None  # the event date the caller states (a JSONL `date`): final
    url: str | None = None
    published: str | None = None  # the date the page declares for itself (HTML <meta>)


@dataclass(frozen=True)
class Article:
    """One news item: cleaned text for extraction, mapped back to the original.

    `offsets[i]` is the index in the original document of `text[i]`; the cleaned
    text may join broken lines or drop markup, so the map is not contiguous.
    """

    index: int
    text: str
    offsets: tuple[int, ...]
    title: str | None = None
    date: str | None = None
    folded: bool = False  # True for the view itself: its text is already folded

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text):
            raise ValueError("an article needs one original offset per character")

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0

    @cached_property
    def view(self) -> Article:
        """The article as every rule reads it: the folded view, offsets still into the original.

        Width, script and page debris are folded away (summarizer.text.fold.fold_view), so
        one rule reads a 繁體, full-width or hard-wrapped page like any other; evidence cut
        through these offsets is the original text.
        """
        if self.folded:
            return self
        view = fold_view(self.text)
        offsets = tuple(self.offsets[i] for i in view.index)
        return replace(self, text=view.text, offsets=offsets, folded=True)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the article span [start, end) to a span of the original document."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the article (0:{len(self.text)})")
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class PreparedDocument:
    """A decoded document and the articles found in it."""

    id: str
    original: str
    articles: tuple[Article, ...]
    source: str | None = None
    title: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def restore(self) -> Callable[[str], str]:
        """Write a folded string in the page's own characters (see text.fold.restorer)."""
        return restorer(self.original)

    def verbatim(self, article: Article, start: int, end: int) -> str:
        """The original text at the mapped article span [start, end)."""
        orig_start, orig_end = article.original_span(start, end)
        return self.original[orig_start:orig_end]

    def evidence(self, article: Article, start: int, end: int) -> Evidence:
        """Evidence for an article span: the original text at the mapped offsets."""
        orig_start, orig_end = article.original_span(start, end)
        return Evidence(quote=self.original[orig_start:orig_end], start=orig_start, end=orig_end)
