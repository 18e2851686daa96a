"""Question-and-answer interviews: the turns of an article and who answers them.

An interview article labels its paragraphs with turns: a question (问：, 记者：, **问：**,
【问】) or an answer (答：, the interviewee's name 张明：, or surname and post 张书记：). A
问/答 label may also follow a question mark inside a paragraph (问：…？答：…). The
interviewee of an 答 turn is the person the headline or the lead introduces (——访青川县委
书记刘明远, 专访了…). The interviewee speaks; the questions are the reporter's, so they
issue no directive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from summarizer.rules._tables import CJK, alternation, surname_pattern, words
from summarizer.rules.speakers_mentions import Mention
from summarizer.rules.speakers_names import plausible_name

_SPACE = "[ \\t\\u3000]*"
_PLAIN_MAX = 6  # any other label: 问, 答, 张明, 张书记
_REPORTER = "记者"
_LABEL_MAX = 16  # 陕西广播电视台记者, 华商报记者刘一鸣: a press conference's questioners
_LABEL_END = f"(?:(?:\\*\\*|】|\\]){_SPACE}[:：]?|[:：]){_SPACE}(?:\\*\\*)?{_SPACE}"
_TURN = re.compile(
    f"^{_SPACE}(?:\\*\\*|【|\\[)?{_SPACE}"
    f"(?P<label>[^\\s:：*【】\\[\\],，。]{{1,{_LABEL_MAX}}}?){_SPACE}{_LABEL_END}",
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Label:
    """One turn label (article-text offsets)."""

    start: int  # where the turn begins: its paragraph, or its label inside a paragraph
    word: tuple[int, int]  # the label's word
    content: int  # where the words of the turn begin
    asks: bool
    name: str | None  # the answerer's name when the label is a name


@dataclass(frozen=True)
class Turn:
    """One question or answer of an interview, and who gives the answer."""

    start: int  # where the turn begins (its label)
    content: int  # where the words of the turn begin
    asks: bool
    speaker: str | None  # None for a question, or when the interviewee is not named


@dataclass(frozen=True)
class Interview:
    """The turns of an interview article in reading order, and its interviewee."""

    turns: tuple[Turn, ...]
    interviewee: Mention | None


@cache
def _label_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        frozenset(words("speech_verbs", "interview_question_labels")),
        frozenset(words("speech_verbs", "interview_answer_labels")),
        frozenset(words("speech_verbs", "staff_labels")),
        frozenset(words("titles", "posts")),
    )


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name or surname-and-post label (张明, 张书记); a 问/答 label after a question."""
    questions, answers, _, _ = _label_words()
    plain = alternation(questions | answers)
    inline = f"(?<=[？?]){_SPACE}(?:\\*\\*|【)?(?P<label>{plain}){_LABEL_END}"
    return re.compile(f"({surname_pattern()})([{CJK}]{{1,4}})"), re.compile(inline)


@lru_cache(maxsize=16)
def _labels(text: str) -> tuple[_Label, ...]:
    """Every turn label of the text, in reading order."""
    found = [label for m in _TURN.finditer(text) if (label := _label(m)) is not None]
    found += [label for m in _patterns()[1].finditer(text) if (label := _label(m)) is not None]
    return tuple(sorted(found, key=lambda label: label.start))


def _label(match: re.Match[str]) -> _Label | None:
    """The turn a label opens, or None when the word is no turn label (时间：, 来源：)."""
    questions, answers, staff, posts = _label_words()
    label, name = match.group("label"), None
    if _reporter(label):
        return _Label(match.start(), match.span("label"), match.end(), True, None)
    if len(label) > _PLAIN_MAX:
        return None
    if label not in questions and label not in answers:
        person = _patterns()[0].fullmatch(label)
        if person is None or label in staff:
            return None
        if person.group(2) not in posts:  # 张书记: the interviewee, by surname and post
            if len(label) > 4 or not plausible_name(label):
                return None
            name = label
    return _Label(match.start(), match.span("label"), match.end(), label in questions, name)


def _reporter(label: str) -> bool:
    """A questioner named by outlet and maybe name (西安日报记者, 华商报记者刘一鸣)."""
    outlet, mark, name = label.partition(_REPORTER)
    if not mark or not outlet:
        return False
    return not name or (len(name) <= 4 and _patterns()[0].fullmatch(name) is not None)


def segments(
    interview: Interview | None, lines: list[tuple[int, int]]
) -> list[tuple[int, int, Turn | None]]:
    """The lines cut at every turn: (start, end, turn), a turn's start after its label."""
    turns = interview.turns if interview is not None else ()
    found: list[tuple[int, int, Turn | None]] = []
    for line_start, line_end in lines:
        inside = [t for t in turns if line_start <= t.start < line_end]
        if not inside:
            found.append((line_start, line_end, None))
            continue
        if inside[0].start > line_start:  # the question before an inline 答：
            found.append((line_start, inside[0].start, None))
        ends = [t.start for t in inside[1:]] + [line_end]
        found.extend((t.content, end, t) for t, end in zip(inside, ends, strict=True))
    return found


def find_interview(text: str, mentions: list[Mention]) -> Interview | None:
    """The interview the article holds, or None when it has no question and answer turns."""
    labels = _labels(text)
    if not any(label.asks for label in labels) or all(label.asks for label in labels):
        return None
    interviewee = _interviewee(mentions, labels[0].start)
    fallback = interviewee.name if interviewee is not None else None
    turns = tuple(
        Turn(label.start, label.content, label.asks, None if label.asks else label.name or fallback)
        for label in labels
    )
    return Interview(turns, interviewee)


def _interviewee(mentions: list[Mention], first_turn: int) -> Mention | None:
    """The person the headline or lead introduces: one who speaks there, else one titled."""
    before = [m for m in mentions if m.start < first_turn]
    speaking = [m for m in before if m.speaks]
    titled = [m for m in before if m.title is not None]
    chosen = speaking or titled
    return chosen[-1] if chosen else None


def with_interview(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each answerer shown speaking (the interviewee and labeled names)."""
    interview = find_interview(text, mentions)
    if interview is None:
        return mentions
    labels = _labels(text)
    kept = [m for m in mentions if not any(_overlaps(m, label) for label in labels)]
    kept += [
        Mention(label.name, None, label.word[0], label.word[0], label.word[1], label.content, True)
        for label in labels
        if label.name is not None
    ]
    answered_plainly = any(not label.asks and label.name is None for label in labels)
    chosen = interview.interviewee
    if answered_plainly and chosen is not None and not chosen.speaks:
        kept = [replace(m, act_end=m.name_end) if m is chosen else m for m in kept]
    kept.sort(key=lambda m: m.start)
    return kept


def _overlaps(mention: Mention, label: _Label) -> bool:
    return mention.name_start < label.word[1] and label.word[0] < mention.name_end
