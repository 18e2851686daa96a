"""How a clause opens: with a modal (要, 确保, 将), an imperative verb, a purpose, or nothing.

The cue words come from data/directive_cues.toml; this module only reads positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from summarizer.rules._segments import trim_span
from summarizer.rules._tables import WordSet, alternation, table, words

OPENING_MARKS = frozenset("“‘「『\"' \u3000")
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "(": ")", "（": "）"}
CLAUSE_SPLITS = frozenset(",:")
# The only characters split_clauses acts on: quote marks and clause splits.
_MARK_CHARS = "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + "".join(CLAUSE_SPLITS)
CLAUSE_MARKS = re.compile(f"[{re.escape(_MARK_CHARS)}]")
MAX_SUBJECT = 14
SUBJECT_STOP = re.compile("[的,，、“”‘’《》()（）]")  # a subject holds none of these
# A listed or bracketed subject (市发改委、市工信局等部门要…, 各县(市、区)要…) may be longer,
# before an obligation modal only: 、 also joins short verb phrases (冲刺二季度、确保…).
MAX_LISTED_SUBJECT = 22
LISTED_SUBJECT_STOP = re.compile("[的,，“”‘’《》]")
_DIGIT = re.compile("[0-9]")
MAX_QUOTED = 40  # a longer quotation is speech, not a slogan: its commas split clauses


class Opening(Enum):
    """How a clause begins."""

    MODAL = "modal"
    IMPERATIVE = "imperative"
    PURPOSE = "purpose"
    DESCRIPTION = "description"
    COURTESY = "courtesy"
    PLAIN = "plain"


@dataclass(frozen=True)
class ClauseOpening:
    """A clause's opening: its kind, where a directive would start, and who commits."""

    kind: Opening
    start: int
    modal: str = ""
    subject: str = ""
    marked: bool = False  # opened by an item marker (另一方面, 同时)


@dataclass(frozen=True)
class _Cues:
    modals: WordSet
    modal_pattern: re.Pattern[str]
    obligations: frozenset[str]
    not_after_yao: frozenset[str]
    not_before_yao: frozenset[str]
    continuing_endings: frozenset[str]
    place_endings: frozenset[str]
    plans: WordSet
    not_after_qing: frozenset[str]
    not_place_heads: frozenset[str]
    framing: re.Pattern[str]
    projections: WordSet
    imperatives: WordSet
    enumerators: WordSet
    adverbs: WordSet
    item_markers: WordSet
    elaboration_cues: WordSet
    goal_modals: frozenset[str]
    purposes: WordSet
    courtesies: WordSet
    contributions: re.Pattern[str]
    report_words: re.Pattern[str]
    description_words: re.Pattern[str]


@cache
def cues() -> _Cues:
    """The compiled directive tables."""
    data = table("directive_cues")
    return _Cues(
        modals=WordSet(words("directive_cues", "modals")),
        modal_pattern=re.compile(alternation(words("directive_cues", "modals"))),
        obligations=frozenset(words("directive_cues", "obligations")),
        not_after_yao=frozenset(str(data["not_after_yao"])),
        not_before_yao=frozenset(str(data["not_before_yao"])),
        continuing_endings=frozenset(words("directive_cues", "continuing_subject_endings")),
        place_endings=frozenset(str(data["place_endings"])),
        plans=WordSet(words("directive_cues", "plan_verbs")),
        not_after_qing=frozenset(str(data["not_after_qing"])),
        not_place_heads=frozenset(str(data["not_place_heads"])),
        framing=re.compile(str(data["framing_count"])),
        projections=WordSet(words("directive_cues", "projection_openers")),
        imperatives=WordSet(words("directive_cues", "imperative_openers")),
        enumerators=WordSet(words("directive_cues", "enumerators")),
        adverbs=WordSet(words("directive_cues", "lead_adverbs")),
        item_markers=WordSet(words("directive_cues", "item_markers")),
        elaboration_cues=WordSet(words("directive_cues", "elaboration_cues")),
        goal_modals=frozenset(words("directive_cues", "goal_modals")),
        purposes=WordSet(words("directive_cues", "purpose_openers")),
        courtesies=WordSet(words("directive_cues", "courtesies")),
        contributions=_any_of(words("directive_cues", "purpose_contributions")),
        report_words=_any_of(words("directive_cues", "report_words")),
        description_words=_any_of(words("directive_cues", "description_words")),
    )


def _any_of(vocabulary: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of the words (one that never matches for no words)."""
    return re.compile(alternation(vocabulary) if vocabulary else "(?!)")


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma and colon clauses of [start, end), ignoring marks inside quotes and titles."""
    spans: list[tuple[int, int]] = []
    closers: list[str] = []
    clause_start = start
    for mark in CLAUSE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        # A quote opening the span is speech (“下一步,公司将…,力争…”), not a slogan.
        slogan = ch in QUOTE_PAIRS and not (ch == "“" and not text[start:i].strip(" \u3000"))
        if slogan and QUOTE_PAIRS[ch] in text[i + 1 : i + 1 + MAX_QUOTED]:
            closers.append(QUOTE_PAIRS[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
        elif not closers and ch in CLAUSE_SPLITS:
            spans.append((clause_start, i))
            clause_start = i + 1
    spans.append((clause_start, end))
    return [(s, e) for s, e in spans if e > s]


def opening(text: str, start: int, end: int) -> ClauseOpening:
    """Classify how the clause [start, end) opens."""
    c = cues()
    pos = start
    while pos < end and text[pos] in OPENING_MARKS:
        pos += 1
    if c.courtesies.starting_at(text, pos):
        return ClauseOpening(Opening.COURTESY, pos)
    if c.purposes.starting_at(text, pos) and _has_any(text, pos, end, c.contributions):
        return ClauseOpening(Opening.PURPOSE, pos)  # …,为全省发展作出贡献 (not 为企业提供服务)
    if c.framing.search(text, pos, end) or c.projections.starting_at(text, pos):
        return ClauseOpening(Opening.DESCRIPTION, pos)  # 重点抓好五个方面工作; 建成后…
    enumerator = c.enumerators.starting_at(text, pos)
    if enumerator and text[pos + enumerator - 1] in "要是":
        return ClauseOpening(Opening.MODAL, pos, modal=text[pos : pos + enumerator])
    adverb = c.adverbs.starting_at(text, pos + enumerator)
    marked = adverb > 0 and c.item_markers.starting_at(text, pos + enumerator) == adverb
    body = pos + enumerator + adverb
    while body < end and text[body] in OPENING_MARKS:
        body += 1
    modal = _modal_after_subject(text, body, end)
    if modal is not None:
        subject = text[body : modal[0]]
        begin = body if subject else modal[0]
        return ClauseOpening(Opening.MODAL, begin, modal=modal[1], subject=subject)
    if c.imperatives.starting_at(text, body) and not _has_any(text, body, end, c.report_words):
        if not _plan(text, body, end):
            return ClauseOpening(Opening.IMPERATIVE, body, marked=marked)
    if _has_any(text, pos, end, c.description_words):
        return ClauseOpening(Opening.DESCRIPTION, pos)
    return ClauseOpening(Opening.PLAIN, pos)


def _modal_after_subject(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(position, word) of a modal after a short subject, or None."""
    c = cues()
    reach = min(end, start + MAX_LISTED_SUBJECT + c.modals.longest)
    if c.modal_pattern.search(text, start, reach) is None:
        return None  # no modal in reach of either kind of subject (the common case)
    short = _modal_within(text, (start, end), MAX_SUBJECT, SUBJECT_STOP, None)
    # 要/务必/必须 may follow a subject holding 、 or brackets, or a long one (各级领导干部特别是…).
    return short or _modal_within(
        text, (start, end), MAX_LISTED_SUBJECT, LISTED_SUBJECT_STOP, c.obligations
    )


def _modal_within(
    text: str,
    span: tuple[int, int],
    max_subject: int,
    subject_stop: re.Pattern[str],
    allowed: frozenset[str] | None,
) -> tuple[int, str] | None:
    """The first modal (of `allowed`, or any) after a subject of at most `max_subject`
    characters holding none of `subject_stop`, in the clause `span`."""
    start, end = span
    c = cues()
    window = min(end, start + max_subject + c.modals.longest)
    stop = subject_stop.search(text, start, window)
    for match in c.modal_pattern.finditer(text, start, stop.start() if stop else window):
        if match.start() > start + max_subject:
            return None
        at, word = match.start(), match.group()
        if (allowed is None or word in allowed) and _is_modal(text, at, len(word), start):
            return at, word
    return None


def _is_modal(text: str, pos: int, size: int, subject_start: int) -> bool:
    c = cues()
    word = text[pos : pos + size]
    after = text[pos + size] if pos + size < len(text) else ""
    before = text[pos - 1] if pos > subject_start else ""
    if before and before in c.continuing_endings:
        return False
    if word == "要":
        noun = bool(after) and after in c.not_after_yao
        in_name = _in_place_name(text, pos, subject_start)
        return not (noun or (before and before in c.not_before_yao) or in_name)
    if word == "请":  # 请结合实际认真贯彻落实: only opening its clause (邀请, 申请, 请示)
        return pos == subject_start and not (after and after in c.not_after_qing)
    if word == "将":
        return not (after and after in "来军近要") and not (before and before in "即必")
    return True


def _plan(text: str, start: int, end: int) -> bool:
    """A plan with a number and no cue (谋划储备亿元以上项目150个以上): a target, no directive."""
    return cues().plans.starting_at(text, start) > 0 and _DIGIT.search(text, start, end) is not None


def _in_place_name(text: str, pos: int, subject_start: int) -> bool:
    """要 inside a place's name (高要区将…, 高要区地区生产总值…): one character before it that
    is no pronoun (我要, 也要), a body ending after it."""
    if pos - subject_start != 1 or text[subject_start] in cues().not_place_heads:
        return False
    return text[pos + 1 : pos + 2] in cues().place_endings


def _has_any(text: str, start: int, end: int, vocabulary: re.Pattern[str]) -> bool:
    return vocabulary.search(text, start, end) is not None


def continues_directive(clause: ClauseOpening) -> bool:
    """A second obligation in one sentence (要把…作为抓手,要持续抓好…) does not split it."""
    c = cues()
    if clause.kind is not Opening.MODAL or clause.marked:
        return False
    return clause.modal in c.obligations and clause.modal not in c.enumerators


def is_item_marker(text: str, start: int, end: int) -> bool:
    """A clause that is only an item marker (另一方面,…): the clause after it opens an item."""
    markers = cues().item_markers
    start, end = trim_span(text, start, end)
    if not 0 < end - start <= markers.longest:
        return False  # most clauses: longer than any marker
    return text[start:end] in markers


def splits_elaboration(clause: ClauseOpening, lead: bool) -> bool:
    """In an elaboration a next item (二是…, 另一方面,要…) splits off; another modal must open
    its sentence (`lead`): a goal clause ending a sentence (…,确保…) belongs to the item."""
    return lead or clause.marked or clause.modal in cues().enumerators


def opens_with_elaboration_cue(text: str, start: int) -> bool:
    """Whether an elaboration sentence opens with a cue of its own (坚持…, 着力…)."""
    return cues().elaboration_cues.starting_at(text, start) > 0


def trim_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unmatched opening or closing quote at either end of the span."""
    while start < end and text[start] in "“‘" and _closing_for(text[start]) not in text[start:end]:
        start += 1
    while end > start and text[end - 1] in "”’":
        if _opening_for(text[end - 1]) in text[start:end]:
            break
        end -= 1
    return start, end


def _closing_for(mark: str) -> str:
    return "”" if mark == "“" else "’"


def _opening_for(mark: str) -> str:
    return "“" if mark == "”" else "‘"
