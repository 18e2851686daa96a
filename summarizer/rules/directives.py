"""Directives: instructions, requirements and commitments, each attributed to its issuer.

Sentences are read in order while the current issuer is carried along: a speaker whose
words are introduced (张红军表示,…; then 他要求,…), the meeting (会议强调,…), an interview's
answerer, the body issuing a notice (XX市人民政府办公室关于…的通知), or nobody. Each sentence's
clauses are read by directives_scan: which open, extend or end a directive, and who issues it.

A paragraph headed by a short directive (着力抓项目。), an enumerated item (一要…, 一是…) or
a 要-instruction is elaborated by the sentences after it: there only a sentence opening
with its own cue (要, 坚持, 着力…) is a directive; a goal clause ending such a sentence
belongs to the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.document import Article, PreparedDocument
from summarizer.models import Directive
from summarizer.rules._segments import SENTENCE_END_MARK, line_spans, sentence_spans
from summarizer.rules.directives_scan import CJK_CHAR, State, items, tables
from summarizer.rules.interviews import find_interview, segments
from summarizer.rules.notices import issuing_body
from summarizer.rules.speakers_mentions import Mention
from summarizer.rules.speakers_titles import titles
from summarizer.rules.speeches import speech_byline
from summarizer.text.cues import cues as page_cues

MEETING = "会议"
_MARKER_REACH = 12  # an item marker is shorter than this
CONTENT_SKIP = frozenset(",:; ")
_BODY_STOP = re.compile("[,，。、“”:：;；]")  # a named body holds none of these


@dataclass(frozen=True)
class _Event:
    """From `position` on, `issuer` speaks; `lasting` events outlive their sentence."""

    position: int
    issuer: str
    lasting: bool


def extract_directives(
    document: PreparedDocument, article: Article, mentions: list[Mention]
) -> list[Directive]:
    """Every directive of one article, grounded in the document."""
    article = article.view
    text = article.text
    events = _events(text, mentions)
    issuing = _default_issuer(text, mentions)
    state = State(issuer=issuing)
    found: list[Directive] = []
    for line_start, line_end, turn in segments(find_interview(text, mentions), line_spans(text)):
        kind = "turn" if turn is not None else _line_kind(text, line_start, line_end)
        if kind != "body":
            state = State(issuer=issuing, last_body=state.last_body)
        if kind == "headline":
            state.issuer = _last_speaker(events, line_start, line_end) or issuing
            continue
        if turn is not None:
            if turn.asks:
                continue  # the reporter's question: never a directive
            state.issuer = turn.speaker  # an interview's answer, after its label
        state.elaborating, state.paragraph_body = False, None
        quoted = _quoted_speaker(text, line_start, line_end, mentions)
        if quoted is not None:
            state.issuer = quoted
        for index, (start, end) in enumerate(sentence_spans(text[line_start:line_end])):
            state.first_in_line = index == 0
            spans = _sentence(text, line_start + start, line_start + end, events, state)
            found.extend(_directive(document, article, s, e, who) for s, e, who in spans)
    return found


def _default_issuer(text: str, mentions: list[Mention]) -> str | None:
    """Who instructs where the text names no one: a speech manuscript's speaker; for a
    notice or plan with no speaker, the body issuing it."""
    speech = speech_byline(text)
    if speech is not None:
        return speech.name
    return None if any(m.speaks for m in mentions) else issuing_body(text)


def _last_speaker(events: list[_Event], start: int, end: int) -> str | None:
    """The person a headline line introduces (——访…区委书记周安), if any."""
    inside = [e.issuer for e in events if start < e.position <= end and e.issuer != MEETING]
    return inside[-1] if inside else None


def _quoted_speaker(text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """The speaker of a line opening with a quotation (“…”张红军表示): the quote is theirs."""
    if not text.startswith("“", start):
        return None
    close = text.find("”", start, end)
    if close < 0:
        return None
    for mention in mentions:
        if mention.start == close + 1 and mention.introduces:
            return mention.name
    return None


def _line_kind(text: str, start: int, end: int) -> str:
    """headline (or byline), lead (本报讯…) or body: the first two end a speaker's turn."""
    t = tables()
    line = text[start:end].strip()
    if line.endswith((":", "：")):
        return "body"  # 会议要求: introduces the items on the lines below
    if len(line) <= t.headline_max and not SENTENCE_END_MARK.search(line) and "," not in line:
        return "headline"
    if any(opener in line[:12] for opener in t.item_openers):
        return "lead"
    return "body"


def _events(text: str, mentions: list[Mention]) -> list[_Event]:
    found = [
        _Event(m.act_end, m.name, True) for m in mentions if m.introduces and m.act_end is not None
    ]
    t = tables()
    for match in t.pronoun_speech.finditer(text):  # 王某作部署。他要求,…: the person before
        speaking = [m for m in mentions if m.speaks and m.start < match.start()]
        if speaking:
            found.append(_Event(match.end(), speaking[-1].name, True))
    for match in t.meeting.finditer(text):
        if any(stop in match.group("body") for stop in t.meeting_prefix_stops):
            continue  # 刘伟出席会议并强调: the person speaks, not the meeting
        at_start = match.start() == 0 or text[match.start() - 1] in "。；;\n"
        found.append(_Event(match.end(), MEETING, at_start))
    found.sort(key=lambda e: e.position)
    return found


def _sentence(
    text: str, start: int, end: int, events: list[_Event], state: State
) -> list[tuple[int, int, str]]:
    """Directive spans (start, end, issuer) of one sentence; updates the carried state."""
    issuer, content = state.issuer, start
    for event in events:
        if start < event.position <= end:
            issuer, content = event.issuer, event.position
            if event.lasting:
                state.issuer = event.issuer
                state.elaborating = False
    state.requested = _requested(text, content, end)
    while content < end and text[content] in CONTENT_SKIP:
        content += 1
    content = _after_dateline(text, content, end)
    if state.first_in_line:
        content = _after_item_marker(text, content, end)
    body = _leading_body(text, content, end, state)
    if body is None:
        comma = _first_comma(text, content, min(end, content + 8))
        if comma is not None:
            body = _leading_body(text, comma + 1, end, state)
    # A report's subject-less sentence goes on about the body its paragraph named.
    body = state.paragraph_body = body or state.paragraph_body
    return items(text, content, end, issuer, body, state)


def _requested(text: str, content: int, end: int) -> bool:
    """Whether the words at `content` are what a request verb right before asks for."""
    if content >= end or not CJK_CHAR.match(text[content]):
        return False
    return tables().requests.ending_at(text, content) > 0


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a report's text begins after its dateline (本报讯(记者王芳)今年以来,…)."""
    size = tables().datelines.starting_at(text, start)
    if not size:
        return start
    position = start + size
    if position < end and text[position] in "(（":
        close = text.find(")" if text[position] == "(" else "）", position, end)
        position = close + 1 if close >= 0 else position
    while position < end and text[position] in CONTENT_SKIP:
        position += 1
    return position


def _after_item_marker(text: str, start: int, end: int) -> int:
    """Where a line's words begin after its item marker ((一)强化…, 一、…, 1.…)."""
    marker = page_cues().item_marker.match(text[start : min(end, start + _MARKER_REACH)])
    if marker is None:
        return start
    position = start + marker.end()
    while position < end and text[position] in CONTENT_SKIP:
        position += 1
    return position


def _first_comma(text: str, start: int, end: int) -> int | None:
    """The comma closing a short opening phrase (今年以来,…), if any."""
    return next((i for i in range(start, end) if text[i] in ",，"), None)


def _leading_body(text: str, start: int, end: int, state: State) -> str | None:
    """The named body a sentence opens with (高新区牢固树立…); remembered for 该区."""
    t = tables()
    if t.not_body_heads.starting_at(text, start):
        return None  # 在位于高新区的…项目现场: a place phrase, not a body acting
    limit = start + min(12, end - start)
    stop = _BODY_STOP.search(text, start, limit)
    stop_at = stop.start() if stop else limit
    for size in range(2, limit - start + 1):
        candidate = text[start : start + size]
        if candidate in t.anaphors:
            return state.last_body
        if start + size > stop_at:  # the candidate holds punctuation
            return None
        if _body_ends(text, start + size) and candidate not in t.pronouns:
            state.last_body = candidate
            return candidate
    return None


def _body_ends(text: str, end: int) -> bool:
    """A body's name ends at `end` (高新区…), not a post that begins there (副区长)."""
    size = tables().bodies.ending_at(text, end)
    return size > 0 and titles().posts.starting_at(text, end - 1) <= 1


def _directive(
    document: PreparedDocument, article: Article, start: int, end: int, issuer: str
) -> Directive:
    return Directive(
        issuer=issuer,
        text=document.verbatim(article, start, end),
        article=article.index,
        evidence=document.evidence(article, start, end),
    )
