"""Figures in a text: a number with its unit, or a rank, before any reading of context.

Lexical exclusions live here (ordinals, vague amounts, grades and dates, project
specifications, counts of tasks); those that need the clause live in metrics.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.metric_cues import MetricCues
from summarizer.text.numbers import parse_number

_CN_DIGITS = set("零〇两一二三四五六七八九十")
_NOUN_STOP = re.compile(r"[,;:。!?、()“”\"'《》\s*\d]|[的开进获实完均已正将于被在为是和及与等]")
_PUNCT = re.compile(r"[,;:。!?、()\s]")
_RATE_UNITS = {"时速": "小时"}


@dataclass(frozen=True)
class Candidate:
    """A figure at [start, end) of the text: its value and unit as written."""

    start: int
    end: int
    value: float
    unit: str
    base_unit: str
    rank: bool = False
    chinese: bool = False


def find_candidates(text: str, cues: MetricCues) -> list[Candidate]:
    """Every figure of the text in reading order, after the lexical exclusions."""
    ranks = [c for c in (_rank(m) for m in cues.rank_re.finditer(text)) if c]
    taken = [(c.start, c.end) for c in ranks]
    numbers = []
    for match in cues.number_re.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        candidate = _number(text, match, cues)
        if candidate and not _excluded(text, candidate, cues):
            numbers.append(candidate)
    return sorted(ranks + numbers, key=lambda c: c.start)


def noun_after(text: str, end: int, limit: int = 10) -> str:
    """The noun right after a figure (40多个项目开工 → 项目), empty if punctuation follows."""
    stop = _NOUN_STOP.search(text, end, min(len(text), end + limit))
    return text[end : stop.start() if stop else min(len(text), end + limit)]


def _rank(match: re.Match[str]) -> Candidate | None:
    written = match.group("lnum") or match.group("snum")
    value = 1.0 if match.group("first") else parse_number(written or "")
    if value is None:
        return None
    start = match.start("first") if match.group("first") else match.group().rfind("第")
    if not match.group("first"):
        start += match.start()
    return Candidate(start, match.end(), value, "位", "位", rank=True)


def _number(text: str, match: re.Match[str], cues: MetricCues) -> Candidate | None:
    if match.group("pct"):
        value = parse_number(match.group("pctnum"))
        return None if value is None else Candidate(match.start(), match.end(), value, "%", "%")
    written, mult, unit = match.group("num"), match.group("mult") or "", match.group("unit")
    chinese = written[0] in _CN_DIGITS or written[0] in "百千"
    if unit is None and not _bare_multiplier_ok(text, match.end(), mult, cues):
        return None
    if chinese and not _plausible_chinese(written):
        return None
    value = parse_number(written)
    if value is None:
        return None
    base = unit or ""
    end = _skip_approximation(text, match.end(), cues)
    full_unit = _with_rate(text, match.start(), mult + base, cues)
    return Candidate(match.start(), end, value, full_unit, base, chinese=chinese)


def _bare_multiplier_ok(text: str, end: int, mult: str, cues: MetricCues) -> bool:
    """ "120万" alone is a figure when no word continues it (万山 is a name)."""
    if not mult:
        return False
    after = text[end : end + 2]
    return not after or after.startswith(cues.approximate_after) or not _is_cjk(after[0])


def _plausible_chinese(written: str) -> bool:
    """Chinese numerals need a digit (千亿级 is not a figure) and more than one (一批, 一个)."""
    if not any(ch in _CN_DIGITS for ch in written):
        return False
    return written != "一"


def _skip_approximation(text: str, end: int, cues: MetricCues) -> int:
    for word in cues.approximate_after:
        if text.startswith(word, end):
            return end + len(word)
    return end


def _with_rate(text: str, start: int, unit: str, cues: MetricCues) -> str:
    """每小时350公里 → 公里/小时."""
    for prefix in cues.rate_prefixes:
        if text.endswith(prefix, max(0, start - len(prefix)), start):
            per = _RATE_UNITS.get(prefix, prefix.removeprefix("每"))
            return f"{unit}/{per}"
    return unit


def _excluded(text: str, c: Candidate, cues: MetricCues) -> bool:
    before = text[max(0, c.start - 4) : c.start]
    if before.endswith("第") or (c.chinese and before.endswith(cues.vague_prefixes)):
        return True  # 第一产业 is an ordinal, 数十家 is vague
    if text.startswith(cues.unit_followers, c.end) or text.startswith("×", c.end):
        return True  # 10万吨级, 3个月, 2×100万千瓦
    if cues.spec_prefixes.found(cues.spec_false_friends.blank(before)):
        return True  # 年产50万吨 (but 年产值15亿元 is an amount)
    if text.endswith("×", 0, c.start):
        return True  # 2×100万千瓦
    if _is_threshold(text, c, cues):
        return True  # 10亿元以上项目23个, 2000万元及以上的单位, 营收过50亿元的企业: a class
    if c.chinese and text[c.start : c.end].startswith(("零", "〇")):
        return True  # 零部件: no figure
    if c.base_unit in cues.spec_units and _names_project(text, c.end, cues):
        return True  # 10万吨再生铝项目
    if text.startswith(cues.scope_nouns, c.end):
        return True  # 全市4个县(市)地区生产总值…: the scope of another figure
    if c.base_unit in cues.abstract_units:
        return _abstract_count(text, c, cues)
    if c.chinese and c.base_unit in cues.count_units:
        return _names_group(text, c, cues)  # 县四家班子: a numbered name
    return False


def _is_threshold(text: str, c: Candidate, cues: MetricCues) -> bool:
    """A figure that bounds a class of things rather than measuring one: 10亿元以上项目,
    2000万元及以上的工业法人单位, 营业收入过50亿元的链主企业. A share with 以上 bounds a
    class only before 的 (60%以上用于产业项目 is an amount)."""
    end = c.end
    after = text[end : end + 4]
    if after.startswith(cues.threshold_after):
        return True  # 及以上, 及以下, 以上的, 以下的
    if text.endswith(cues.threshold_before, 0, c.start) and after.startswith("的"):
        return not text.startswith(cues.threshold_false_friends, end + 1)  # 过50亿元的企业
    if not text.endswith("以上", 0, end) or end >= len(text) or not _is_cjk(text[end]):
        return False
    return c.base_unit not in cues.fraction_units or text.startswith("的", end)


def _names_project(text: str, end: int, cues: MetricCues) -> bool:
    """A quantity glued to a noun that runs on into 项目/工程 is part of a project's name."""
    if end >= len(text) or not _is_cjk(text[end]):
        return False
    sentence_end = min((i for i in (text.find(ch, end) for ch in "。;!?") if i >= 0), default=-1)
    window = text[end : sentence_end if sentence_end >= 0 else len(text)]
    return any(head in window for head in cues.spec_heads)


def _abstract_count(text: str, c: Candidate, cues: MetricCues) -> bool:
    """四项工作, 三个重点, 6个传统装备领域: counts of tasks or groupings, not metrics."""
    noun = noun_after(text, c.end, limit=12)
    if any(word in noun for word in cues.concrete_nouns):
        return False
    if c.chinese:
        return True
    if noun:
        window = _PUNCT.split(text[c.end : c.end + 12], maxsplit=1)[0]
        return any(word in window for word in cues.abstract_nouns)
    head = text[max(0, c.start - 4) : c.start]
    return any(head.endswith(word) for word in cues.abstract_nouns)


def _names_group(text: str, c: Candidate, cues: MetricCues) -> bool:
    noun = noun_after(text, c.end, limit=6)
    return any(noun.startswith(word) for word in cues.group_nouns)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
