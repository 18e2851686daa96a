"""The one loader of cue tables: TOML data files, word alternations, word sets.

Every stage keeps its vocabulary as data (text/data/*.toml for prepare, rules/data/*.toml
for the offline rules) and reads it through these helpers, so widening the extractor to a
new region or genre is an edit of data, not of code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_table(package: str, name: str) -> dict[str, Any]:
    """The parsed TOML file data/<name>.toml of a package."""
    text = resources.files(package).joinpath("data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the fullest word wins."""
    unique = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


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
