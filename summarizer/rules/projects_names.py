"""Find project names in an article: names ending with a project word, and listed items.

A name ends with a word of data/project_cues.toml (…项目, …大道, …产业园); it starts after
the nearest punctuation or stop word on its left (projects_bounds). Items listed before 等…项目
are projects whatever their ending (紫荆大道、山阳路桥等重大基础设施项目). Names that are not
undertakings are dropped (projects_filters).
"""

from __future__ import annotations

from summarizer.rules.projects_bounds import absorb_parenthesis, clause_bounds, may_end, name_start
from summarizer.rules.projects_cues import MAX_NAME, NAME_CHARS, NameSpan, cues
from summarizer.rules.projects_filters import acceptable, is_site

MAX_SUFFIX = 8  # longest project ending looked for at the end of a listed item
MIN_SPECIFIC = 2  # characters before the ending word: 上街区 is a district, not a project
MIN_BEFORE_UNDERTAKING = 3  # before a bare 项目/工程: 比亚迪项目 names one, 强基工程 a programme


def find_names(text: str) -> list[NameSpan]:
    """Project names of the text in reading order, without duplicates of one span."""
    sites: list[tuple[int, int]] = []
    listed = _listed(text, sites)
    spans = {(s.start, s.end): s for s in _suffixed(text) if (s.start, s.end) not in sites}
    for item in listed:
        spans[(item.start, item.end)] = item
    kept = [s for s in spans.values() if acceptable(text, s)]
    return sorted(kept, key=lambda s: (s.start, -s.end))


def _suffixed(text: str) -> list[NameSpan]:
    c = cues()
    found = []
    nearby: dict[tuple[int, int], bool] = {}  # names of one clause share its answer
    for match in c.suffixes.finditer(text):
        suffix_start, suffix_end = match.span(1)
        end = absorb_parenthesis(text, suffix_end)
        if not may_end(text, end):
            continue
        start = name_start(text, suffix_start)
        bare = match.group(1) in c.undertakings  # 强基工程, 千万工程: programmes
        if suffix_start - start < (MIN_BEFORE_UNDERTAKING if bare else MIN_SPECIFIC):
            continue
        strong = match.group(1) in c.strong
        if not strong and c.not_names.ending_at(text, suffix_end):
            continue  # 安全底线, 工作站: a weak ending inside a common word
        if strong or _construction_nearby(text, clause_bounds(text, start, end), nearby):
            found.append(NameSpan(start, end, listed=False))
    return found


def _construction_nearby(
    text: str, clause: tuple[int, int], known: dict[tuple[int, int], bool]
) -> bool:
    """Whether the clause speaks of construction or names a strong project ending."""
    if clause not in known:
        known[clause] = _speaks_of_construction(text[clause[0] : clause[1]])
    return known[clause]


def _speaks_of_construction(clause: str) -> bool:
    c = cues()
    if c.context.search(clause):
        return True
    return any(m.group(1) in c.strong for m in c.suffixes.finditer(clause))


def _listed(text: str, sites: list[tuple[int, int]]) -> list[NameSpan]:
    """Items of lists closed by 等 and a project category (A、B等重点项目); bare roads and
    places listed before a category of works (A路、B路等整治项目) go to `sites`."""
    c = cues()
    found: list[NameSpan] = []
    for match in c.categories.finditer(text):
        if c.aspects.starting_at(match.group(1), 0) or any(
            w in match.group(1) for w in c.gap_stops
        ):
            continue  # 用地、用能等方面…, 县发改局等部门要…: 等 closes a list of aspects or bodies
        works = any(word in match.group() for word in c.works)
        pos = match.start()
        while pos > 0:
            start = _join_and(text, _item_start(text, pos))
            if works and is_site(text[start:pos]):
                sites.append((start, pos))
            elif start < pos:
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
