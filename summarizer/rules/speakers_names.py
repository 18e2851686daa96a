"""What a personal name looks like in the genre, and the compiled speaker tables.

A name is a Han surname and one or two characters, decided by what follows it (王强说,
张伟在…); a two-character name may be padded with a blank (袁  明); a longer name with no
Han surname (乌云其其格, 才让多杰) is read only after a post and before an act verb; a name
written in parts keeps them (阿不都·热合曼). Names are compared without padding (`clean_name`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.rules._tables import (
    CJK,
    WordSet,
    alternation,
    surname_heads,
    surname_pattern,
    table,
    words,
)
from summarizer.rules.speakers_titles import titles

CJK_RUN = re.compile(f"[{CJK}]+")
_FOREIGN_NAME = re.compile(f"[{CJK}](?:[{CJK}]{{2,5}}|[{CJK}]*·[{CJK}·]{{2,8}})")  # 乌云其其格
_FOREIGN_MIN = 3


@dataclass(frozen=True)
class Vocabulary:
    posts: re.Pattern[str]
    surname: re.Pattern[str]
    bare: re.Pattern[str]
    verbs: re.Pattern[str]
    frame: re.Pattern[str]
    post_after: re.Pattern[str]
    bracketed: re.Pattern[str]
    fielded: re.Pattern[str]
    after_name: WordSet
    acts: WordSet
    fields: frozenset[str]
    heard: WordSet
    interview: WordSet
    continuations: WordSet
    open_endings: WordSet
    staff: WordSet
    content_verbs: frozenset[str]
    non_names: frozenset[str]
    non_name_finals: frozenset[str]
    name_stops: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    """The compiled speaker tables."""
    surname = surname_pattern()
    verbs = words("speech_verbs", "verbs")
    after = words("speech_verbs", "after_name") + verbs + words("speech_verbs", "attendance")
    bare_verbs = alternation(words("speech_verbs", "bare_name_verbs"))
    speech = table("speech_verbs")
    frame = _frame_pattern(speech)
    acts = f"{bare_verbs}|{frame.pattern}"
    bare = f"{_name_start(('由',))}({surname}(?:[{CJK}]{{1,2}}?| [{CJK}]))(?={acts})"
    posts = alternation(words("titles", "posts"))
    firsts = _first_chars(words("titles", "posts"))
    return Vocabulary(
        posts=re.compile(f"(?={firsts})(?=(?P<post>{posts})[{CJK}])"),
        surname=re.compile(surname),
        bare=re.compile(bare),
        verbs=re.compile(alternation(verbs)),
        frame=frame,
        post_after=_post_after_pattern(surname, posts),
        bracketed=re.compile(
            f"{_name_start(words('speech_verbs', 'post_after_name_leads'))}"
            f"({surname}(?:[{CJK}]{{1,2}}?| [{CJK}]))(?=\\()"
        ),
        fielded=_fielded_pattern(surname),
        after_name=WordSet(after),
        acts=WordSet(verbs + words("speech_verbs", "attendance")),
        fields=frozenset(words("speech_verbs", "field_labels")),
        heard=WordSet(words("speech_verbs", "heard_leads")),
        interview=WordSet(words("speech_verbs", "interview_markers")),
        continuations=WordSet(words("speech_verbs", "continuations")),
        open_endings=WordSet(words("speech_verbs", "open_clause_endings")),
        staff=WordSet(words("speech_verbs", "staff_labels")),
        content_verbs=frozenset(words("speech_verbs", "content_verbs")),
        non_names=frozenset(words("speech_verbs", "non_names")),
        non_name_finals=frozenset(str(speech["non_name_finals"])),
        name_stops=frozenset(str(speech["foreign_name_stops"])),
    )


def _first_chars(vocabulary: tuple[str, ...]) -> str:
    """A regex class of the words' first characters: a cheap test before the alternation."""
    return "[" + "".join(re.escape(ch) for ch in sorted({w[0] for w in vocabulary})) + "]"


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


def _fielded_pattern(surname: str) -> re.Pattern[str]:
    """主持人:张三 — a field label (its characters maybe padded), a colon, a whole name."""
    labels = sorted(words("speech_verbs", "field_labels"), key=len, reverse=True)
    padded = "|".join(" ?".join(re.escape(ch) for ch in label) for label in labels)
    name = f"({surname}(?:[{CJK}]{{1,2}}?| [{CJK}]))"
    return re.compile(f"(?:{padded}) ?[:：] ?{name}(?![{CJK}])")


def _name_start(leads: tuple[str, ...]) -> str:
    """Where a name may begin: after no CJK character, or right after one of `leads`."""
    # The look-ahead on a surname's first character makes a miss cheap.
    after_leads = "".join(f"|(?<={re.escape(w)})" for w in leads)
    return f"(?={surname_heads()})(?:(?<![{CJK}]){after_leads})"


def clean_name(text: str, start: int, end: int) -> str:
    """A name as the rules compare it: without the blank padding it (袁 明 → 袁明)."""
    return text[start:end].replace(" ", "")


def name_at(text: str, post: tuple[int, int]) -> int | None:
    """End of the personal name after the post at `post`, or None when none stands there."""
    voc = vocabulary()
    pos = post[1]
    surname = voc.surname.match(text, pos)
    if surname is None:
        return _foreign_name_end(text, post)
    padded = surname.end() + 2
    if text.startswith(" ", surname.end()) and surname.end() - pos == 1:  # 袁  明
        ok = CJK_RUN.fullmatch(text, surname.end() + 1, padded) and name_may_end(text, padded)
        return padded if ok else None
    ends = [
        end
        for end in (surname.end() + 2, surname.end() + 1)
        if end <= len(text)
        and CJK_RUN.fullmatch(text, surname.end(), end)
        and plausible_name(text[pos:end])
        and name_may_end(text, end)
    ]
    if len(ends) == 2 and _act_or_stop(text, ends[1]):
        return ends[1]  # 王强说, 张伟在…表示, 马骏作…报告: not part of the name
    if not ends:
        return _foreign_name_end(text, post)
    return _dotted_end(text, ends[0])


def _act_or_stop(text: str, pos: int) -> bool:
    """Whether a verb, an act frame (作…报告), a particle (在, 对) or a longer word that
    follows names (作为, 一行) begins at `pos`."""
    voc = vocabulary()
    if voc.verbs.match(text, pos) or voc.frame.match(text, pos) or text[pos] in voc.name_stops:
        return True
    return voc.after_name.starting_at(text, pos) >= 2  # 祁兰作为…: a word, not a name's end


def _dotted_end(text: str, end: int) -> int:
    """The end of a name written in parts (阿不都·热合曼说 → after 曼), else `end`."""
    if not text.startswith("·", end):
        return end
    for stop in range(end + 2, min(len(text), end + 8) + 1):
        if not CJK_RUN.fullmatch(text, end + 1, stop):
            break
        if name_may_end(text, stop):
            return _dotted_end(text, stop)
    return end


def _foreign_name_end(text: str, post: tuple[int, int]) -> int | None:
    """End of a longer name with no Han surname (乌云其其格主持, 才让多杰说) after a post.

    Only after an official post (not 代表, 教师), when an act verb follows the name and
    nothing inside it could follow a name, be a post or stand in a sentence instead
    (代表们的意见, 负责人作了交流, 常委会主任…, 支书记…).
    """
    voc, t = vocabulary(), titles()
    pos = post[1]
    run = _FOREIGN_NAME.match(text, pos)
    if run is None or text[post[0] : pos] in t.generic_posts or text[pos] in voc.non_name_finals:
        return None
    if t.posts.ending_at(text, pos + 1):
        return None
    for end in range(pos + 1, run.end() + 1):
        at = end - 1
        if text[at] in voc.name_stops or voc.after_name.starting_at(text, at):
            return None
        if t.posts.starting_at(text, at):
            return None
        acts = voc.acts.starting_at(text, end) or voc.frame.match(text, end)
        if end - pos >= _FOREIGN_MIN and acts:
            return end if plausible_name(text[pos:end]) else None
    return None


def plausible_name(name: str) -> bool:
    """False for words shaped like names that are not (listed non-names, finals such as 区)."""
    voc = vocabulary()
    return name not in voc.non_names and name[-1] not in voc.non_name_finals


def name_may_end(text: str, end: int) -> bool:
    if end >= len(text) or not CJK_RUN.match(text[end]):
        return True
    return vocabulary().after_name.starting_at(text, end) > 0


def alternation_padded(names: set[str]) -> str:
    """A regex alternation of names, each also matching when padded (袁明, 袁 明)."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return "|".join(re.escape(n[0]) + " ?" + re.escape(n[1:]) for n in ordered)
