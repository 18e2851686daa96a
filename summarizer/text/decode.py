"""Decode an input document into the text that evidence offsets point into.

What "original" means (PreparedDocument.original, the string every Evidence
`start`/`end` indexes):
- `str` input that is plain text: the string itself, unchanged.
- `bytes` input that is plain text: the decoded string. A byte-order mark is
  removed by decoding (it is not text); nothing else changes, so `\\r\\n` stays.
  Encodings: BOM first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
  charset-normalizer's best guess; a guess in the GB family is decoded as
  GB18030, the superset of GB2312 and GBK.
- HTML (bytes or str): the main text trafilatura extracts from the page. HTML
  markup, entities and scripts cannot be quoted verbatim, so the extracted
  text *is* the original: quotes stay verbatim and checkable against it, and a
  warning on the PreparedDocument says that offsets index the extracted text,
  not the markup.

Bad input raises InputError naming the document: empty or whitespace-only,
binary (NUL bytes without a UTF-16/32 byte-order mark, many control
characters), undecodable, or HTML without main text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from summarizer.document import SourceDocument
from summarizer.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html|<head|<body)", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|table|article|section|h[1-6])[\s>/]", re.I)
HTML_WARNING = (
    "html: the original is the main text extracted by trafilatura; "
    "evidence offsets index that text, not the HTML markup"
)


@dataclass(frozen=True)
class Decoded:
    """The text evidence points into, and how it was obtained."""

    text: str
    encoding: str | None
    is_html: bool
    warnings: tuple[str, ...]


def decode(document: SourceDocument) -> Decoded:
    """Decode `document.raw` (bytes or str) to text; HTML becomes its main text."""
    name = document.source or document.id
    if isinstance(document.raw, bytes):
        text, encoding = decode_bytes(document.raw, name)
    else:
        text, encoding = document.raw, None
    _check_text(text, name)
    warnings = [f"decoded as {encoding}"] if encoding not in (None, "utf-8") else []
    if not looks_like_html(text):
        return Decoded(text=text, encoding=encoding, is_html=False, warnings=tuple(warnings))
    main_text = html_main_text(text, name)
    warnings.append(HTML_WARNING)
    return Decoded(text=main_text, encoding=encoding, is_html=True, warnings=tuple(warnings))


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes by byte-order mark, then strict UTF-8, then detection."""
    if not data:
        raise InputError("empty document (0 bytes)", source=name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes), not a text document", source=name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect(data, name)
    return _strict(data, encoding, name), encoding


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # loaded lazily: most input is UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable: no text encoding fits these bytes", source=name)
    encoding = best.encoding.lower().replace("_", "")
    return "gb18030" if encoding in _GB_FAMILY else best.encoding


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable as {encoding}: {exc.reason}", source=name) from exc


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError("empty document (no text, only whitespace)", source=name)
    controls = len(_CONTROL.findall(text, 0, 20_000))
    if controls > max(2, len(text[:20_000]) // 50):
        raise InputError("binary content (control characters), not a text document", source=name)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than plain text."""
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= 3


def html_main_text(html: str, name: str) -> str:
    """The page's main text, without navigation, scripts and comments."""
    import trafilatura  # loaded lazily: heavy, and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise InputError("no main text found in the HTML page", source=name)
    return text
