"""The prepare stage: raw document → decoded original → clean articles with offset maps.

Steps: decode (summarizer.text.decode: encoding detection, HTML main text), fold a
same-length matching view (summarizer.text.fold), read the page's publication and
signature dates before cleaning drops those lines (summarizer.text.dates), clean and
repair paragraphs (summarizer.text.clean), segment into articles (summarizer.text.segment).

`PreparedDocument.original` is the text evidence offsets index: the input
string, the decoded bytes, or for HTML the main text trafilatura extracts (a
warning on the result says so); see summarizer.text.decode. Every article character
is a character of the original: `original[article.offsets[i]] == article.text[i]`
for all i, including the "\\n" between paragraphs, which is the newline that
ended the paragraph in the original.
"""

from __future__ import annotations

import logging

from summarizer.document import Article, PreparedDocument, SourceDocument
from summarizer.errors import InputError
from summarizer.text.clean import Kind, Paragraph, clean
from summarizer.text.dates import PageDates, article_date, page_dates
from summarizer.text.decode import decode
from summarizer.text.fold import fold_page
from summarizer.text.script import script_warning
from summarizer.text.segment import Draft, segment

_LEAD_PARAGRAPHS = 2  # a date in the first two text paragraphs is the article's date
_LOG = logging.getLogger("summarizer.prepare")


def prepare(document: SourceDocument) -> PreparedDocument:
    """Decode, clean and segment a document; raise InputError when it has no article."""
    decoded = decode(document)
    original = decoded.text
    folded = fold_page(original)
    page = page_dates(folded, published=document.published)
    drafts = segment(clean(original, folded))
    if not drafts:
        raise InputError(
            "no article text found (only page furniture, links or headlines)",
            source=document.source or document.id,
        )
    articles = tuple(build_article(i, draft, original, page) for i, draft in enumerate(drafts))
    warnings = (*decoded.warnings, *_readability(document, articles))
    single_title = articles[0].title if len(articles) == 1 else None
    return PreparedDocument(
        id=document.id,
        original=original,
        articles=articles,
        source=document.source,
        title=document.title or single_title,
        date=document.date or next((a.date for a in articles if a.date), None),
        warnings=warnings,
    )


def _readability(document: SourceDocument, articles: tuple[Article, ...]) -> tuple[str, ...]:
    """A warning, also logged to stderr, when the articles are not Chinese the rules can read."""
    warning = script_warning("\n".join(article.text for article in articles))
    if warning is None:
        return ()
    _LOG.warning("%s: %s", document.source or document.id, warning)
    return (warning,)


def build_article(
    index: int, draft: Draft, original: str, page: PageDates | None = None
) -> Article:
    """The article's text and offsets: its paragraphs' spans, one newline between them.

    Its date is the event day its lead states, the year fixed by the text or by the
    page's header (`page`); without a day, the page's signature or publication date.
    """
    paragraphs = draft.paragraphs
    pieces: list[str] = []
    offsets: list[int] = []
    folded_pieces: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        _append_spans(paragraph, original, pieces, offsets)
        folded_pieces.append(paragraph.folded)
        if number + 1 < len(paragraphs) and paragraph.newline is not None:
            pieces.append("\n")
            offsets.append(paragraph.newline)
            folded_pieces.append("\n")
    title = draft.title()
    folded_text = "".join(folded_pieces)
    return Article(
        index=index,
        text="".join(pieces),
        offsets=tuple(offsets),
        title=title.text(original) if title is not None else None,
        date=article_date(folded_text, _lead_end(paragraphs), page),
    )


def _append_spans(
    paragraph: Paragraph, original: str, pieces: list[str], offsets: list[int]
) -> None:
    for start, end in paragraph.spans:
        pieces.append(original[start:end])
        offsets.extend(range(start, end))


def _lead_end(paragraphs: list[Paragraph]) -> int:
    """Length of the article text up to the end of its first text paragraphs."""
    position, seen = 0, 0
    for paragraph in paragraphs:
        position += len(paragraph.folded) + 1
        if paragraph.kind in (Kind.BODY, Kind.LEAD):
            seen += 1
            if seen == _LEAD_PARAGRAPHS:
                break
    return position
