"""The brief stage: assemble grounded items into a Brief, dropping anything unchecked."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from summarizer.backends import Backend, Extraction
from summarizer.document import PreparedDocument
from summarizer.models import ArticleInfo, Brief, Evidence, Provenance
from summarizer.text.regions import is_meeting, region_of


class _Grounded(Protocol):
    @property
    def evidence(self) -> Evidence: ...


_Item = TypeVar("_Item", bound=_Grounded)


def assemble_brief(
    prepared: PreparedDocument,
    extraction: Extraction,
    backend: Backend,
    started: datetime,
    finished: datetime,
) -> Brief:
    """Build the Brief; items whose evidence is not verbatim at its offsets are dropped."""
    dropped = 0

    def grounded(items: list[_Item]) -> list[_Item]:
        nonlocal dropped
        kept = [i for i in items if is_grounded(i.evidence, prepared.original)]
        dropped += len(items) - len(kept)
        return kept

    speakers = grounded(extraction.speakers)
    directives = grounded(extraction.directives)
    metrics = grounded(extraction.metrics)
    projects = grounded(extraction.projects)
    usage = extraction.usage.model_copy(
        update={"dropped_items": extraction.usage.dropped_items + dropped}
    )
    articles = [
        ArticleInfo(
            title=a.title,
            date=a.date,
            start=a.start,
            end=a.end,
            region=region_of(a.text),
            meeting=is_meeting(a.title, a.text),
        )
        for a in prepared.articles
    ]
    return Brief(
        id=prepared.id,
        title=prepared.title or next((a.title for a in prepared.articles if a.title), None),
        date=prepared.date or extraction.date,
        source=prepared.source,
        articles=articles,
        speakers=speakers,
        directives=directives,
        metrics=metrics,
        projects=projects,
        warnings=[*prepared.warnings, *extraction.warnings],
        provenance=Provenance(
            backend=backend.name,
            model=backend.model,
            prompt_version=backend.prompt_version,
            started_at=started,
            finished_at=finished,
            usage=usage,
        ),
    )


def is_grounded(evidence: Evidence, original: str) -> bool:
    """True when the quote is non-empty and stands verbatim at its offsets."""
    return (
        bool(evidence.quote)
        and 0 <= evidence.start < evidence.end <= len(original)
        and original[evidence.start : evidence.end] == evidence.quote
    )
