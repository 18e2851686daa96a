"""The project tables of data/project_cues.toml, compiled once, and the shared name tests.

Every project rule reads its vocabulary from here: name endings, stop words, category and
generic words, status verbs. Words are simplified with half-width punctuation, for the
rules read an article's folded view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.rules._tables import CJK, WordSet, alternation, words

NAME_CHARS = re.compile(f"[{CJK}A-Za-z0-9()（）·]")
NUMERALS = frozenset("一二三四五六七八九十百千万两双0123456789")
MAX_NAME = 30
MAX_COMPANY_NAME = 48  # 内蒙古阿荣旗蒙禾农牧科技有限公司年屠宰加工20万头肉牛项目
MAX_CATEGORY_GAP = 12
# 第三幼儿园, 第二中学: an ordinal names one facility (第二批, 第三季度 are batches and periods).
ORDINAL = re.compile("第[0-9一二三四五六七八九十百]+(?![0-9一二三四五六七八九十百批季期次届轮])")


@dataclass(frozen=True)
class NameSpan:
    """A project name found in the article text, [start, end)."""

    start: int
    end: int
    listed: bool  # named as an item of a list of projects


@dataclass(frozen=True)
class _Cues:
    suffixes: re.Pattern[str]
    strong: WordSet
    context: re.Pattern[str]
    categories: re.Pattern[str]
    generic: WordSet
    generic_or_vision: WordSet
    left_stops: WordSet
    right_boundaries: WordSet
    not_names: WordSet
    category_cuts: frozenset[str]
    place_cuts: frozenset[str]
    designations: WordSet
    ambitions: tuple[str, ...]
    goal_nouns: WordSet
    sites: WordSet
    address_before: WordSet
    address_after: WordSet
    works: tuple[str, ...]
    modes: WordSet
    aspects: WordSet
    company_forms: WordSet
    company_words: frozenset[str]
    inner_words: WordSet
    undertakings: tuple[str, ...]
    gap_stops: tuple[str, ...]
    areas: WordSet
    content_leads: tuple[str, ...]
    rank_words: tuple[str, ...]
    not_cuts: tuple[str, ...]


@cache
def cues() -> _Cues:
    """The compiled project tables."""
    strong = _list("strong_suffixes")
    weak = _list("weak_suffixes")
    categories = alternation(_list("list_categories"))
    return _Cues(
        suffixes=_overlapping(strong + weak),
        strong=WordSet(strong),
        context=re.compile(alternation(_list("construction_context")) or "(?!)"),
        categories=re.compile(
            f"(?:等|为代表的)([^,，。；;、]{{0,{MAX_CATEGORY_GAP}}}?)(?:{categories})"
        ),
        generic=_set("generic_words"),
        generic_or_vision=WordSet(_list("generic_words") + _list("vision_words")),
        left_stops=WordSet(_list("left_stops") + _list("designation_verbs")),
        right_boundaries=_set("right_boundaries"),
        not_names=_set("not_names"),
        category_cuts=frozenset(_list("category_cuts")),
        place_cuts=frozenset(_list("place_cuts")),
        designations=_set("designation_verbs"),
        ambitions=_list("ambition_words"),
        goal_nouns=_set("goal_nouns"),
        sites=_set("site_endings"),
        address_before=_set("address_before"),
        address_after=_set("address_after"),
        works=_list("works_categories"),
        modes=_set("transport_modes"),
        aspects=_set("aspect_nouns"),
        company_forms=_set("company_forms"),
        company_words=frozenset(_list("company_words")),
        inner_words=_set("inner_words"),
        undertakings=_list("undertaking_words"),
        gap_stops=_list("list_gap_stops"),
        areas=_set("area_endings"),
        content_leads=_list("content_leads"),
        rank_words=_list("rank_words"),
        not_cuts=_list("not_cuts"),
    )


def _list(key: str) -> tuple[str, ...]:
    return words("project_cues", key)


def _set(key: str) -> WordSet:
    return WordSet(_list(key))


def _overlapping(endings: tuple[str, ...]) -> re.Pattern[str]:
    """Group 1: the longest ending starting at each position (a lookahead, so they overlap)."""
    heads = "".join(sorted({re.escape(word[0]) for word in endings}))
    # Checking the first character before trying every ending makes a miss cheap.
    return re.compile(f"(?=[{heads}])(?=({alternation(endings)}))")


def is_generic(name: str, generic: WordSet | None = None) -> bool:
    """True when the name is made only of category words (重大基础设施项目)."""
    if ORDINAL.search(name):
        return False
    generic = generic or cues().generic
    reachable = [True] + [False] * len(name)
    for end in range(1, len(name) + 1):
        for size in range(1, min(generic.longest, end) + 1):
            if reachable[end - size] and name[end - size : end] in generic.words:
                reachable[end] = True
                break
    return reachable[len(name)]


def longest(name: str) -> int:
    """The longest a name may be: a company's project name holds the company's name too."""
    return (
        MAX_COMPANY_NAME if any(form in name for form in cues().company_forms.words) else MAX_NAME
    )
