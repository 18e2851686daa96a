"""Numerals and units: Arabic and Chinese numbers to values, units to base units.

Used by every backend and by the eval harness, so that `302.3亿元` and
`30230000000元` compare equal and `三个` reads as 3. Pure functions, no imports
from the rest of the package.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "CHINESE_DIGITS",
    "NUMBER_PATTERN",
    "NUMBER_RE",
    "parse_chinese",
    "parse_number",
    "scale_unit",
]

CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_ZEROS = "零〇○Ｏ"
_CN_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"

# An Arabic number optionally followed by 十/百/千/万/亿 multipliers ("1.6万", "3千万"),
# or a run of Chinese numeral characters ("三千五百万", "二〇二三").
NUMBER_PATTERN = rf"(?:{_ARABIC}[十百千万亿]*|[{_CN_CHARS}]+)"
NUMBER_RE = re.compile(NUMBER_PATTERN)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_TOKEN_RE = re.compile(rf"{_ARABIC}|[{_CN_CHARS}]")
_MEASURE_SUFFIX = "个"  # "三个" reads as 3


def parse_number(text: str) -> float | None:
    """The value of a numeral as written: "302.3", "1,200", "1.6万", "三个", "二〇二三".

    Returns None when the text is not a numeral.
    """
    s = text.strip().translate(_FULLWIDTH)
    if s.endswith(_MEASURE_SUFFIX) and len(s) > 1:
        s = s[:-1]
    if not s:
        return None
    tokens = _TOKEN_RE.findall(s)
    if "".join(tokens) != s:
        return None
    return _evaluate(tokens)


def parse_chinese(text: str) -> float | None:
    """The value of a purely Chinese numeral ("十二", "三千五百万", "两", "二〇二三")."""
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    return _evaluate(list(text))


def _is_digit_run(tokens: list[str]) -> bool:
    """Chinese digits written one by one, as in years: 二〇二三."""
    return len(tokens) > 1 and all(t in CHINESE_DIGITS and t != "两" for t in tokens)


def _digit(token: str) -> Decimal | None:
    if token in CHINESE_DIGITS:
        return Decimal(CHINESE_DIGITS[token])
    if token[0].isdigit():
        try:
            return Decimal(token.replace(",", ""))
        except InvalidOperation:
            return None
    return None


def _evaluate(tokens: list[str]) -> float | None:
    if _is_digit_run(tokens):
        return float("".join(str(CHINESE_DIGITS[t]) for t in tokens))
    total = Decimal(0)  # everything above the current 万/亿 section
    section = Decimal(0)  # the current section, below 万
    current: Decimal | None = None  # a digit not yet multiplied
    last_unit = 0  # the last multiplier seen, for colloquial "两千三" (= 2300)
    after_zero = False
    for token in tokens:
        if token in _ZEROS and not (current is None and total == section == 0):
            after_zero, current = True, None
            continue
        value = _digit(token)
        if value is not None:
            if current is not None:
                return None  # two digits in a row outside a digit run: not a numeral
            current, after_zero = value, False
        elif token in SMALL_UNITS:
            section += (current if current is not None else Decimal(1)) * SMALL_UNITS[token]
            current, last_unit = None, SMALL_UNITS[token]
        else:
            total, section = _apply_big_unit(total, section, current, BIG_UNITS[token])
            current, last_unit = None, BIG_UNITS[token]
    if current is not None and last_unit >= 100 and not after_zero and _is_tail_digit(tokens):
        current *= Decimal(last_unit) / 10
    result = total + section + (current if current is not None else Decimal(0))
    return float(result)


def _is_tail_digit(tokens: list[str]) -> bool:
    """Whether the numeral ends in a lone Chinese digit right after a multiplier."""
    return len(tokens) >= 2 and tokens[-1] in CHINESE_DIGITS and tokens[-2] not in CHINESE_DIGITS


def _apply_big_unit(
    total: Decimal, section: Decimal, current: Decimal | None, unit: int
) -> tuple[Decimal, Decimal]:
    """Fold the pending section into the total at a 万 or 亿."""
    pending = section + (current if current is not None else Decimal(0))
    if unit > BIG_UNITS["万"] or pending == 0:
        # 亿 scales everything so far ("1万亿"); a bare 万 means 10,000
        base = total + pending
        return (base if base else Decimal(1)) * unit, Decimal(0)
    return total + pending * unit, Decimal(0)


# ---- units -----------------------------------------------------------------------------

_CURRENCIES: dict[str, str] = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR",
                               "港元": "HKD", "港币": "HKD", "日元": "JPY"}  # fmt: skip
_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    ("万亿", 10**12), ("千亿", 10**11), ("百亿", 10**10), ("亿", 10**8),
    ("千万", 10**7), ("百万", 10**6), ("万", 10**4),
)  # fmt: skip
_CURRENCY_ONLY_MULTIPLIERS: tuple[tuple[str, int], ...] = (("千", 1000), ("百", 100))
_FRACTIONS: dict[str, int] = {"%": 100, "％": 100, "个百分点": 100, "百分点": 100, "‰": 1000}


def scale_unit(value: float, unit: str) -> tuple[float, str]:
    """A value in base units: 亿元→CNY ×1e8, %→fraction, 个百分点→fraction, 万吨→吨 ×1e4.

    Units without a known multiplier or currency come back unchanged.
    """
    unit = unit.strip()
    if unit in _FRACTIONS:
        return _scaled(value, Decimal(1) / _FRACTIONS[unit]), "fraction"
    factor, base = _split_multiplier(unit)
    if base in _CURRENCIES:
        return _scaled(value, Decimal(factor)), _CURRENCIES[base]
    return _scaled(value, Decimal(factor)), base


def _split_multiplier(unit: str) -> tuple[int, str]:
    for prefix, factor in _MULTIPLIERS:
        if unit.startswith(prefix):
            return factor, unit[len(prefix) :]  # a bare 万 leaves no unit: "120万" is a count
    for prefix, factor in _CURRENCY_ONLY_MULTIPLIERS:
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in _CURRENCIES:
            return factor, rest
    return 1, unit


def _scaled(value: float, factor: Decimal) -> float:
    # Decimal keeps 302.3亿 at 30230000000.0 instead of 30230000000.000004
    return float(Decimal(repr(value)) * factor)
