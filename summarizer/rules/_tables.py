"""Cue tables of the offline extractor: TOML files under data/, loaded once and compiled.

The rules of every stage read their vocabulary from here, so widening the extractor
to a new region or genre is an edit of data, not of code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

CJK = "\u4e00-\u9fff\u3400-\u4dbf"


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed TOML table data/<name>.toml."""
    text = resources.files(__package__).joinpath("data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def words(name: str, key: str) -> tuple[str, ...]:
    """A list of words from a table, as a tuple."""
    return tuple(str(w) for w in table(name)[key])


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the fullest word wins."""
    unique = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


@cache
def surname_pattern() -> str:
    """Regex fragment matching one surname (compound surnames first)."""
    data = table("surnames")
    singles = "".join(ch for ch in str(data["single"]) if not ch.isspace())
    compounds = alternation(str(c) for c in data["compound"])
    return f"(?:{compounds}|[{singles}])"


@cache
def surname_heads() -> str:
    """Regex class of the characters a surname can begin with."""
    data = table("surnames")
    singles = {ch for ch in str(data["single"]) if not ch.isspace()}
    firsts = {str(c)[0] for c in data["compound"]}
    return "[" + "".join(re.escape(ch) for ch in sorted(singles | firsts)) + "]"


class WordSet:
    """A set of words with the prefix/suffix look-ups the scanners need.

    Words are indexed by their first and last character, so a miss costs one dict look-up:
    the scanners call these for most characters of every article.
    """

    def __init__(self, items: Iterable[str]) -> None:
        self.words = frozenset(w for w in items if w)
        self.longest = max((len(w) for w in self.words), default=0)
        self._by_first = _lengths_by(self.words, 0)
        self._by_last = _lengths_by(self.words, -1)

    def ending_at(self, text: str, end: int) -> int:
        """Length of the longest word ending just before `end`, or 0."""
        if end <= 0:
            return 0
        for size in self._by_last.get(text[end - 1], ()):
            if size <= end and text[end - size : end] in self.words:
                return size
        return 0

    def starting_at(self, text: str, start: int) -> int:
        """Length of the longest word starting at `start`, or 0."""
        if start >= len(text):
            return 0
        for size in self._by_first.get(text[start], ()):
            if text[start : start + size] in self.words:
                return size
        return 0

    def __contains__(self, item: object) -> bool:
        return item in self.words


def _lengths_by(vocabulary: frozenset[str], index: int) -> dict[str, tuple[int, ...]]:
    """Word lengths grouped by the character at `index`, longest first."""
    grouped: dict[str, set[int]] = {}
    for word in vocabulary:
        grouped.setdefault(word[index], set()).add(len(word))
    return {ch: tuple(sorted(sizes, reverse=True)) for ch, sizes in grouped.items()}
