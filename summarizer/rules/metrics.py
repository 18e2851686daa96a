"""Offline metric extraction: every figure of an article with its unit, kind, indicator, period.

Definitions follow ../shared/LABELING.md (Metrics). The word lists are data
(data/metric_cues.toml); this module reads a figure's clause, sentence and
paragraph to decide what the figure is.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.document import Article, PreparedDocument
from summarizer.models import Metric, MetricKind
from summarizer.rules.metric_candidates import Candidate, find_candidates
from summarizer.rules.metric_cues import MetricCues, load_metric_cues
from summarizer.rules.metric_indicator import IndicatorReader
from summarizer.rules.metric_layout import Layout
from summarizer.rules.metric_periods import Periods
from summarizer.text.numbers import scale_unit

__all__ = ["extract_metrics"]

_SIGNED_KINDS = (MetricKind.CHANGE, MetricKind.TARGET, MetricKind.GAP)
_POINTS = ("个百分点", "百分点")
_LOWER_REACH = 3  # characters before a figure where 低/低于 makes a change in points negative


@dataclass(frozen=True)
class Draft:
    """A metric before grounding: what it is and the article span of its clause."""

    indicator: str
    value: float
    unit: str
    kind: MetricKind
    period: str | None
    clause: tuple[int, int]
    base_unit: str


def extract_metrics(document: PreparedDocument, article: Article) -> list[Metric]:
    """Every metric of one article, each grounded in the clause that holds its number."""
    article = article.view
    cues = load_metric_cues()
    layout = Layout(article.text)
    candidates = find_candidates(layout.text, cues)
    reader = _Reader(layout, cues, [c.start for c in candidates])
    drafts: list[Draft] = []
    for candidate in candidates:
        drafts.extend(reader.read(candidate))
    return [_metric(document, article, d) for d in _deduplicated(drafts, cues)]


class _Reader:
    """Reads figures in order, remembering the previous one for lists and inheritance."""

    def __init__(self, layout: Layout, cues: MetricCues, figures: list[int]) -> None:
        self.layout, self.cues, self.text = layout, cues, layout.text
        self.indicators = IndicatorReader(layout, cues)
        self.periods = Periods(layout, cues, figures)
        self.previous: Candidate | None = None
        self.previous_kind = MetricKind.ACTUAL
        self.previous_negative = False

    def read(self, c: Candidate) -> list[Draft]:
        """The metrics one figure states (several when it applies to a list of indicators)."""
        clause = self.layout.clause(c.start)
        if self._about_meeting(c, clause):
            return []
        stated = self._stated_total(c)
        prev = self.previous if self.previous and self.previous.end > clause[0] else None
        segment = self.text[prev.end if prev else clause[0] : c.start]
        continued = prev is not None and not segment.strip("、*和及 \n")
        kind = self._kind(c, clause, segment, continued)
        negative = self.previous_negative if continued else self._declines(segment)
        if kind is MetricKind.CHANGE and c.base_unit in _POINTS and not continued:
            negative = negative or self._lower_just_before(c, clause)
        value = -c.value if negative and kind in _SIGNED_KINDS else c.value
        self.previous, self.previous_kind, self.previous_negative = c, kind, negative
        period = None if stated else self.periods.governing(c.start)
        names = self.indicators.read(c, clause, segment, kind, continued)
        return [Draft(n, value, c.unit, kind, period, clause, c.base_unit) for n in names]

    def _stated_total(self, c: Candidate) -> bool:
        """A project's or programme's stated total investment: it has no period.

        `…项目总投资40亿元` and `区级“三十工程”,总投资90.7亿元` name what is invested in;
        `安排重点项目420个,总投资3862亿元` follows the count of a plan. A total after a
        count of what was signed in a period (`签约项目46个,计划总投资326亿元`) keeps it.
        """
        sentence_start, _ = self.layout.sentence(c.start)
        previous = self.previous if self.previous and self.previous.end > sentence_start else None
        before = self.text[previous.end if previous else sentence_start : c.start]
        at = before.rfind(self.cues.stated_total)
        if at < 0:
            return False
        head = before[:at].strip(",、 “”\"").removesuffix("计划")
        if previous is not None:
            plan = self.previous_kind is MetricKind.TARGET and previous.base_unit in ("个", "项")
            return plan and not head
        return head.endswith(self.cues.project_heads)

    def _about_meeting(self, c: Candidate, clause: tuple[int, int]) -> bool:
        """5个办事处分会场, 6个单位代表发言: counts about the meeting itself."""
        if c.rank or c.base_unit in self.cues.money_units | self.cues.fraction_units:
            return False
        return self.cues.meeting_cues.found(self.text[clause[0] : clause[1]])

    def _kind(
        self, c: Candidate, clause: tuple[int, int], segment: str, continued: bool
    ) -> MetricKind:
        if c.rank:
            return MetricKind.RANK
        if self._is_target(c, clause):
            return MetricKind.TARGET
        before = self.cues.change_false_friends.blank(self.text[clause[0] : c.start])
        if c.base_unit in _POINTS and self.cues.gap.found(before):
            return MetricKind.CHANGE if self._period_gap(before) else MetricKind.GAP
        if self._changes(segment):
            return MetricKind.CHANGE
        if continued and self.previous_kind is not MetricKind.ACTUAL:
            return self.previous_kind
        if c.base_unit in self.cues.fraction_units and self.cues.ratio.found(before):
            return MetricKind.RATIO
        return MetricKind.ACTUAL

    def _period_gap(self, before: str) -> bool:
        """比上年高出0.5个百分点: a gap word (found in `before`, the clause up to the figure)
        against an earlier period, no other unit named after it."""
        after_gap = before[self.cues.gap.positions(before)[-1].end() :]
        return self.cues.period_bases.found(before) and not self.cues.unit_bases.found(after_gap)

    def _lower_just_before(self, c: Candidate, clause: tuple[int, int]) -> bool:
        """比上年同期低0.3个百分点: a change in points stated as lower is a decline."""
        tail = self.text[max(clause[0], c.start - _LOWER_REACH) : c.start]
        return self.cues.lower.found(tail)

    def _is_target(self, c: Candidate, clause: tuple[int, int]) -> bool:
        """A goal word earlier in the clause, the sentence, or (for plans) the paragraph."""
        cues = self.cues
        in_clause = cues.target_false_friends.blank(self.text[clause[0] : clause[1]])
        if cues.target_clause.found(in_clause):
            return True  # 计划, 可实现: anywhere in the figure's own clause
        if cues.target.found(in_clause[: c.start - clause[0]]):
            return True
        sentence_start, _ = self.layout.sentence(c.start)
        sentence = self.text[sentence_start : c.start]
        if cues.target.found(sentence) or cues.future.found(sentence):
            return True
        if cues.actual_markers.found(sentence):
            return False
        paragraph_start, _ = self.layout.paragraph(c.start)
        earlier = self.text[paragraph_start:sentence_start]
        return cues.target.found(earlier) or cues.future.found(earlier)

    def _changes(self, segment: str) -> bool:
        """A change verb not followed by 到/至 (提高到80% states a level)."""
        text = self.cues.change_false_friends.blank(segment)
        return any(
            not text.startswith(self.cues.level_after_change, m.end())
            for m in self.cues.change.positions(text)
        )

    def _declines(self, segment: str) -> bool:
        return self.cues.decline.found(self.cues.change_false_friends.blank(segment))


def _deduplicated(drafts: list[Draft], cues: MetricCues) -> list[Draft]:
    """One item per fact: a headline figure repeated in the body is stated once."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if _same_fact(k, draft, cues)), None)
        if twin is None:
            kept.append(draft)
        elif len(draft.indicator) > len(twin.indicator):
            kept[kept.index(twin)] = draft
    return kept


def _same_fact(a: Draft, b: Draft, cues: MetricCues) -> bool:
    if (a.value, a.unit, a.kind) != (b.value, b.unit, b.kind) or a.clause == b.clause:
        return False
    if a.base_unit in cues.money_units:
        return True
    return _char_overlap(a.indicator, b.indicator) >= 0.5


def _char_overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    common = sum(min(a.count(ch), b.count(ch)) for ch in set(a))
    return 2 * common / (len(a) + len(b))


def _metric(document: PreparedDocument, article: Article, draft: Draft) -> Metric:
    start, end = _trimmed(article.text, *draft.clause)
    normalized_value, normalized_unit = scale_unit(draft.value, draft.unit)
    restore = document.restore
    return Metric(
        indicator=restore(draft.indicator),
        value=draft.value,
        unit=restore(draft.unit),
        kind=draft.kind,
        period=restore(draft.period) if draft.period else None,
        normalized_value=normalized_value,
        normalized_unit=normalized_unit,
        article=article.index,
        evidence=document.evidence(article, start, end),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
