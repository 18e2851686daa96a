"""The period of a figure: the one its own words name, else the one that governs it.

LABELING.md (Metrics, `period`): the period as written; when the figure's sentence names
none, the period of the heading or lead sentence that governs it; never a period the
text does not give for that figure. A period governs by where it stands:

- in a heading (`一、前三季度经济运行情况`): the section, up to the next heading;
- opening a sentence (`1-5月,全县…`, `会议指出,今年以来,…`): the rest of its paragraph;
- opening a later clause (`…,截至9月底,…`): the rest of its sentence;
- inside a clause that states figures (`力争全年新签约项目总额400亿元、…`): the rest of
  its ;-segment; inside any other clause (`力争明年一季度建成投产`), or narrow (a deadline
  `11月底前`, `年度计划投资68.2亿元`, `10月当月`): that clause.

Periods that name no period of a figure are skipped: a comparison base (比上年), an
event or batch name (`2024年第三季度…集中签约活动`), a title in 《》 or quotes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from summarizer.rules.metric_cues import MetricCues
from summarizer.rules.metric_layout import Layout

_NAME_REACH = 24  # characters after a period searched for the event noun that makes it a name
_FRAME_CHARS = 14  # a first clause this short frames the sentence (会议指出, 王某介绍)
_OPENERS = ("“", "”", " ")
_DEADLINE = "前"  # 2025年底前 (a period followed by 前): a deadline governs only its clause
_DEADLINES = ("底前", "末前")  # 11月底前, 年底前 written as one period
_SINCE = "以来"  # 今年以来: what has happened so far, said of its own sentence only


@dataclass(frozen=True)
class Period:
    """A period expression at [start, end) that governs figures up to `reach`."""

    start: int
    end: int
    text: str
    reach: int


class Periods:
    """The periods of one article, each with the stretch of text it governs."""

    def __init__(self, layout: Layout, cues: MetricCues, figures: list[int]) -> None:
        self.layout, self.cues, self.text = layout, cues, layout.text
        self.figures = figures  # where the article's figures start, in order
        self.found = self._scan()
        self._ends = [p.end for p in self.found]

    def governing(self, pos: int) -> str | None:
        """The period that governs a figure at pos: the nearest one whose reach covers it.

        A count of the reported event itself (此次集中开工的22个项目) takes only a period its
        own sentence names.
        """
        sentence_start, _ = self.layout.sentence(pos)
        own_only = self.cues.this_event.found(self.text[sentence_start:pos])
        for index in range(bisect_right(self._ends, pos) - 1, -1, -1):
            period = self.found[index]
            if own_only and period.start < sentence_start:
                return None
            if period.reach >= pos:
                return period.text
        return None

    def _scan(self) -> list[Period]:
        text, cues = self.text, self.cues
        found: list[Period] = []
        for match in cues.period_re.finditer(text):
            start, end = match.start(), match.end()
            if text.startswith(cues.period_not_followed_by, end):
                continue
            if text.endswith(cues.period_not_preceded_by, 0, start):
                continue
            if self._in_title(start) or self._names_event(end):
                continue
            found.append(Period(start, end, match.group(), self._reach(start, end)))
        return found

    def _reach(self, start: int, end: int) -> int:
        layout = self.layout
        if layout.is_section_heading(start):
            starts = layout.section_starts
            following = bisect_right(starts, start)
            return starts[following] - 1 if following < len(starts) else len(self.text)
        text = self.text
        deadline = text.endswith(_DEADLINES, start, end) or text.startswith(_DEADLINE, end)
        if deadline or self.cues.narrow_period.match(text, start):
            return layout.clause(start)[1]
        clause_start, clause_end = layout.clause(start)
        if text.startswith(":", clause_end):
            return layout.paragraph(start)[1]  # 今年发展目标:… governs what the colon opens
        if not self._opens(clause_start, start):
            return self._segment_end(end) if self._holds_figure(end, clause_end) else clause_end
        if text.endswith(":", 0, clause_start):
            return layout.paragraph(start)[1]  # …的韧性与活力:上半年,…
        sentence_start, sentence_end = layout.sentence(start)
        first = clause_start == sentence_start or self._framed(sentence_start, clause_start)
        if first and not text.endswith(_SINCE, start, end):
            return layout.paragraph(start)[1]
        return sentence_end

    def _holds_figure(self, start: int, end: int) -> bool:
        index = bisect_right(self.figures, start - 1)
        return index < len(self.figures) and self.figures[index] < end

    def _segment_end(self, pos: int) -> int:
        """The end of the ;-segment holding pos (a ;-segment reads as a sentence)."""
        _, sentence_end = self.layout.sentence(pos)
        semicolon = self.text.find(";", pos, sentence_end)
        return sentence_end if semicolon < 0 else semicolon

    def _opens(self, clause_start: int, start: int) -> bool:
        """Whether only blanks, quotes or a connective (其中, 同时) stand before the period."""
        head = self.text[clause_start:start].strip("".join(_OPENERS))
        return not head or head in self.cues.period_openers

    def _framed(self, sentence_start: int, clause_start: int) -> bool:
        """The sentence's first clause only frames it: 会议指出, / 王某介绍, / 据统计,."""
        frame = self.text[sentence_start : clause_start - 1]
        if len(frame) > _FRAME_CHARS or "," in frame:
            return False
        return not any(ch.isdigit() for ch in frame)

    def _in_title(self, start: int) -> bool:
        """Inside 《…》, or a short quoted name (“2024年项目建设攻坚年”): not a figure's period.

        A long quotation (a speaker's words) is no name: its periods count.
        """
        paragraph_start, paragraph_end = self.layout.paragraph(start)
        before = self.text[paragraph_start:start]
        if before.rfind("《") > before.rfind("》"):
            return True
        if before.rfind("“") <= before.rfind("”"):
            return False
        close = self.text.find("”", start, min(paragraph_end, start + _NAME_REACH))
        return close >= 0 and not any(ch in ",;。!?" for ch in self.text[start:close])

    def _names_event(self, end: int) -> bool:
        """2024年第三季度重大项目集中签约活动: the period is part of an event's name."""
        window = self.text[end : end + _NAME_REACH]
        stop = next((i for i, ch in enumerate(window) if ch in self.cues.name_stops), len(window))
        window = window[:stop]
        return not any(ch.isdigit() for ch in window) and self.cues.event_nouns.found(window)
