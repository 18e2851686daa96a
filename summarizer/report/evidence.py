"""Source texts for the briefing: each article's cleaned text cut into sentences, the
sentences that items quote anchored (S3-7) and the quoted characters marked."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.models import Evidence
from summarizer.report.model import Cite, EvidenceText, Segment, Sentence, SourceRef

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』\"）)]*")


@dataclass(frozen=True)
class ArticleText:
    """An article's cleaned text and, per character, its offset in the document."""

    text: str
    offsets: tuple[int, ...]


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    paragraph: int


class Anchors:
    """Sentence anchors of one article: which sentence holds a quote, and what is quoted."""

    def __init__(self, key: str, article: ArticleText | None) -> None:
        self.key = key
        self.article = article
        self.sentences = _sentences(article.text) if article else []
        self.quoted = [False] * (len(article.text) if article else 0)
        self.used: set[int] = set()

    def cite(self, evidence: Evidence) -> Cite:
        """The item's cite; marks its characters as quoted."""
        span = self._span(evidence)
        if span is None:
            return Cite(key=self.key, anchor=self.key, quote=evidence.quote)
        start, end = span
        for i in range(start, end):
            self.quoted[i] = True
        index = next((i for i, s in enumerate(self.sentences) if start < s.end), None)
        if index is None:
            return Cite(key=self.key, anchor=self.key, quote=evidence.quote)
        self.used.add(index)
        return Cite(key=self.key, anchor=f"{self.key}-{index + 1}", quote=evidence.quote)

    def _span(self, evidence: Evidence) -> tuple[int, int] | None:
        if self.article is None or not self.sentences:
            return None
        offsets = self.article.offsets
        start, end = bisect_left(offsets, evidence.start), bisect_left(offsets, evidence.end)
        return (start, end) if start < end else None

    def text(self, ref: SourceRef) -> EvidenceText | None:
        """The article's text with anchors on quoted sentences, or None without a text."""
        if self.article is None:
            return None
        paragraphs: list[list[Sentence]] = []
        current = -1
        for index, sentence in enumerate(self.sentences):
            if sentence.paragraph != current:
                paragraphs.append([])
                current = sentence.paragraph
            anchor = f"{self.key}-{index + 1}" if index in self.used else None
            paragraphs[-1].append(Sentence(anchor=anchor, segments=self._segments(sentence)))
        return EvidenceText(ref=ref, paragraphs=paragraphs)

    def _segments(self, sentence: _Sentence) -> list[Segment]:
        assert self.article is not None
        segments: list[Segment] = []
        start = sentence.start
        for i in range(sentence.start + 1, sentence.end + 1):
            if i == sentence.end or self.quoted[i] != self.quoted[start]:
                text = self.article.text[start:i]
                segments.append(Segment(text=text, quoted=self.quoted[start]))
                start = i
        return segments


def _sentences(text: str) -> list[_Sentence]:
    """Sentences by end punctuation, never across a paragraph break."""
    found: list[_Sentence] = []
    position = 0
    for number, line in enumerate(_lines(text)):
        cursor = 0
        for match in _SENTENCE_END.finditer(line):
            found.append(_Sentence(position + cursor, position + match.end(), number))
            cursor = match.end()
        if cursor < len(line):
            found.append(_Sentence(position + cursor, position + len(line), number))
        position += len(line) + 1
    return [s for s in found if s.end > s.start]


def _lines(text: str) -> Iterable[str]:
    return text.split("\n")


def cited_quotes(text: EvidenceText) -> list[tuple[str, str]]:
    """(anchor, quoted words) per cited sentence, for a quote appendix; a quote running on
    into the next sentence (or paragraph) is followed there."""
    found: list[tuple[str, str]] = []
    running = False
    for sentence in (s for paragraph in text.paragraphs for s in paragraph):
        if sentence.anchor:
            found.append((sentence.anchor, _quoted(sentence)))
        elif running and found and sentence.segments[0].quoted:
            found[-1] = (found[-1][0], found[-1][1] + _quoted(sentence))
        running = bool(sentence.segments) and sentence.segments[-1].quoted
    return found


def _quoted(sentence: Sentence) -> str:
    """The sentence's quoted runs; '…' where words between them are left out."""
    parts: list[str] = []
    for segment in sentence.segments:
        if segment.quoted:
            parts.append(segment.text)
        elif parts and parts[-1] != "…":
            parts.append("…")
    return "".join(parts).rstrip("…")
