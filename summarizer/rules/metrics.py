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
from summarizer.rules.metric_kinds import KindReader
from summarizer.rules.metric_layout import Layout
from summarizer.rules.metric_periods import Periods
from summarizer.rules.metric_tables import table_figures
from summarizer.text.numbers import scale_unit

__all__ = ["extract_metrics"]

_SIGNED_KINDS = (MetricKind.CHANGE, MetricKind.TARGET, MetricKind.GAP)
_POINTS = ("个百分点", "百分点")


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
    headline: bool = False  # stated in a title or section heading


def extract_metrics(document: PreparedDocument, article: Article) -> list[Metric]:
    """Every metric of one article, each grounded in the clause that holds its number."""
    article = article.view
    cues = load_metric_cues()
    layout = Layout(article.text)
    candidates = find_candidates(layout.text, cues)
    year = int(article.date[:4]) if article.date else None
    reader = _Reader(layout, cues, [c.start for c in candidates], year)
    drafts: list[Draft] = []
    for candidate in candidates:
        drafts.extend(reader.read(candidate))
    drafts.extend(_table_drafts(layout.text, cues))
    return [_metric(document, article, d) for d in _deduplicated(drafts, cues)]


class _Reader:
    """Reads figures in order, remembering the previous one for lists and inheritance."""

    def __init__(
        self, layout: Layout, cues: MetricCues, figures: list[int], year: int | None
    ) -> None:
        self.layout, self.cues, self.text = layout, cues, layout.text
        self.indicators = IndicatorReader(layout, cues)
        self.kinds = KindReader(layout, cues, year)
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
        period = None if stated else self.periods.governing(c.start)
        sentence_start, _ = self.layout.sentence(c.start)
        same_sentence = self.previous is not None and self.previous.end > sentence_start
        previous_kind = self.previous_kind if same_sentence else None
        kind = self.kinds.kind(c, clause, segment, previous_kind, continued, period)
        kind = MetricKind.ACTUAL if stated else kind  # a stated total is actual (LABELING.md)
        negative = self.previous_negative if continued else self.kinds.declines(segment)
        if kind is MetricKind.CHANGE and c.base_unit in _POINTS and not continued:
            negative = negative or self.kinds.lower_just_before(c, clause)
        value = -c.value if negative and kind in _SIGNED_KINDS else c.value
        self.previous, self.previous_kind, self.previous_negative = c, kind, negative
        names = self.indicators.read(c, clause, segment, kind, continued)
        headline = self.layout.is_section_heading(c.start)
        return [
            Draft(n, value, c.unit, kind, period, clause, c.base_unit, headline) for n in names
        ]

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
        if self._names_project(head):
            return True
        plan = self.previous_kind is MetricKind.TARGET and previous is not None
        return plan and previous is not None and previous.base_unit in ("个", "项") and not head

    def _names_project(self, head: str) -> bool:
        """`…储能电池项目`, `该项目`: one project; `新开工项目` is a class of them."""
        found = next((h for h in self.cues.project_heads if head.endswith(h)), None)
        if found is None:
            return False
        name = head.removesuffix(found)  # empty after a count: 40多个项目,总投资约42亿元
        return bool(name) and not name.endswith(self.cues.project_classes)

    def _about_meeting(self, c: Candidate, clause: tuple[int, int]) -> bool:
        """5个办事处分会场, 6个单位代表发言: counts about the meeting itself."""
        if c.rank or c.base_unit in self.cues.money_units | self.cues.fraction_units:
            return False
        return self.cues.meeting_cues.found(self.text[clause[0] : clause[1]])

def _table_drafts(text: str, cues: MetricCues) -> list[Draft]:
    """The figures of tables printed as text (metric_tables), as drafts over their rows."""
    drafts = []
    for f in table_figures(text, cues):
        base = next((f.unit[len(m) :] for m in cues.multipliers if f.unit.startswith(m)), f.unit)
        drafts.append(Draft(f.indicator, f.value, f.unit, f.kind, f.period, (f.start, f.end), base))
    return drafts


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
    if a.base_unit in cues.money_units or a.headline != b.headline:
        return True  # one amount of money is one fact; a headline repeats the body
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
