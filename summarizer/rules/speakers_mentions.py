"""Find people in an article: title + name chains, bare names, and whether they speak.

A mention is a name with the title written before it (党工委副书记、管委会主任郭程明) or a
bare name (张红军表示). It speaks when a speech or act verb of data/speech_verbs.toml
follows in its clause, or when it heads an interview (——访荥阳市委书记杨金军).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from summarizer.rules._segments import CLAUSE_BREAKS, clause_end, sentence_end
from summarizer.rules._tables import (
    CJK,
    WordSet,
    alternation,
    surname_heads,
    surname_pattern,
    table,
    words,
)

TITLE_BOUNDARY = frozenset(",，。；;：:！？!?“”‘’\"'「」『』【】[]《》<>…\n\r\t \u3000\xa0")
_CJK_RE = re.compile(f"[{CJK}]+")


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
    post_after: bool = False  # the title follows the name (张伟区长)

    @property
    def title_span(self) -> tuple[int, int]:
        """Where the title stands: before the name, or right after it (张伟区长)."""
        if self.post_after and self.title is not None:
            return self.name_end, self.name_end + len(self.title)
        return self.start, self.name_start

    @property
    def speaks(self) -> bool:
        """True when the text shows the person speaking or acting here."""
        return self.act_end is not None


@dataclass(frozen=True)
class _Vocabulary:
    posts: re.Pattern[str]
    surname: re.Pattern[str]
    bare: re.Pattern[str]
    verbs: re.Pattern[str]
    frame: re.Pattern[str]
    post_after: re.Pattern[str]
    after_name: WordSet
    lead_ins: WordSet
    lead_in_exceptions: WordSet
    references: WordSet
    interview: WordSet
    continuations: WordSet
    open_endings: WordSet
    staff: WordSet
    content_verbs: frozenset[str]
    non_names: frozenset[str]
    non_name_finals: frozenset[str]
    max_title: int


@cache
def vocabulary() -> _Vocabulary:
    """The compiled speaker tables."""
    surname = surname_pattern()
    verbs = words("speech_verbs", "verbs")
    after = words("speech_verbs", "after_name") + verbs + words("speech_verbs", "attendance")
    bare_verbs = alternation(words("speech_verbs", "bare_name_verbs"))
    speech = table("speech_verbs")
    frame = _frame_pattern(speech)
    acts = f"{bare_verbs}|{frame.pattern}"
    bare = f"{_name_start(('由',))}({surname}[{CJK}]{{1,2}}?)(?={acts})"
    titles = table("titles")
    posts = alternation(words("titles", "posts"))
    return _Vocabulary(
        posts=re.compile(f"(?:{posts})(?={surname})"),
        surname=re.compile(surname),
        bare=re.compile(bare),
        verbs=re.compile(alternation(verbs)),
        frame=frame,
        post_after=_post_after_pattern(surname, posts),
        after_name=WordSet(after),
        lead_ins=WordSet(words("titles", "lead_ins")),
        lead_in_exceptions=WordSet(words("titles", "lead_in_exceptions")),
        references=WordSet(words("titles", "reference_cues")),
        interview=WordSet(words("speech_verbs", "interview_markers")),
        continuations=WordSet(words("speech_verbs", "continuations")),
        open_endings=WordSet(words("speech_verbs", "open_clause_endings")),
        staff=WordSet(words("speech_verbs", "staff_labels")),
        content_verbs=frozenset(words("speech_verbs", "content_verbs")),
        non_names=frozenset(words("speech_verbs", "non_names")),
        non_name_finals=frozenset(str(speech["non_name_finals"])),
        max_title=int(titles["max_title_chars"]),
    )


def _frame_pattern(speech: dict[str, object]) -> re.Pattern[str]:
    """作…报告: an opener not inside another word, then a closer in the same clause."""
    openers = alternation(words("speech_verbs", "frame_openers"))
    closers = alternation(words("speech_verbs", "frame_closers"))
    before, after = str(speech["frame_not_before"]), str(speech["frame_not_after"])
    return re.compile(
        f"(?<![{before}])(?:{openers})(?![{after}])[^,，。；;：:！？!?]{{0,60}}?(?:{closers})"
    )


def _post_after_pattern(surname: str, posts: str) -> re.Pattern[str]:
    """张伟区长: a name, then a post, then no second name (张家港市长王某 is another person)."""
    start = _name_start(words("speech_verbs", "post_after_name_leads"))
    return re.compile(f"{start}({surname}[{CJK}]{{1,2}}?)(?:{posts})(?!{surname}[{CJK}])")


def _name_start(leads: tuple[str, ...]) -> str:
    """Where a name may begin: after no CJK character, or right after one of `leads`."""
    # The look-ahead on a surname's first character makes a miss cheap.
    after_leads = "".join(f"|(?<={re.escape(w)})" for w in leads)
    return f"(?={surname_heads()})(?:(?<![{CJK}]){after_leads})"


def find_mentions(text: str) -> list[Mention]:
    """Every titled or speaking mention of a person in the text, in reading order."""
    raw = _titled_mentions(text)
    raw += _post_after_mentions(text, [(m.start, m.name_end) for m in raw])
    known = {m.name for m in raw}
    raw += _bare_mentions(text, known, [(m.start, m.name_end) for m in raw])
    raw.sort(key=lambda m: m.start)
    return [_with_act(text, m, _next_start(raw, i)) for i, m in enumerate(raw)]


def _next_start(mentions: list[Mention], index: int) -> int | None:
    return mentions[index + 1].start if index + 1 < len(mentions) else None


def _titled_mentions(text: str) -> list[Mention]:
    voc = vocabulary()
    found: list[Mention] = []
    for match in voc.posts.finditer(text):
        name_end = _name_end(text, match.end())
        if name_end is None:
            continue
        start, referred = _title_start(text, match.start())
        if referred:
            continue
        title = text[start : match.end()]
        if len(title) > voc.max_title or not _CJK_RE.match(title):
            start, title = match.end(), ""
        found.append(
            Mention(text[match.end() : name_end], title or None, start, match.end(), name_end)
        )
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
        post = text[match.end(1) : match.end()]
        found.append(
            Mention(name, post, match.start(1), match.start(1), match.end(1), post_after=True)
        )
    return found


def _name_end(text: str, pos: int) -> int | None:
    """End of the personal name starting at `pos`, or None when none stands there."""
    voc = vocabulary()
    surname = voc.surname.match(text, pos)
    if surname is None:
        return None
    ends = [
        end
        for end in (surname.end() + 2, surname.end() + 1)
        if end <= len(text)
        and _CJK_RE.fullmatch(text, surname.end(), end)
        and plausible_name(text[pos:end])
        and _name_may_end(text, end)
    ]
    if len(ends) == 2 and voc.verbs.match(text, ends[1]):
        return ends[1]  # 王强说, : the 说 is the verb, not part of the name
    return ends[0] if ends else None


def plausible_name(name: str) -> bool:
    """False for words shaped like names that are not (listed non-names, finals such as 区)."""
    voc = vocabulary()
    return name not in voc.non_names and name[-1] not in voc.non_name_finals


def _name_may_end(text: str, end: int) -> bool:
    if end >= len(text) or not _CJK_RE.match(text[end]):
        return True
    return vocabulary().after_name.starting_at(text, end) > 0


def _title_start(text: str, post_start: int) -> tuple[int, bool]:
    """Where the title chain ending at `post_start` begins, and whether it is only referred to."""
    voc = vocabulary()
    start = post_start
    while start > 0 and text[start - 1] not in TITLE_BOUNDARY:
        start -= 1
    cut, referred = start, False
    for end in range(start + 1, post_start + 1):
        size = voc.references.ending_at(text, end)
        if size:
            cut, referred = end, True
            continue
        size = voc.lead_ins.ending_at(text, end)
        if size and not _inside_exception(text, end - size, end):
            cut, referred = end, False
    return cut, referred


def _inside_exception(text: str, start: int, end: int) -> bool:
    """True when the lead-in at [start, end) belongs to a word such as 自由 or 发展和改革."""
    voc = vocabulary()
    longest = voc.lead_in_exceptions.longest
    for left in range(max(0, start - longest), start + 1):
        for right in range(end, min(len(text), left + longest) + 1):
            if text[left:right] in voc.lead_in_exceptions:
                return True
    return False


def _bare_mentions(text: str, known: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    voc = vocabulary()
    found: list[Mention] = []
    spans = list(taken)
    for match in voc.bare.finditer(text):
        name = match.group(1)
        if plausible_name(name) and not _overlaps(spans, match.start(1), match.end(1)):
            found.append(Mention(name, None, match.start(1), match.start(1), match.end(1)))
            spans.append((match.start(1), match.end(1)))
            known.add(name)
    if known:
        pattern = re.compile(alternation(known))
        for match in pattern.finditer(text):
            if _overlaps(spans, match.start(), match.end()):
                continue
            if _name_may_end(text, match.end()) and not _staff_before(text, match.start()):
                found.append(
                    Mention(match.group(), None, match.start(), match.start(), match.end())
                )
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
    if voc.interview.ending_at(text, mention.start) > 0:
        return _replace_act(mention, mention.name_end, True)
    limit = sentence_end(text, mention.name_end)
    if next_start is not None and next_start > mention.name_end:
        limit = min(limit, next_start)
    verb = _speech_verb(text, mention.name_end, limit)
    if verb is None:
        return mention
    return _replace_act(mention, verb.end(), verb.group() in voc.content_verbs)


def _replace_act(mention: Mention, act_end: int, introduces: bool) -> Mention:
    return replace(mention, act_end=act_end, introduces=introduces)


def _speech_verb(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The last speech verb of the first clause, among those continuing the person's act."""
    voc = vocabulary()
    clause_start = pos
    while clause_start < limit:
        end = clause_end(text, clause_start, limit)
        verb = _verb_outside_titles(text, clause_start, end)
        if verb is not None:
            return verb
        if end >= limit or text[end] not in CLAUSE_BREAKS:
            return None
        nxt = end + 1
        if not (voc.open_endings.ending_at(text, end) or voc.continuations.starting_at(text, nxt)):
            return None
        clause_start = nxt
    return None


def _verb_outside_titles(text: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for match in vocabulary().verbs.finditer(text, start, end):
        before = text[start : match.start()]
        if before.endswith("的"):
            continue  # 书记的讲话: a noun, the person is only referred to
        if before.count("《") <= before.count("》"):
            last = match
    return last or vocabulary().frame.search(text, start, end)
