"""The metric cue tables (data/metric_cues.toml), loaded once and compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from summarizer.rules._tables import alternation, table

_ARABIC = r"(?<![A-Za-z0-9.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z])"
_CHINESE = r"[零〇两一二三四五六七八九十百千]+"
_ORDINAL = r"\d+|[一二三四五六七八九十]+"


class Words:
    """A list of cue words with one compiled pattern, so a search is one regex scan."""

    def __init__(self, words: list[str]) -> None:
        self.words = tuple(sorted(set(words), key=len, reverse=True))
        self._any = re.compile(alternation(words))

    def found(self, text: str) -> bool:
        """Whether any of the words occurs in text."""
        return self._any.search(text) is not None

    def blank(self, text: str) -> str:
        """The text with every occurrence of the words masked, offsets kept."""
        return self._any.sub(lambda m: "□" * len(m.group()), text)

    def positions(self, text: str) -> list[re.Match[str]]:
        """Every occurrence, left to right."""
        return list(self._any.finditer(text))

    def __add__(self, other: Words) -> Words:
        return Words(list(self.words + other.words))


@dataclass(frozen=True)
class MetricCues:
    """Word lists and compiled patterns for finding and classifying figures."""

    number_re: re.Pattern[str]
    rank_re: re.Pattern[str]
    period_re: re.Pattern[str]
    money_units: frozenset[str]
    fraction_units: frozenset[str]
    physical_units: frozenset[str]
    count_units: frozenset[str]
    multipliers: tuple[str, ...]
    abstract_units: frozenset[str]
    rate_prefixes: tuple[str, ...]
    approximate_after: tuple[str, ...]
    target: Words
    target_clause: Words
    target_false_friends: Words
    future: Words
    change: Words
    level_after_change: tuple[str, ...]
    decline: Words
    ratio: Words
    gap: Words
    period_bases: Words
    unit_bases: Words
    lower: Words
    change_false_friends: Words
    actual_markers: Words
    past_periods: tuple[str, ...]
    done_markers: Words
    leading: re.Pattern[str]
    trailing: re.Pattern[str]
    inherit_when: frozenset[str]
    group_markers: tuple[str, ...]
    distributive: tuple[str, ...]
    max_indicator_chars: int
    period_not_followed_by: tuple[str, ...]
    period_not_preceded_by: tuple[str, ...]
    narrow_period: re.Pattern[str]
    period_openers: frozenset[str]
    event_nouns: Words
    name_stops: str
    stated_total: str
    this_event: Words
    project_heads: tuple[str, ...]
    project_classes: tuple[str, ...]
    spec_prefixes: Words
    spec_false_friends: Words
    spec_heads: tuple[str, ...]
    spec_units: frozenset[str]
    unit_followers: tuple[str, ...]
    meeting_cues: Words
    vague_prefixes: tuple[str, ...]
    threshold_after: tuple[str, ...]
    group_nouns: tuple[str, ...]
    scope_nouns: tuple[str, ...]
    decline_nouns: Words
    widening: Words
    threshold_before: tuple[str, ...]
    threshold_false_friends: tuple[str, ...]
    abstract_nouns: tuple[str, ...]
    concrete_nouns: tuple[str, ...]


def _number_pattern(units: dict[str, Any]) -> str:
    base = units["money"] + units["fraction"] + units["measure"] + units["count"]
    # A look-ahead on the first character lets the scan skip most positions quickly.
    return (
        r"(?=[\d零〇两一二三四五六七八九十百千])(?:"
        rf"(?P<pct>百分之(?P<pctnum>{_CHINESE}|\d+(?:\.\d+)?))"
        rf"|(?P<num>{_ARABIC}|{_CHINESE})"
        rf"(?P<mult>{alternation(units['multipliers'])})?"
        rf"(?:{alternation(units['approximate_inner'])})?"
        rf"(?P<unit>{alternation(base)})?)"
    )


def _rank_pattern(rank: dict[str, Any]) -> str:
    lead = alternation(rank["lead_verbs"])
    suffix = alternation(rank["ordinal_suffixes"])
    first = alternation(rank["first_place"])
    heads = re.escape("".join(sorted({w[0] for w in rank["lead_verbs"]} | {"第"})))
    return (
        rf"(?=[{heads}])(?:"  # skip positions no alternative can start at
        rf"(?:(?:{lead})[^，。；,;\d第]{{0,12}}?第(?P<lnum>{_ORDINAL})(?:{suffix})?)"
        rf"|(?:第(?P<snum>{_ORDINAL})(?:{suffix}))"
        rf"|(?:(?:{lead})[^，。；,;\d第]{{0,12}}?(?P<first>{first})))"
    )


def _period_pattern(patterns: list[str]) -> str:
    # A look-ahead on the first character lets the scan skip most positions quickly.
    return (
        "(?=[\\d〇零一二三四五六七八九十今去上前下全第近“截到明年每])(?:"
        + "|".join(f"(?:{p})" for p in patterns)
        + ")"
    )


@cache
def load_metric_cues() -> MetricCues:
    """The cue tables, read from the package data once per process."""
    data = table("metric_cues")
    units, kind, ind = data["units"], data["kind"], data["indicator"]
    excl, period = data["exclusions"], data["period"]
    return MetricCues(
        number_re=re.compile(_number_pattern(units)),
        rank_re=re.compile(_rank_pattern(data["rank"])),
        period_re=re.compile(_period_pattern(period["patterns"])),
        money_units=frozenset(units["money"]),
        fraction_units=frozenset(units["fraction"]),
        physical_units=frozenset(units["measure"]),
        count_units=frozenset(units["count"]),
        multipliers=tuple(units["multipliers"]),
        abstract_units=frozenset(units["abstract_count"]),
        rate_prefixes=tuple(units["rate_prefixes"]),
        approximate_after=tuple(sorted(units["approximate_after"], key=len, reverse=True)),
        target=Words(kind["target"]),
        target_clause=Words(kind["target_clause"]),
        target_false_friends=Words(kind["target_false_friends"]),
        future=Words(kind["future"]),
        change=Words(kind["change"]),
        level_after_change=tuple(kind["level_after_change"]),
        decline=Words(kind["decline"]),
        ratio=Words(kind["ratio"]),
        gap=Words(kind["gap"]),
        period_bases=Words(kind["period_bases"]),
        unit_bases=Words(kind["unit_bases"]),
        lower=Words(kind["lower"]),
        change_false_friends=Words(kind["change_false_friends"]),
        actual_markers=Words(kind["actual_markers"]),
        past_periods=tuple(kind["past_periods"]),
        done_markers=Words(kind["done_markers"]),
        leading=re.compile(rf"^(?:{alternation(ind['leading'])})"),
        trailing=re.compile(rf"(?:{alternation(ind['trailing'])})$"),
        inherit_when=frozenset(ind["inherit_when"]),
        group_markers=tuple(ind["group_markers"]),
        distributive=tuple(ind["distributive"]),
        max_indicator_chars=int(ind["max_chars"]),
        period_not_followed_by=tuple(period["not_followed_by"]),
        period_not_preceded_by=tuple(period["not_preceded_by"]),
        narrow_period=re.compile(period["narrow"]),
        period_openers=frozenset(period["openers"]),
        event_nouns=Words(period["event_nouns"]),
        name_stops=period["name_stops"],
        stated_total=period["stated_total"],
        this_event=Words(period["this_event"]),
        project_heads=tuple(period["project_heads"]),
        project_classes=tuple(period["project_classes"]),
        spec_prefixes=Words(excl["spec_prefixes"]),
        spec_false_friends=Words(excl["spec_false_friends"]),
        spec_heads=tuple(excl["spec_heads"]),
        spec_units=frozenset(excl["spec_units"]),
        unit_followers=tuple(excl["unit_followers"]),
        meeting_cues=Words(excl["meeting_cues"] + excl["page_cues"]),
        vague_prefixes=tuple(excl["vague_prefixes"]),
        threshold_after=tuple(excl["threshold_after"]),
        group_nouns=tuple(excl["group_nouns"]),
        scope_nouns=tuple(excl["scope_nouns"]),
        decline_nouns=Words(kind["decline_nouns"]),
        widening=Words(kind["widening"]),
        threshold_before=tuple(excl["threshold_before"]),
        threshold_false_friends=tuple(excl["threshold_false_friends"]),
        abstract_nouns=tuple(excl["abstract_nouns"]),
        concrete_nouns=tuple(excl["concrete_nouns"]),
    )
