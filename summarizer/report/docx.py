"""The Word renderer: headings, tables and page numbers with python-docx."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from summarizer.report.model import Briefing, Section

_METRIC_HEADER = [
    "指标 Indicator",
    "数值 Value",
    "变化 Change",
    "类型 Kind",
    "时期 Period",
    "地区",
    "来源",
]
_PROJECT_HEADER = ["状态 Status", "项目 Project", "投资 Investment", "来源"]
_EAST_ASIAN_FONT = "Noto Sans CJK SC"


def write_docx(briefing: Briefing, path: Path) -> None:
    """Write the briefing as a .docx file at `path`."""
    document = Document()
    _set_fonts(document)
    _add_page_numbers(document)
    document.add_heading(briefing.title, level=0)
    meta = f"时段 Period: {briefing.period} · 生成 Generated: {briefing.generated_at}"
    document.add_paragraph(f"{meta} · 提取 Backend: {briefing.backend}")
    for section in briefing.sections:
        _add_section(document, section)
    _add_problems(document, "提示 Warnings", [f"{w.id}: {w.message}" for w in briefing.warnings])
    _add_problems(
        document, "未能处理 Failed inputs", [f"{f.id}: {f.message}" for f in briefing.failures]
    )
    document.save(str(path))


def _add_section(document: DocxDocument, section: Section) -> None:
    document.add_heading(section.label, level=1)
    h = section.headline
    regions = "、".join(h.regions) or "—"
    document.add_paragraph(
        f"{h.articles} 篇文章 articles · {h.meetings} 场会议 meetings · 地区 regions: {regions}"
    )
    document.add_heading("指标 Metrics", level=2)
    rows = [
        [m.indicator, m.value, m.change or "", m.kind, m.period or "", m.region or "", m.source]
        for m in section.metrics
    ]
    _add_table(document, _METRIC_HEADER, rows)
    document.add_heading("部署要求 Directives", level=2)
    for group in section.directives:
        title = f" ({group.title})" if group.title else ""
        document.add_paragraph().add_run(f"{group.issuer}{title}").bold = True
        for d in group.directives:
            document.add_paragraph(f"{d.text} [{d.source}]", style="List Bullet")
    document.add_heading("项目 Projects", level=2)
    project_rows = [
        [status, p.name, p.investment or "", p.source]
        for status, ps in section.projects.items()
        for p in ps
    ]
    _add_table(document, _PROJECT_HEADER, project_rows)
    document.add_heading("发言人 Who spoke", level=2)
    for person in section.people:
        titles = f" — {'; '.join(person.titles)}" if person.titles else ""
        document.add_paragraph(
            f"{person.name}{titles} [{', '.join(person.sources)}]", style="List Bullet"
        )
    document.add_heading("来源 Sources", level=2)
    for ref in section.sources:
        when = ref.date or "未标日期"
        document.add_paragraph(
            f"{ref.key} {ref.title or ref.id} · {when} · {ref.location or ref.id}",
            style="List Bullet",
        )


def _add_table(document: DocxDocument, header: list[str], rows: list[list[str]]) -> None:
    if not rows:
        document.add_paragraph("无 None.")
        return
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _add_problems(document: DocxDocument, heading: str, lines: list[str]) -> None:
    if lines:
        document.add_heading(heading, level=1)
        for line in lines:
            document.add_paragraph(line, style="List Bullet")


def _set_fonts(document: DocxDocument) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), _EAST_ASIAN_FONT)


def _add_page_numbers(document: DocxDocument) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _add_field(footer, "PAGE")
    footer.add_run(" 页 / 共 ")
    _add_field(footer, "NUMPAGES")
    footer.add_run(" 页")


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when rendering."""
    run = paragraph.add_run()._r
    run.append(_field_char("begin"))
    run.append(_text_element("w:instrText", instruction))
    run.append(_field_char("separate"))
    run.append(_text_element("w:t", "1"))
    run.append(_field_char("end"))


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _text_element(tag: str, text: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element
