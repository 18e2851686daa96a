"""Title chains: the posts written before a person's name, or in brackets after it.

A chain runs back from the post before a name (县委副书记、县长王某) to a clause boundary,
a lead-in (会议由, 听取了) or the name of the person listed before (区发改委主任杜某、区统计局
局长闫某). It goes on across a comma when the part before the comma is itself a chain ending
in a post (县委副书记、县长,县工业园区党工委第一书记刘某): the fullest title keeps both. An
event role that opens the chain (企业代表、…公司董事长) is no post and is left out, unless it
is an office (县人大代表、…). A chain may also follow the name in brackets (袁明(区委副书记、
区长), 李卫华(县委书记)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.rules._tables import CJK, WordSet, table, words

TITLE_BOUNDARY = frozenset(",，。；;：:！？!?“”‘’\"'「」『』【】[]《》<>…\n\r\t \u3000\xa0")
CHAIN_COMMAS = frozenset(",，")
LIST_SEPARATORS = frozenset("、,， 和与及")
_BRACKETED = re.compile(f"\\(([{CJK}、,，]{{2,40}})\\)")


@dataclass(frozen=True)
class _Titles:
    posts: WordSet
    lead_ins: WordSet
    lead_in_exceptions: WordSet
    references: WordSet
    role_ending: str
    offices: WordSet
    generic_posts: frozenset[str]
    max_title: int


@cache
def titles() -> _Titles:
    """The compiled title tables."""
    data = table("titles")
    return _Titles(
        posts=WordSet(words("titles", "posts")),
        lead_ins=WordSet(words("titles", "lead_ins")),
        lead_in_exceptions=WordSet(words("titles", "lead_in_exceptions")),
        references=WordSet(words("titles", "reference_cues")),
        role_ending=str(data["event_role_ending"]),
        offices=WordSet(words("titles", "delegate_offices")),
        generic_posts=frozenset(words("titles", "generic_posts")),
        max_title=int(data["max_title_chars"]),
    )


def chain_start(text: str, post_start: int, floor: int = 0) -> tuple[int, bool]:
    """Where the title chain ending at `post_start` begins, and whether it is only referred to.

    `floor` is the end of the name listed before this one: no chain reaches back past it.
    """
    start = _boundary_before(text, post_start, floor)
    if start == floor:
        while start < post_start and text[start] in LIST_SEPARATORS:
            start += 1
    cut, referred = _after_lead_ins(text, start, post_start)
    if referred:
        return cut, True
    while cut < post_start and text[cut].isascii():  # a page's number run in (点阅次数:842县长…)
        cut += 1
    return _after_role(text, cut, post_start), False


def _boundary_before(text: str, pos: int, floor: int) -> int:
    """The chain's first character: after a boundary, unless a post ends the part before it."""
    posts = titles().posts
    start = pos
    while True:
        while start > floor and text[start - 1] not in TITLE_BOUNDARY:
            start -= 1
        comma = start - 1
        if comma <= floor or text[comma] not in CHAIN_COMMAS or not posts.ending_at(text, comma):
            return start
        start = comma


def _after_lead_ins(text: str, start: int, post_start: int) -> tuple[int, bool]:
    """The chain starts after the last lead-in (会议由) or reference cue (落实) in it."""
    t = titles()
    cut, referred = start, False
    for end in range(start + 1, post_start + 1):
        if t.references.ending_at(text, end):
            cut, referred = end, True
            continue
        size = t.lead_ins.ending_at(text, end)
        if size and not _inside_exception(text, end - size, end):
            cut, referred = end, False
    return cut, referred


def _inside_exception(text: str, start: int, end: int) -> bool:
    """True when the lead-in at [start, end) belongs to a word such as 自由 or 发展和改革."""
    exceptions = titles().lead_in_exceptions
    longest = exceptions.longest
    for left in range(max(0, start - longest), start + 1):
        for right in range(end, min(len(text), left + longest) + 1):
            if text[left:right] in exceptions:
                return True
    return False


def _after_role(text: str, start: int, post_start: int) -> int:
    """Past an event role opening the chain (企业代表、…): the role is no post."""
    t = titles()
    comma = text.find("、", start, post_start)
    if comma < 0 or not text.endswith(t.role_ending, start, comma):
        return start
    return start if t.offices.ending_at(text, comma) else comma + 1


def bracketed_title(text: str, name_end: int) -> tuple[int, int] | None:
    """The span of a title chain in brackets right after a name (袁明(区委副书记、区长))."""
    match = _BRACKETED.match(text, name_end)
    if match is None or not titles().posts.ending_at(text, match.end(1)):
        return None
    return match.span(1)
