"""The Word renderer: an A4 briefing with heading styles, a TOC field, page numbers, tables
whose header row repeats, the comparison charts as pictures and a quote appendix that every
[S#] links to (internal hyperlinks to bookmarks)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from summarizer.report import _ooxml as ox
from summarizer.report.chart import chart_png
from summarizer.report.model import (
    ArticleBlock,
    Briefing,
    Cite,
    ComparisonSection,
    EvidenceSection,
    OverviewSection,
    ProblemsSection,
    RegionsSection,
    UndatedSection,
)

_EAST_ASIAN_FONT = "Noto Sans CJK SC"
_ACCENT = RGBColor(0x9B, 0x22, 0x26)
_MUTED = RGBColor(0x5B, 0x65, 0x75)
# Characters XML 1.0 cannot hold (a stray \x0b in a page would make Word refuse the file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def write_docx(briefing: Briefing, path: Path) -> None:
    """Write the briefing as a .docx file at `path`."""
    briefing = _xml_safe(briefing)
    w = briefing.words
    document = Document()
    _page_setup(document, f"{briefing.title} · {briefing.period}")
    document.add_heading(briefing.title, level=0)
    _muted(document.add_paragraph(), f"{w['period']}：{briefing.period} · {w['generated']}："
           f"{briefing.generated_at} · {w['backend']}：{briefing.backend}")  # fmt: skip
    for index, section in enumerate(briefing.sections):
        if index == 1:
            _toc(document, briefing)
        _WRITERS[section.kind](document, section, w)
    ox.update_fields_on_open(document)
    document.save(str(path))


def _xml_safe(briefing: Briefing) -> Briefing:
    """The briefing with every string stripped of characters XML cannot hold."""
    return Briefing.model_validate(_clean(briefing.model_dump()))


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _page_setup(document: DocxDocument, header: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    ox.east_asian_font(normal.element, _EAST_ASIAN_FONT)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        ox.east_asian_font(document.styles[name].element, _EAST_ASIAN_FONT)
    top = section.header.paragraphs[0]
    _muted(top, header)
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    ox.add_field(footer, "PAGE", "1")
    footer.add_run(" 页 / 共 ")
    ox.add_field(footer, "NUMPAGES", "1")
    footer.add_run(" 页")


def _toc(document: DocxDocument, briefing: Briefing) -> None:
    """An updatable TOC field, its result pre-filled with the section headings."""
    document.add_heading(briefing.words["toc"], level=1)
    lines = [s.heading for s in briefing.sections]
    ox.add_toc_field(document, lines)


def _muted(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(9)
    run.font.color.rgb = _MUTED


def _cite(paragraph: Paragraph, cite: Cite) -> None:
    paragraph.add_run(" ")
    ox.add_internal_link(paragraph, ox.bookmark_name(cite.anchor), cite.key, _ACCENT)


def _overview(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, OverviewSection)
    document.add_heading(s.heading, level=1)
    p = document.add_paragraph()
    p.add_run(f"{s.articles} {w['articles']} · {s.regions} {w['regions_n']} · "
              f"{s.meetings} {w['meetings']}").bold = True  # fmt: skip
    document.add_heading(w["figures"], level=3)
    for r in s.figures:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(r.region).bold = True
        for m in r.figures:
            period = f"（{m.period}）" if m.period else ""
            p.add_run(f"  {m.indicator} {m.value}{period}")
            _cite(p, m.cite)
    document.add_heading(w["projects"], level=3)
    for g in s.projects:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(f"{g.label} {g.count} {w['project_count']}").bold = True
        if g.total:
            p.add_run(f"，{w['investment_total']} {g.total}")
        for row in g.projects[:5]:
            p.add_run(f"；{row.name}" + (f" {row.investment}" if row.investment else ""))
            _cite(p, row.cite)
    document.add_heading(w["main_directives"], level=3)
    for d in s.directives:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(d.issuer).bold = True
        p.add_run((f"（{d.title}）" if d.title else "") + f"：{d.text}")
        _cite(p, d.cite)


def _comparison(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, ComparisonSection)
    document.add_heading(s.heading, level=1)
    _muted(document.add_paragraph(), w["comparison_note"])
    for c in s.comparisons:
        document.add_heading(c.label, level=2)
        rows = [[r.region, r.value, r.period or "", r.cite] for r in c.rows]
        _table(document, [w["region"], w["value"], w["period_col"], w["source"]], rows)
        document.add_picture(io.BytesIO(chart_png(c)), width=Cm(13))


def _regions(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, RegionsSection)
    document.add_heading(s.heading, level=1)
    for group in s.groups:
        document.add_heading(group.label, level=2)
        for article in group.articles:
            _article(document, article, w)


def _undated(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, UndatedSection)
    document.add_heading(s.heading, level=1)
    _muted(document.add_paragraph(), w["undated_note"])
    for article in s.articles:
        _article(document, article, w)


def _article(document: DocxDocument, a: ArticleBlock, w: dict[str, str]) -> None:
    document.add_heading(f"{a.ref.key} {a.ref.title}", level=3)
    where = " › ".join(a.ref.region)
    _muted(document.add_paragraph(), " · ".join(
        x for x in (a.ref.date or w["no_date"], where, a.ref.url or a.ref.path) if x))  # fmt: skip
    if a.people:
        names = "；".join(p.name + (f"（{p.title}）" if p.title else "") for p in a.people)
        document.add_paragraph(f"{w['people']}：{names}")
    if a.metrics:
        header = [w["indicator"], w["value"], w["change"], w["kind"], w["period_col"], w["source"]]
        rows = [[m.indicator, m.value, m.change or "", m.kind, m.period or "", m.cite]
                for m in a.metrics]  # fmt: skip
        _table(document, header, rows)
    for g in a.directives:
        p = document.add_paragraph()
        p.add_run(g.issuer).bold = True
        if g.title:
            _muted(p, f"  {g.title}")
        for d in g.directives:
            item = document.add_paragraph(d.text, style="List Bullet")
            _cite(item, d.cite)
    if a.projects:
        rows = [[p.name, p.status, p.investment or "", p.cite] for p in a.projects]
        _table(document, [w["project"], w["status"], w["investment"], w["source"]], rows)


def _table(document: DocxDocument, header: list[str], rows: list[list[Any]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light List Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    ox.repeat_header(table.rows[0])
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            if isinstance(value, Cite):
                ox.add_internal_link(
                    cell.paragraphs[0], ox.bookmark_name(value.anchor), value.key, _ACCENT
                )
            else:
                cell.text = value
    ox.font_size(table, Pt(9))
    document.add_paragraph()


def _evidence(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, EvidenceSection)
    document.add_heading(w["quotes"], level=1)
    _muted(document.add_paragraph(), w["evidence_note"])
    for text in s.texts:
        document.add_heading(f"{text.ref.key} {text.ref.title}", level=3)
        for sentence in (x for para in text.paragraphs for x in para if x.anchor):
            assert sentence.anchor is not None
            p = document.add_paragraph()
            ox.add_bookmark(p, ox.bookmark_name(sentence.anchor), f"[{sentence.anchor}] ")
            for segment in sentence.segments:
                run = p.add_run(segment.text)
                if segment.quoted:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _problems(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, ProblemsSection)
    document.add_heading(s.heading, level=1)
    for f in s.failures:
        document.add_paragraph(f"{w['failed']} {f.id}：{f.message}", style="List Bullet")
    for x in s.warnings:
        document.add_paragraph(f"{w['warning']} {x.message}", style="List Bullet")


_WRITERS: dict[str, Callable[[DocxDocument, Any, dict[str, str]], None]] = {
    "overview": _overview,
    "comparison": _comparison,
    "regions": _regions,
    "undated": _undated,
    "evidence": _evidence,
    "problems": _problems,
}
