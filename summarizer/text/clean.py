"""Clean decoded text into classified paragraphs that remember where they came from.

A paragraph never holds a character that is not in the original: it is a list
of spans (start, end) of the original. Dropping furniture drops lines, removing
Markdown `**` splits a span, and repairing a paragraph broken by print layout
concatenates the spans of two lines. So for every character, the cleaned text
and the original agree at the mapped offset, with no exception.

All matching runs on the folded view (summarizer.text.fold), which has the same
indices as the original; the cue words come from data/furniture.toml.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from summarizer.text.cues import Cues, cues
from summarizer.text.dates import is_date_line

Span = tuple[int, int]
_BLANK = " \t\r\f\v\u3000\xa0\u200b\ufeff"
_BRACKETS = "[]【】()<>《》»«|·:"
_TOKEN_SEPARATORS = " \t/|>»›→·、,()"
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


class Kind(enum.Enum):
    """What a paragraph is, for segmentation."""

    HEAD = "head"  # headline or section label: short, no sentence punctuation
    LEAD = "lead"  # news lead: 本报讯(记者…), …日电
    INTERVIEW = "interview"  # ——访… header under a headline
    BYLINE = "byline"  # reporter line closing an article
    BODY = "body"


@dataclass
class Paragraph:
    """Cleaned text as spans of the original, with its folded form and kind."""

    spans: list[Span]
    newline: int | None  # index of the original "\n" after the paragraph, if any
    folded: str
    kind: Kind
    line: Span = (0, 0)  # its (last) original line, blanks and indent included

    def text(self, original: str) -> str:
        """The paragraph's text, taken from the original."""
        return "".join(original[start:end] for start, end in self.spans)


def clean(original: str, folded: str) -> list[Paragraph]:
    """Paragraphs of the original without furniture, broken paragraphs repaired."""
    table = cues()
    kept: list[Paragraph] = []
    in_tail = False
    pending_head: Paragraph | None = None  # a headline seen in the tail, maybe a new title
    for paragraph in unwrap(_lines(original, folded), original, table):
        verdict = _furniture(paragraph.folded, table)
        if verdict == "tail":
            in_tail, pending_head = True, None
            continue
        if verdict == "drop":
            continue
        paragraph.kind = classify(paragraph.folded, table)
        if in_tail and not _ends_tail(paragraph, table):
            pending_head = paragraph if paragraph.kind is Kind.HEAD else None
            continue
        if in_tail and pending_head is not None:
            kept.append(pending_head)
        in_tail, pending_head = False, None
        kept.append(paragraph)
    return repair(kept, table)


def _lines(original: str, folded: str) -> Iterator[Paragraph]:
    """Every non-blank line, trimmed, without Markdown markup, as a paragraph."""
    start, size = 0, len(original)
    while start < size:
        newline = original.find("\n", start)
        end = size if newline < 0 else newline
        spans = _content_spans(original, start, end)
        if spans:
            text = "".join(folded[s:e] for s, e in spans)
            line_end = end - 1 if end > start and original[end - 1] == "\r" else end
            yield Paragraph(
                spans, None if newline < 0 else newline, text, Kind.BODY, (start, line_end)
            )
        start = end + 1


def _content_spans(original: str, start: int, end: int) -> list[Span]:
    """The spans of a line left after trimming blanks and Markdown `**`/`#`."""
    line = original[start:end]
    start += len(line) - len(line.lstrip(_BLANK))
    end -= len(line) - len(line.rstrip(_BLANK))
    while start < end and original[start] == "#":  # Markdown heading marks
        start += 1
    while start < end and original[start] in _BLANK:
        start += 1
    spans: list[Span] = []
    position = start
    while (marker := original.find("**", position, end)) >= 0:
        if marker > position:
            spans.append((position, marker))
        position = marker + 2
    if position < end:
        spans.append((position, end))
    return spans


def unwrap(lines: Iterable[Paragraph], original: str, table: Cues) -> list[Paragraph]:
    """Rejoin the lines of a hard-wrapped page (PDF, OCR: a break every ~30-45 characters).

    A page is hard-wrapped when many lines share one length and run on without a full
    stop. There a full-length line that ends no sentence continues on the next line,
    unless that line is indented, opens a numbered item, or follows a blank line.
    Page-number footers (－ 2 －) between the two are dropped.
    """
    kept = [p for p in lines if not table.page_number.match(p.folded)]
    width = wrap_width(kept, table)
    if width is None:
        return kept
    joined: list[Paragraph] = []
    for paragraph in kept:
        previous = joined[-1] if joined else None
        if previous is not None and _runs_on(previous, paragraph, width, original, table):
            previous.spans.extend(paragraph.spans)
            previous.folded += paragraph.folded
            previous.newline = paragraph.newline
            previous.line = paragraph.line  # the last physical line decides whether it runs on
        else:
            joined.append(paragraph)
    return joined


_WRAP_MIN_LINE = 16  # shorter lines (headings, names) say nothing about wrapping
_WRAP_BAND = 0.15  # a full line is at most this share of the width shorter than the widest
_WRAP_LONGER = 0.2  # on a wrapped page at most this share of the lines runs past the width


def _band(width: int) -> int:
    return max(4, round(_WRAP_BAND * width))


def wrap_width(lines: list[Paragraph], table: Cues) -> int | None:
    """The page's wrap width, or None when its lines are not hard-wrapped.

    Wrapped lines cluster just under one width and few run past it: a web page whose
    headlines and captions share a length still has its paragraphs on longer lines.
    """
    lengths = [p.line[1] - p.line[0] for p in lines if len(p.folded) >= _WRAP_MIN_LINE]
    if len(lengths) < 5:
        return None
    width = max(set(lengths), key=lambda w: sum(w - _band(w) < n <= w for n in lengths))
    band = [p for p in lines if width - _band(width) < p.line[1] - p.line[0] <= width]
    open_ended = sum(not _ends_wrapped_sentence(p.folded) for p in band)
    if len(band) < max(5, 0.35 * len(lengths)) or open_ended < 0.5 * len(band):
        return None
    longer = sum(n > width + _band(width) for n in lengths)
    return None if longer > _WRAP_LONGER * len(lengths) else width  # else: headlines, not wrap


def _runs_on(
    first: Paragraph, second: Paragraph, width: int, original: str, table: Cues
) -> bool:
    full = first.line[1] - first.line[0] > width - _band(width)
    if not full or _ends_wrapped_sentence(first.folded):
        return False
    between = original[first.line[1] : second.line[0]].split("\n")[1:-1]
    if any(not line.strip() for line in between):
        return False  # a blank line between: a new paragraph (a dropped page number is no blank)
    opening = original[second.line[0] : second.spans[0][0]]
    return not opening and not table.item_marker.match(second.folded)


def _ends_wrapped_sentence(line: str) -> bool:
    """A full stop ends the line (a colon or a decimal point does not: 302.|3亿元)."""
    core = line.rstrip("”’\"')]」』】》 ")
    if core.endswith("."):
        return len(core) < 2 or not core[-2].isdigit()
    return core.endswith(("。", "!", "?", ";", "…"))


def _furniture(line: str, table: Cues) -> str:
    """'tail' for a line opening the page tail, 'drop' for furniture, else 'keep'."""
    bare = line.strip(_BRACKETS + " ").lower()
    if len(line) <= 40 and bare.startswith(table.tail_prefixes):
        return "tail"
    if bare in table.furniture_exact:
        return "drop"
    if len(line) <= 80 and bare.startswith(table.furniture_prefixes):
        return "drop"
    if len(line) <= 120 and any(cue in bare for cue in table.furniture_contains):
        return "drop"  # the site's footer: ICP number, sponsor and contact line
    if _is_teaser(line, table) or _is_nav(line, table) or _is_photo_note(line, table):
        return "drop"
    if len(line) <= 80 and (table.meta_line.match(line) or is_date_line(line)):
        return "drop"  # the page's date and source line (read before by text.dates)
    if _URL.match(line):
        return "drop"  # the page's address printed above it
    return "keep"


def _is_teaser(line: str, table: Cues) -> bool:
    cut_off = line.endswith(table.ellipses)
    if line.startswith(table.teaser_prefixes) and (len(line) <= 12 or cut_off):
        return True
    return cut_off and len(line) <= 60


def _is_nav(line: str, table: Cues) -> bool:
    if len(line) > 80 or line.startswith(table.table_header_starts):
        return False  # 序号|项目名称|…: a table's header, not a menu
    if line.startswith(table.breadcrumb_starts):
        return True
    tokens = _tokens(line.lower())
    if tokens and all(token in table.nav_words for token in tokens):
        return True
    crumbs = sum(line.count(separator) for separator in table.breadcrumb_separators[:4])
    if line.count("|") >= table.menu_pipes:
        crumbs += line.count("|")  # a menu bar
    return crumbs >= 2 and all(len(token) <= 8 for token in tokens)


def _is_photo_note(line: str, table: Cues) -> bool:
    if table.caption_credit.search(line[-60:]):  # a credit closes the line
        return True
    bracketed = line[:1] in "([【" and line[-1:] in ")]】"
    return bracketed and len(line) <= 40 and any(w in line for w in table.photo_note_words)


def _tokens(line: str) -> list[str]:
    for separator in _TOKEN_SEPARATORS:
        line = line.replace(separator, " ")
    return line.split()


def _ends_tail(paragraph: Paragraph, table: Cues) -> bool:
    """A new article after the page tail: a lead, an interview or a full paragraph."""
    if paragraph.kind in (Kind.LEAD, Kind.INTERVIEW):
        return True
    line = paragraph.folded
    return len(line) >= 80 and ends_sentence(line, table) and not line.endswith(table.ellipses)


def classify(line: str, table: Cues | None = None) -> Kind:
    """The kind of a cleaned, folded paragraph."""
    table = table or cues()
    if _is_credit_line(line, table):
        return Kind.BYLINE
    if table.lead.match(line) or line.startswith(table.reporter_openers):
        return Kind.LEAD
    if _is_interview(line, table):
        return Kind.INTERVIEW
    if _is_byline(line, table):
        return Kind.BYLINE
    if _is_head(line, table):
        return Kind.HEAD
    return Kind.BODY


def _is_interview(line: str, table: Cues) -> bool:
    if len(line) > 80:
        return False
    for dash in table.interview_dashes:
        if line.startswith(dash):
            return line[len(dash) :].lstrip(" -—").startswith(table.interview_words)
    return False


def _is_byline(line: str, table: Cues) -> bool:
    """Only names and roles: '正观新闻·郑州晚报记者 史治国', '记者 孙庆辉 文/图'."""
    if len(line) > 40 or any(mark in line for mark in "。,!?;"):
        return False
    tokens = _joined_initials(_tokens(line))
    roles = [token for token in tokens if _is_role(token, table)]
    names = [token for token in tokens if token not in roles]
    return bool(roles) and all(2 <= len(name) <= 4 for name in names)


def _joined_initials(tokens: list[str]) -> list[str]:
    """Single characters in a row are one name a stray blank split: '刘 洋' → '刘洋'."""
    joined: list[str] = []
    for token in tokens:
        if joined and len(token) == 1 and len(joined[-1]) == 1:
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def _is_credit_line(line: str, table: Cues) -> bool:
    """A bracketed credit closing an article: '(记者 邱某 通讯员 曾某)', '(记者:贾某 编辑:周某)'."""
    if line[:1] not in "([【" or line[-1:] not in ")]】":
        return False
    return _is_byline(line[1:-1].replace(":", " "), table)


def _is_role(token: str, table: Cues) -> bool:
    for role in table.byline_roles:
        if token == role or (len(role) >= 2 and token.endswith(role) and len(token) <= 14):
            return True
    return False


def _is_head(line: str, table: Cues) -> bool:
    if len(line) > 64 or line[0] in table.bullets or ends_sentence(line, table):
        return False
    if any(mark in line for mark in table.sentence_inner):
        return False
    return not table.speech_clause.search(line) and not _has_inner_colon(line)


def _has_inner_colon(line: str) -> bool:
    colon = line.find(":")
    return 0 <= colon < len(line) - 1


def ends_sentence(line: str, table: Cues) -> bool:
    """True when the line ends a sentence (closing quotes and brackets aside)."""
    core = line.rstrip(table.closers + " ")
    return bool(core) and core[-1] in table.sentence_end


def repair(paragraphs: list[Paragraph], table: Cues) -> list[Paragraph]:
    """Join paragraphs that print layout broke in the middle of a sentence."""
    repaired: list[Paragraph] = []
    for paragraph in paragraphs:
        if repaired and _continues(repaired[-1], paragraph, table):
            previous = repaired[-1]
            previous.spans.extend(paragraph.spans)
            previous.folded = "".join((previous.folded, paragraph.folded))
            previous.newline = paragraph.newline
            if previous.kind is Kind.HEAD:
                previous.kind = Kind.BODY
        else:
            repaired.append(paragraph)
    return repaired


def _continues(first: Paragraph, second: Paragraph, table: Cues) -> bool:
    """Whether `second` continues the unfinished sentence `first` ends with."""
    if first.kind not in (Kind.BODY, Kind.LEAD, Kind.HEAD) or second.kind is not Kind.BODY:
        return False
    if ends_sentence(first.folded, table) or second.folded[0] in table.bullets:
        return False
    return first.folded[0] not in table.bullets and is_fragment(first.folded, table)


def is_fragment(line: str, table: Cues) -> bool:
    """A line that reads as part of a sentence rather than a headline."""
    if any(mark in line for mark in table.sentence_inner):
        return True
    if table.speech_clause.search(line) or _has_inner_colon(line):
        return True
    return len(line) >= 40 and ("," in line or "、" in line)
