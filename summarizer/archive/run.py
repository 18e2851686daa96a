"""The pipeline with the archive: briefs already stored are read, the rest extracted and stored.

A brief is reused when the archive holds one for the same document bytes made by the same
backend, model, prompt version and schema version; so re-running a week's briefing makes
no extraction call, and a new backend or prompt version stores a new brief beside the old.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarizer.archive.archive import Archive
from summarizer.archive.store import BriefVersion, content_hash
from summarizer.backends import Backend, create_backend
from summarizer.document import SourceDocument
from summarizer.errors import SummarizerError
from summarizer.models import SCHEMA_VERSION, Brief
from summarizer.pipeline import OnOutcome, Outcome, asummarize_many
from summarizer.settings import Settings, resolve_settings
from summarizer.text.decode import decode


@dataclass
class ArchivedRun:
    """The outcomes in input order, and how many briefs came from where."""

    outcomes: list[Outcome] = field(default_factory=list)
    reused: int = 0
    extracted: int = 0
    stored: int = 0
    problems: list[str] = field(default_factory=list)  # briefs made but not stored, and why


def version_of(backend: Backend) -> BriefVersion:
    """The brief version this backend makes."""
    return BriefVersion(
        backend.name, backend.model or "", backend.prompt_version or "", SCHEMA_VERSION
    )


def summarize_archived(
    documents: Iterable[SourceDocument],
    archive: Archive,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    on_outcome: OnOutcome | None = None,
) -> ArchivedRun:
    """Summarize the documents, reading from and writing to the archive."""
    return asyncio.run(
        _run(list(documents), archive, settings or resolve_settings(), backend, on_outcome)
    )


async def _run(
    documents: list[SourceDocument],
    archive: Archive,
    settings: Settings,
    backend: Backend | None,
    on_outcome: OnOutcome | None,
) -> ArchivedRun:
    active = backend or create_backend(settings)
    try:
        stored = archive.stored([d.raw for d in documents], version_of(active))
        todo = [d for d in documents if content_hash(d.raw) not in stored]
        fresh = await asummarize_many(
            todo, settings=settings, backend=active, on_outcome=on_outcome
        )
    finally:
        if backend is None:
            await active.aclose()
    run = ArchivedRun(reused=len(documents) - len(todo), extracted=len(todo))
    by_id = {o.id: o for o in fresh}
    for document in documents:
        reused = stored.get(content_hash(document.raw))
        if reused is not None:
            outcome: Outcome = reused.model_copy(
                update={"id": document.id, "source": document.source}
            )
            if on_outcome is not None:
                on_outcome(outcome)
        else:
            outcome = _stored(archive, document, by_id[document.id], run)
        run.outcomes.append(outcome)
    return run


def _stored(
    archive: Archive, document: SourceDocument, outcome: Outcome, run: ArchivedRun
) -> Outcome:
    """Store a fresh brief; one the archive cannot take is still returned, with a problem noted."""
    if not isinstance(outcome, Brief):
        return outcome
    try:
        archive.add(outcome, decode(document).text, document.raw, url=document.url)
    except SummarizerError as exc:
        run.problems.append(f"{document.id}: not stored in the archive: {exc}")
        return outcome
    run.stored += 1
    return outcome
