"""The dates a page states: its publication line, a signature, and each article's event day.

One home for dates (LABELING.md, Fixture file, `date`): the event date is the day the
lead of the article states (`5月16日上午,…`), its year fixed by the text — a full date,
the page's own header (a publication line, a ROC-calendar stamp, a dated URL printed in
the page), a year in the same sentence, or a year the text calls the present one. With
no event day, a signature or 成文日期 gives the date, else the publication date. With no
year anywhere the date is None: a year is never guessed.

Everything here reads the folded page (simplified, half-width); cue words come from
data/dates.toml. The page's header is read before cleaning drops it as furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import islice
from typing import Any

from summarizer.text.tables import alternation, load_table

_CN_STAMP = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_NUM_STAMP = re.compile(r"(?<![\d.-])((?:19|20)\d\d)\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
_ROC_STAMP = re.compile(
    r"(?<![\d.-])(1[0-2]\d)\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?!\d)"
)
# A date in an address: 20240621, 2024/06/21, 2024/0621 (two digits each, any separators),
# or 2024/6/21 (one or two digits, one separator throughout).
_URL_DATE = re.compile(
    r"(?<!\d)(20\d\d)(?:[/_-]?(\d\d)[/_-]?(\d\d)|([/_-])(\d{1,2})\4(\d{1,2}))(?!\d)"
)
_TIME = re.compile(r"\d{1,2}:\d\d")
_MONTH_DAY = re.compile(r"(?<![\d年.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_TODAY = re.compile(r"今\s*\(\s*(\d{1,2})\s*\)\s*日|今[日天]")
# A newspaper lead that gives only the day (本报讯 18日,…; 【本报讯】(记者 某某)18日上午,…): the
# month is the page's, or the one before when the day is later than the page's day.
_DAY_ONLY = re.compile(
    r"(?<![\d月./-])(\d{1,2})\s*日\s*(?:[上下中]午|晚间?|凌晨|早上|傍晚)?\s*[,，]"
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_SENTENCE_END = re.compile(r"[。!?;\n]")
_HEADER_CHARS = 120  # a publication or signature line is short
_BRACKETS = "[]【】()（） "
_MAX_CANDIDATES = 20  # the stated date comes early; later dates are about other events
_AHEAD = timedelta(days=60)  # a lead day this far after the page's date is of the year before


@dataclass(frozen=True)
class PageDates:
    """Dates the page prints outside its articles' sentences."""

    published: date | None = None  # publication line, ROC stamp or dated URL
    signed: date | None = None  # 成文日期, a signature, or a meeting record's 时间 line

    @property
    def reference(self) -> date | None:
        """The date that fixes the year of a lead's month and day."""
        return self.published or self.signed


@dataclass(frozen=True)
class _Cues:
    fields: tuple[str, ...]
    roc_labels: tuple[str, ...]
    roc_offset: int
    signed_labels: tuple[str, ...]
    held_labels: tuple[str, ...]
    signature: re.Pattern[str]
    current_year: re.Pattern[str]



@cache
def _cues() -> _Cues:
    data: dict[str, Any] = load_table("summarizer.text", "dates")
    published, signed, lead = data["published"], data["signed"], data["lead"]
    stamp = r"(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|([-/.])\s*\d{1,2}\s*\1\s*\d{1,2})"
    body = r"[\u4e00-\u9fff()]{2,30}\s+"  # the issuing body before the date
    return _Cues(
        fields=tuple(published["fields"]),
        roc_labels=tuple(published["roc_labels"]),
        roc_offset=int(published["roc_offset"]),
        signed_labels=tuple(signed["labels"]),
        held_labels=tuple(signed["held_labels"]),
        signature=re.compile(rf"^(?:{body})?{stamp}(?:{alternation(signed['suffixes'])})?$"),
        current_year=re.compile(
            rf"((?:19|20)\d\d)年?(?:{alternation(lead['current_year_cues'])})"
        ),
    )


# ---- the page's header and signature -----------------------------------------------------


def page_dates(folded_page: str, published: str | None = None) -> PageDates:
    """The publication and signature dates a folded page prints on lines of their own.

    `published` is the date the page declares outside its text (an HTML <meta>), used
    when the text prints none: like a publication line, it fixes the year of the lead's
    day, and is the date when no day is stated.
    """
    printed: date | None = None
    from_url: date | None = None
    signed: date | None = None
    for line in folded_page.split("\n"):
        line = line.strip()
        if not line or len(line) > _HEADER_CHARS or "。" in line:
            continue
        if _is_address(line):
            from_url = from_url or _url_date(line)
            continue
        line = line.strip(_BRACKETS)
        signed = signed or _signed(line)
        printed = printed or _published(line)
    declared = date.fromisoformat(published) if published else None
    return PageDates(published=printed or from_url or declared, signed=signed)


def is_date_line(line: str) -> bool:
    """A publication or signature line (`日期:2024.05.17`, `[ 2024-05-17 ]`, a 纪要's
    issuing line): the page's date, not article text."""
    line = line.strip().strip(_BRACKETS)
    if len(line) > _HEADER_CHARS or "。" in line:
        return False
    return bool(_signed(line) or _published(line))


def _is_address(line: str) -> bool:
    lowered = line.lower()
    return "http" in lowered or "www." in lowered or ".htm" in lowered


def _url_date(line: str) -> date | None:
    for match in _URL_DATE.finditer(line):
        year, month, day, _, short_month, short_day = match.groups()
        found = _day(year, month or short_month, day or short_day)
        if found:
            return found
    return None


def _signed(line: str) -> date | None:
    """成文日期:2025年03月07日, or a line that is only a (body and a) date."""
    cues = _cues()
    for label in cues.signed_labels:
        at = line.find(label)
        if at >= 0:
            return _stamp(line[at + len(label) :].lstrip(": "), anchored=True)
    if cues.signature.match(line):
        return _stamp(line)
    bare = "".join(line.split())
    for label in cues.held_labels:
        if bare.startswith(label) and cues.signature.match(bare[len(label) :].lstrip(":")):
            return _stamp(bare)  # 时间:2024年6月24日 in a meeting's record: the day it met
    return None


def _published(line: str) -> date | None:
    """A stamp on a publication line: a field word (来源, 发布时间) or a clock time with it."""
    cues = _cues()
    found = _stamp_match(line)
    if found is not None:
        stamp, end = found
        if _TIME.match(line[end:].lstrip()) or any(field in line for field in cues.fields):
            return stamp
        return None
    roc = _ROC_STAMP.search(line)
    if roc and any(label in line[: roc.start()] for label in cues.roc_labels):
        month, day = (roc.group(3), roc.group(4)) if roc.group(2) else roc.group(5, 6)
        return _day(str(int(roc.group(1)) + cues.roc_offset), month, day)
    return None


def _stamp_match(text: str) -> tuple[date, int] | None:
    """The first full date of the text and where it ends."""
    for pattern, month, day in ((_CN_STAMP, 2, 3), (_NUM_STAMP, 3, 4)):
        match = pattern.search(text)
        if match:
            found = _day(match.group(1), match.group(month), match.group(day))
            if found:
                return found, match.end()
    return None


def _stamp(text: str, anchored: bool = False) -> date | None:
    found = _stamp_match(text[:24] if anchored else text)
    return found[0] if found else None


# ---- an article's event day -----------------------------------------------------------


def article_date(text: str, lead_end: int, page: PageDates | None = None) -> str | None:
    """The ISO date of the event the folded article `text` reports, or None.

    The day comes from the lead (`text[:lead_end]`); without one, the page's signature,
    then its publication date.
    """
    page = page or PageDates()
    found = _lead_day(text, lead_end, page) or page.signed or page.published
    return found.isoformat() if found else None


def _lead_day(text: str, lead_end: int, page: PageDates) -> date | None:
    lead = "\n".join(line for line in text[:lead_end].split("\n") if not is_date_line(line))
    full = _stamp_match(lead)
    if full:
        return full[0]  # 2025年6月13日,…主持召开
    if page.reference is None:
        return _year_from_text(text, lead_end)
    day = _MONTH_DAY.search(lead)
    if day:
        return _after(page.reference, int(day.group(1)), int(day.group(2)))
    return _today(lead, page.reference) or _day_only(lead, page.reference)


def _today(lead: str, reference: date) -> date | None:
    """今(16)日 / 今日: the day of the page's own date."""
    match = _TODAY.search(lead)
    if match is None:
        return None
    if match.group(1) is None:
        return reference
    return _on_or_before(reference, int(match.group(1)))


def _day_only(lead: str, reference: date) -> date | None:
    """18日,…: that day of the page's month, or of the month before."""
    match = _DAY_ONLY.search(lead)
    return _on_or_before(reference, int(match.group(1))) if match else None


def _on_or_before(reference: date, day: int) -> date | None:
    """The last date with this day of the month on or before `reference`."""
    month = reference.month if day <= reference.day else reference.month - 1 or 12
    year = reference.year if month <= reference.month else reference.year - 1
    return _day(str(year), str(month), str(day))


def _after(reference: date, month: int, day: int) -> date | None:
    """Month and day in the year the page's date fixes (a December lead on a January page:
    the year before)."""
    found = _day(str(reference.year), str(month), str(day))
    if found and found > reference + _AHEAD:
        return _day(str(reference.year - 1), str(month), str(day))
    return found


def _year_from_text(text: str, lead_end: int) -> date | None:
    """A month and day with a year from the text alone: one in its own sentence, else in
    the lead with the article's only year or a year the text calls the present one."""
    years = set(_YEAR.findall(text))
    present = _cues().current_year.search(text)
    for match in islice(_MONTH_DAY.finditer(text), _MAX_CANDIDATES):
        sentence_year = _YEAR.search(_sentence_around(text, match.start()))
        year = sentence_year.group(1) if sentence_year else None
        if year is None and match.start() < lead_end:
            year = next(iter(years)) if len(years) == 1 else None
            year = year or (present.group(1) if present else None)
        if year:
            return _day(year, *match.groups())
    return None


def _sentence_around(text: str, index: int, reach: int = 200) -> str:
    window = max(0, index - reach)  # bounded look-back keeps long articles linear
    starts = [m.end() for m in _SENTENCE_END.finditer(text, window, index)]
    start = starts[-1] if starts else window
    limit = min(len(text), index + reach)
    end_match = _SENTENCE_END.search(text, index, limit)
    return text[start : end_match.start() if end_match else limit]


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# ---- the document --------------------------------------------------------------------
