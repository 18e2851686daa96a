"""The date of the main event, when the text lets a careful reader fix year and day."""

from __future__ import annotations

import re
from functools import cache

from summarizer.document import PreparedDocument
from summarizer.rules._tables import alternation, words

_MONTH_DAY = re.compile(r"(?<![\d年.])(\d{1,2})月(\d{1,2})日")
_LEAD_CHARS = 400  # the event date is stated in the lead, later dates are other events


@cache
def _current_year() -> re.Pattern[str]:
    """A year the text states as the present one (2023年已过半程, 2024年是…开局之年)."""
    cues = alternation(words("dates", "current_year_cues"))
    return re.compile(f"((?:19|20)\\d\\d)年?(?:{cues})")


def event_date(document: PreparedDocument) -> str | None:
    """The first article date the prepare stage fixed, else a lead date with a present year."""
    for article in document.articles:
        if article.date:
            return article.date
    for article in document.articles:
        found = _lead_date(article.view.text)
        if found:
            return found
    return None


def _lead_date(text: str) -> str | None:
    day = _MONTH_DAY.search(text, 0, _LEAD_CHARS)
    year = _current_year().search(text)
    if day is None or year is None:
        return None
    month, dom = int(day.group(1)), int(day.group(2))
    if not (1 <= month <= 12 and 1 <= dom <= 31):
        return None
    return f"{year.group(1)}-{month:02d}-{dom:02d}"
