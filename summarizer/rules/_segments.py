"""Sentence and clause boundaries of cleaned article text, as offsets."""

from __future__ import annotations

import re

from summarizer.text.marks import BLANKS, CLAUSE_ENDS, ENUMERATION, NEWLINE, SENTENCE_ENDS
from summarizer.text.marks import CLOSERS as CLOSING_MARKS

SENTENCE_END_MARK = re.compile(f"[{re.escape(SENTENCE_ENDS)}\n]")
CLAUSE_BREAKS = frozenset(CLAUSE_ENDS + NEWLINE)
CLOSERS = frozenset(CLOSING_MARKS)
SPACE = frozenset(BLANKS)
TRIMMED = SPACE | CLAUSE_BREAKS | frozenset(ENUMERATION)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: up to 。！？； or a line break, closing quotes kept, blanks trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    for mark in SENTENCE_END_MARK.finditer(text):
        end = mark.end()
        while end < size and text[end] in CLOSERS:
            end += 1
        _add_trimmed(text, start, end, spans)
        start = end
    _add_trimmed(text, start, size, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = blank_trimmed(text, start, end)
    if end > start:
        spans.append((start, end))


def blank_trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the blanks and line breaks at either end."""
    while start < end and (text[start] in SPACE or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in SPACE or text[end - 1] == "\n"):
        end -= 1
    return start, end


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is not blank, as written (its blanks kept)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def clause_end(text: str, start: int, limit: int | None = None) -> int:
    """Offset of the next clause break after `start`, ignoring breaks inside 《…》 titles."""
    stop = len(text) if limit is None else min(limit, len(text))
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in CLAUSE_BREAKS:
            return i
    return stop


def sentence_end(text: str, start: int) -> int:
    """Offset of the end of the sentence holding `start` (its terminator excluded)."""
    mark = SENTENCE_END_MARK.search(text, start)
    return mark.start() if mark else len(text)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks and clause punctuation at both ends of a span."""
    while start < end and text[start] in TRIMMED:
        start += 1
    while end > start and text[end - 1] in TRIMMED:
        end -= 1
    return start, end
