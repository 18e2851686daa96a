"""Question-and-answer interviews: the turns of an article and who answers them.

An interview article labels its paragraphs with turns: a question (问：, 记者：, **问：**,
【问】) or an answer (答：, or the interviewee's name: 张明：). The interviewee of an 答 turn
is the person the headline or the lead introduces (——访青川县委书记刘明远, 专访了…). The
interviewee speaks; the questions are the reporter's, so they issue no directive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from summarizer.backends.offline._tables import CJK, surname_pattern, words
from summarizer.backends.offline.speakers_mentions import Mention, plausible_name

_SPACE = "[ \\t\\u3000]*"
_TURN = re.compile(
    f"^{_SPACE}(?:\\*\\*|【|\\[)?{_SPACE}"
    f"(?P<label>[^\\s:：*【】\\[\\],，。]{{1,6}}?){_SPACE}"
    f"(?:(?:\\*\\*|】|\\]){_SPACE}[:：]?|[:：]){_SPACE}(?:\\*\\*)?{_SPACE}",
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Label:
    """One turn label at a paragraph start (article-text offsets)."""

    start: int  # where the label's word begins
    end: int  # where the label's word ends
    content: int  # where the words of the turn begin
    asks: bool
    name: str | None  # the answerer's name when the label is a name


@dataclass(frozen=True)
class Turn:
    """One paragraph of an interview: a question, or an answer and who gives it."""

    content: int  # where the words of the turn begin
    asks: bool
    speaker: str | None  # None for a question, or when the interviewee is not named


@dataclass(frozen=True)
class Interview:
    """The turns of an interview article by paragraph start, and its interviewee."""

    turns: dict[int, Turn]
    interviewee: Mention | None


@cache
def _label_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (
        frozenset(words("speech_verbs", "interview_question_labels")),
        frozenset(words("speech_verbs", "interview_answer_labels")),
        frozenset(words("speech_verbs", "staff_labels")),
    )


@cache
def _name_pattern() -> re.Pattern[str]:
    return re.compile(f"{surname_pattern()}[{CJK}]{{1,2}}")


@lru_cache(maxsize=16)
def _labels(text: str) -> tuple[_Label, ...]:
    """Every turn label of the text, in reading order."""
    questions, answers, staff = _label_words()
    found = []
    for match in _TURN.finditer(text):
        label = match.group("label")
        if label in questions or label in answers:
            name = None
        elif label not in staff and _name_pattern().fullmatch(label) and plausible_name(label):
            name = label
        else:
            continue
        start, end = match.span("label")
        found.append(_Label(start, end, match.end(), label in questions, name))
    return tuple(found)


def find_interview(text: str, mentions: list[Mention]) -> Interview | None:
    """The interview the article holds, or None when it has no question and answer turns."""
    labels = _labels(text)
    if not any(label.asks for label in labels) or all(label.asks for label in labels):
        return None
    interviewee = _interviewee(mentions, labels[0].start)
    fallback = interviewee.name if interviewee is not None else None
    turns = {
        _line_start(text, label.start): Turn(
            label.content, label.asks, None if label.asks else label.name or fallback
        )
        for label in labels
    }
    return Interview(turns, interviewee)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


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
    named = [label for label in labels if label.name is not None]
    kept = [m for m in mentions if not any(_overlaps(m, label) for label in named)]
    kept += [
        Mention(label.name, None, label.start, label.start, label.end, label.content, True)
        for label in named
        if label.name is not None
    ]
    answered_plainly = any(not label.asks and label.name is None for label in labels)
    chosen = interview.interviewee
    if answered_plainly and chosen is not None and not chosen.speaks:
        kept = [replace(m, act_end=m.name_end) if m is chosen else m for m in kept]
    kept.sort(key=lambda m: m.start)
    return kept


def _overlaps(mention: Mention, label: _Label) -> bool:
    return mention.name_start < label.end and label.start < mention.name_end
