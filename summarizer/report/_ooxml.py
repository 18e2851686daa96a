"""The few WordprocessingML pieces python-docx has no API for: fields, bookmarks, hyperlinks,
repeating header rows, fixed table layout, the east-Asian font and language, and 'update
fields on open'."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import count
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length, RGBColor
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

_IDS = count(1)
# Headings 1-2: sections, regions, compared indicators; articles (heading 3) stay out of it
_TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def bookmark_name(anchor: str) -> str:
    """S3-7 → S3_7: Word bookmark names take letters, digits and underscores."""
    return re.sub(r"\W", "_", anchor)[:40]


def east_asian_font(style_element: Any, font: str, language: str | None = None) -> None:
    """The style's font for Chinese characters and, if given, their language (line breaking)."""
    rpr = style_element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if language:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:eastAsia"), language)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) with the text shown until the reader updates it."""
    run = paragraph.add_run()._r
    run.append(_field_char("begin"))
    run.append(_text("w:instrText", instruction))
    run.append(_field_char("separate"))
    run.append(_text("w:t", shown))
    run.append(_field_char("end"))


def add_toc_field(document: DocxDocument, lines: list[str]) -> None:
    """A TOC field over headings 1-3; its result, until updated, lists `lines`."""
    first = document.add_paragraph()
    run = first.add_run()._r
    run.append(_field_char("begin"))
    run.append(_text("w:instrText", _TOC_INSTRUCTION))
    run.append(_field_char("separate"))
    paragraphs = [first] + [document.add_paragraph() for _ in lines[1:]]
    for paragraph, line in zip(paragraphs, lines, strict=True):
        paragraph.add_run(line)
    paragraphs[-1].add_run()._r.append(_field_char("end"))


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to refresh the TOC and page fields when the file opens."""
    settings = document.settings.element
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    settings.append(element)


def add_bookmark(paragraph: Paragraph, name: str, text: str) -> None:
    """A bookmark named `name` around a run holding `text`."""
    ident = str(next(_IDS))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), ident)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), ident)
    paragraph._p.append(start)
    paragraph.add_run(text).bold = True
    paragraph._p.append(end)


def add_internal_link(paragraph: Paragraph, bookmark: str, text: str, color: RGBColor) -> None:
    """A hyperlink to a bookmark in the same document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    _link_text(paragraph, link, text, color)


def add_external_link(paragraph: Paragraph, url: str, text: str, color: RGBColor) -> None:
    """A hyperlink to a web page."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, True))
    _link_text(paragraph, link, text, color)


def _link_text(paragraph: Paragraph, link: BaseOxmlElement, text: str, color: RGBColor) -> None:
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(color))
    props.append(colour)
    run.append(props)
    run.append(_text("w:t", text))
    link.append(run)
    paragraph._p.append(link)


def repeat_header(row: _Row) -> None:
    """The row repeats at the top of every page the table spans."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def fixed_widths(table: Table, widths: Sequence[Length]) -> None:
    """Fixed layout with these column widths (Word and LibreOffice both honour the cells')."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def columns(section: Section) -> int:
    """How many text columns the section has."""
    cols = section._sectPr.find(qn("w:cols"))
    return int(cols.get(qn("w:num"), "1")) if cols is not None else 1


def set_columns(section: Section, number: int, space_twips: int = 340) -> None:
    """Lay the section's text out in `number` columns."""
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(number))
    cols.set(qn("w:space"), str(space_twips))


def cell_style(table: Table, style: str) -> None:
    """Every cell paragraph in the paragraph style `style` (links inside it too)."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = style


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _text(tag: str, text: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element
