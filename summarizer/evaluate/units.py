"""Compare metric values across scale prefixes: 3.023 亿元 equals 30230 万元.

A small, scorer-only rule: a leading Chinese scale prefix (万亿, 千万, 百万, 亿,
万, 千) on any unit is multiplied into the value. Nothing else is converted:
% and 个百分点 stay different units, as do 米 and 公里.
"""

from __future__ import annotations

import math

from summarizer.evaluate._fold import fold

# Longest prefixes first, so 万亿 is not read as 万 + 亿.
_SCALES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
)


def scaled(value: float, unit: str) -> tuple[float, str]:
    """The value in the unit stripped of its scale prefixes, and that base unit."""
    base = "".join(fold(unit).split())
    while True:
        prefix = next((p for p in _SCALES if base.startswith(p[0])), None)
        if prefix is None:
            return value, base
        value, base = value * prefix[1], base[len(prefix[0]) :]


def same_quantity(value_a: float, unit_a: str, value_b: float, unit_b: str) -> bool:
    """True when both values are equal in the same base unit (to float precision)."""
    a, base_a = scaled(value_a, unit_a)
    b, base_b = scaled(value_b, unit_b)
    return base_a == base_b and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
