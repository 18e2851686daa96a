"""The status of a project: from the verbs around its name (签约, 开工, 在建, 建成, 投产)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.models import ProjectStatus
from summarizer.rules._segments import sentence_end
from summarizer.rules._tables import WordSet, alternation, table, words
from summarizer.rules.projects_bounds import clause_bounds
from summarizer.rules.projects_cues import NameSpan
from summarizer.text.marks import NEWLINE, SENTENCE_ENDS

SENTENCE_MARKS = frozenset(SENTENCE_ENDS + NEWLINE)
GOAL_REACH = 8  # characters before a status verb searched for a goal word (力争年内建成)
_FINISHED = (ProjectStatus.COMPLETED, ProjectStatus.OPERATING)
_BEGUN = (ProjectStatus.STARTED, ProjectStatus.SIGNED)


@dataclass(frozen=True)
class _StatusCues:
    pattern: re.Pattern[str]
    by_word: dict[str, ProjectStatus]
    goals: WordSet
    joiners: frozenset[str]
    back_references: tuple[str, ...]
    conditions: tuple[str, ...]
    agents: WordSet


@cache
def _status_cues() -> _StatusCues:
    statuses = table("project_cues")["status"]
    by_word = {str(w): ProjectStatus(name) for name, ws in statuses.items() for w in ws}
    return _StatusCues(
        pattern=re.compile(alternation(by_word)),
        by_word=by_word,
        goals=WordSet(words("project_cues", "goal_words")),
        joiners=frozenset(words("project_cues", "chain_joiners")),
        back_references=words("project_cues", "back_references"),
        conditions=words("project_cues", "condition_marks"),
        agents=WordSet(words("project_cues", "agent_verbs")),
    )


def project_status(text: str, span: NameSpan, names: list[NameSpan]) -> ProjectStatus:
    """The status the clause around the name states; a verb before the name wins.

    Verbs inside other names (…提标改造工程) do not count; a clause without a verb takes the
    first verb of the rest of its sentence, up to the next name (…计划总投资12亿元,力争年内建成).
    """
    others = [(n.start, n.end) for n in names if (n.start, n.end) != (span.start, span.end)]
    left, right = clause_bounds(text, span.start, span.end)
    before = _cues_in(text, left, span.start, others)
    after = _cues_in(text, span.end, right, others)
    if any(_status_of(m) is ProjectStatus.PLANNED for m in before + after):
        return ProjectStatus.PLANNED  # 加快推进A项目前期工作
    if before:
        return _with_goal(text, left, before[-1], _status_of(before[-1]))
    if not after:
        after = _cues_in(text, right, _sentence_rest(text, right, others), others)
    if not after:
        return _framed_status(text, span, others) or _referred_status(text, span.start, others)
    status = _chain_status(text, after)
    if _has_goal(text, left, span.start):
        return _goal_status(status)  # 全力保障A、B等项目建成投产
    return _with_goal(text, span.end, after[0], status)


def _framed_status(
    text: str, span: NameSpan, others: list[tuple[int, int]]
) -> ProjectStatus | None:
    """签约项目…主要包括:A、B / 全区已签约项目46个,其中A…: a status verb that opens the
    sentence, before any name of it, frames every name the sentence lists."""
    sentence = _sentence_start(text, span.start)
    first = min([s for s, _ in others if sentence <= s < span.start], default=span.start)
    found = _cues_in(text, sentence, first, others)
    return _with_goal(text, sentence, found[-1], _status_of(found[-1])) if found else None


def _referred_status(text: str, start: int, others: list[tuple[int, int]]) -> ProjectStatus:
    """其中,A、B等项目…: the last status verb of the sentence before, in the same paragraph."""
    sentence = _sentence_start(text, start)
    if not text.startswith(_status_cues().back_references, sentence):
        return ProjectStatus.UNKNOWN
    if sentence == 0 or text[sentence - 1] == "\n":
        return ProjectStatus.UNKNOWN
    previous = _sentence_start(text, sentence - 1)
    found = _cues_in(text, previous, sentence - 1, others)
    if not found:
        return ProjectStatus.UNKNOWN
    return _with_goal(text, previous, found[-1], _status_of(found[-1]))


def _sentence_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in SENTENCE_MARKS:
        pos -= 1
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    return pos


def _status_of(match: re.Match[str]) -> ProjectStatus:
    return _status_cues().by_word[match.group()]


def _cues_in(text: str, start: int, end: int, others: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Status verbs in [start, end) that state a stage: not part of another project's name,
    not a condition (投产后预计…), not who builds (由…投资建设的…)."""
    c = _status_cues()
    return [
        m
        for m in c.pattern.finditer(text, start, end)
        if not any(s <= m.start() < e for s, e in others)
        and not text.startswith(c.conditions, m.end())
        and not c.agents.ending_at(text, m.end())
    ]


def _sentence_rest(text: str, clause_end: int, others: list[tuple[int, int]]) -> int:
    """End of the sentence after a clause; nothing when another name follows in it, for a
    verb there may govern that name (…为突破口,加快谋划建设国际食品贸易港)."""
    end = sentence_end(text, clause_end)
    return clause_end if any(clause_end < s < end for s, _ in others) else end


def _chain_status(text: str, cues: list[re.Match[str]]) -> ProjectStatus:
    """The last verb of a chain (竣工投产, 建成并投用) starting at the first verb."""
    last = cues[0]
    for match in cues[1:]:
        gap = text[last.end() : match.start()]
        if len(gap) > 1 or (gap and gap not in _status_cues().joiners):
            break
        last = match
    return _status_of(last)


def _with_goal(text: str, floor: int, cue: re.Match[str], status: ProjectStatus) -> ProjectStatus:
    """A goal before the verb (力争年内建成, 计划开工) means the stage is not reached yet."""
    if _has_goal(text, max(floor, cue.start() - GOAL_REACH), cue.start()):
        return _goal_status(status)
    return status


def _has_goal(text: str, start: int, end: int) -> bool:
    goals = _status_cues().goals
    return any(goals.ending_at(text, stop) for stop in range(start + 1, end + 1))


def _goal_status(status: ProjectStatus) -> ProjectStatus:
    if status in _FINISHED:
        return ProjectStatus.UNDER_CONSTRUCTION
    if status in _BEGUN:
        return ProjectStatus.PLANNED
    return status


def status_pattern() -> re.Pattern[str]:
    """Every status word, longest first."""
    return _status_cues().pattern


def status_of_word(word: str) -> ProjectStatus | None:
    """The status a status word states, or None for other words."""
    return _status_cues().by_word.get(word)
