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
    strong = words("project_cues", "strong_suffixes")
    weak = words("project_cues", "weak_suffixes")
    categories = alternation(words("project_cues", "list_categories"))
    return _Cues(
        suffixes=_overlapping(strong + weak),
        strong=WordSet(strong),
        context=re.compile(alternation(words("project_cues", "construction_context")) or "(?!)"),
        categories=re.compile(
            f"(?:等|为代表的)([^,，。；;、]{{0,{MAX_CATEGORY_GAP}}}?)(?:{categories})"
        ),
        generic=WordSet(words("project_cues", "generic_words")),
        generic_or_vision=WordSet(
            words("project_cues", "generic_words") + words("project_cues", "vision_words")
        ),
        left_stops=WordSet(
            words("project_cues", "left_stops") + words("project_cues", "designation_verbs")
        ),
        right_boundaries=WordSet(words("project_cues", "right_boundaries")),
        not_names=WordSet(words("project_cues", "not_names")),
        category_cuts=frozenset(words("project_cues", "category_cuts")),
        place_cuts=frozenset(words("project_cues", "place_cuts")),
        designations=WordSet(words("project_cues", "designation_verbs")),
        ambitions=words("project_cues", "ambition_words"),
        goal_nouns=WordSet(words("project_cues", "goal_nouns")),
        sites=WordSet(words("project_cues", "site_endings")),
        address_before=WordSet(words("project_cues", "address_before")),
        address_after=WordSet(words("project_cues", "address_after")),
        works=words("project_cues", "works_categories"),
        modes=WordSet(words("project_cues", "transport_modes")),
        aspects=WordSet(words("project_cues", "aspect_nouns")),
        company_forms=WordSet(words("project_cues", "company_forms")),
        company_words=frozenset(words("project_cues", "company_words")),
        inner_words=WordSet(words("project_cues", "inner_words")),
        undertakings=words("project_cues", "undertaking_words"),
        gap_stops=words("project_cues", "list_gap_stops"),
        areas=WordSet(words("project_cues", "area_endings")),
        content_leads=words("project_cues", "content_leads"),
        rank_words=words("project_cues", "rank_words"),
        not_cuts=words("project_cues", "not_cuts"),
    )


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
