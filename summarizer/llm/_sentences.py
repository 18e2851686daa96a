"""Directives the model proposes: which uncovered sentences state an instruction.

Code offers the model the sentences of a chunk that may state a directive (an instruction
cue, no mark of a report, a question, an assessment or page furniture) and that no
offline candidate covers; the model answers with the ids of those that are directives.
The text of a kept sentence is verbatim by construction; its issuer is found by code: a
named body that commits (`XX县将…`), the meeting (`会议…`), else the speaker named last
before the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from summarizer.ground import fold
from summarizer.llm._checks import BODY_SUFFIXES, MEETING
from summarizer.llm._chunking import Grounded
from summarizer.llm._proposals import ids
from summarizer.llm._review import ChunkReview
from summarizer.llm._schema import PageAnswer
from summarizer.models import Directive

__all__ = ["DirectiveProposals", "Sentence", "directive_sentences", "render_sentences"]

# What a sentence that states an instruction holds (folded), and what a report, a question,
# an assessment or page furniture holds.
DIRECTIVE_CUES = (
    "要", "必须", "务必", "确保", "力争", "争取", "着力", "坚持", "加快", "抓好", "抓实", "切实",
    "将", "一是", "二是", "三是", "四是", "五是", "希望", "号召", "努力", "力求",
)  # fmt: skip
NOT_DIRECTIVE = (
    "已", "取得", "以来", "完成了", "实现了", "过去一年", "去年", "召开", "举行", "出席", "听取",
    "审议", "研究了", "如何", "哪些", "什么", "怎么", "怎样", "吗", "？", "?", "【", "】", "/",
    "相关解读", "发布单位",
)  # fmt: skip
# Words holding a cue that state no instruction (主要负责同志, 璧山要闻, 现将…印发, 要看到).
NOT_CUES = ("主要", "重要", "要闻", "要素", "纪要", "摘要", "要点", "首要", "必要", "需要",
            "只要", "要看到", "现将", "即将", "将近")  # fmt: skip
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_TURN = re.compile(r"^(?:答|问|问题)\s*[:：]\s*")
_MIN_SENTENCE = 8


@dataclass(frozen=True)
class Sentence:
    """A sentence of the chunk offered as a directive, with who would issue it."""

    span: tuple[int, int]
    issuer: str


def directive_sentences(
    review: ChunkReview, covered: list[tuple[int, int]], speakers: list[str]
) -> dict[str, Sentence]:
    """Sentences of the chunk, by id (S1 ...), that may state a directive and that no
    candidate covers (`covered`: spans in the original document)."""
    text = review.chunk.text
    folded = fold(text)
    found: dict[str, Sentence] = {}
    for match in _SENTENCE.finditer(text):
        start = match.start() + _lead(folded[match.start() : match.end()])
        end = start + len(folded[start : match.end()].rstrip("。！？!?；; \t"))
        if end - start < _MIN_SENTENCE or not _may_direct(folded[start : match.end()]):
            continue
        where = review.evidence((start, end))
        if any(where.start < hi and lo < where.end for lo, hi in covered):
            continue
        issuer = _issuer(text, folded, start, speakers)
        found[f"S{len(found) + 1}"] = Sentence((start, end), issuer)
    return found


def _lead(sentence: str) -> int:
    """Characters to skip at a sentence's start: spaces and an interview turn (答：)."""
    stripped = sentence.lstrip()
    turn = _TURN.match(stripped)
    return len(sentence) - len(stripped) + (turn.end() if turn else 0)


def _may_direct(sentence: str) -> bool:
    """A cue, and no mark of a report, a question, an assessment or page furniture."""
    if sentence.startswith(("问", "记者")) or any(m in sentence for m in NOT_DIRECTIVE):
        return False
    for word in NOT_CUES:
        sentence = sentence.replace(word, "")
    return any(c in sentence for c in DIRECTIVE_CUES)


def _issuer(text: str, folded: str, start: int, speakers: list[str]) -> str:
    """A named body that commits (`XX县将…`), the meeting (`会议强调…`), else the speaker
    named last before the sentence, else the first speaker, else the meeting."""
    head = folded[start : start + 14]
    for verb in ("将", "要"):
        at = head.find(verb)
        if at >= 2 and _named_body(head[:at]):
            return text[start : start + at]
    if head.startswith("会议"):
        return MEETING
    before = [(folded.rfind(fold(s), 0, start), s) for s in speakers]
    named = [(at, s) for at, s in before if at >= 0]
    if named:
        return max(named)[1]
    return speakers[0] if speakers else MEETING


def _named_body(subject: str) -> bool:
    """`惠济区`, `市工信局`: a short subject that ends like a body, not `我们`, no clause."""
    plain = not any(ch in subject for ch in "，,、“”\"《》的我")
    return plain and subject.endswith(BODY_SUFFIXES)


@dataclass(frozen=True)
class DirectiveProposals:
    """Grounds the directives an answer proposes: the ids of offered sentences."""

    review: ChunkReview
    sentences: dict[str, Sentence]

    def leniently(self) -> DirectiveProposals:
        return self

    def __call__(self, answer: BaseModel) -> Grounded:
        chosen = ids(answer.keep, "S") if isinstance(answer, PageAnswer) else set()
        grounded = Grounded()
        for key in sorted(chosen & self.sentences.keys(), key=lambda k: int(k[1:])):
            sentence = self.sentences[key]
            directive = Directive(
                issuer=sentence.issuer,
                text=self.review.verbatim(sentence.span),
                article=self.review.article.index,
                evidence=self.review.evidence(sentence.span),
            )
            grounded.directives.append(directive)
        return grounded


def render_sentences(sentences: dict[str, Sentence], text: str) -> str:
    """One line per offered sentence: its id and its opening."""
    lines = [f"{key} {_opening(text[s.span[0] : s.span[1]])}" for key, s in sentences.items()]
    return "\n".join(lines)


def _opening(sentence: str, size: int = 60) -> str:
    flat = "".join(sentence.split())
    return flat if len(flat) <= size else flat[:size] + "…"
