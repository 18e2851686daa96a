"""The Word renderer: an A4 briefing to forward. Heading styles, an updatable TOC field, page
numbers, tables with fixed column widths and repeating header rows, each compared
indicator's table and chart side by side, and a quote appendix that holds only the quotes
the briefing cites (one small paragraph each), which every [S#] links to (internal
hyperlinks to bookmarks)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from summarizer.report import _ooxml as ox
from summarizer.report.articles import web_url
from summarizer.report.chart import chart_png
from summarizer.report.evidence import cited_quotes
from summarizer.report.model import (
    ArticleBlock,
    Briefing,
    Cite,
    ComparisonSection,
    EvidenceSection,
    OverviewSection,
    ProblemsSection,
    RegionsSection,
    Reported,
    SinceSection,
    SourceRef,
    UndatedSection,
)

_EAST_ASIAN_FONT = "Noto Sans CJK SC"
_ACCENT = RGBColor(0x9B, 0x22, 0x26)
_MUTED = RGBColor(0x5B, 0x65, 0x75)
_CELL, _QUOTE = "Briefing Table Text", "Briefing Quote"
# heading sizes, space before and after (pt): compact, so the briefing reads like a memo
# size, exact line height (None: single), space before and after, in pt: compact, the way a
# Chinese memo is set (a CJK font's single line is about 1.45 em, too loose for small type)
_TYPE: dict[str, tuple[float, float | None, float, float]] = {
    "Normal": (10, 13.5, 0, 2),
    "List Bullet": (10, 13.5, 0, 1),
    "Title": (20, None, 0, 2),
    "Heading 1": (14, None, 12, 4),
    "Heading 2": (11.5, None, 8, 3),
    "Heading 3": (10.5, None, 6, 2),
    _CELL: (9, 12, 0, 0),
    _QUOTE: (8, 10.5, 0, 0.5),
}
# A4 less 1.9 cm margins leaves 17.2 cm of text width
_METRIC_COLUMNS = [Cm(6.4), Cm(2.5), Cm(1.8), Cm(1.3), Cm(3.6), Cm(1.6)]
_PROJECT_COLUMNS = [Cm(9.8), Cm(2.2), Cm(3.2), Cm(2.0)]
_COMPARE_COLUMNS = [Cm(2.6), Cm(2.2), Cm(2.6), Cm(1.2)]
_SIDE_BY_SIDE = [Cm(9.0), Cm(8.2)]
_CHART_INCHES = 3.05
# Characters XML 1.0 cannot hold (a stray \x0b in a page would make Word refuse the file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def write_docx(briefing: Briefing, path: Path) -> None:
    """Write the briefing as a .docx file at `path`."""
    briefing = _xml_safe(briefing)
    w = briefing.words
    document = Document()
    _page_setup(document, f"{briefing.title} · {briefing.period}")
    _styles(document)
    document.add_heading(briefing.title, level=0)
    _muted(document.add_paragraph(), f"{w['period']}：{briefing.period} · {w['generated']}："
           f"{briefing.generated_at} · {w['backend']}：{briefing.backend}")  # fmt: skip
    for index, section in enumerate(briefing.sections):
        if index == 1:
            _toc(document, briefing)
        _columns(document, 2 if section.kind == "evidence" else 1)
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
    section.left_margin = section.right_margin = Cm(1.9)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.header_distance = section.footer_distance = Cm(1)
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


def _styles(document: DocxDocument) -> None:
    """Compact type: 10 pt text, little space between paragraphs, small tables and quotes."""
    styles = document.styles
    for name in (_CELL, _QUOTE):
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
    for name, (size, line, before, after) in _TYPE.items():
        style = styles[name]
        style.font.size = Pt(size)
        form = style.paragraph_format
        form.line_spacing = Pt(line) if line else 1.0
        form.space_before, form.space_after = Pt(before), Pt(after)
        ox.east_asian_font(style.element, _EAST_ASIAN_FONT, "zh-CN" if name == "Normal" else None)


def _columns(document: DocxDocument, number: int) -> None:
    """Go on in `number` columns (a continuous section break when that changes)."""
    if ox.columns(document.sections[-1]) != number:
        ox.set_columns(document.add_section(WD_SECTION.CONTINUOUS), number)


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


def _gap(document: DocxDocument) -> None:
    """A thin paragraph after a table (two tables in a row would merge into one)."""
    gap = document.add_paragraph()
    gap.paragraph_format.space_after = 0
    gap.paragraph_format.line_spacing = Pt(5)


def _overview(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, OverviewSection)
    document.add_heading(s.heading, level=1)
    p = document.add_paragraph()
    p.add_run(f"{s.articles} {w['articles']} · {s.regions} {w['regions_n']} · "
              f"{s.meetings} {w['meetings']}").bold = True  # fmt: skip
    document.add_heading(w["figures"], level=3)
    _none_if(document, s.figures, w)
    for r in s.figures:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(r.region).bold = True
        for m in r.figures:
            period = f"（{m.period}）" if m.period else ""
            p.add_run(f"  {m.indicator} {m.value}{period}")
            _cite(p, m.cite)
    document.add_heading(w["projects"], level=3)
    _none_if(document, s.projects, w)
    for g in s.projects:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(f"{g.label} {g.count} {w['project_count']}").bold = True
        if g.total:
            p.add_run(f"，{w['investment_total']} {g.total}")
        for row in g.projects[:5]:
            p.add_run(f"；{row.name}" + (f" {row.investment}" if row.investment else ""))
            _cite(p, row.cite)
    document.add_heading(w["main_directives"], level=3)
    _none_if(document, s.directives, w)
    for d in s.directives:
        p = document.add_paragraph(style="List Bullet")
        p.add_run(d.issuer).bold = True
        p.add_run((f"（{d.title}）" if d.title else "") + f"：{d.text}")
        _cite(p, d.cite)


def _none_if(document: DocxDocument, items: Sequence[object], w: dict[str, str]) -> None:
    if not items:
        _muted(document.add_paragraph(), w["none"])


def _since(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, SinceSection)
    document.add_heading(s.heading, level=1)
    _muted(document.add_paragraph(), f"{s.week} · {s.baseline}")
    for group in s.groups:
        document.add_heading(group.heading, level=3)
        for line in group.lines:
            p = document.add_paragraph(style="List Bullet")
            p.add_run(line.subject).bold = True
            p.add_run((f"（{line.region}）" if line.region else "") + "：")
            if line.before is not None:
                _reported(p, line.before, w)
                p.add_run(" → ")
            _reported(p, line.now, w)
            if line.note:
                p.add_run(f"（{line.note}）")


def _reported(paragraph: Paragraph, r: Reported, w: dict[str, str]) -> None:
    """Status or value, (period, day), and its [S#] here or else the page it came from."""
    if r.value:
        paragraph.add_run(f"{r.label} " if r.label else "")
        paragraph.add_run(r.value).bold = True
    else:
        paragraph.add_run(r.label or "").bold = True
    _muted(paragraph, "（" + "，".join(x for x in (r.period, r.day or w["no_date"]) if x) + "）")
    if r.cite is not None:
        _cite(paragraph, r.cite)
    elif r.url:
        paragraph.add_run(" ")
        ox.add_external_link(paragraph, r.url, w["link"], _ACCENT)


def _comparison(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    """Per indicator, its table and its bar chart side by side."""
    assert isinstance(s, ComparisonSection)
    document.add_heading(s.heading, level=1)
    _muted(document.add_paragraph(), w["comparison_note"])
    for c in s.comparisons:
        document.add_heading(c.label, level=2)
        pair = document.add_table(rows=1, cols=2)
        left, right = pair.rows[0].cells
        rows = [[r.region, r.value, r.period or "", r.cite] for r in c.rows]
        header = [w["region"], w["value"], w["period_col"], w["source"]]
        _table(left, header, rows, _COMPARE_COLUMNS)
        left._tc.remove(left.paragraphs[0]._p)  # the cell's empty first paragraph
        picture = io.BytesIO(chart_png(c, width=_CHART_INCHES))
        holder = right.paragraphs[0]
        holder.paragraph_format.line_spacing = 1.0  # an exact line height would crop it
        holder.add_run().add_picture(picture, width=Cm(_CHART_INCHES * 2.54))
        ox.fixed_widths(pair, _SIDE_BY_SIDE)
        _gap(document)


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
    _meta(document.add_paragraph(), a.ref, w)
    if a.people:
        names = "；".join(p.name + (f"（{p.title}）" if p.title else "") for p in a.people)
        _muted(document.add_paragraph(), f"{w['people']}：{names}")
    if a.metrics:
        header = [w["indicator"], w["value"], w["change"], w["kind"], w["period_col"], w["source"]]
        rows = [[m.indicator, m.value, m.change or "", m.kind, m.period or "", m.cite]
                for m in a.metrics]  # fmt: skip
        _table(document, header, rows, _METRIC_COLUMNS)
        _gap(document)
    for g in a.directives:  # run in, one paragraph per issuer, as a memo lists them
        p = document.add_paragraph()
        p.add_run(g.issuer).bold = True
        if g.title:
            _muted(p, f"（{g.title}）")
        p.add_run("：")
        for n, d in enumerate(g.directives):
            p.add_run(("；" if n else "") + d.text)
            _cite(p, d.cite)
    if a.projects:
        rows = [[p.name, p.status, p.investment or "", p.cite] for p in a.projects]
        header = [w["project"], w["status"], w["investment"], w["source"]]
        _table(document, header, rows, _PROJECT_COLUMNS)
        _gap(document)


def _meta(paragraph: Paragraph, ref: SourceRef, w: dict[str, str]) -> None:
    """Date · region · the page (a link) or file · the other pages that carried the story."""
    where = " › ".join(ref.region)
    _muted(paragraph, " · ".join(x for x in (ref.date or w["no_date"], where) if x))
    if ref.url:
        _muted(paragraph, " · ")
        ox.add_external_link(paragraph, ref.url, w["link"], _ACCENT)
    elif ref.path:
        _muted(paragraph, f" · {ref.path}")
    if ref.also:
        _muted(paragraph, f" · {w['also']}：")
    for n, other in enumerate(ref.also):
        if n:
            _muted(paragraph, "、")
        if web_url(other):
            ox.add_external_link(paragraph, other, urlsplit(other).netloc or other, _ACCENT)
        else:
            _muted(paragraph, other)


def _table(
    where: DocxDocument | _Cell, header: list[str], rows: list[list[Any]], widths: Sequence[Length]
) -> None:
    table = where.add_table(rows=1, cols=len(header))
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
    ox.fixed_widths(table, widths)
    ox.cell_style(table, _CELL)


def _evidence(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    """The quote appendix: per article, each cited sentence's quoted words, in small type."""
    assert isinstance(s, EvidenceSection)
    document.add_heading(w["quotes"], level=1)
    _muted(document.add_paragraph(), w["quotes_note"])
    for text in s.texts:
        quotes = cited_quotes(text)
        if not quotes:
            continue
        head = document.add_paragraph(style=_QUOTE)
        head.add_run(f"{text.ref.key} {text.ref.title}").bold = True
        head.paragraph_format.space_before = Pt(4)
        head.paragraph_format.keep_with_next = True
        for anchor, quote in quotes:
            p = document.add_paragraph(style=_QUOTE)
            ox.add_bookmark(p, ox.bookmark_name(anchor), f"{anchor} ")
            p.add_run(quote)


def _problems(document: DocxDocument, s: Any, w: dict[str, str]) -> None:
    assert isinstance(s, ProblemsSection)
    document.add_heading(s.heading, level=1)
    for f in s.failures:
        document.add_paragraph(f"{w['failed']} {f.id}：{f.message}", style="List Bullet")
    for x in s.warnings:
        document.add_paragraph(f"{w['warning']} {x.message}", style="List Bullet")


_WRITERS: dict[str, Callable[[DocxDocument, Any, dict[str, str]], None]] = {
    "overview": _overview,
    "since": _since,
    "comparison": _comparison,
    "regions": _regions,
    "undated": _undated,
    "evidence": _evidence,
    "problems": _problems,
}
