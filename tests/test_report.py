"""Weekly briefing: sections, values, evidence anchors, escaping, and golden files per format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table

from summarizer.archive.briefing import Copy, Reprint
from summarizer.errors import ConfigurationError
from summarizer.report.docx import write_docx
from summarizer.report.model import (
    Briefing,
    ComparisonSection,
    EvidenceSection,
    OverviewSection,
    RegionsSection,
    SinceSection,
    UndatedSection,
)
from summarizer.report.render import render_html, render_markdown
from summarizer.report.weekly import build_briefing, period_of
from tests.report_samples import (
    EARLIER,
    HOSTILE,
    WHEN,
    hostile_brief,
    meeting_brief,
    meeting_source,
    other_zhang_brief,
    sample_failures,
    sample_reprints,
    sample_since,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def sample_briefing(language: str = "zh") -> Briefing:
    briefs = [meeting_brief(), other_zhang_brief(), hostile_brief()]
    return build_briefing(
        briefs,
        sample_failures(),
        sources={"gaoxin-0811": meeting_source()},
        warnings=["x.jsonl:3: date '17/05/2024' is not YYYY-MM-DD; the article counts as undated"],
        generated_at=WHEN,
        language=language,
        since=sample_since(),
        reprints=sample_reprints(),
    )


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, f"{name} changed: UPDATE_GOLDEN=1 to accept"


def test_markdown_matches_golden() -> None:
    assert_golden("briefing.md", render_markdown(sample_briefing()))


def test_html_matches_golden() -> None:
    assert_golden("briefing.html", render_html(sample_briefing()))


def test_english_markdown_matches_golden() -> None:
    assert_golden("briefing.en.md", render_markdown(sample_briefing("en")))


def docx_outline(path: Path) -> dict[str, object]:
    """What a reader sees in the .docx: page, headings, paragraphs, tables, fields, pictures."""
    doc = Document(str(path))
    section = doc.sections[0]
    body = doc.element.body.xml
    return {
        "page_mm": [round(section.page_width.mm), round(section.page_height.mm)],
        "headings": [
            f"{p.style.name}: {p.text}"
            for p in doc.paragraphs
            if p.style.name.startswith(("Heading", "Title"))
        ],
        "paragraphs": [p.text for p in doc.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in _tables(doc.tables)],
        "repeating_header_rows": body.count("<w:tblHeader"),
        "fields": [
            f for f in ("TOC \\o", "PAGE", "NUMPAGES") if f in body + section.footer._element.xml
        ],
        "pictures": body.count("<pic:pic"),
        "internal_links": body.count("w:anchor="),
        "bookmarks": body.count("<w:bookmarkStart"),
    }


def _tables(tables: list[Table]) -> list[Table]:
    """Every table, a table nested in a cell right after the table that holds it."""
    found = []
    for table in tables:
        found.append(table)
        for row in table.rows:
            for cell in row.cells:
                found.extend(_tables(cell.tables))
    return found


def test_docx_reads_back_as_golden(tmp_path: Path) -> None:
    out = tmp_path / "briefing.docx"
    write_docx(sample_briefing(), out)
    outline = docx_outline(out)
    assert outline["page_mm"] == [210, 297]
    assert outline["fields"] == ["TOC \\o", "PAGE", "NUMPAGES"]
    assert_golden("briefing.docx.json", json.dumps(outline, ensure_ascii=False, indent=1) + "\n")


def test_overview_comes_first_and_every_section_is_there() -> None:
    kinds = [s.kind for s in sample_briefing().sections]
    assert kinds == [
        "overview",
        "since",
        "comparison",
        "regions",
        "undated",
        "evidence",
        "problems",
    ]


def test_regions_from_the_text_province_city_county() -> None:
    regions = next(s for s in sample_briefing().sections if isinstance(s, RegionsSection))
    assert [g.label for g in regions.groups] == ["河南省 › 郑州市", "管城区"]
    ref = regions.groups[0].articles[0].ref
    assert ref.region == ["河南省", "郑州市", "郑州高新区"]


def test_comparison_matches_gdp_growth_by_normalized_key() -> None:
    section = next(s for s in sample_briefing().sections if isinstance(s, ComparisonSection))
    (gdp,) = [c for c in section.comparisons if c.key == "gdp.change"]
    assert [(r.region, r.value, r.period) for r in gdp.rows] == [
        ("郑州高新区", "7.5%", "2023年上半年"),
        ("管城区", "6.1%", "上半年"),
    ]


def test_qualifier_investment_and_chinese_labels_are_shown() -> None:
    overview = next(s for s in sample_briefing().sections if isinstance(s, OverviewSection))
    (started,) = overview.projects
    assert (started.label, started.total, started.projects[0].status) == (
        "新开工",
        "90.7亿元",
        "开工",
    )
    regions = next(s for s in sample_briefing().sections if isinstance(s, RegionsSection))
    values = [m.value for a in regions.groups[0].articles for m in a.metrics]
    assert "约42亿元" in values


def test_english_labels() -> None:
    overview = next(s for s in sample_briefing("en").sections if isinstance(s, OverviewSection))
    assert overview.projects[0].projects[0].status == "started"


def test_every_cite_lands_on_an_anchored_sentence_holding_its_quote() -> None:
    briefing = sample_briefing()
    evidence = next(s for s in briefing.sections if isinstance(s, EvidenceSection))
    sentences = {
        x.anchor: "".join(g.text for g in x.segments)
        for t in evidence.texts
        for para in t.paragraphs
        for x in para
        if x.anchor
    }
    regions = next(s for s in briefing.sections if isinstance(s, RegionsSection))
    article = next(a for a in regions.groups[0].articles if a.ref.id == "gaoxin-0811")
    cites = [m.cite for m in article.metrics] + [
        d.cite for g in article.directives for d in g.directives
    ]
    for cite in cites:
        first_line = cite.quote.split("\n")[0]
        assert first_line in sentences[cite.anchor], cite


def test_since_last_week_cites_this_weeks_sentences_and_links_earlier_pages() -> None:
    briefing = sample_briefing()
    since = next(s for s in briefing.sections if isinstance(s, SinceSection))
    evidence = next(s for s in briefing.sections if isinstance(s, EvidenceSection))
    anchored = {x.anchor for t in evidence.texts for para in t.paragraphs for x in para}
    lines = [line for group in since.groups for line in group.lines]
    nows = [line.now for line in lines]
    befores = [line.before for line in lines if line.before is not None]
    # this week's sides are in the briefing: an [S#] on the sentence that holds the quote
    assert [n.cite.anchor if n.cite else None for n in nows] == ["S2-6", None, "S2-4", "S2-4"]
    assert all(n.cite is None or n.cite.anchor in anchored for n in nows)
    assert nows[1].url is None  # the new project's only source is a file: no link
    # last week's sides are not: a link to the page the archive found them on
    assert [(b.cite, b.url) for b in befores] == [(None, EARLIER)] * 3
    assert nows[2].value == "7.5%" and nows[2].period == "2023年上半年"
    assert [g.heading for g in since.groups] == [
        "项目进展",
        "新项目（披露投资）",
        "目标与实际",
        "数据变化",
    ]


def test_since_last_week_with_nothing_before_says_so() -> None:
    empty = sample_since().model_copy(
        update={
            "last_before": None,
            "status_moves": [],
            "new_projects": [],
            "targets": [],
            "figures": [],
        }  # fmt: skip
    )
    briefing = build_briefing([meeting_brief()], since=empty, language="en")
    since = next(s for s in briefing.sections if isinstance(s, SinceSection))
    assert since.groups == [] and "nothing to compare" in since.baseline


def test_a_reprints_copy_is_no_entry_and_the_kept_one_names_the_other_pages() -> None:
    copy = Reprint(
        title=None,
        kept="gaoxin-0811",
        copies=[Copy(document="guancheng-1220", article=0)],
        sources=["seeds/000.txt", "https://example.org/a?x=1&y=2"],
    )
    briefing = build_briefing([meeting_brief(), other_zhang_brief()], reprints=[copy])
    regions = next(s for s in briefing.sections if isinstance(s, RegionsSection))
    refs = [a.ref for g in regions.groups for a in g.articles]
    assert [(r.id, r.also) for r in refs] == [("gaoxin-0811", ["https://example.org/a?x=1&y=2"])]


def test_undated_articles_have_their_own_named_section() -> None:
    undated = next(s for s in sample_briefing().sections if isinstance(s, UndatedSection))
    assert undated.heading == "未标日期的报道"
    assert [a.ref.id for a in undated.articles] == ["hostile"]


def test_week_filter_keeps_undated_and_drops_other_weeks() -> None:
    briefing = build_briefing(
        [meeting_brief(), hostile_brief()], period=period_of("2023-W33", None, None)
    )
    assert briefing.dated_articles == 0
    assert [s.kind for s in briefing.sections] == ["overview", "undated"]


@pytest.mark.parametrize("week", ["2023-32", "W32", "2023-W99"])
def test_bad_week_is_a_configuration_error(week: str) -> None:
    with pytest.raises(ConfigurationError):
        period_of(week, None, None)


def test_html_escapes_article_text() -> None:
    html = render_html(sample_briefing())
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "onerror=" in html  # shown as text, inert
    assert "Content-Security-Policy" in html


def test_markdown_escapes_html_links_and_table_pipes() -> None:
    md = render_markdown(sample_briefing())
    assert "<script>" not in md and "\\<script\\>" in md
    assert HOSTILE not in md


def test_word_strips_control_characters(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    write_docx(sample_briefing(), out)  # the hostile title holds \x0b and \x01
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "pwned" in text and "\x0b" not in text and "\x01" not in text
