"""The cue-word tables of the prepare stage, loaded once from data/furniture.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer.text.tables import alternation, load_table


@dataclass(frozen=True)
class Cues:
    """Cue words (folded form) and the few patterns built from them."""

    furniture_prefixes: tuple[str, ...]
    furniture_exact: frozenset[str]
    furniture_contains: tuple[str, ...]
    teaser_prefixes: tuple[str, ...]
    ellipses: tuple[str, ...]
    tail_prefixes: tuple[str, ...]
    nav_words: frozenset[str]
    breadcrumb_separators: str
    breadcrumb_starts: tuple[str, ...]
    table_header_starts: tuple[str, ...]
    menu_pipes: int
    photo_note_words: tuple[str, ...]
    byline_roles: tuple[str, ...]
    interview_dashes: tuple[str, ...]
    interview_words: tuple[str, ...]
    reporter_openers: tuple[str, ...]
    sentence_end: str
    sentence_inner: str
    closers: str
    bullets: str
    lead: re.Pattern[str]
    caption_credit: re.Pattern[str]
    speech_clause: re.Pattern[str]
    meta_line: re.Pattern[str]
    page_number: re.Pattern[str]
    item_marker: re.Pattern[str]
    dated_opening: re.Pattern[str]



def _lead_pattern(table: dict[str, list[str]]) -> re.Pattern[str]:
    markers = alternation(table["markers"])
    dispatch = alternation(table["dispatch_marks"])
    return re.compile(
        rf"^.{{0,16}}?(?:{markers})(?=[(\[【】\s:,·0-9]|$)"
        rf"|^.{{0,20}}?\d{{1,2}}月\d{{1,2}}(?:{dispatch})"
    )


def _caption_pattern(table: dict[str, list[str]]) -> re.Pattern[str]:
    roles = alternation(table["credit_roles"])
    marks = alternation(table["credit_marks"])
    name = r"[\u4e00-\u9fff·]{2,5}"
    credit = rf"(?:{roles})\s*:?\s*{name}(?:[\s、,]+(?:(?:{roles})\s*)?{name})*"
    return re.compile(rf"(?:^|[\s。!?)(]){credit}\s*(?:{marks})\)?$")


def _meta_pattern(fields: list[str]) -> re.Pattern[str]:
    stamp = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    return re.compile(rf"^{stamp}[\s\d:时分秒]*(?:$|{alternation(fields)})")


def _speech_pattern(verbs: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(verbs)})[,:]")


@cache
def cues() -> Cues:
    """The cue tables, parsed on first use."""
    data = load_table("summarizer.text", "furniture")
    furniture, nav, punct = data["furniture"], data["nav"], data["punctuation"]
    return Cues(
        furniture_prefixes=tuple(furniture["prefixes"]),
        furniture_exact=frozenset(furniture["exact"]),
        furniture_contains=tuple(furniture["contains"]),
        teaser_prefixes=tuple(furniture["teaser_prefixes"]),
        ellipses=tuple(furniture["ellipses"]),
        tail_prefixes=tuple(data["tail"]["prefixes"]),
        nav_words=frozenset(nav["words"]),
        breadcrumb_separators="".join(nav["breadcrumb_separators"]),
        breadcrumb_starts=tuple(nav["breadcrumb_starts"]),
        table_header_starts=tuple(nav["table_header_starts"]),
        menu_pipes=int(nav["menu_pipes"]),
        photo_note_words=tuple(data["photo"]["note_words"]),
        byline_roles=tuple(data["byline"]["roles"]),
        interview_dashes=tuple(data["interview"]["dashes"]),
        interview_words=tuple(data["interview"]["words"]),
        reporter_openers=tuple(data["lead"]["reporter_openers"]),
        sentence_end=punct["sentence_end"],
        sentence_inner=punct["sentence_inner"],
        closers=punct["closers"],
        bullets=punct["bullets"],
        lead=_lead_pattern(data["lead"]),
        caption_credit=_caption_pattern(data["photo"]),
        speech_clause=_speech_pattern(data["speech"]["verbs"]),
        meta_line=_meta_pattern(data["meta"]["fields"]),
        page_number=re.compile(data["layout"]["page_number"]),
        item_marker=re.compile(data["layout"]["item_marker"]),
        dated_opening=re.compile(data["lead"]["dated_opening"]),
    )
