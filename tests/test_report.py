"""Weekly briefing: grouping, merging, escaping, and golden files for each format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from docx import Document

from summarizer.errors import ConfigurationError
from summarizer.report.docx import write_docx
from summarizer.report.model import Briefing
from summarizer.report.render import render_html, render_markdown
from summarizer.report.weekly import UNDATED, build_briefing, period_of
from tests.report_samples import (
    HOSTILE,
    WHEN,
    hostile_brief,
    meeting_brief,
    other_zhang_brief,
    sample_failures,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def sample_briefing() -> Briefing:
    briefs = [meeting_brief(), other_zhang_brief(), hostile_brief()]
    return build_briefing(briefs, sample_failures(), generated_at=WHEN)


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, f"{name} changed: UPDATE_GOLDEN=1 to accept"


def test_markdown_matches_golden() -> None:
    assert_golden("briefing.md", render_markdown(sample_briefing()))


def test_html_matches_golden() -> None:
    assert_golden("briefing.html", render_html(sample_briefing()))


def docx_outline(path: Path) -> dict[str, object]:
    """What a reader sees in the .docx: headings, paragraphs, tables, footer fields."""
    doc = Document(str(path))
    footer_xml = doc.sections[0].footer._element.xml
    return {
        "headings": [
            p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))
        ],
        "paragraphs": [p.text for p in doc.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables],
        "page_fields": [f for f in ("PAGE", "NUMPAGES") if f in footer_xml],
    }


def test_docx_reads_back_as_golden(tmp_path: Path) -> None:
    out = tmp_path / "briefing.docx"
    write_docx(sample_briefing(), out)
    outline = docx_outline(out)
    assert outline["page_fields"] == ["PAGE", "NUMPAGES"]
    assert_golden("briefing.docx.json", json.dumps(outline, ensure_ascii=False, indent=1) + "\n")


def test_weeks_and_undated_section() -> None:
    labels = [s.label for s in sample_briefing().sections]
    assert labels == ["2023-W32 (2023-08-07 – 2023-08-13)", UNDATED]


def test_same_name_other_organization_is_another_person() -> None:
    people = sample_briefing().sections[0].people
    zhangs = [p for p in people if p.name == "张红军"]
    assert len(zhangs) == 2
    assert {tuple(p.titles) for p in zhangs} == {
        ("郑州高新区党工委书记",),
        ("管城区北下街街道党工委书记",),
    }
    guos = [p for p in people if p.name == "郭程明"]
    assert len(guos) == 1 and sorted(guos[0].sources) == ["S1", "S2"]


def test_change_is_paired_with_its_level() -> None:
    rows = sample_briefing().sections[0].metrics
    gdp = [r for r in rows if r.indicator == "地区生产总值"]
    assert [(r.value, r.change) for r in gdp] == [("302.3 亿元", "+7.5%")]


def test_broken_lines_are_joined_in_directives() -> None:
    groups = sample_briefing().sections[0].directives
    texts = [d.text for g in groups for d in g.directives]
    assert "要守牢安全底线" in texts


def test_week_filter_keeps_undated_and_drops_other_weeks() -> None:
    briefing = build_briefing(
        [meeting_brief(), hostile_brief()], period=period_of("2023-W33", None, None)
    )
    assert [s.label for s in briefing.sections] == [UNDATED]


def test_file_date_is_used_with_a_warning() -> None:
    briefing = build_briefing([hostile_brief()], fallback_dates={"hostile": "2023-08-10"})
    assert briefing.sections[0].label.startswith("2023-W32")
    assert briefing.sections[0].sources[0].date_origin == "file"
    assert [w.id for w in briefing.warnings] == ["hostile"]


@pytest.mark.parametrize("week", ["2023-32", "W32", "2023-W99"])
def test_bad_week_is_a_configuration_error(week: str) -> None:
    with pytest.raises(ConfigurationError):
        period_of(week, None, None)


def test_html_escapes_article_text() -> None:
    html = render_html(sample_briefing())
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "onerror=" in html  # shown as text, inert
    assert "Content-Security-Policy" in html


def test_markdown_escapes_html_and_table_pipes() -> None:
    md = render_markdown(sample_briefing())
    assert "<script>" not in md and "\\<script\\>" in md
    assert HOSTILE not in md
