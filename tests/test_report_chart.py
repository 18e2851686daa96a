"""The Word chart's Chinese labels need no system font: the packaged Noto Sans SC draws them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

# A fresh interpreter in which matplotlib knows no CJK font of the system; warnings are
# errors while the chart is drawn, so a label drawn as empty boxes fails the run.
FRESH_MACHINE = """
import io, warnings
from matplotlib import font_manager
font_manager.fontManager.ttflist = [
    f for f in font_manager.fontManager.ttflist
    if not any(m in f.name for m in ("CJK", " SC", "Hei", "Han", "Ming", "Song", "Kai"))
]
from summarizer.report import chart
from tests.test_report import sample_briefing
from summarizer.report.model import ComparisonSection

section = next(s for s in sample_briefing().sections if isinstance(s, ComparisonSection))
comparison = section.comparisons[0]
with chart._style(svg=False):
    warnings.simplefilter("error")
    figure = chart._figure(comparison, [r.region for r in comparison.rows], 3.05, axis=False)
    figure.savefig(io.BytesIO(), format="png")
print(chart.packaged_font(), "|".join(r.region for r in comparison.rows))
"""


def test_word_chart_labels_are_chinese_without_a_system_cjk_font() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRESH_MACHINE], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Noto", "Sans", "SC", "郑州高新区|管城区"]


def test_without_the_packaged_font_the_same_check_fails() -> None:
    """The check above can fail: with no font for Chinese, drawing the labels warns."""
    broken = FRESH_MACHINE.replace("from summarizer.report import chart", (
        "from summarizer.report import chart\nchart.packaged_font = lambda: 'DejaVu Sans'"
    ))  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", broken], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode != 0 and "missing from font" in done.stderr
