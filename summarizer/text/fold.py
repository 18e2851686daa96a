"""A normalized view of text for matching only, with the same length as the text.

`fold(text)` maps every character on its own, so index `i` of the folded text is
index `i` of the text: a match found in the folded view is quoted from the
original at the same offsets. Outputs never show folded text.

Per character, in order:
- NFKC compatibility folding (full-width "，：（Ａ１" → ",:(A1"), kept only when
  NFKC yields exactly one character ("…" stays, since NFKC makes it "...");
- traditional → simplified with OpenCC's `t2s` table (one character at a time,
  so phrase rules can never change the length).

OpenCC is loaded on the first call, not when the package is imported.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter:
    import opencc  # loaded lazily: only prepare needs it

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def fold_char(char: str) -> str:
    """The matching form of one character: NFKC width-folded, then simplified."""
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    if ord(folded) < 0x2E80:  # below the CJK blocks OpenCC could change
        return folded
    simplified = _t2s().convert(folded)
    return simplified if len(simplified) == 1 else folded


class _FoldTable(dict[int, str]):
    """A `str.translate` table that fills itself one character at a time."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """The folded view of `text`: same length, same indices, for matching only."""
    folded = text.translate(_TABLE)
    if len(folded) != len(text):  # cannot happen by construction; guard the contract
        raise AssertionError("fold changed the length of the text")
    return folded
