"""Character-level text comparison for scoring Chinese spans.

Texts are compared after folding (full-width → half-width, traditional →
simplified, lower case) and after dropping whitespace, punctuation and
control characters: fixture spans may hold raw line breaks, and a label that
includes a closing 。 or a quotation mark must not score lower for it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from summarizer.evaluate._fold import fold

# Unicode major categories dropped before comparing: punctuation (P*),
# separators (Z*) and control/format characters (C*, e.g. \n, zero-width space).
_IGNORED_CATEGORIES = ("P", "Z", "C")


@lru_cache(maxsize=65_536)
def comparable(text: str) -> str:
    """The text as the scorer compares it: folded, without whitespace or punctuation."""
    return "".join(ch for ch in fold(text) if not _ignored(ch))


def _ignored(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in _IGNORED_CATEGORIES


def overlap_f1(predicted: str, expected: str) -> float:
    """Character-overlap F1: the two texts as multisets of comparable characters.

    0.0 when either side has no comparable character: an empty span matches nothing.
    """
    pred, gold = comparable(predicted), comparable(expected)
    if not pred or not gold:
        return 0.0
    common = sum((Counter(pred) & Counter(gold)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def contains_either(a: str, b: str) -> bool:
    """True when one comparable text contains the other (both non-empty)."""
    x, y = comparable(a), comparable(b)
    return bool(x) and bool(y) and (x in y or y in x)


def same_text(a: str | None, b: str | None) -> bool:
    """Equality after normalization; two absent values are the same."""
    if a is None or b is None:
        return a is None and b is None
    return comparable(a) == comparable(b)
