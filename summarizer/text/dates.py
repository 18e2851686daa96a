"""The date an article states, when its year can be determined from the text."""

from __future__ import annotations

import re
from datetime import date
from itertools import islice

_FULL = re.compile(r"((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})")
_MONTH_DAY = re.compile(r"(?<![\d年.])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_SENTENCE_END = re.compile(r"[。!?;\n]")
_MAX_CANDIDATES = 20  # the stated date comes early; later dates are about other events


def stated_date(text: str, lead_end: int) -> str | None:
    """An ISO date the folded article `text` states, or None.

    A full date (2023年8月11日) wins. Otherwise a month and day (8月11日) with a
    year in the same sentence, or one in the lead (`text[:lead_end]`) when the
    article names exactly one year.
    """
    full = _FULL.search(text)
    if full:
        return _iso(*full.groups())
    years = set(_YEAR.findall(text))
    for match in islice(_MONTH_DAY.finditer(text), _MAX_CANDIDATES):
        sentence_year = _YEAR.search(_sentence_around(text, match.start()))
        if sentence_year:
            return _iso(sentence_year.group(1), *match.groups())
        if match.start() < lead_end and len(years) == 1:
            return _iso(next(iter(years)), *match.groups())
    return None


def _sentence_around(text: str, index: int, reach: int = 200) -> str:
    window = max(0, index - reach)  # bounded look-back keeps long articles linear
    starts = [m.end() for m in _SENTENCE_END.finditer(text, window, index)]
    start = starts[-1] if starts else window
    limit = min(len(text), index + reach)
    end_match = _SENTENCE_END.search(text, index, limit)
    return text[start : end_match.start() if end_match else limit]


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
