"""Find project names in an article: names ending with a project word, and listed items.

A name ends with a word of data/project_cues.toml (…项目, …大道, …产业园); it starts after
the nearest punctuation or stop word on its left. Items listed before 等…项目 are projects
whatever their ending (紫荆大道、山阳路桥等重大基础设施项目). Names that are not undertakings
are dropped: categories, slogans, designations, positioning goals, addresses, fields of effort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.rules._tables import CJK, WordSet, alternation, words

NAME_CHARS = re.compile(f"[{CJK}A-Za-z0-9()（）·]")
NUMERALS = frozenset("一二三四五六七八九十百千万两0123456789")
COUNTED = re.compile("[0-9一二三四五六七八九十两几]+[多余]?[个项批座条]")  # 21个项目: a count
QUOTED = re.compile("“([^”]*)”")
CLAUSE_MARKS = frozenset(",，。；;：:！？!?\n")
CLAUSE_MARK = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_MARKS)))}]")
MAX_NAME = 30
MAX_CATEGORY_GAP = 12
MAX_SUFFIX = 8  # longest project ending looked for at the end of a listed item
MIN_SPECIFIC = 2  # characters before the ending word: 上街区 is a district, not a project
FIELD_FRAME = re.compile("(?:建设|发展|工作)?(?:上|方面|领域)")
JUNCTION = re.compile(f"[与和][{CJK}0-9]{{1,10}}?(?:交叉口|交汇处|路口)")


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
    designations: WordSet
    ambitions: tuple[str, ...]
    goal_nouns: WordSet
    sites: WordSet
    address_before: WordSet
    address_after: WordSet
    works: tuple[str, ...]
    modes: WordSet
    aspects: WordSet


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
        designations=WordSet(words("project_cues", "designation_verbs")),
        ambitions=words("project_cues", "ambition_words"),
        goal_nouns=WordSet(words("project_cues", "goal_nouns")),
        sites=WordSet(words("project_cues", "site_endings")),
        address_before=WordSet(words("project_cues", "address_before")),
        address_after=WordSet(words("project_cues", "address_after")),
        works=words("project_cues", "works_categories"),
        modes=WordSet(words("project_cues", "transport_modes")),
        aspects=WordSet(words("project_cues", "aspect_nouns")),
    )


def _overlapping(endings: tuple[str, ...]) -> re.Pattern[str]:
    """Group 1: the longest ending starting at each position (a lookahead, so they overlap)."""
    heads = "".join(sorted({re.escape(word[0]) for word in endings}))
    # Checking the first character before trying every ending makes a miss cheap.
    return re.compile(f"(?=[{heads}])(?=({alternation(endings)}))")


def find_names(text: str) -> list[NameSpan]:
    """Project names of the text in reading order, without duplicates of one span."""
    sites: list[tuple[int, int]] = []
    listed = _listed(text, sites)
    spans = {(s.start, s.end): s for s in _suffixed(text) if (s.start, s.end) not in sites}
    for item in listed:
        spans[(item.start, item.end)] = item
    kept = [s for s in spans.values() if _acceptable(text, s)]
    return sorted(kept, key=lambda s: (s.start, -s.end))


def _suffixed(text: str) -> list[NameSpan]:
    c = cues()
    found = []
    nearby: dict[tuple[int, int], bool] = {}  # names of one clause share its answer
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
        if strong or _construction_nearby(text, clause_bounds(text, start, end), nearby):
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


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between clause marks) that holds text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_MARKS:
        left -= 1
    mark = CLAUSE_MARK.search(text, end)
    return left, mark.start() if mark else len(text)


def _listed(text: str, sites: list[tuple[int, int]]) -> list[NameSpan]:
    """Items of lists closed by 等 and a project category (A、B等重点项目); bare roads and
    places listed before a category of works (A路、B路等整治项目) go to `sites`."""
    c = cues()
    found: list[NameSpan] = []
    for match in c.categories.finditer(text):
        if c.aspects.starting_at(match.group(1), 0):
            continue  # 用地、用能等方面全力支持项目建设: 等 closes a list of aspects
        works = any(word in match.group() for word in c.works)
        pos = match.start()
        while pos > 0:
            start = _join_and(text, _item_start(text, pos))
            if works and _is_site(text[start:pos]):
                sites.append((start, pos))
            elif start < pos:
                found.extend(_split_on_and(text, start, pos))
            if start == 0 or text[start - 1] != "、":
                break
            pos = start - 1
    return found


def _is_site(name: str) -> bool:
    """A bare road or place name: the site of works, not the undertaking (A路整治项目)."""
    return cues().sites.ending_at(name, len(name)) > 0


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
    if _is_generic(name if span.listed else _without_slogans(name), cues().generic_or_vision):
        return False
    if _is_category(name) or _is_designation(text, span) or _is_positioning(text, span):
        return False
    if _is_address(text, span) or _is_mode_enumeration(text, span):
        return False
    return span.listed or not (_is_slogan(text, span) or _is_field(text, span))


def _is_designation(text: str, span: NameSpan) -> bool:
    """A title applied for or awarded (积极创建…休闲街区, 获评…示范园区)."""
    return cues().designations.ending_at(text, span.start) > 0


def _is_positioning(text: str, span: NameSpan) -> bool:
    """A goal, not an undertaking: an ambition word in the name (千亿级…园区, 世界一流…基地)
    or a goal noun after it (…园区的奋斗目标)."""
    name = text[span.start : span.end]
    if any(word in name for word in cues().ambitions):
        return True
    return text.startswith("的", span.end) and cues().goal_nouns.starting_at(text, span.end + 1) > 0


def _is_field(text: str, span: NameSpan) -> bool:
    """在X建设上 / 在X方面: a field of effort (在大型装置建设上走前头), not a named undertaking;
    only for names with a weak ending."""
    if span.start == 0 or text[span.start - 1] != "在":
        return False
    if cues().strong.ending_at(text, span.end):
        return False  # 在紫荆大道建设上: a named undertaking all the same
    return FIELD_FRAME.match(text, span.end) is not None


def _is_address(text: str, span: NameSpan) -> bool:
    """A road or place used as a location: 位于X路, 在X街, X路与Y路交叉口, X路以东."""
    c = cues()
    if not _is_site(text[span.start : span.end]) or span.listed:
        return False
    if c.address_after.starting_at(text, span.end) or JUNCTION.match(text, span.end):
        return True
    if FIELD_FRAME.match(text, span.end):
        return False  # 在X大道建设上: a field of effort, see _is_field
    return c.address_before.ending_at(text, span.start) > 0


def _is_mode_enumeration(text: str, span: NameSpan) -> bool:
    """A place glued to a transport mode before a bare mode (A地铁路、公路、机场和…优势)."""
    c = cues()
    if not c.modes.ending_at(text, span.end) or text[span.end : span.end + 1] != "、":
        return False
    size = c.modes.starting_at(text, span.end + 1)
    after = text[span.end + 1 + size : span.end + 2 + size]
    return size > 0 and (after in "和及与" or not NAME_CHARS.match(after))


def _without_slogans(name: str) -> str:
    """The name with quoted numbered slogans taken out (部分“三十工程”项目 → 部分项目)."""
    return QUOTED.sub(lambda m: "" if NUMERALS & set(m.group(1)) else m.group(0), name)


def _is_generic(name: str, generic: WordSet | None = None) -> bool:
    """True when the name is made only of category words (重大基础设施项目)."""
    generic = generic or cues().generic
    reachable = [True] + [False] * len(name)
    for end in range(1, len(name) + 1):
        for size in range(1, min(generic.longest, end) + 1):
            if reachable[end - size] and name[end - size : end] in generic.words:
                reachable[end] = True
                break
    return reachable[len(name)]


def _is_category(name: str) -> bool:
    """A place or period followed only by category words (观山湖区重大项目, 2024年第二批项目)."""
    c = cues()
    return any(
        name[i - 1] in c.category_cuts
        and not c.strong.ending_at(name, i)  # 人民医院新院区项目: a facility
        and _is_generic(name[i:])
        for i in range(1, len(name) - 1)
    )


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
