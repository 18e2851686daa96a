"""Which place an article is about, and whether it reports a meeting (for the briefing)."""

from __future__ import annotations

import re
from collections import Counter

_PLACE_END = re.compile(r"(?<=[\u4e00-\u9fff])(?:省|市|区|县|旗)")
_GENERIC_START = frozenset("全该本我各辖城园社小一两这那其每市区县省")
_NOT_IN_NAME = frozenset("的在和与对为了会暨届次是将由把被从到向以及等")
_MEETING = re.compile(r"会议|推进会|大会|全会|座谈会|调度会|部署会|工作会|常务会|召开")
_MAX_PLACE = 7
_GENERIC_END = (
    "城市",
    "都市",
    "地区",
    "社区",
    "园区",
    "片区",
    "城区",
    "街区",
    "小区",
    "景区",
    "辖区",
    "市区",
    "分区",
    "功能区",
    "示范区",
)


def region_of(text: str) -> str | None:
    """The most mentioned place name (…省/市/区/县), preferring the longest equally frequent."""
    counts: Counter[str] = Counter()
    for match in _PLACE_END.finditer(text):
        end = match.end()
        for length in range(3, _MAX_PLACE + 1):
            name = text[max(0, end - length) : end]
            if len(name) < length or not _plausible(name):
                continue
            counts[name] += 1
    if not counts:
        return None
    top = max(counts.values())
    frequent = [n for n, c in counts.items() if c * 5 >= top * 3]
    return max(frequent, key=lambda n: (len(n), counts[n], -text.find(n)))


def is_meeting(title: str | None, text: str) -> bool:
    """True when the headline or the lead reports a meeting."""
    return bool(_MEETING.search(title or "") or _MEETING.search(text[:160]))


def _plausible(name: str) -> bool:
    return (
        name[0] not in _GENERIC_START
        and not name.endswith(_GENERIC_END)
        and not _NOT_IN_NAME.intersection(name)
        and all("\u4e00" <= ch <= "\u9fff" for ch in name)
    )
