"""Bar charts of the region comparison, drawn by matplotlib: SVG for HTML, PNG for Word.

The SVG keeps its text as text (svg.fonttype none), so the browser sets the Chinese labels
with the page's fonts and the file does not depend on the fonts of the machine that drew
it. The PNG needs a CJK font on this machine; without one its bars are labelled with the
source keys (S1, S2), which the table beside it resolves.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from summarizer.report.compare import amount_label
from summarizer.report.model import Comparison

CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei"]  # fmt: skip
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_ACCENT, _NEGATIVE, _INK, _RULE = "#9b2226", "#5c6f82", "#1d2430", "#d9dee7"
_WIDTH, _ROW, _PAD = 4.6, 0.34, 0.55


@cache
def has_cjk_font() -> bool:
    """True when matplotlib can find one of the CJK fonts."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return any(name in names for name in CJK_FONTS)


def chart_svg(comparison: Comparison) -> str:
    """The comparison as an inline SVG element (no XML prologue)."""
    buffer = io.StringIO()
    with _style(svg=True):
        _figure(comparison, [r.region for r in comparison.rows]).savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": None}
        )
    text = buffer.getvalue()
    return _METADATA.sub("", text[text.index("<svg") :])


def chart_png(comparison: Comparison, keys: list[str] | None = None) -> bytes:
    """The comparison as a PNG at 200 dpi; `keys` label the bars when no CJK font exists."""
    labels = [r.region for r in comparison.rows]
    if not has_cjk_font():
        labels = keys or [r.cite.key for r in comparison.rows]
    buffer = io.BytesIO()
    with _style(svg=False):
        _figure(comparison, labels).savefig(
            buffer, format="png", dpi=200, metadata={"Software": None}
        )
    return buffer.getvalue()


@contextmanager
def _style(*, svg: bool) -> Iterator[None]:
    import matplotlib

    settings: dict[str, Any] = {
        "font.family": "sans-serif",
        "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"],
        "font.size": 9,
        "svg.fonttype": "none",
        "svg.hashsalt": "summarizer",
        "axes.unicode_minus": False,
    }
    quiet = logging.getLogger("matplotlib.font_manager")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "findfont: … not found" is expected on most machines
    try:
        with matplotlib.rc_context(settings), warnings.catch_warnings():  # type: ignore[arg-type]
            warnings.simplefilter("ignore")  # a missing glyph is handled by the labels
            yield
    finally:
        quiet.setLevel(level)


def _figure(comparison: Comparison, labels: list[str]):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    rows = comparison.rows
    height = _PAD + _ROW * len(rows)
    figure = Figure(figsize=(_WIDTH, height))
    figure.subplots_adjust(left=0.27, right=0.86, top=1 - 0.12 / height, bottom=0.3 / height)
    axes = figure.add_subplot()
    positions = list(range(len(rows)))[::-1]
    colors = [_ACCENT if r.amount >= 0 else _NEGATIVE for r in rows]
    axes.barh(positions, [r.amount for r in rows], color=colors, height=0.62)
    axes.set_yticks(positions, labels)
    for position, row in zip(positions, rows, strict=True):
        label = amount_label(row.amount, comparison.unit)
        axes.annotate(label, (max(row.amount, 0), position), xytext=(3, 0),
                      textcoords="offset points", va="center", color=_INK)  # fmt: skip
    _tidy(axes, rows)
    return figure


def _tidy(axes, rows) -> None:  # type: ignore[no-untyped-def]
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(_RULE)
    axes.tick_params(axis="y", length=0, colors=_INK)
    axes.tick_params(axis="x", colors="#5b6575", labelsize=8)
    low = min(0.0, *(r.amount for r in rows))
    high = max(0.0, *(r.amount for r in rows))
    axes.set_xlim(low * 1.15, high * 1.18 if high > 0 else 1)
    axes.axvline(0, color=_RULE, linewidth=0.8)
