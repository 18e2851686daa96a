"""The ground stage: find a model's quote in an article and turn it into evidence.

A model copies text imperfectly: full-width digits become half-width, a
traditional character becomes simplified, a line break inside a sentence is
dropped. The search tries, in order: the exact text, the folded view (width,
traditional/simplified, case; `summarizer.text.fold.fold`, which keeps the length
so offsets carry over) and the folded view with whitespace ignored. Offsets are
always computed here, never taken from the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from summarizer.document import Article, PreparedDocument
from summarizer.models import Evidence
from summarizer.text.fold import fold as fold_width_and_script

__all__ = ["ArticleText", "fold", "locate", "ground"]

# Punctuation a model tends to add or drop around a quote.
_EDGE = " \t\r\n\u3000\"'“”‘’「」『』《》()（）,，.。;；:：!！?？、"


def fold(text: str) -> str:
    """The length-preserving folded view of `text` used to match quotes (lower-cased)."""
    folded = fold_width_and_script(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)  # İ lowers to two


@dataclass
class ArticleText:
    """An article's text with its folded and whitespace-free views, built once."""

    text: str
    _squeezed_index: list[int] = field(default_factory=list, init=False, repr=False)

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def squeezed(self) -> str:
        """The folded text without whitespace; `_squeezed_index` maps back."""
        kept = [(i, ch) for i, ch in enumerate(self.folded) if not ch.isspace()]
        self._squeezed_index = [i for i, _ in kept]
        return "".join(ch for _, ch in kept)


def locate(article: ArticleText, quote: str, near: int = 0) -> tuple[int, int] | None:
    """The span [start, end) of `quote` in the article, or None when it is not there.

    When the quote occurs more than once, the first occurrence at or after `near`
    wins, else the first one.
    """
    needle = quote.strip(_EDGE)
    if not needle:
        return None
    for haystack, probe in ((article.text, needle), (article.folded, fold(needle))):
        found = _find_near(haystack, probe, near)
        if found >= 0:
            return found, found + len(probe)
    return _locate_squeezed(article, needle, near)


def _find_near(haystack: str, needle: str, near: int) -> int:
    found = haystack.find(needle, near) if near else -1
    return found if found >= 0 else haystack.find(needle)


def _locate_squeezed(article: ArticleText, needle: str, near: int) -> tuple[int, int] | None:
    probe = "".join(ch for ch in fold(needle) if not ch.isspace())
    if not probe:
        return None
    squeezed = article.squeezed
    index = article._squeezed_index
    near_squeezed = next((k for k, i in enumerate(index) if i >= near), 0)
    found = _find_near(squeezed, probe, near_squeezed)
    if found < 0:
        return None
    return index[found], index[found + len(probe) - 1] + 1


def ground(
    document: PreparedDocument, article: Article, quote: str, *, near: int = 0
) -> Evidence | None:
    """Evidence in the original document for a quote found in the article, or None."""
    span = locate(ArticleText(article.text), quote, near)
    if span is None:
        return None
    return document.evidence(article, *span)
