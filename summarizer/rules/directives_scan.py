"""The clauses of one sentence: which open, extend or end a directive, and who issues it.

A clause opening with a modal (要, 确保, 力争, 将) starts a directive and the clauses after it
belong to it; a subject-less imperative (着力建设…) starts one only at a sentence start, after
an item marker, or as an item of a list after a colon. A goal clause (确保, 力争…) that goes on
a sentence belongs to the sentence's directive. In an elaboration (the sentences after a
heading, an enumerated item or a 要-instruction) only a sentence opening with its own cue is
one. The issuer is the speaker, the meeting, a named body that commits with 将 (惠济区将…),
the speaker again for a pronoun or a group of people (我们将, 党员干部将), or nobody for a
projection (普及率将提高到…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from summarizer.rules._segments import trim_span
from summarizer.rules._tables import CJK, WordSet, alternation, table, words
from summarizer.rules.directives_clauses import (
    ClauseOpening,
    Opening,
    continues_directive,
    cues,
    is_item_marker,
    opening,
    opens_with_elaboration_cue,
    split_clauses,
    splits_elaboration,
    trim_quotes,
)

CJK_CHAR = re.compile(f"[{CJK}]")


@dataclass
class State:
    issuer: str | None = None
    last_body: str | None = None
    elaborating: bool = False  # the sentences now elaborate a heading or an item
    paragraph_body: str | None = None  # the body this paragraph's sentences are about
    first_in_line: bool = False
    requested: bool = False  # the sentence's words follow 要求 directly (要求各局处加速…)


@dataclass(frozen=True)
class Tables:
    meeting: re.Pattern[str]
    meeting_prefix_stops: tuple[str, ...]
    pronoun_speech: re.Pattern[str]
    pronouns: frozenset[str]
    generic_subjects: frozenset[str]
    effects: WordSet
    anaphors: frozenset[str]
    bodies: WordSet
    item_openers: tuple[str, ...]
    datelines: WordSet
    headline_max: int
    heading_max: int
    elaboration_lead_max: int
    listed_max: int
    lead_prepositions: WordSet
    requests: WordSet
    not_body_heads: WordSet
    label_max: int


def _pronoun_speech() -> re.Pattern[str]:
    """他要求, 她还强调: a pronoun opening its clause, then a verb introducing words."""
    pronouns = alternation(words("speech_verbs", "speaker_pronouns"))
    adverbs = alternation(words("speech_verbs", "continuations"))
    verbs = alternation(words("speech_verbs", "content_verbs"))
    return re.compile(f"(?:^|(?<=[,，。；;:：\n”]))(?:{pronouns})(?:{adverbs})?(?:{verbs})")


@cache
def tables() -> Tables:
    subjects = alternation(words("speech_verbs", "meeting_subjects") + ("全会",))
    verbs = alternation(words("speech_verbs", "meeting_verbs"))
    prefix = int(table("speech_verbs")["meeting_prefix_max"])
    return Tables(
        meeting=re.compile(
            f"(?:^|(?<=[,，。；;:：\\n“‘]))(?P<body>[^,，。；;:：\\n“”]{{0,{prefix}}}?)"
            f"(?:{subjects})(?:[^,，。；;]{{0,3}}?)(?:{verbs})"
        ),
        meeting_prefix_stops=words("speech_verbs", "meeting_prefix_stops"),
        pronoun_speech=_pronoun_speech(),
        pronouns=frozenset(words("directive_cues", "pronouns")),
        generic_subjects=frozenset(words("directive_cues", "generic_subjects")),
        effects=WordSet(words("directive_cues", "effects_after_jiang")),
        anaphors=frozenset(words("directive_cues", "anaphors")),
        bodies=WordSet(words("directive_cues", "body_suffixes")),
        item_openers=words("directive_cues", "item_openers")
        + words("directive_cues", "narration_openers"),
        datelines=WordSet(words("directive_cues", "item_openers")),
        headline_max=int(table("directive_cues")["headline_max_chars"]),
        heading_max=int(table("directive_cues")["heading_max_chars"]),
        elaboration_lead_max=int(table("directive_cues")["elaboration_lead_max_chars"]),
        listed_max=int(table("directive_cues")["listed_item_max_chars"]),
        lead_prepositions=WordSet(words("directive_cues", "lead_prepositions")),
        requests=WordSet(words("directive_cues", "request_verbs")),
        not_body_heads=WordSet(words("directive_cues", "not_body_heads")),
        label_max=int(table("directive_cues")["field_label_max_chars"]),
    )


def items(
    text: str, start: int, end: int, issuer: str | None, body: str | None, state: State
) -> list[tuple[int, int, str]]:
    """Directive spans of the clauses of one sentence's content [start, end)."""
    scan = _Scan(text, start, issuer, body, state)
    clauses = split_clauses(text, start, end)
    for index, (c_start, c_end) in enumerate(clauses):
        scan.read(index, c_start, c_end, len(clauses))
    scan.close()
    return scan.items


@dataclass
class _Open:
    """The directive being built from a sentence's clauses."""

    start: int
    end: int
    who: str
    adverbial: bool  # opened by an imperative (围绕…,紧盯…)
    listed: bool  # an item of a list after a colon


@dataclass
class _Scan:
    """Reads one sentence clause by clause, opening, extending and closing directives."""

    text: str
    start: int
    issuer: str | None
    body: str | None
    state: State
    items: list[tuple[int, int, str]] = field(default_factory=list)
    current: _Open | None = None
    after_marker: bool = False  # the clause before was only 另一方面/同时
    first: tuple[int, Opening] = (0, Opening.PLAIN)  # where the first clause ends, how it opens

    def read(self, index: int, start: int, end: int, count: int) -> None:
        """Take the sentence's clause number `index` of `count`, spanning [start, end)."""
        clause = self._opening(start, end)
        if clause.kind in (Opening.PURPOSE, Opening.COURTESY, Opening.DESCRIPTION):
            self._stop_at(clause)
            return
        if self.current is not None and continues_directive(clause):
            if index == 1 and self._framing_lead():  # 做好明年经济工作,要坚持…: a topic
                self.current.start, self.current.adverbial = clause.start, False
            self.current.end = end
            return
        if index == 0:
            self.first = (end, clause.kind)
        if index > 0 and not clause.marked and _is_goal(clause):
            self._goal(clause, end)  # a goal clause belongs to its sentence (…,确保…)
            return
        self._open(clause, (index, count), start, end)

    def _open(self, clause: ClauseOpening, place: tuple[int, int], start: int, end: int) -> None:
        """Open a directive at the clause if it opens one, else let the clause extend."""
        index, count = place
        listed = _next_listed_item(self.text, start, self.current)
        if clause.kind is Opening.PLAIN and self._verb_phrase_item(index, listed):
            clause = replace(clause, kind=Opening.IMPERATIVE)
        # 对纳入省级调度的重大项目,要实行…: the object phrase opens the instruction
        object_lead = index > 0 and tables().lead_prepositions.starting_at(self.text, self.start)
        lead = self.current is None and (
            start - self.start <= tables().elaboration_lead_max or object_lead > 0
        )
        owner = _owner(
            self.text, clause, (index == 0 or listed, lead), self.issuer, self.body, self.state
        )
        if owner is None:
            if self.current is not None:
                self.current.end = end
            return
        item = clause.modal in cues().enumerators
        if item and self._framing_lead():
            self.current = None  # 做好下半年工作,一要…: the lead only frames the items
        self.close()
        whole = object_lead and lead and clause.kind is Opening.MODAL
        imperative = clause.kind is Opening.IMPERATIVE
        begin = self.start if whole else clause.start
        self.current = _Open(begin, end, owner, imperative, listed and not item)
        if (index == 0 or item) and _opens_elaboration(self.text, clause, end, count, self.state):
            self.state.elaborating = True

    def _verb_phrase_item(self, index: int, listed: bool) -> bool:
        """Whether a plain clause is an instruction all the same: an item of a list after a
        colon (抓牢…,做到…), or the words after 要求 (刘某要求各局处加速核销,…)."""
        if listed and self.current is not None and self.current.listed:
            return True
        return index == 0 and self.state.requested

    def _framing_lead(self) -> bool:
        """The open directive is only the sentence's imperative lead before its items."""
        current = self.current
        lead = current is not None and current.adverbial and current.start == self.start
        return lead and not self.state.requested

    def _goal(self, clause: ClauseOpening, end: int) -> None:
        """A goal clause continuing a sentence: the open directive goes on through it. With
        none open, the whole sentence is the directive, unless the clause ends a sentence
        that elaborates an item: there it stands alone only after a time or subject phrase
        (2024年底,力争…)."""
        if self.current is not None:
            self.current.end = end
            return
        lead = self.first[1] is Opening.PLAIN
        lead = lead and clause.start - self.start <= tables().elaboration_lead_max
        if self.state.elaborating and not lead:
            return  # it belongs to the item the sentence elaborates
        owner = _owner(self.text, clause, (True, True), self.issuer, self.body, self.state)
        if owner is not None:
            self.current = _Open(self._sentence_start(), end, owner, False, False)

    def _sentence_start(self) -> int:
        """Where the sentence's words begin, past a lone connective (下一步,…)."""
        start, end = trim_span(self.text, self.start, self.first[0])
        lone = cues().adverbs.starting_at(self.text, start) == end - start > 0
        return self.first[0] + 1 if lone else self.start

    def _stop_at(self, clause: ClauseOpening) -> None:
        """A purpose, courtesy or description clause ends the open directive."""
        # 围绕…,紧盯…,思路就是: the imperatives were the description's adverbials.
        adverbial = self.current is not None and self.current.adverbial
        if not (adverbial and clause.kind is Opening.DESCRIPTION):
            self.close()
        self.current = None

    def _opening(self, start: int, end: int) -> ClauseOpening:
        clause = opening(self.text, start, end)
        if self.after_marker and clause.kind in (Opening.IMPERATIVE, Opening.MODAL):
            clause = replace(clause, marked=True)
        self.after_marker = is_item_marker(self.text, start, end)
        return clause

    def close(self) -> None:
        """Add the open directive, trimmed of punctuation and unmatched quotes, if any is left."""
        if self.current is None:
            return
        span = trim_span(self.text, self.current.start, self.current.end)
        start, end = trim_span(self.text, *trim_quotes(self.text, *span))
        if end - start >= 2:
            self.items.append((start, end, self.current.who))


def _is_goal(clause: ClauseOpening) -> bool:
    return clause.kind is Opening.MODAL and clause.modal in cues().goal_modals


def _next_listed_item(text: str, start: int, current: _Open | None) -> bool:
    """Whether the clause at `start` opens the next item of a list after a colon.

    It does right after the colon (思路就是:抓牢…), and after a short item of that list
    (抓牢“一个带动”,做到“五个确保”,…); after a long instruction the clause goes on.
    """
    if text[start - 1] in ":：":
        return not _field_label(text, start - 1)
    if current is None or not current.listed:
        return False
    return current.end - current.start <= tables().listed_max


def _field_label(text: str, colon: int) -> bool:
    """Whether the colon closes a short field label (主题词:重点项目), not an introduction."""
    begin = colon
    while begin > 0 and CJK_CHAR.match(text[begin - 1]):
        begin -= 1
    return colon - begin <= tables().label_max


def _opens_elaboration(
    text: str, clause: ClauseOpening, end: int, clause_count: int, state: State
) -> bool:
    """Whether this sentence-opening directive is elaborated by the sentences after it.

    It is when it is an enumerated item or a 要-instruction (一要…, 一是…, 要…), or a
    short comma-less heading that opens its paragraph (着力抓项目。全力稳增长。).
    """
    if clause.modal.endswith("要") or clause.modal in cues().enumerators:
        return True
    start, stop = trim_span(text, clause.start, end)
    return state.first_in_line and clause_count == 1 and stop - start <= tables().heading_max


def _owner(
    text: str,
    clause: ClauseOpening,
    place: tuple[bool, bool],
    issuer: str | None,
    body: str | None,
    state: State,
) -> str | None:
    """Who issues the directive this clause would open, or None when it opens none.

    `place` says whether the clause is the sentence's first, and whether it still opens
    the sentence: only a short lead phrase before it (2023年底,力争…; 围绕全会精神,将…).
    """
    first, lead = place
    if clause.kind is Opening.MODAL:
        if _predicts(text, clause, first, lead):
            return None
        committed = _committing_body(clause, state)
        if committed is not None:
            return committed
        if state.elaborating and not splits_elaboration(clause, lead):
            return None
        if issuer is not None:
            return issuer
        # Without a speaker only a goal (确保, 力争…) or 将 commits the body.
        return body if clause.modal in cues().goal_modals or clause.modal == "将" else None
    if clause.kind is not Opening.IMPERATIVE or issuer is None:
        return None
    if state.elaborating:
        cue = first and opens_with_elaboration_cue(text, clause.start)
        return issuer if cue else None
    return issuer if first or clause.marked else None


def _committing_body(clause: ClauseOpening, state: State) -> str | None:
    """The named subject of 将 (惠济区将…), or None for pronouns and people."""
    t = tables()
    subject = clause.subject
    if clause.modal != "将" or len(subject) < 2:
        return None
    if subject in t.anaphors:
        return state.last_body
    if _pronoun(subject) or not t.bodies.ending_at(subject, len(subject)):
        return None
    return subject


def _pronoun(subject: str) -> bool:
    """A subject standing for the speaker: 我们, 我区, 全年我们, or a generic 公司/企业."""
    t = tables()
    return subject in t.generic_subjects or any(subject.endswith(w) for w in t.pronouns)


def _predicts(text: str, clause: ClauseOpening, first: bool, lead: bool) -> bool:
    """A 将 that tells what will happen, not what someone commits to: its subject is no body
    or person (普及率将提高到…, 项目将分别落户…), or it goes on about a report's subject
    with an effect (…总投资61.8亿元,将为全县发展注入动能; 建成后将有效缓解…)."""
    if clause.modal != "将":
        return False
    subject = clause.subject
    t = tables()
    if not subject:
        return not (first or lead) and t.effects.starting_at(text, clause.start + 1) > 0
    named = subject in t.anaphors or t.bodies.ending_at(subject, len(subject)) > 0
    return not (named or _pronoun(subject))
