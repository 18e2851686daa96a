"""Where a project name starts and ends in an article's folded text."""

from __future__ import annotations

import re

from summarizer.rules.projects_cues import MAX_NAME, NAME_CHARS, cues

CLAUSE_MARKS = frozenset(",，。；;：:！？!?\n")
CLAUSE_MARK = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_MARKS)))}]")


def absorb_parenthesis(text: str, end: int) -> int:
    """Extend a name over a short parenthesis right after it (科创带(荥阳段))."""
    if end < len(text) and text[end] in "(（":
        close = text.find(")" if text[end] == "(" else "）", end, end + 10)
        if close > 0:
            return close + 1
    return end


def may_end(text: str, end: int) -> bool:
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


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between clause marks) that holds text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_MARKS:
        left -= 1
    mark = CLAUSE_MARK.search(text, end)
    return left, mark.start() if mark else len(text)
