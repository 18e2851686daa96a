"""Find people in an article: title + name chains, bare names, and whether they speak.

A mention is a name with the title written before it (党工委副书记、管委会主任郭程明), in
brackets after it (李卫华(县委书记)), or a bare name (张红军表示). It speaks when a speech or
act verb of data/speech_verbs.toml follows in its clause, when a minutes field names it
(主持:袁明), when the meeting heard its report (听取了…张某关于…的汇报), or when it heads an
interview (——访荥阳市委书记杨金军). A name padded to three characters (袁  明) is one name;
`Mention.name` is the name without the padding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizer.rules._segments import CLAUSE_BREAKS, clause_end, sentence_end
from summarizer.rules.speakers_names import (
    CJK_RUN,
    alternation_padded,
    clean_name,
    name_at,
    name_may_end,
    plausible_name,
    vocabulary,
)
from summarizer.rules.speakers_titles import bracketed_title, chain_start, titles

_LISTED = "、 和与及"  # between people listed before one verb


@dataclass(frozen=True)
class Mention:
    """One occurrence of a person's name in an article (article-text offsets)."""

    name: str
    title: str | None
    start: int
    name_start: int
    name_end: int
    act_end: int | None = None
    introduces: bool = False  # the act verb introduces the person's words (表示, 强调, 说)
    title_at: tuple[int, int] | None = None  # a title after the name (张伟区长, 袁明(区长))

    @property
    def title_span(self) -> tuple[int, int]:
        """Where the title stands: before the name, or after it (张伟区长, 袁明(区长))."""
        if self.title_at is not None and self.title is not None:
            return self.title_at
        return self.start, self.name_start

    @property
    def after(self) -> int:
        """Where the text after the person begins: past a bracketed title (袁明(区长)主持)."""
        if self.title_at is not None and self.title_at[0] > self.name_end:
            return self.title_at[1] + 1
        return self.name_end

    @property
    def speaks(self) -> bool:
        """True when the text shows the person speaking or acting here."""
        return self.act_end is not None


def find_mentions(text: str) -> list[Mention]:
    """Every titled or speaking mention of a person in the text, in reading order."""
    raw = _titled_mentions(text)
    raw += _bracketed_mentions(text, [(m.start, m.name_end) for m in raw])
    raw += _post_after_mentions(text, [(m.start, m.name_end) for m in raw])
    known = {m.name for m in raw}
    raw += _fielded_mentions(text, [(m.start, m.name_end) for m in raw])
    raw += _bare_mentions(text, known, [(m.start, m.name_end) for m in raw])
    raw.sort(key=lambda m: m.start)
    found = [_with_act(text, m, _next_start(raw, i)) for i, m in enumerate(raw)]
    return _shared_acts(text, found)


def _shared_acts(text: str, mentions: list[Mention]) -> list[Mention]:
    """People listed before one verb share it (区发改委主任杜某、区统计局局长闫某…回答提问)."""
    for i in range(len(mentions) - 2, -1, -1):
        mention, listed = mentions[i], mentions[i + 1]
        between = text[mention.after : listed.start]
        if mention.speaks or listed.act_end is None or not between:
            continue
        if between.strip(_LISTED) == "":
            mentions[i] = replace(mention, act_end=listed.act_end, introduces=listed.introduces)
    return mentions


def _next_start(mentions: list[Mention], index: int) -> int | None:
    return mentions[index + 1].start if index + 1 < len(mentions) else None


def _titled_mentions(text: str) -> list[Mention]:
    voc = vocabulary()
    found: list[Mention] = []
    floor = 0  # the end of the last name: a title chain never reaches back past it
    for match in voc.posts.finditer(text):
        post_start, post_end = match.span("post")  # every post, overlapping ones too (支书记)
        if post_start < floor:
            continue
        name_end = name_at(text, (post_start, post_end))
        if name_end is None:
            continue
        start, referred = chain_start(text, post_start, floor)
        floor = name_end
        if referred:
            continue
        title = text[start:post_end]
        if len(title) > titles().max_title or not CJK_RUN.match(title):
            start, title = post_end, ""
        name = clean_name(text, post_end, name_end)
        found.append(Mention(name, title or None, start, post_end, name_end))
    return found


def _bracketed_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names with their title in brackets after them (李卫华(县委书记)出席并讲话)."""
    found: list[Mention] = []
    for match in vocabulary().bracketed.finditer(text):
        name_start, name_end = match.span(1)
        name = clean_name(text, name_start, name_end)
        span = bracketed_title(text, name_end)
        if span is None or not plausible_name(name) or _overlaps(taken, name_start, name_end):
            continue
        title = text[span[0] : span[1]]
        found.append(Mention(name, title, name_start, name_start, name_end, title_at=span))
    return found


def _fielded_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names a minutes field gives (主持人:张三): the act is the field's."""
    found: list[Mention] = []
    for match in vocabulary().fielded.finditer(text):
        name = clean_name(text, *match.span(1))
        if plausible_name(name) and not _overlaps(taken, *match.span(1)):
            found.append(Mention(name, None, match.start(1), *match.span(1)))
    return found


def _post_after_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names written before their post (张伟区长) that act in their clause."""
    voc = vocabulary()
    found: list[Mention] = []
    for match in voc.post_after.finditer(text):
        name = match.group(1)
        if not plausible_name(name) or _overlaps(taken, match.start(), match.end()):
            continue
        limit = sentence_end(text, match.end())
        if _speech_verb(text, match.end(), limit) is None:
            continue  # only a speaking person: 张家港市长江路 is a place
        start, end = match.span(1)
        post = text[end : match.end()]
        found.append(Mention(name, post, start, start, end, title_at=(end, match.end())))
    return found


def _bare_mentions(text: str, known: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    voc = vocabulary()
    found: list[Mention] = []
    spans = list(taken)
    for match in voc.bare.finditer(text):
        name = clean_name(text, *match.span(1))
        if plausible_name(name) and not _overlaps(spans, match.start(1), match.end(1)):
            found.append(Mention(name, None, match.start(1), match.start(1), match.end(1)))
            spans.append((match.start(1), match.end(1)))
            known.add(name)
    if known:
        pattern = re.compile(alternation_padded(known))
        for match in pattern.finditer(text):
            if _overlaps(spans, match.start(), match.end()):
                continue
            if name_may_end(text, match.end()) and not _staff_before(text, match.start()):
                name = clean_name(text, *match.span())
                found.append(Mention(name, None, match.start(), match.start(), match.end()))
    return [m for m in found if not _staff_before(text, m.start)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _staff_before(text: str, start: int) -> bool:
    """True after a reporter or photographer label (记者 张三)."""
    end = start
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    return vocabulary().staff.ending_at(text, end) > 0


def _with_act(text: str, mention: Mention, next_start: int | None) -> Mention:
    voc = vocabulary()
    if voc.interview.ending_at(text, mention.start) > 0 or _field_names(text, mention.start):
        return _replace_act(mention, mention.name_end, True)
    after = mention.after
    limit = sentence_end(text, after)
    if next_start is not None and next_start > after:
        limit = min(limit, next_start)
    heard = voc.heard.ending_at(text, mention.start) > 0  # 听取了…张某关于…的汇报
    verb = _speech_verb(text, after, limit, heard)
    if verb is None:
        return mention
    # 发言:“…”: any act followed by a colon or a quote introduces the person's words
    quoting = text[verb.end() : verb.end() + 1] in (":", "：", "“")
    return _replace_act(mention, verb.end(), quoting or verb.group() in voc.content_verbs)


def _field_names(text: str, start: int) -> bool:
    """True when a minutes field names the person (主持:袁明, 主 持：袁明)."""
    before = text[max(0, start - 8) : start].rstrip(" ")
    if not before.endswith((":", "：")):
        return False
    label = before[:-1].replace(" ", "")
    return any(label.endswith(word) for word in vocabulary().fields)


def _replace_act(mention: Mention, act_end: int, introduces: bool) -> Mention:
    return replace(mention, act_end=act_end, introduces=introduces)


def _speech_verb(text: str, pos: int, limit: int, heard: bool = False) -> re.Match[str] | None:
    """The last speech verb of the first clause, among those continuing the person's act."""
    voc = vocabulary()
    clause_start = pos
    while clause_start < limit:
        end = clause_end(text, clause_start, limit)
        verb = _verb_outside_titles(text, clause_start, end, heard)
        if verb is not None:
            return verb
        if end >= limit or text[end] not in CLAUSE_BREAKS:
            return None
        nxt = end + 1
        if not (voc.open_endings.ending_at(text, end) or voc.continuations.starting_at(text, nxt)):
            return None
        clause_start = nxt
    return None


def _verb_outside_titles(text: str, start: int, end: int, heard: bool) -> re.Match[str] | None:
    voc = vocabulary()
    last = None
    for match in voc.verbs.finditer(text, start, end):
        before = text[start : match.start()]
        if before.endswith("的") and not heard:
            continue  # 书记的讲话: a noun, the person is only referred to
        if _meeting_noun(text, match):
            continue  # 出席发布会: a meeting, not an act
        if before.count("《") <= before.count("》"):
            last = match
    return last or voc.frame.search(text, start, end)


def _meeting_noun(text: str, verb: re.Match[str]) -> bool:
    """An act verb read as the name of a meeting (发布会, 报告会), not a verb (主持会议)."""
    after = text[verb.end() : verb.end() + 2]
    return after[:1] == "会" and after != "会议" and verb.group() not in vocabulary().content_verbs
