"""The speaker of a speech manuscript: a speech printed as a document (讲话稿).

It opens with its title (在…大会上的讲话, …上的致辞), then, on a line of its own, the
byline: the speaker's posts and name (昌吉州委常委、市委书记 赵建军), perhaps a date line
before or after it, and a salutation (同志们:). Everything after is the speaker's own
words: the byline's person is a speaker, and the speech's instructions are theirs unless
the text gives them to someone else.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.rules._segments import blank_trimmed, line_spans
from summarizer.rules._tables import CJK, alternation, surname_pattern, words
from summarizer.rules.speakers_mentions import Mention
from summarizer.rules.speakers_titles import titles

_HEAD_LINES = 5  # the title stands among the first lines of the article
_BYLINE_REACH = 2  # the byline is one of the next lines (a date line may come first)
_MAX_LINE = 60


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The title line and the byline: posts, a blank or none, then a name."""
    kinds = alternation(words("speech_verbs", "manuscript_titles"))
    title = re.compile(f"(?:{kinds})$")
    name = f"{surname_pattern()}[{CJK}]{{1,2}}|[{CJK}]{{2,6}}·[{CJK}]{{2,6}}"
    byline = re.compile(f"(?P<posts>[{CJK}、]{{2,40}}?)\\s*(?P<name>{name})$")
    return title, byline


def speech_byline(text: str) -> Mention | None:
    """The speaker named in a speech manuscript's byline, shown speaking; None when the
    text is no speech manuscript."""
    title, byline = _patterns()
    lines = [blank_trimmed(text, *span) for span in line_spans(text)[:_HEAD_LINES]]
    for number, (start, end) in enumerate(lines):
        if end - start <= _MAX_LINE and title.search(text, start, end):
            for line_start, line_end in lines[number + 1 : number + 1 + _BYLINE_REACH]:
                found = _byline(text, line_start, line_end, byline)
                if found is not None:
                    return found
            return None
    return None


def _byline(text: str, start: int, end: int, byline: re.Pattern[str]) -> Mention | None:
    match = byline.match(text, start, end)
    if match is None:
        return None
    posts = match.group("posts")
    if titles().posts.ending_at(posts, len(posts)) == 0:
        return None  # the words before the name end in no post
    name_start, name_end = match.span("name")
    return Mention(
        name=match.group("name"),
        title=posts,
        start=start,
        name_start=name_start,
        name_end=name_end,
        act_end=name_end,  # the byline shows the person giving the speech
        title_at=match.span("posts"),
    )


def with_byline(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with a speech manuscript's byline person shown speaking."""
    byline = speech_byline(text)
    if byline is None:
        return mentions
    others = [m for m in mentions
              if m.name_end <= byline.name_start or m.name_start >= byline.name_end]  # fmt: skip
    return sorted([*others, byline], key=lambda m: m.start)
