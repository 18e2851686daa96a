"""The few WordprocessingML pieces python-docx has no API for: fields, bookmarks, internal
hyperlinks, repeating header rows, the east-Asian font and 'update fields on open'."""

from __future__ import annotations

import re
from itertools import count
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, RGBColor
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

_IDS = count(1)
_TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'


def bookmark_name(anchor: str) -> str:
    """S3-7 → S3_7: Word bookmark names take letters, digits and underscores."""
    return re.sub(r"\W", "_", anchor)[:40]


def east_asian_font(style_element: Any, font: str) -> None:
    rpr = style_element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


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


def font_size(table: Table, size: Length) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _text(tag: str, text: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element
