"""The pipeline: prepare → extract (backend) → brief, for one document or many."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from summarizer.backends import Backend, create_backend
from summarizer.brief import assemble_brief
from summarizer.document import SourceDocument
from summarizer.errors import ExtractionError, SummarizerError
from summarizer.models import Brief, Failure
from summarizer.normalize import normalize
from summarizer.prepare import prepare
from summarizer.settings import Settings, resolve_settings

Outcome = Brief | Failure
OnOutcome = Callable[[Outcome], None]


def summarize(
    text: str | bytes,
    *,
    id: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    backend: Backend | str | None = None,
    **overrides: Any,
) -> Brief:
    """Summarize one document into a grounded Brief; raise a SummarizerError on failure."""
    return asyncio.run(
        asummarize(text, id=id, source=source, settings=settings, backend=backend, **overrides)
    )


async def asummarize(
    text: str | bytes,
    *,
    id: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    backend: Backend | str | None = None,
    **overrides: Any,
) -> Brief:
    """Async form of `summarize`."""
    document = SourceDocument(id=id or document_id(text), raw=text, source=source)
    active, owned = _backend_for(settings, backend, overrides)
    try:
        return await _summarize_one(document, active)
    finally:
        if owned:
            await active.aclose()


def summarize_many(
    documents: Iterable[SourceDocument | str | bytes],
    *,
    settings: Settings | None = None,
    backend: Backend | str | None = None,
    on_outcome: OnOutcome | None = None,
    **overrides: Any,
) -> list[Outcome]:
    """Summarize many documents; a failure is recorded as a Failure and the batch goes on."""
    return asyncio.run(
        asummarize_many(
            documents, settings=settings, backend=backend, on_outcome=on_outcome, **overrides
        )
    )


async def asummarize_many(
    documents: Iterable[SourceDocument | str | bytes],
    *,
    settings: Settings | None = None,
    backend: Backend | str | None = None,
    on_outcome: OnOutcome | None = None,
    **overrides: Any,
) -> list[Outcome]:
    """Async form of `summarize_many`, with bounded concurrency; keeps input order."""
    items = [as_source_document(d) for d in documents]
    instance, overrides = _split_backend(backend, overrides)
    resolved = settings or resolve_settings(**overrides)
    active, owned = _backend_for(resolved, instance, {})
    slots = asyncio.Semaphore(_in_flight(resolved, active))

    async def run(document: SourceDocument) -> Outcome:
        async with slots:
            outcome = await _outcome_of(document, active)
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    try:
        return list(await asyncio.gather(*(run(d) for d in items)))
    finally:
        if owned:
            await active.aclose()


def _in_flight(settings: Settings, backend: Backend) -> int:
    """Documents worked on at once: the setting, but never more than the backend serves at
    once (`parallel`, e.g. the local model's one-slot server), so that no document waits
    in a queue on its own clock and deadline; and a few more (`ahead`) for a backend that
    holds its own requests to the setting, so that a request is ready when a slot frees."""
    served = getattr(backend, "parallel", None)
    if isinstance(served, int):
        return min(settings.concurrency, served)
    ahead = getattr(backend, "ahead", 0)
    return settings.concurrency + (ahead if isinstance(ahead, int) else 0)


async def _outcome_of(document: SourceDocument, backend: Backend) -> Outcome:
    try:
        return await _summarize_one(document, backend)
    except SummarizerError as exc:
        return failure_of(document, exc)


async def _summarize_one(document: SourceDocument, backend: Backend) -> Brief:
    started = datetime.now(UTC)
    prepared = prepare(document)
    extraction = await backend.extract(prepared)
    brief = assemble_brief(prepared, extraction, backend, started, datetime.now(UTC))
    return normalize(brief, prepared.original)


def failure_of(document: SourceDocument, exc: SummarizerError) -> Failure:
    """Record why a document failed, keeping the model's last output when there is one."""
    last_output = exc.last_output if isinstance(exc, ExtractionError) else None
    attempts = exc.attempts if isinstance(exc, ExtractionError) else 0
    return Failure(
        id=document.id,
        source=document.source,
        error=type(exc).__name__,
        message=str(exc),
        last_output=last_output,
        attempts=attempts,
    )


def _backend_for(
    settings: Settings | None, backend: Backend | str | None, overrides: dict[str, Any]
) -> tuple[Backend, bool]:
    instance, overrides = _split_backend(backend, overrides)
    if instance is not None:
        return instance, False
    return create_backend(settings or resolve_settings(**overrides)), True


def _split_backend(
    backend: Backend | str | None, overrides: dict[str, Any]
) -> tuple[Backend | None, dict[str, Any]]:
    """A backend may be given as an instance or by name (`backend="offline"`)."""
    if isinstance(backend, str):
        return None, {**overrides, "backend": backend}
    return backend, overrides


def as_source_document(item: SourceDocument | str | bytes) -> SourceDocument:
    """Wrap raw text or bytes as a SourceDocument with a content-derived id."""
    if isinstance(item, SourceDocument):
        return item
    return SourceDocument(id=document_id(item), raw=item)


def document_id(raw: str | bytes) -> str:
    """A stable id from the content: the first 16 hex digits of its sha256."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return hashlib.sha256(data).hexdigest()[:16]
