"""Names that end like a project but name no undertaking: categories, slogans, titles
applied for, positioning goals, addresses, fields of effort, enumerations of transport modes."""

from __future__ import annotations

import re

from summarizer.rules._tables import CJK
from summarizer.rules.projects_bounds import clause_bounds
from summarizer.rules.projects_cues import (
    NAME_CHARS,
    NUMERALS,
    NameSpan,
    cues,
    is_generic,
    longest,
)

COUNTED = re.compile("[0-9一二三四五六七八九十两几]+[多余]?[个项批座条]")  # 21个项目: a count
DATED = re.compile("[0-9]+[月日]")  # 每月5日前报送项目: a deadline, not a name
QUOTED = re.compile("“([^”]*)”")
FIELD_FRAME = re.compile("(?:建设|发展|工作)?(?:上|方面|领域)")
JUNCTION = re.compile(f"[与和][{CJK}0-9]{{1,10}}?(?:交叉口|交汇处|路口)")


def acceptable(text: str, span: NameSpan) -> bool:
    name = text[span.start : span.end]
    if len(name) < 2 or len(name) > longest(name) or COUNTED.search(name) or DATED.search(name):
        return False
    if name.startswith("项目") or _is_content(text, span) or _is_ranked(name):
        return False  # 项目一期: a part of a project named before
    if is_generic(name if span.listed else _without_slogans(name), cues().generic_or_vision):
        return False
    if _is_category(name) or _is_designation(text, span) or _is_positioning(text, span):
        return False
    if _is_address(text, span) or _is_mode_enumeration(text, span):
        return False
    return span.listed or not (_is_slogan(text, span) or _is_field(text, span))


def is_site(name: str) -> bool:
    """A bare road or place name: the site of works, not the undertaking (A路整治项目)."""
    return cues().sites.ending_at(name, len(name)) > 0


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


def _is_ranked(name: str) -> bool:
    """A field ranked as a category (长江大保护重大工程, 产业园区重点项目): no one undertaking."""
    c = cues()
    return any(name.endswith(u) and name[: -len(u)].endswith(c.rank_words) for u in c.undertakings)


def _is_content(text: str, span: NameSpan) -> bool:
    """Works listed as the content of a project (主要建设原料车间、…及仓储物流中心)."""
    left, _ = clause_bounds(text, span.start, span.end)
    return any(lead in text[left : span.start] for lead in cues().content_leads)


def _is_address(text: str, span: NameSpan) -> bool:
    """A road, place or area used as a location: 位于X路, 在X街, X路与Y路交叉口, X路以东,
    活动在位于X产业园的…现场举行."""
    c = cues()
    name = text[span.start : span.end]
    if not (is_site(name) or c.areas.ending_at(name, len(name))) or span.listed:
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


def _is_category(name: str) -> bool:
    """A place or period followed only by category words (观山湖区重大项目, 2024年第二批项目);
    a place followed by works of a kind is one undertaking (城北片区棚户区改造项目)."""
    c = cues()
    return any(
        name[i - 1] in c.category_cuts
        and not c.strong.ending_at(name, i)  # 人民医院新院区项目: a facility
        and not name.endswith(c.not_cuts, 0, i)  # 物流园区项目: a park, not a district
        and not _names_works(name[: i - 1])  # 机场三期北货运区工程: a zone of works
        and is_generic(name[i:])
        and not (name[i - 1] in c.place_cuts and _works_of_a_place(name, i))
        for i in range(1, len(name) - 1)
    )


def _works_of_a_place(name: str, cut: int) -> bool:
    """Works of a kind at one place (城北片区棚户区改造项目); at a whole territory (全县农村
    公路提质改造工程) they are a programme."""
    return any(w in name[cut:] for w in cues().works) and not is_generic(name[:cut])


def _names_works(head: str) -> bool:
    """The part before a place cut already names works (…国际机场三期): no place of a category."""
    return any(m.group(1) in cues().strong for m in cues().suffixes.finditer(head))


def _is_slogan(text: str, span: NameSpan) -> bool:
    """Quoted slogans (“三十工程”, “两重”项目) name programmes, not projects."""
    name = text[span.start : span.end]
    opened = span.start > 0 and text[span.start - 1] == "“"
    if opened and text[span.end : span.end + 1] == "”":
        return not any(form in name for form in cues().company_forms.words)
    if name.startswith("“"):
        close = name.find("”")
        inner = name[1:close] if close > 0 else ""
        rest = name[close + 1 :] if close > 0 else name
        return bool(NUMERALS & set(inner)) and is_generic(rest or "项目")
    return False
