"""Where a project name starts and ends in an article's folded text."""

from __future__ import annotations

import re

from summarizer.rules.projects_cues import MAX_COMPANY_NAME, MAX_NAME, NAME_CHARS, cues, is_generic
from summarizer.text.marks import CLAUSE_ENDS, NEWLINE

CLAUSE_MARKS = frozenset(CLAUSE_ENDS + NEWLINE)
JOINERS = frozenset("及和与")
FIGURE = re.compile("[0-9]")
CLAUSE_MARK = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_MARKS)))}]")


def absorb_parenthesis(text: str, end: int) -> int:
    """Extend a name over a short parenthesis right after it (科创带(荥阳段)); a note with
    figures (总投资15亿元) is no part of the name."""
    if end < len(text) and text[end] in "(（":
        close = text.find(")" if text[end] == "(" else "）", end, end + 10)
        if close > 0 and not FIGURE.search(text, end, close):
            return close + 1
    return end


def may_end(text: str, end: int) -> bool:
    """A name may end before punctuation or a boundary word (…污水处理厂即将投入运营)."""
    if end >= len(text) or not NAME_CHARS.match(text[end]) or text[end] in "(（":
        return True
    return cues().right_boundaries.starting_at(text, end) > 0


def name_start(text: str, end: int) -> int:
    """Where a name ending at `end` starts: after punctuation or a stop word on its left.

    A company's legal form (…有限公司) carries the name on to the company's first character:
    the company is part of the project's name, and the trade words of a company name
    (…城市建设发展集团) do not cut it.
    """
    c = cues()
    pos, limit, company = end, MAX_NAME, False
    while pos > 0 and end - pos < limit:
        form = 0 if company else c.company_forms.ending_at(text, pos)
        if form:
            pos, limit, company = pos - form, MAX_COMPANY_NAME, True
            continue
        ch = text[pos - 1]
        if ch == "”":
            opening = text.rfind("“", max(0, pos - 20), pos)
            if opening < 0:
                break
            pos = opening
            continue
        if not NAME_CHARS.match(ch) or _stops_at(text, pos, end, company):
            break
        pos -= 1
    return _past_verb(text, pos) if company else pos


def _past_verb(text: str, start: int) -> int:
    """Skip a trade word that opens the name: the verb before a company (建设四川…有限公司…)."""
    size = cues().left_stops.starting_at(text, start)
    return start + size if text[start : start + size] in cues().company_words else start


def _stops_at(text: str, pos: int, end: int, company: bool) -> bool:
    """A stop word ends at `pos`, and is not part of a longer word of the name."""
    c = cues()
    size = c.left_stops.ending_at(text, pos)
    word = text[pos - size : pos]
    if not size or (company and word in c.company_words) or _works_of(text, pos, end, word):
        return False
    if text[pos - 1] in JOINERS and pos < end and is_generic(text[pos:end]):
        return False  # 水厂及配套管网工程: supporting works are part of the name
    return not _inside_word(text, pos - size, pos)


def _works_of(text: str, pos: int, end: int, word: str) -> bool:
    """The works right before 项目/工程 name the undertaking (竹南二厂扩建计画, …新建工程);
    before a facility they are the verb that governs it (新建标准厂房)."""
    c = cues()
    return pos == end and word in c.works and text.startswith(c.undertakings, end)


def _inside_word(text: str, start: int, stop: int) -> bool:
    """text[start:stop] lies inside a word of names (有机肥, 中和镇, 开发区), not a stop."""
    inner = cues().inner_words
    for last in range(stop, min(len(text), start + inner.longest) + 1):
        size = inner.ending_at(text, last)
        if size and last - size <= start:
            return True
    return False


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between clause marks) that holds text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_MARKS:
        left -= 1
    mark = CLAUSE_MARK.search(text, end)
    return left, mark.start() if mark else len(text)
