"""Split long articles at paragraph boundaries; merge and de-duplicate what comes back.

A chunk is a slice of the article text with its start offset, so quotes found
in a chunk map back to the article (and from there to the original document).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from summarizer.models import Directive, Metric, Project, Speaker

_T = TypeVar("_T")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


@dataclass(frozen=True)
class Chunk:
    """`text` is `article.text[start : start + len(text)]`."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Grounded:
    """Grounded items from one or more replies, how many items were dropped, and what the
    reader of the brief should know about them (`notes`, e.g. a question left unanswered)."""

    speakers: list[Speaker] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    dropped: int = 0
    notes: list[str] = field(default_factory=list)


def split_article(text: str, max_chars: int) -> list[Chunk]:
    """Chunks of at most `max_chars` characters, cut after a paragraph where possible,
    else after a sentence, else anywhere."""
    if len(text) <= max_chars:
        return [Chunk(0, text)]
    pieces = _pieces(text, max_chars)
    chunks: list[Chunk] = []
    start = end = 0
    for piece_start, piece_end in pieces:
        if piece_end - start > max_chars and end > start:
            chunks.append(Chunk(start, text[start:end]))
            start = piece_start
        end = piece_end
    if end > start:
        chunks.append(Chunk(start, text[start:end]))
    return [c for c in chunks if c.text.strip()]


def _pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Paragraph spans (newline kept with its paragraph); over-long ones cut smaller."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        spans.extend(_cut(text, start, start + len(line), max_chars))
        start += len(line)
    return spans


def _cut(text: str, start: int, end: int, max_chars: int) -> Iterable[tuple[int, int]]:
    if end - start <= max_chars:
        yield start, end
        return
    cuts = [start + m.start() for m in _SENTENCE_END.finditer(text[start:end])] + [end]
    begin = start
    for cut in cuts:
        while cut - begin > max_chars:  # a sentence longer than a chunk: hard cut
            yield begin, begin + max_chars
            begin += max_chars
        if cut > begin:
            yield begin, cut
            begin = cut


def merge(parts: Iterable[Grounded]) -> Grounded:
    """One Grounded from many, without duplicates (the same item seen in two replies)."""
    merged = Grounded()
    for part in parts:
        merged.speakers = _merge_speakers(merged.speakers + part.speakers)
        merged.directives += part.directives
        merged.metrics += part.metrics
        merged.projects += part.projects
        merged.dropped += part.dropped
        merged.notes += part.notes
    merged.directives = _unique(merged.directives, lambda d: (d.evidence.start, d.evidence.end))
    # "A、B各300家" is two metrics with one quote, value and unit: the indicator tells them apart.
    merged.metrics = _unique(merged.metrics, _metric_identity)
    merged.projects = _unique(merged.projects, lambda p: p.name)
    return merged


def _metric_identity(metric: Metric) -> Hashable:
    evidence = metric.evidence
    return evidence.start, evidence.end, metric.value, metric.unit, metric.indicator


def _merge_speakers(speakers: list[Speaker]) -> list[Speaker]:
    """One speaker per name in the document (LABELING.md: each speaker once per document);
    the fullest title wins."""
    best: dict[str, Speaker] = {}
    for speaker in speakers:
        key = speaker.name
        kept = best.get(key)
        if kept is None or len(speaker.title or "") > len(kept.title or ""):
            best[key] = speaker
    return list(best.values())


def _unique(items: list[_T], key: Callable[[_T], Hashable]) -> list[_T]:
    seen: set[Hashable] = set()
    kept: list[_T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept
