"""Where clauses, sentences, paragraphs and headings of an article begin and end.

Web pages break lines in mid-sentence; a line break counts as a boundary only
when the line before it ends a sentence or is a heading (short, no full stop).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from summarizer.text.marks import CLAUSE_ENDS, FULL_STOPS

_SENTENCE_END = FULL_STOPS  # a ;-segment is a clause here, not a sentence
_CLAUSE_END = CLAUSE_ENDS
_HEADING_CHARS = 40
_BULLETS = "●•■◆▲★·-—"


class Layout:
    """Boundaries of one article's text, found once and queried by position."""

    def __init__(self, text: str) -> None:
        self.text = text  # the folded view: punctuation is already half-width
        hard_breaks, self._headings = _line_breaks(self.text)
        self._clauses = _positions(self.text, _CLAUSE_END) + hard_breaks
        self._clauses.sort()
        self._sentences = sorted(_positions(self.text, _SENTENCE_END) + hard_breaks)
        self._paragraphs = hard_breaks
        starts = [0, *(b + 1 for b in hard_breaks)]
        self._sections = {  # headings that open a section: a bullet item opens none
            k for k in self._headings if k < len(starts) and not _is_bullet(text, starts[k])
        }
        self.section_starts = [starts[k] for k in sorted(self._sections)]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding position pos, without its closing punctuation."""
        return _span(self._clauses, pos, len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding position pos."""
        return _span(self._sentences, pos, len(self.text))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph (hard line) holding position pos."""
        return _span(self._paragraphs, pos, len(self.text))

    def is_section_heading(self, pos: int) -> bool:
        """Whether position pos lies in a title or section label (a bullet item is none)."""
        return bisect_left(self._paragraphs, pos) in self._sections


def _is_bullet(text: str, start: int) -> bool:
    return text[start : start + 8].lstrip()[:1] in _BULLETS


def _span(bounds: list[int], pos: int, length: int) -> tuple[int, int]:
    index = bisect_right(bounds, pos - 1) if pos else 0
    start = bounds[index - 1] + 1 if index else 0
    end_index = bisect_left(bounds, pos)
    end = bounds[end_index] if end_index < len(bounds) else length
    return start, end


def _positions(text: str, chars: str) -> list[int]:
    return [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]


def _line_breaks(text: str) -> tuple[list[int], set[int]]:
    """Offsets of the hard line breaks, and the indices of paragraphs that are headings."""
    breaks: list[int] = []
    headings: set[int] = set()
    start = 0
    for match in re.finditer(r"\n", text):
        line = text[start : match.start()].strip()
        start = match.end()
        if not line:
            continue  # blank lines neither join nor split: the line before decides
        heading = _is_heading(line)
        if heading or line[-1] in _SENTENCE_END + ':”")':
            if heading:
                headings.add(len(breaks))
            breaks.append(match.start())
    if text[start:].strip() and _is_heading(text[start:].strip()):
        headings.add(len(breaks))
    return breaks, headings


def _is_heading(line: str) -> bool:
    """A title, a bullet or a caption: short, and no sentence runs through it."""
    if len(line) >= _HEADING_CHARS or any(c in line for c in "。!?") or line[-1] in ",、":
        return False
    return line[0] in _BULLETS or "," not in line
