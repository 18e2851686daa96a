"""Entity keys that follow projects, indicators and people across documents and weeks.

Names are compared in a normalized view (full width and traditional script folded,
spaces, quotes and punctuation dropped). A key adds what keeps namesakes apart: the
region for projects, region and period for indicators, the organization's place for
people (the last place named in the title, else the article's region).
"""

from __future__ import annotations

import re
from datetime import date

from summarizer.text.fold import fold

_DROP = re.compile(
    r"[\s\u3000「」『』“”\"'‘’《》〈〉()（）\[\]【】、，,。.·・:：;；!！?？—–_/\\-]+"
)
_PROJECT_SUFFIX = "项目"
_INDICATOR_PREFIX = re.compile(r"^全(?:省|市|县|区|旗|镇)")
# a growth rate and its level are one indicator; the unit (% or 亿元) keeps their figures apart
_INDICATOR_SUFFIX = re.compile(r"(?:同比)?(?:增速|增幅|增长率|增长)$")
_PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|旗)$")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:省|市|区|县|旗|街道|镇|乡)")
_GENERIC_PLACES = frozenset(
    {"自治区", "开发区", "高新区", "经开区", "新区", "园区", "城区", "辖区"}
)
_YEAR = re.compile(r"(20\d{2})年?")
_QUARTER_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"前三季度"), "Q1-Q3"),
    (re.compile(r"第?([一二三四1-4])季度"), "Q{0}"),
    (re.compile(r"(\d{1,2})[-~～至到](\d{1,2})月"), "M{0:0>2}-M{1:0>2}"),
    (re.compile(r"(\d{1,2})月"), "M{0:0>2}"),
    (re.compile(r"全年|年度|今年|本年"), "Y"),
)
SEPARATOR = "@"


def normalize(text: str | None) -> str:
    """The matching form of a name: folded, without spaces, quotes or punctuation."""
    return _DROP.sub("", fold(text or "")).lower()


def project_entity(name: str) -> str:
    """A project's normalized name; a trailing 项目 is dropped (X项目 and X are one project)."""
    entity = normalize(name)
    if entity.endswith(_PROJECT_SUFFIX) and len(entity) > len(_PROJECT_SUFFIX) + 2:
        entity = entity[: -len(_PROJECT_SUFFIX)]
    return entity


def project_key(name: str, region: str | None) -> str:
    """Normalized name + region."""
    return join(project_entity(name), normalize(region))


def indicator_entity(indicator: str, region: str | None = None) -> str:
    """An indicator's normalized key: 全县/the region's name in front and 增速 behind dropped."""
    entity = _INDICATOR_PREFIX.sub("", normalize(indicator))
    place = normalize(region)
    for prefix in (place, _PLACE_SUFFIX.sub("", place)):
        if len(prefix) >= 2 and entity.startswith(prefix) and len(entity) > len(prefix) + 1:
            entity = entity[len(prefix) :]
            break
    shorter = _INDICATOR_SUFFIX.sub("", entity)
    return shorter if len(shorter) >= 2 else entity


def indicator_key(indicator: str, region: str | None, period: str | None, day: date | None) -> str:
    """Normalized indicator + region + period (with the year it belongs to)."""
    return join(indicator_entity(indicator, region), normalize(region), period_key(period, day))


def period_key(period: str | None, day: date | None) -> str:
    """2023-H1, 2023-Q1-Q3, 2023-M01-M10, 2023-Y …; the year comes from the text, else the day."""
    text = re.sub(r"\s+", "", fold(period or ""))
    if not text:
        return ""
    found = _YEAR.search(text)
    year = found[1] if found else (str(day.year) if day else "?")
    rest = _YEAR.sub("", text)
    if not rest:
        return f"{year}-Y"
    for pattern, shape in _PERIOD_PATTERNS:
        match = pattern.search(rest)
        if match:
            parts = [_QUARTER_DIGITS.get(g, g) for g in match.groups()]
            return f"{year}-{shape.format(*parts)}"
    return f"{year}-{normalize(rest)}"


def period_year(key: str) -> str:
    """The year part of a period key ('' when the key has none)."""
    return key.split("-", 1)[0] if key else ""


def person_entity(name: str) -> str:
    """A person's normalized name."""
    return normalize(name)


def person_key(name: str, title: str | None, region: str | None) -> str:
    """Name + the place of the organization (from the title, else the article's region)."""
    return join(person_entity(name), normalize(organization_place(title) or region))


def organization_place(title: str | None) -> str | None:
    """The last specific place a title names: 宿迁市委常委、泗洪县委书记 → 泗洪县."""
    places = [p for p in _PLACE.findall(fold(title or "")) if p not in _GENERIC_PLACES]
    return places[-1] if places else None


def join(*parts: str) -> str:
    return SEPARATOR.join(parts)


def split(key: str) -> list[str]:
    return key.split(SEPARATOR)
