"""Find project names in an article: names ending with a project word, and listed items.

A name ends with a word of data/project_cues.toml (…项目, …大道, …产业园); it starts after
the nearest punctuation or stop word on its left. Items listed before 等…项目 are projects
whatever their ending (紫荆大道、山阳路桥等重大基础设施项目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.backends.offline._tables import CJK, WordSet, alternation, words

NAME_CHARS = re.compile(f"[{CJK}A-Za-z0-9()（）·]")
NUMERALS = frozenset("一二三四五六七八九十百千万两0123456789")
COUNTED = re.compile("[0-9一二三四五六七八九十两几]+[多余]?[个项批座条]")  # 21个项目: a count
QUOTED = re.compile("“([^”]*)”")
CLAUSE_MARKS = frozenset(",，。；;：:！？!?\n")
MAX_NAME = 30
MAX_CATEGORY_GAP = 12
MAX_SUFFIX = 8  # longest project ending looked for at the end of a listed item
MIN_SPECIFIC = 2  # characters before the ending word: 上街区 is a district, not a project


@dataclass(frozen=True)
class NameSpan:
    """A project name found in the article text, [start, end)."""

    start: int
    end: int
    listed: bool  # named as an item of a list of projects


@dataclass(frozen=True)
class _Cues:
    suffixes: re.Pattern[str]
    strong: frozenset[str]
    context: tuple[str, ...]
    categories: re.Pattern[str]
    generic: WordSet
    left_stops: WordSet
    right_boundaries: WordSet
    not_names: WordSet
    category_cuts: frozenset[str]


@cache
def cues() -> _Cues:
    """The compiled project tables."""
    strong = words("project_cues", "strong_suffixes")
    weak = words("project_cues", "weak_suffixes")
    categories = alternation(words("project_cues", "list_categories"))
    return _Cues(
        suffixes=re.compile(f"(?=({alternation(strong + weak)}))"),
        strong=frozenset(strong),
        context=words("project_cues", "construction_context"),
        categories=re.compile(f"等([^,，。；;、]{{0,{MAX_CATEGORY_GAP}}}?)(?:{categories})"),
        generic=WordSet(words("project_cues", "generic_words")),
        left_stops=WordSet(words("project_cues", "left_stops")),
        right_boundaries=WordSet(words("project_cues", "right_boundaries")),
        not_names=WordSet(words("project_cues", "not_names")),
        category_cuts=frozenset(words("project_cues", "category_cuts")),
    )


def find_names(text: str) -> list[NameSpan]:
    """Project names of the text in reading order, without duplicates of one span."""
    spans = {(s.start, s.end): s for s in _suffixed(text)}
    for item in _listed(text):
        spans[(item.start, item.end)] = item
    kept = [s for s in spans.values() if _acceptable(text, s)]
    return sorted(kept, key=lambda s: (s.start, -s.end))


def _suffixed(text: str) -> list[NameSpan]:
    c = cues()
    found = []
    for match in c.suffixes.finditer(text):
        suffix_start, suffix_end = match.span(1)
        end = _absorb_parenthesis(text, suffix_end)
        if not _may_end(text, end):
            continue
        start = name_start(text, suffix_start)
        if suffix_start - start < MIN_SPECIFIC:
            continue
        strong = match.group(1) in c.strong
        if not strong and c.not_names.ending_at(text, suffix_end):
            continue  # 安全底线, 工作站: a weak ending inside a common word
        if strong or _construction_nearby(text, start, end):
            found.append(NameSpan(start, end, listed=False))
    return found


def _absorb_parenthesis(text: str, end: int) -> int:
    """Extend a name over a short parenthesis right after it (科创带(荥阳段))."""
    if end < len(text) and text[end] in "(（":
        close = text.find(")" if text[end] == "(" else "）", end, end + 10)
        if close > 0:
            return close + 1
    return end


def _may_end(text: str, end: int) -> bool:
    if end >= len(text) or not NAME_CHARS.match(text[end]) or text[end] in "(（":
        return True
    return cues().right_boundaries.starting_at(text, end) > 0


def name_start(text: str, end: int) -> int:
    """Where a name ending at `end` starts: after punctuation or a stop word on its left."""
    stops = cues().left_stops
    pos = end
    while pos > 0 and end - pos < MAX_NAME:
        ch = text[pos - 1]
        if ch == "”":
            opening = text.rfind("“", max(0, pos - 20), pos)
            if opening < 0:
                break
            pos = opening
            continue
        if not NAME_CHARS.match(ch) or stops.ending_at(text, pos):
            break
        pos -= 1
    return pos


def _construction_nearby(text: str, start: int, end: int) -> bool:
    left, right = clause_bounds(text, start, end)
    clause = text[left:right]
    c = cues()
    if any(word in clause for word in c.context):
        return True
    return any(m.group(1) in c.strong for m in c.suffixes.finditer(clause))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between clause marks) that holds text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_MARKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_MARKS:
        right += 1
    return left, right


def _listed(text: str) -> list[NameSpan]:
    """Items of lists closed by 等 and a project category (A、B等重点项目)."""
    found: list[NameSpan] = []
    for match in cues().categories.finditer(text):
        pos = match.start()
        while pos > 0:
            start = _join_and(text, _item_start(text, pos))
            if start < pos:
                found.extend(_split_on_and(text, start, pos))
            if start == 0 or text[start - 1] != "、":
                break
            pos = start - 1
    return found


def _item_start(text: str, end: int) -> int:
    """Start of a listed item ending at `end`; a verb inside its ending stays (…改造工程)."""
    suffixes = cues().suffixes.finditer(text, max(0, end - MAX_SUFFIX), end)
    heads = [m.start(1) for m in suffixes if m.end(1) == end]
    start = name_start(text, min(heads, default=end))
    if end - start >= MIN_SPECIFIC:
        return start
    left = text.rfind("、", max(0, end - MAX_NAME), end)  # 城中村改造: the item between 、
    return left + 1 if left >= 0 and _all_name_chars(text, left + 1, end) else start


def _all_name_chars(text: str, start: int, end: int) -> bool:
    return all(NAME_CHARS.match(ch) for ch in text[start:end])


def _join_and(text: str, start: int) -> int:
    """Extend a listed item over 和 when its left part is no name of its own (镓和锂系列产品)."""
    c = cues()
    while start > 1 and text[start - 1] in "和及与":
        left = name_start(text, start - 1)
        ends_named = any(m.end(1) == start - 1 for m in c.suffixes.finditer(text, left, start - 1))
        if left >= start - 1 or ends_named:
            break
        start = left
    return start


def _split_on_and(text: str, start: int, end: int) -> list[NameSpan]:
    """Split A和B when A itself ends with a project word; keep 镓和锂系列产品 whole."""
    c = cues()
    for i in range(start + 1, end - 1):
        if text[i] in "和及与":
            if any(m.end(1) == i for m in c.suffixes.finditer(text, start, i)):
                return [NameSpan(start, i, True), NameSpan(i + 1, end, True)]
    return [NameSpan(start, end, True)]


def _acceptable(text: str, span: NameSpan) -> bool:
    name = text[span.start : span.end]
    if len(name) < 2 or len(name) > MAX_NAME or COUNTED.search(name):
        return False
    if _is_generic(name if span.listed else _without_slogans(name)):
        return False
    if _is_category(name):
        return False
    return span.listed or not _is_slogan(text, span)


def _without_slogans(name: str) -> str:
    """The name with quoted numbered slogans taken out (部分“三十工程”项目 → 部分项目)."""
    return QUOTED.sub(lambda m: "" if NUMERALS & set(m.group(1)) else m.group(0), name)


def _is_generic(name: str) -> bool:
    """True when the name is made only of category words (重大基础设施项目)."""
    generic = cues().generic
    reachable = [True] + [False] * len(name)
    for end in range(1, len(name) + 1):
        for size in range(1, min(generic.longest, end) + 1):
            if reachable[end - size] and name[end - size : end] in generic.words:
                reachable[end] = True
                break
    return reachable[len(name)]


def _is_category(name: str) -> bool:
    """A place or period followed only by category words (观山湖区重大项目, 2024年第二批项目)."""
    cuts = cues().category_cuts
    return any(name[i - 1] in cuts and _is_generic(name[i:]) for i in range(1, len(name) - 1))


def _is_slogan(text: str, span: NameSpan) -> bool:
    """Quoted slogans (“三十工程”, “两重”项目) name programmes, not projects."""
    name = text[span.start : span.end]
    opened = span.start > 0 and text[span.start - 1] == "“"
    if opened and text[span.end : span.end + 1] == "”":
        return True
    if name.startswith("“"):
        close = name.find("”")
        inner = name[1:close] if close > 0 else ""
        rest = name[close + 1 :] if close > 0 else name
        return bool(NUMERALS & set(inner)) and _is_generic(rest or "项目")
    return False
