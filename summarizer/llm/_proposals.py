"""What a model proposes beyond the offline candidates, kept only once code has grounded it.

The propose strategy asks the model for names (projects, speakers with their titles).
Nothing it writes is taken on trust:

- a proposed project is kept only if its name stands in the chunk (verbatim, folded or
  across a line break) and reads like a project: it ends like one (项目, 工程, 大道, 医院 ...)
  and is more than a generic category (重大项目) or a list (`甲、乙等重点项目`); it is
  added only when no project found already names the same thing (a shorter or fuller name
  of it); its status comes from the words around it in the text;
- a proposed speaker is kept only if the name stands in the chunk where the text shows the
  person speaking or acting (a speech verb before any 出席/参加 after the name, an
  interview turn `姓名：`, or the `——访` line), not where the act is only referred to
  (`某某调研时提出的要求`); the title only if it stands in the text. A person already
  listed anywhere in the document is not added again (LABELING.md: once per document).

These checks never ask again (a re-ask costs a small local model tens of seconds and a
proposal is optional): what fails is dropped and counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from summarizer.ground import fold
from summarizer.llm._chunking import Grounded
from summarizer.llm._review import Candidates, ChunkReview
from summarizer.llm._schema import PageAnswer, PersonOut
from summarizer.models import Project, ProjectStatus, Speaker

__all__ = ["ProjectProposals", "SpeakerProposals", "with_proposals"]

_P = TypeVar("_P")
_I = TypeVar("_I")
# How a project's name ends (folded: traditional script and full width already mapped).
PROJECT_ENDINGS = (
    "项目", "工程", "计划", "基地", "园区", "产业园", "中心", "医院", "院区", "学校", "中学",
    "小学", "幼儿园", "大学", "学院", "楼", "厂", "厂房", "站", "馆", "线", "路", "大道", "大桥",
    "桥", "隧道", "通道", "机场", "港", "码头", "管网", "电站", "公园", "综合体", "一期",
    "二期", "三期", "四期",
)  # fmt: skip
# Words that make a category, not a name, when nothing else stands before the ending.
GENERIC_WORDS = (
    "重大", "重点", "民生", "产业", "招商", "签约", "续建", "新建", "在建", "新开工", "开工",
    "基础设施", "一批", "这些", "各类", "有关", "相关", "市级", "省级", "县级", "区级", "全市",
    "全县", "全区", "大", "小", "好", "新",
)  # fmt: skip
_TRAILING = ("建设现场", "施工现场", "项目现场", "现场", "工地", "的建设", "建设")
_STATUS_CUES: tuple[tuple[ProjectStatus, tuple[str, ...]], ...] = (
    (ProjectStatus.SIGNED, ("签约", "签订")),
    (ProjectStatus.STARTED, ("开工", "动工", "奠基")),
    (ProjectStatus.COMPLETED, ("竣工", "建成", "完工", "结顶")),
    (ProjectStatus.OPERATING, ("投产", "运营", "投用", "投入使用", "达产")),
    (ProjectStatus.PLANNED, ("谋划", "规划", "拟", "计划")),
    (ProjectStatus.UNDER_CONSTRUCTION, ("在建", "加快建设", "推进", "续建", "建设")),
)
# The text shows a person speaking or acting at the event (LABELING.md, Speakers) ...
SPEECH_ACTS = (
    "讲话", "主持", "汇报", "介绍", "致辞", "表示", "说", "指出", "强调", "要求", "宣布",
    "通报", "报告", "部署", "总结", "宣读", "发言", "回答", "答", "建议", "希望", "提出",
    "点评", "动员", "解读", "坦言", "谈到", "认为",
)  # fmt: skip
# ... or only attending, or only referred to (落实市委书记某某调研时的指示要求).
NOT_SPEAKING = (
    "出席", "参加", "列席", "陪同", "参观", "观摩", "见证", "等领导", "等县领导", "指示", "批示",
    "讲话精神",
)  # fmt: skip
# How a body ends, which a person's name does not (区发展改革委 汇报 is no speaker).
BODY_ENDINGS = ("局", "委", "办", "府", "厅", "部", "院", "会", "司", "处", "中心", "公司", "集团")
# The last character of a title (县委书记, 县长, 主任, 主席, 总经理, 局长, 委员 ...).
TITLE_ENDINGS = frozenset("记长任席理员事官监师裁表")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_WINDOW = 40
_LIST_MARKS = ("，", ",", "、", "；", ";", "。")


@dataclass(frozen=True)
class ProjectProposals:
    """Grounds the projects an answer proposes (the check its ReplyContext carries)."""

    review: ChunkReview

    def leniently(self) -> ProjectProposals:
        return self  # never re-asks: it drops what fails

    def __call__(self, answer: BaseModel) -> Grounded:
        names = answer.projects if isinstance(answer, PageAnswer) else []
        projects, dropped = _grounded_each(names, self._project, lambda p: p.name)
        return Grounded(projects=projects, dropped=dropped)

    def _project(self, name: str) -> Project | None:
        span = self.review.find(_trimmed(name))
        if span is None:
            return None
        written = self.review.verbatim(span)
        if not looks_like_project(written):
            return None
        return Project(
            name=written,
            status=_status(self.review.chunk.text, span),
            article=self.review.article.index,
            evidence=self.review.evidence(span),
        )


def _grounded_each(
    proposals: Iterable[_P], ground: Callable[[_P], _I | None], key: Callable[[_I], str]
) -> tuple[list[_I], int]:
    """The items `ground` makes of the proposals (the first of each key), and how many
    proposals it could not ground."""
    items: list[_I] = []
    dropped = 0
    for proposal in proposals:
        item = ground(proposal)
        if item is None:
            dropped += 1
        elif key(item) not in {key(i) for i in items}:
            items.append(item)
    return items, dropped


def looks_like_project(name: str) -> bool:
    """A project's name: a project ending, after more than generic words."""
    folded = "".join(fold(name).split())
    ending = next((e for e in PROJECT_ENDINGS if folded.endswith(e)), None)
    if ending is None or len(folded) > 60 or "、" in folded:
        return False  # a list of names (甲、乙等项目) is not one name
    rest = folded[: -len(ending)]
    for word in sorted(GENERIC_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) >= 2


def _trimmed(name: str) -> str:
    text = name.strip()
    folded = fold(text)
    for tail in _TRAILING:
        if folded.endswith(tail) and looks_like_project(text[: -len(tail)]):
            return text[: -len(tail)]
    return text


def _status(text: str, span: tuple[int, int]) -> ProjectStatus:
    around = fold(text[max(span[0] - 15, 0) : span[1] + 15])
    for status, cues in _STATUS_CUES:
        if any(cue in around for cue in cues):
            return status
    return ProjectStatus.UNKNOWN


@dataclass(frozen=True)
class SpeakerProposals:
    """Grounds the speakers an answer proposes."""

    review: ChunkReview

    def leniently(self) -> SpeakerProposals:
        return self

    def __call__(self, answer: BaseModel) -> Grounded:
        people = answer.speakers if isinstance(answer, PageAnswer) else []
        speakers, dropped = _grounded_each(people, self._speaker, lambda s: _key(s.name))
        return Grounded(speakers=speakers, dropped=dropped)

    def _speaker(self, person: PersonOut) -> Speaker | None:
        name, written_title = split_title(person.name)
        if len(_key(name)) < 2 or _key(name).endswith(BODY_ENDINGS):
            return None
        span = self.review.find(name)
        acting = speaking_span(self.review.chunk.text, span) if span else None
        if span is None or acting is None:
            return None
        return Speaker(
            name=self.review.verbatim(span),
            title=self._title(person.title or written_title, span),
            article=self.review.article.index,
            evidence=self.review.evidence(acting),
        )

    def _title(self, title: str | None, name: tuple[int, int]) -> str | None:
        """The title as the text writes it: found whole, else the longest end of it that
        stands right before the name (`县委书记` of a title written `藤县委书记`)."""
        if not title:
            return None
        whole = self.review.find(title)
        if whole is not None:
            return self.review.verbatim(whole)
        before = fold(self.review.chunk.text[max(name[0] - len(title), 0) : name[0]])
        wanted = fold(title.strip())
        size = next((n for n in range(len(wanted), 1, -1) if before.endswith(wanted[-n:])), 0)
        found = self.review.chunk.text[name[0] - size : name[0]].lstrip("、，, ")
        return found if len(found) >= 2 else None


def split_title(written: str) -> tuple[str, str | None]:
    """(name, title) from a name field a model filled with `职务姓名` (`县委书记黄振邦`).

    The cut is after a title of two or more characters that ends like one (记, 长, 任 ...)
    and leaves a name of two to four; with no such cut the text is the name.
    """
    text = written.strip()
    for at in range(len(text) - 2, 1, -1):
        name = text[at:].strip()
        if fold(text[at - 1]) in TITLE_ENDINGS and 2 <= len(_key(name)) <= 4:
            return name, text[:at].rstrip("、，, ") or None
    return text, None


def speaking_span(text: str, name: tuple[int, int]) -> tuple[int, int] | None:
    """From the name to the words that show the person speaking or acting, or None.

    Looks at every place the name stands, from the first one on.
    """
    folded = fold(text)
    needle = folded[name[0] : name[1]]
    start = folded.find(needle)
    while start >= 0:
        end = start + len(needle)
        found = _acts_after(folded, start, end) or _interviewed(folded, start, end)
        if found is not None:
            return found
        start = folded.find(needle, start + 1)
    return None


def _acts_after(folded: str, start: int, end: int) -> tuple[int, int] | None:
    window = folded[end : end + _WINDOW]
    cut = _SENTENCE_END.search(window)
    window = window[: cut.start()] if cut else window
    if window[:1] in ("：", ":"):
        return _turn(folded, start, end)
    acts = [(window.find(a), a) for a in SPEECH_ACTS if a in window]
    silent = [window.find(p) for p in NOT_SPEAKING if p in window]
    if not acts:
        return None
    at, act = min(acts)
    if silent and min(silent) <= at:
        return None
    if window[at + len(act) : at + len(act) + 1] == "的":
        return None  # 某某调研时提出的要求: the act is referred to, not done here
    return start, end + at + len(act)


def _turn(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """An interview turn `姓名：` opens its line (after a title or a 【答】 mark at most); a
    name after a comma is the last of a list, such as a notice's addressees
    (`各乡镇人民政府，各有关单位：`)."""
    line = folded[folded.rfind("\n", 0, start) + 1 : start]
    return None if any(mark in line for mark in _LIST_MARKS) else (start, end + 1)


def _interviewed(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The `——访某某` line of an interview: from 访 to the name."""
    line_start = folded.rfind("\n", 0, start) + 1
    before = folded[max(line_start, start - 30) : start]
    at = before.rfind("访")
    return (start - len(before) + at, end) if at >= 0 else None


def _key(name: str) -> str:
    return "".join(fold(name).split())


def not_known(found: Iterable[Speaker], known: Iterable[str]) -> list[Speaker]:
    """The speakers of `found` whose names are not among the `known` names (width, script,
    spaces ignored)."""
    names = {_key(name) for name in known}
    return [s for s in found if _key(s.name) not in names]


def with_proposals(
    candidates: Candidates, known: Iterable[str], *proposed: Grounded
) -> Grounded:
    """The chunk's offline items, all of them, with the grounded proposals they lack.

    A proposed speaker is added when neither a candidate nor `known` (the names found
    before this chunk) has the name; a project when it names nothing found already (or
    holds a candidate under a fuller name).
    """
    found = candidates.kept()
    for part in proposed:
        names = [*known, *(s.name for s in found.speakers)]
        found.speakers += not_known(part.speakers, names)
        found.projects = merged_projects(found.projects, part.projects)
        found.dropped += part.dropped
        found.notes += part.notes
    return found


def merged_projects(candidates: list[Project], proposed: list[Project]) -> list[Project]:
    """The candidates, plus each proposal that overlaps none of them; a proposal whose span
    holds a candidate's and is longer (the fuller name) takes its place and its status."""
    projects = list(candidates)
    for project in proposed:
        overlapping = [c for c in projects if _overlap(c, project)]
        if not overlapping:
            if not any(_same_thing(c, project) for c in projects):
                projects.append(project)
        elif all(_fuller(project, c) for c in overlapping):
            status = overlapping[0].status
            projects = [c for c in projects if c not in overlapping]
            projects.append(project.model_copy(update={"status": status}))
    return projects


def _same_thing(a: Project, b: Project) -> bool:
    """One name holds the other (城乡供水一体化工程, 襄州区城乡供水一体化工程): the same
    project named again elsewhere."""
    first, second = _key(a.name), _key(b.name)
    return first in second or second in first


def _overlap(a: Project, b: Project) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def _fuller(project: Project, than: Project) -> bool:
    outer, inner = project.evidence, than.evidence
    holds = outer.start <= inner.start and inner.end <= outer.end
    return holds and len(project.name) > len(than.name)
