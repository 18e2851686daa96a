"""Bar charts of the region comparison, drawn by matplotlib: SVG for HTML, PNG for Word.

The SVG keeps its text as text (svg.fonttype none), so the browser sets the Chinese labels
with the page's fonts and the file does not depend on the fonts of the machine that drew
it. The PNG is drawn with Noto Sans SC (SIL OFL 1.1), which the `pylopdf-fonts-zh-cn`
package ships and matplotlib loads by path: Chinese labels on any machine, no system font
needed, and the same picture everywhere.
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
_WIDTH, _ROW, _PAD, _PAD_NO_AXIS = 4.6, 0.34, 0.55, 0.17  # inches
_LABELS, _VALUES = 0.27 * _WIDTH, 0.14 * _WIDTH  # inches for the region names, the values


PACKAGED_FONT = "Noto Sans SC"


@cache
def packaged_font() -> str:
    """Register the packaged Noto Sans SC with matplotlib; its family name."""
    from matplotlib import font_manager
    from pylopdf_fonts_zh_cn import sans_path

    font_manager.fontManager.addfont(str(sans_path()))
    return font_manager.FontProperties(fname=str(sans_path())).get_name()


def chart_svg(comparison: Comparison) -> str:
    """The comparison as an inline SVG element (no XML prologue)."""
    buffer = io.StringIO()
    with _style(svg=True):
        _figure(comparison, [r.region for r in comparison.rows]).savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": None}
        )
    text = buffer.getvalue()
    return _METADATA.sub("", text[text.index("<svg") :])


def chart_png(comparison: Comparison, width: float = _WIDTH) -> bytes:
    """The comparison as a PNG at 200 dpi, `width` inches wide, labels in Noto Sans SC.

    Without the value axis: every bar carries its value, and a page has no room to spare.
    """
    buffer = io.BytesIO()
    with _style(svg=False):
        figure = _figure(comparison, [r.region for r in comparison.rows], width, axis=False)
        figure.savefig(buffer, format="png", dpi=200, metadata={"Software": None})
    return buffer.getvalue()


@contextmanager
def _style(*, svg: bool) -> Iterator[None]:
    import matplotlib

    fonts = CJK_FONTS if svg else [packaged_font(), *CJK_FONTS]
    settings: dict[str, Any] = {
        "font.family": "sans-serif",
        "font.sans-serif": [*fonts, "DejaVu Sans"],
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
            warnings.simplefilter("ignore")  # the SVG names fonts it does not need here
            yield
    finally:
        quiet.setLevel(level)


def _figure(comparison: Comparison, labels: list[str], width: float = _WIDTH, axis: bool = True):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    rows = comparison.rows
    height = (_PAD if axis else _PAD_NO_AXIS) + _ROW * len(rows)
    figure = Figure(figsize=(width, height))
    left, right = _LABELS / width, 1 - _VALUES / width
    bottom = (0.3 if axis else 0.05) / height
    figure.subplots_adjust(left=left, right=right, top=1 - 0.12 / height, bottom=bottom)
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
    axes.xaxis.set_visible(axis)
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
