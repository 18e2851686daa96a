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

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from summarizer.text.marks import CJK


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


# ---- the folded view: what every rule reads ----------------------------------------

_CJK_CHAR = re.compile(f"[{CJK}]")
_ENTITIES = {"nbsp": " ", "ensp": " ", "emsp": " ", "gt": ">", "lt": "<", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:(?P<name>[a-z]{2,5})|#(?P<dec>\d{2,5})|#x(?P<hex>[0-9a-f]{2,4}));?")
# Tone-marked or plain lower-case pinyin in brackets right after a character: 發(fā)展.
_PINYIN = re.compile(f"(?<=[{CJK}])\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,8}}\\)")
_BLANKS = re.compile(r"[ \t\r\f\v\u200b\ufeff]+")
_DOUBLED = re.compile(r"([,;:!?、。])\1+|(?<=\d)\.\.+(?=\d)")
# A "." that ends a sentence: after a character or a closing mark (also before a digit:
# 满怀.2月20日), or after a number or % when no digit follows (增长8%. / 达到15.”).
_DOT_AFTER_WORD = f"(?<=[{CJK}”’)】」』])\\.(?=[{CJK}0-9“”‘’()【】「」『』\\n]|$)"
_CLOSE_OR_OPEN = "“”‘’()【】「」『』"
_SENTENCE_DOT = re.compile(
    f"{_DOT_AFTER_WORD}|(?<=[%0-9])\\.(?=[{CJK}{_CLOSE_OR_OPEN}\\n]|$)"
)
# On a raw page a number's "." may end a hard-wrapped line (68.|2亿元): not a full stop there.
_PAGE_SENTENCE_DOT = re.compile(f"{_DOT_AFTER_WORD}|(?<=[%0-9])\\.(?=[{CJK}{_CLOSE_OR_OPEN}])")
_CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})

Replace = Callable[[re.Match[str], "FoldedView"], str]


@dataclass(frozen=True)
class FoldedView:
    """A folded text and, for each of its characters, the index in the source it came from."""

    text: str
    index: tuple[int, ...]
    source: str


def fold_page(text: str) -> str:
    """`fold`, plus punctuation read the way the view reads it, still one character for one.

    The prepare stage classifies lines on this (a headline has no full stop, written
    。 or .), so it must read "." and straight quotes as the view does.
    """
    return _PAGE_SENTENCE_DOT.sub("。", _quotes(fold(text)))


def fold_view(text: str) -> FoldedView:
    """The view every rule reads: folded, with page debris absorbed; indices map back.

    On top of `fold` (width, traditional → simplified): HTML entities decoded,
    pinyin glosses dropped (發(fā)展), stray blanks dropped (袁  明, 增长 7.3%),
    doubled punctuation collapsed (,, and 14..3), a full stop written as "." read
    as "。", corner quotes 「」 read as “”, straight double quotes paired as “”.
    """
    view = FoldedView(_quotes(fold(text)), tuple(range(len(text))), text)
    view = _rewrite(view, _ENTITY, _entity)
    view = _rewrite(view, _PINYIN, lambda match, view: "")
    view = _rewrite(view, _BLANKS, _blank)
    view = _rewrite(view, _DOUBLED, lambda match, view: match.group(1) or ".")
    return _rewrite(view, _SENTENCE_DOT, lambda match, view: "。")


def _rewrite(view: FoldedView, pattern: re.Pattern[str], replace: Replace) -> FoldedView:
    """Replace every match; a replacement's characters map to the match's first index."""
    pieces: list[str] = []
    index: list[int] = []
    position = 0
    for match in pattern.finditer(view.text):
        start, end = match.span()
        replacement = replace(match, view)
        pieces += (view.text[position:start], replacement)
        index += view.index[position:start]
        index += [view.index[start]] * len(replacement)
        position = end
    if not pieces:
        return view
    pieces.append(view.text[position:])
    index += view.index[position:]
    return FoldedView("".join(pieces), tuple(index), view.source)


def _entity(match: re.Match[str], view: FoldedView) -> str:
    if match.group("name"):
        return _ENTITIES.get(match.group("name"), match.group())
    code = int(match.group("dec")) if match.group("dec") else int(match.group("hex"), 16)
    return chr(code) if 0x20 <= code < 0x110000 else match.group()


def _blank(match: re.Match[str], view: FoldedView) -> str:
    """Drop a stray blank (inside a word, before a unit); keep a separator as one space.

    Stray: one half-width space; blanks between two characters that each stand
    alone (陈　佩, 陆  峰: two-character names padded to three); blanks after a
    lone character that opens a line or a clause (袁  明要求). A separator: wider
    blanks between words or table cells. Blanks at a line's edge go.
    """
    text, (start, end) = view.text, match.span()
    if start == 0 or end == len(text) or "\n" in (text[start - 1], text[end]):
        return ""
    if _ascii_word(text[start - 1]) and _ascii_word(text[end]):
        return " "
    if end - start == 1 and view.source[view.index[start]] in " \xa0&":  # & of an &nbsp;
        return ""
    left, right = _run_before(text, start), _run_after(text, end)
    if left == 1 and right == 1:
        return ""
    opens = start - 1 == 0 or not text[start - 2].isspace()
    return "" if left == 1 and right and opens else " "


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _run_before(text: str, end: int) -> int:
    """How many CJK characters run up to `end`."""
    start = end
    while start > 0 and _CJK_CHAR.match(text[start - 1]):
        start -= 1
    return end - start


def _run_after(text: str, start: int) -> int:
    """How many CJK characters run from `start`."""
    end = start
    while end < len(text) and _CJK_CHAR.match(text[end]):
        end += 1
    return end - start


def _quotes(text: str) -> str:
    """Corner quotes as curly ones; straight double quotes paired open/close per line."""
    text = text.translate(_CORNER_QUOTES)
    if '"' not in text:
        return text
    return "\n".join(_pair_quotes(line) for line in text.split("\n"))


def _pair_quotes(line: str) -> str:
    parts = line.split('"')
    marks = ("“" if i % 2 == 0 else "”" for i in range(len(parts) - 1))
    return "".join(part + mark for part, mark in zip(parts, marks, strict=False)) + parts[-1]


def restorer(original: str) -> Callable[[str], str]:
    """Write a folded string the way the page writes its characters (亿 → 億 on a 繁體 page).

    For text the rules compose rather than cut (an indicator inherited from an earlier
    clause, 会议 as an issuer), each folded CJK character becomes the page's most
    frequent character that folds to it; digits, letters and punctuation stay folded.
    """
    frequency = Counter(original)
    forms: dict[str, list[str]] = {}
    for char in frequency:
        folded = _TABLE[ord(char)] if ord(char) >= 0x2E80 else char
        if folded != char and _CJK_CHAR.match(folded):
            forms.setdefault(folded, []).append(char)
    table: dict[int, str] = {}
    for folded, written in forms.items():
        best = max(written, key=frequency.__getitem__)
        if frequency[best] > frequency[folded]:  # the page writes it mostly this way
            table[ord(folded)] = best
    return lambda text: text.translate(table)
