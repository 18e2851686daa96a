"""The kind of a figure (LABELING.md, Metrics `kind`): actual, change, target, rank, ratio, gap.

A goal word in the figure's clause or sentence, a plan's verb (安排, 谋划), an "or more"
(`50个以上`, `75%以上`) or, for plans, a goal earlier in the paragraph make a target;
a change verb before the number a change (a verb inside a project's name does not:
`数字化提升项目总投资12亿元`); points against another unit a gap; a share a ratio.
"""

from __future__ import annotations

import re

from summarizer.models import MetricKind
from summarizer.rules.metric_candidates import Candidate
from summarizer.rules.metric_cues import MetricCues
from summarizer.rules.metric_layout import Layout
from summarizer.text.marks import CLAUSE_ENDS, ENUMERATION, NEWLINE

_POINTS = ("个百分点", "百分点")
_LOWER_REACH = 3  # characters before a figure where 低/低于 makes a change in points negative
_AT_LEAST = "以上"
_BOUNDARY = CLAUSE_ENDS + ENUMERATION + ")" + NEWLINE
_YEAR = re.compile(r"((?:19|20)\d\d)年")


class KindReader:
    """Decides the kind of each figure of one article."""

    def __init__(self, layout: Layout, cues: MetricCues, year: int | None) -> None:
        self.layout, self.cues, self.text = layout, cues, layout.text
        self.year = year  # the article's year: a period before it reports what was done

    def kind(
        self,
        c: Candidate,
        clause: tuple[int, int],
        segment: str,
        previous: MetricKind | None,
        continued: bool,
        period: str | None,
    ) -> MetricKind:
        """The kind of c. `previous` is the kind of the figure before it in its sentence, if
        any; `continued` says c continues that figure's list (A、B…)."""
        if c.rank:
            return MetricKind.RANK
        if self._is_target(c, clause, period) or self._plan_goes_on(c, clause, previous):
            return MetricKind.TARGET
        before = self.cues.change_false_friends.blank(self.text[clause[0] : c.start])
        if c.base_unit in _POINTS and self.cues.gap.found(before):
            return MetricKind.CHANGE if self._period_gap(before) else MetricKind.GAP
        if self._changes(segment):
            return MetricKind.CHANGE
        if continued and previous is not None and previous is not MetricKind.ACTUAL:
            return previous
        if c.base_unit in self.cues.fraction_units and self.cues.ratio.found(before):
            return MetricKind.RATIO
        return MetricKind.ACTUAL

    def declines(self, segment: str) -> bool:
        """A decline verb before the number (下降, 减少): the value is negative. A decline's
        size that narrows (降幅收窄) is a gain; one that widens (降幅扩大) a decline."""
        text = self.cues.change_false_friends.blank(segment)
        nouns = self.cues.decline_nouns.positions(text)
        if nouns:
            return self.cues.widening.found(text[nouns[-1].end() :])
        return self.cues.decline.found(text)

    def lower_just_before(self, c: Candidate, clause: tuple[int, int]) -> bool:
        """比上年同期低0.3个百分点: a change in points stated as lower is a decline."""
        tail = self.text[max(clause[0], c.start - _LOWER_REACH) : c.start]
        return self.cues.lower.found(tail)

    def _period_gap(self, before: str) -> bool:
        """比上年高出0.5个百分点: a gap word (found in `before`, the clause up to the figure)
        against an earlier period, no other unit named after it."""
        after_gap = before[self.cues.gap.positions(before)[-1].end() :]
        return self.cues.period_bases.found(before) and not self.cues.unit_bases.found(after_gap)

    def _is_target(self, c: Candidate, clause: tuple[int, int], period: str | None) -> bool:
        """A goal word in the clause or sentence, an "or more", or a plan's paragraph."""
        cues = self.cues
        in_clause = cues.target_false_friends.blank(self.text[clause[0] : clause[1]])
        if cues.target_clause.found(in_clause):
            return True  # 计划, 安排, 可实现: anywhere in the figure's own clause
        head = in_clause[: c.start - clause[0]]
        if cues.target.found(head):
            return True
        if cues.done_markers.found(head):
            return False  # 目前已完成投资42亿元: what is done, whatever goal came before
        if self._at_least(c):
            return True  # 新签约项目50个以上。
        sentence_start, _ = self.layout.sentence(c.start)
        sentence = cues.target_false_friends.blank(self.text[sentence_start : c.start])
        if cues.target.found(sentence) or cues.future.found(sentence):
            return True
        if cues.actual_markers.found(sentence) or self._past(period):
            return False
        paragraph_start, _ = self.layout.paragraph(c.start)
        earlier = cues.target_false_friends.blank(self.text[paragraph_start:sentence_start])
        return cues.target.found(earlier) or cues.future.found(earlier)

    def _plan_goes_on(
        self, c: Candidate, clause: tuple[int, int], previous: MetricKind | None
    ) -> bool:
        """After a goal in the same sentence, a figure is one more goal of the plan
        (`谋划项目150个以上,实施项目80个,其中新开工45个`), unless its clause reports what is
        done (已, 目前)."""
        if previous is not MetricKind.TARGET:
            return False
        return not self.cues.done_markers.found(self.text[clause[0] : c.start])

    def _at_least(self, c: Candidate) -> bool:
        """`新签约项目50个以上。`: an amount stated as a floor is a goal."""
        if not self.text.endswith(_AT_LEAST, 0, c.end):
            return False
        return c.end >= len(self.text) or self.text[c.end] in _BOUNDARY

    def _past(self, period: str | None) -> bool:
        """A period before the article's year (2024年 in 2025, 去年): done, not planned."""
        if period is None:
            return False
        if period.startswith(self.cues.past_periods):
            return True
        year = _YEAR.search(period)
        return bool(year and self.year and int(year.group(1)) < self.year)

    def _changes(self, segment: str) -> bool:
        """A change verb not followed by 到/至 (提高到80% states a level), nor inside a
        name that runs on into 项目/工程 (数字化提升项目)."""
        text = self.cues.change_false_friends.blank(segment)
        for match in self.cues.change.positions(text):
            rest = text[match.end() :]
            if rest.startswith(self.cues.level_after_change):
                continue
            if any(head in rest for head in self.cues.project_heads):
                continue
            return True
        return False
