"""The indicator of a figure: the subject phrase of its clause, taken from the text.

"地区生产总值完成302.3亿元,同比增长7.5%": the second figure has no subject of its
own and inherits 地区生产总值; "两项指标增速均位居全市第二位" names the indicators
stated just before; "A、B分别增长1%、2%" pairs list and figures in order.
"""

from __future__ import annotations

import re

from summarizer.models import MetricKind
from summarizer.rules.metric_candidates import Candidate, noun_after
from summarizer.rules.metric_cues import MetricCues
from summarizer.rules.metric_layout import Layout
from summarizer.text.numbers import parse_number

_NOISE = re.compile(r"[\s*]")
_EDGE_PUNCT = ",、:;()●•■◆▲★·-—"
_RATE_WORDS = ("增速", "增幅", "增长", "下降", "率", "降幅")
_GROWTH_SUFFIX = "增速"
_LIST_END = "等"


class IndicatorReader:
    """Names the indicator of each figure, remembering recent ones for inheritance."""

    def __init__(self, layout: Layout, cues: MetricCues) -> None:
        self.layout, self.cues, self.text = layout, cues, layout.text
        self.history: list[tuple[int, str]] = []  # (paragraph start, indicator)
        self.pending: list[str] = []  # the rest of an "A、B分别…" list

    def read(
        self, c: Candidate, clause: tuple[int, int], segment: str, kind: MetricKind, continued: bool
    ) -> list[str]:
        """The indicator(s) the figure c measures."""
        raw = _NOISE.sub("", segment)
        names = self._names(c, raw, kind, continued)
        paragraph, _ = self.layout.paragraph(c.start)
        limit = self.cues.max_indicator_chars
        names = [n[-limit:] for n in names if n] or [""]
        self.history.extend((paragraph, n) for n in names if n)
        return names

    def _names(self, c: Candidate, raw: str, kind: MetricKind, continued: bool) -> list[str]:
        if continued and self.pending:
            return [self.pending.pop(0)]
        self.pending = []
        if continued and not self._counts(c) and self.history:
            return [self.history[-1][1]]  # 分别达到42318元和19876元
        group = self._group(c, raw)
        if group:
            return group
        listed = self._distributed(raw)
        if listed:
            return listed
        if kind is MetricKind.GAP:
            return [self._gap(c, raw)]
        return [self._single(c, raw, kind)]

    def _single(self, c: Candidate, raw: str, kind: MetricKind) -> str:
        name = self.strip(raw)
        if self._counts(c) and _LIST_END in name:
            name = name[name.rfind(_LIST_END) + 1 :]  # A、B等15个项目: what is counted follows
        noun = self.strip(noun_after(self.text, c.end)) if self._counts(c) else ""
        if noun:
            return name + noun if noun not in name else name
        if name in self.cues.inherit_when:
            base = self._recent(c)
            if not base:
                return name
            return base + (name or (_GROWTH_SUFFIX if kind is MetricKind.CHANGE else ""))
        if kind is MetricKind.CHANGE and c.base_unit in self.cues.fraction_units:
            if not any(word in name for word in _RATE_WORDS):
                name += _GROWTH_SUFFIX
        return name

    def _gap(self, c: Candidate, raw: str) -> str:
        """高于全市增速3.2个百分点 → <previous indicator>增速高于全市."""
        found = self.cues.gap.positions(raw)
        at = found[0].start() if found else 0
        head, comparison = self.strip(raw[:at]), self._strip_end(raw[at:])
        for word in sorted(self.cues.inherit_when, key=len, reverse=True):
            if word and comparison.endswith(word):
                comparison = self._strip_end(comparison[: -len(word)])
                break
        base = head if head not in self.cues.inherit_when else self._recent(c)
        if base and not base.endswith(_GROWTH_SUFFIX):
            base += _GROWTH_SUFFIX
        return base + comparison

    def _group(self, c: Candidate, raw: str) -> list[str]:
        """两项指标增速均… → the two indicators named just before."""
        for marker in self.cues.group_markers:
            at = raw.find(marker)
            if at <= 0:
                continue
            count = parse_number(raw[at - 1]) or 0
            recent = self._recent_many(c, int(count))
            if count and len(recent) == count:
                rest = self.strip(raw[at + len(marker) :])
                return [r if r.endswith(rest) else r + rest for r in recent]
        return []

    def _distributed(self, raw: str) -> list[str]:
        """A、B各300家 → both; A、B分别增长1%、2% → A now, B for the next figure."""
        word = next((w for w in self.cues.distributive if w in raw), None)
        if word is None or "、" not in raw:
            return []
        subject = raw[: raw.rfind(word)]
        items = [self.strip(part) for part in subject.split("、")]
        items = [item for item in items if item]
        if len(items) < 2:
            return []
        if word == "分别":
            self.pending = items[1:]
            return items[:1]
        return items

    def strip(self, phrase: str) -> str:
        """The phrase without leading context (其中, 全区, 上半年) and trailing verbs."""
        return self._strip_end(self._strip_start(phrase))

    def _strip_start(self, phrase: str) -> str:
        while phrase:
            before = phrase
            phrase = phrase.lstrip(_EDGE_PUNCT)
            match = self.cues.period_re.match(phrase)
            if match:
                phrase = phrase[match.end() :]
            lead = self.cues.leading.match(phrase)
            if lead:
                phrase = phrase[lead.end() :]
            if phrase == before:
                break
        return phrase

    def _strip_end(self, phrase: str) -> str:
        while phrase:
            before = phrase.rstrip(_EDGE_PUNCT)
            phrase = before
            trail = self.cues.trailing.search(phrase)
            if trail:
                phrase = phrase[: trail.start()]
            if phrase == before:
                break
        return phrase

    def _counts(self, c: Candidate) -> bool:
        money, fraction = self.cues.money_units, self.cues.fraction_units
        return not c.rank and c.base_unit not in money | fraction

    def _recent(self, c: Candidate) -> str:
        recent = self._recent_many(c, 1)
        base = recent[0] if recent else ""
        return base.removesuffix(_GROWTH_SUFFIX)

    def _recent_many(self, c: Candidate, count: int) -> list[str]:
        """The last `count` distinct indicators of the figure's paragraph, oldest first."""
        paragraph, _ = self.layout.paragraph(c.start)
        found: list[str] = []
        for start, name in reversed(self.history):
            if start != paragraph or len(found) == count:
                break
            base = name.removesuffix(_GROWTH_SUFFIX)
            if base not in found:
                found.append(base)
        return list(reversed(found))
