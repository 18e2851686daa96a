"""Split the cleaned paragraphs of a page into articles, each with its title.

Rules for the genre (a printed or web page of local news):
- a news lead (本报讯(记者…), …日电) or an interview header (——访…) starts a new
  article once the current one has body text;
- a byline (正观新闻·郑州晚报记者 XXX, 记者 XXX 通讯员 XXX 文/图) closes the
  current article; the next body paragraph starts another one;
- headlines (short lines without sentence punctuation) above a lead belong to
  it; when the article before has no title, the run of headlines between the
  two is split where the words of each headline best match each article,
  because print layout sometimes sets a headline below its story;
- a headline of its own over a paragraph that opens with the event's day (区人社局举办…
  招聘会 / 5月16日,区人社局…) starts a new item on a page of several short items;
- headlines inside an article (section labels such as 现场, 目标) stay in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.text.clean import Kind, Paragraph
from summarizer.text.cues import cues

_TEXT_KINDS = (Kind.BODY, Kind.LEAD)
_HEADLINE_CHARS = 64  # a line this short without a full stop may be an exclaiming headline
_ITEM_HEADLINE_CHARS = 8  # a shorter heading is a section label (现场, 目标), not an item's


@dataclass
class Draft:
    """An article being assembled: header headlines, then its paragraphs."""

    header: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    trailing: list[Paragraph] = field(default_factory=list)
    closed: bool = False

    @property
    def has_text(self) -> bool:
        return any(paragraph.kind in _TEXT_KINDS for paragraph in self.body)

    @property
    def has_story(self) -> bool:
        """Text beyond a headline that exclaims (总投资326亿元!…集中开工): a full sentence."""
        return any(
            p.kind in _TEXT_KINDS and (len(p.folded) > _HEADLINE_CHARS or "。" in p.folded)
            for p in self.body
        )

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.header + self.body

    def title(self) -> Paragraph | None:
        """The headline: the longest header line, else one set below, else an early one."""
        if self.header:
            return max(self.header, key=lambda p: len(p.folded))
        if self.trailing:
            return self.trailing[0]
        early = [p for p in self.body[:3] if p.kind is Kind.HEAD and len(p.folded) >= 6]
        return early[0] if early else None


def segment(paragraphs: list[Paragraph]) -> list[Draft]:
    """Group paragraphs into articles; drafts without body text are not articles."""
    drafts: list[Draft] = []
    heads: list[Paragraph] = []
    for paragraph in paragraphs:
        current = drafts[-1] if drafts and not drafts[-1].closed else None
        if paragraph.kind is Kind.HEAD:
            heads.append(paragraph)
        elif paragraph.kind is Kind.BYLINE:
            if current is not None and current.has_text:
                current.body.extend(heads)
                current.closed, heads = True, []
        elif _continues_headline(paragraph, current):
            assert current is not None
            current.header.extend([*current.body, *heads])
            current.body, heads = [paragraph], []
        elif _starts_article(paragraph, current) or _starts_item(paragraph, heads, current):
            drafts.append(_start(current, heads, paragraph))
            heads = []
        else:
            assert current is not None
            current.body.extend([*heads, paragraph])
            heads = []
    if heads and drafts and not drafts[-1].closed:
        drafts[-1].body.extend(heads)
    return [draft for draft in drafts if draft.has_text]


def _continues_headline(paragraph: Paragraph, current: Draft | None) -> bool:
    """A lead under a draft that holds only headlines: the lead is that headline's story."""
    if current is None or paragraph.kind not in (Kind.LEAD, Kind.INTERVIEW):
        return False
    return current.has_text and not current.has_story and not current.trailing


def _starts_article(paragraph: Paragraph, current: Draft | None) -> bool:
    if current is None:
        return True
    return paragraph.kind in (Kind.LEAD, Kind.INTERVIEW) and current.has_text


def _starts_item(paragraph: Paragraph, heads: list[Paragraph], current: Draft | None) -> bool:
    """A dated opening (5月16日,…) right under a headline of its own: the next short item."""
    if current is None or not current.has_text or not heads or paragraph.kind is not Kind.BODY:
        return False
    table = cues()
    headline = heads[-1].folded
    if len(headline) < _ITEM_HEADLINE_CHARS or table.item_marker.match(headline):
        return False
    return table.dated_opening.match(paragraph.folded) is not None


def _start(previous: Draft | None, heads: list[Paragraph], first: Paragraph) -> Draft:
    """A new draft; headlines that belong to the previous article are handed back to it."""
    if previous is None or previous.closed or previous.header or not heads:
        return Draft(header=heads, body=[first])
    cut = split_headlines(heads, previous.paragraphs, first)
    previous.trailing = heads[:cut]
    previous.body.extend(heads[:cut])
    return Draft(header=heads[cut:], body=[first])


def split_headlines(heads: list[Paragraph], before: list[Paragraph], lead: Paragraph) -> int:
    """How many of `heads` belong to the article before rather than the one led by `lead`.

    The last headline always stays with the lead: a lead's headline sits above it.
    """
    before_words = _bigrams("".join(p.folded for p in before))
    after_words = _bigrams(lead.folded)
    best_cut, best_score = 0, -1.0
    for cut in range(len(heads)):
        score = sum(_overlap(h, before_words) for h in heads[:cut])
        score += sum(_overlap(h, after_words) for h in heads[cut:])
        if score > best_score + 1e-9:
            best_cut, best_score = cut, score
    return best_cut


def _bigrams(text: str) -> set[str]:
    letters = "".join(char for char in text if char.isalnum())
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def _overlap(head: Paragraph, words: set[str]) -> float:
    own = _bigrams(head.folded)
    return len(own & words) / len(own) if own else 0.0
