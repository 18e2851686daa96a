"""Run a backend over fixtures and collect per-document results, usage and timing."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from statistics import fmean

from pydantic import ValidationError

from summarizer.backends import Backend, create_backend
from summarizer.brief import is_grounded
from summarizer.document import SourceDocument
from summarizer.evaluate.results import (
    LISTS,
    MODES,
    DocumentResult,
    EvalReport,
    Ratio,
    Summary,
    UsageSummary,
)
from summarizer.evaluate.scoring import combine, ratio, score_brief, sum_ratios
from summarizer.models import Brief, Failure, Fixture
from summarizer.pipeline import OnOutcome, asummarize_many
from summarizer.settings import Settings


def evaluate(
    fixtures: Sequence[Fixture],
    *,
    settings: Settings,
    backend: Backend | None = None,
    fixtures_dir: str = "",
    on_outcome: OnOutcome | None = None,
) -> EvalReport:
    """Extract every fixture's text with the backend and score the briefs."""
    return asyncio.run(
        aevaluate(fixtures, settings=settings, backend=backend, fixtures_dir=fixtures_dir,
                  on_outcome=on_outcome)  # fmt: skip
    )


async def aevaluate(
    fixtures: Sequence[Fixture],
    *,
    settings: Settings,
    backend: Backend | None = None,
    fixtures_dir: str = "",
    on_outcome: OnOutcome | None = None,
) -> EvalReport:
    """Async form of `evaluate`; closes the backend only if it created it. `on_outcome` is
    called as each document finishes (a progress display)."""
    active = backend or create_backend(settings)
    documents = [SourceDocument(id=f.id, raw=f.text, source=f.source) for f in fixtures]
    started = time.perf_counter()
    try:
        outcomes = await asummarize_many(
            documents, settings=settings, backend=active, on_outcome=on_outcome
        )
    finally:
        if backend is None:
            await active.aclose()
    wall = time.perf_counter() - started
    results = [document_result(f, o) for f, o in zip(fixtures, outcomes, strict=True)]
    return EvalReport(
        backend=active.name,
        model=active.model,
        prompt_version=active.prompt_version,
        fixtures=fixtures_dir,
        fixture_hash=fixture_hash(fixtures),
        documents=len(fixtures),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        summary=summarize_results(results, wall),
        results=results,
    )


def document_result(fixture: Fixture, outcome: Brief | Failure) -> DocumentResult:
    """Score one outcome; a Failure predicts nothing and gets article count and date wrong."""
    brief = outcome if isinstance(outcome, Brief) else None
    error = f"{outcome.error}: {outcome.message}" if isinstance(outcome, Failure) else None
    return DocumentResult(
        id=fixture.id,
        error=error,
        schema_valid=brief is not None and validates(brief),
        articles_expected=fixture.articles,
        articles_found=len(brief.articles) if brief else None,
        date_expected=fixture.date,
        date_found=brief.date if brief else None,
        article_count_correct=brief is not None and len(brief.articles) == fixture.articles,
        date_correct=brief is not None and brief.date == fixture.date,
        lists=score_brief(brief, fixture.expected),
        grounding=grounding(brief, fixture.text) if brief else ratio(0, 0),
        usage=usage_of(brief) if brief else UsageSummary(),
    )


def validates(brief: Brief) -> bool:
    """True when the brief survives a JSON round trip through its own schema."""
    try:
        Brief.model_validate_json(brief.model_dump_json())
    except ValidationError:
        return False
    return True


def grounding(brief: Brief, text: str) -> Ratio:
    """Share of predicted items whose quote stands verbatim at its offsets in `text`."""
    evidence = [
        *(s.evidence for s in brief.speakers),
        *(d.evidence for d in brief.directives),
        *(m.evidence for m in brief.metrics),
        *(p.evidence for p in brief.projects),
    ]
    return ratio(sum(is_grounded(e, text) for e in evidence), len(evidence))


def usage_of(brief: Brief) -> UsageSummary:
    """Calls, tokens, cost and extraction time recorded in the brief's provenance."""
    provenance = brief.provenance
    usage = provenance.usage
    return UsageSummary(
        calls=usage.calls,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cost_usd=usage.cost_usd,
        seconds=(provenance.finished_at - provenance.started_at).total_seconds(),
    )


def summarize_results(results: Sequence[DocumentResult], wall_seconds: float) -> Summary:
    """Micro and macro scores, rates and usage totals over all documents."""
    return Summary(
        lists={name: combine(r.lists[name] for r in results) for name in LISTS},
        macro_f1={name: _macro_f1(results, name) for name in LISTS},
        grounding=sum_ratios(r.grounding for r in results),
        schema_valid=ratio(sum(r.schema_valid for r in results), len(results)),
        article_count=ratio(sum(r.article_count_correct for r in results), len(results)),
        date=ratio(sum(r.date_correct for r in results), len(results)),
        usage=_total_usage(results, wall_seconds),
    )


def _macro_f1(results: Sequence[DocumentResult], name: str) -> dict[str, float]:
    if not results:
        return {mode: 0.0 for mode in MODES}
    return {mode: fmean(getattr(r.lists[name], mode).f1 for r in results) for mode in MODES}


def _total_usage(results: Sequence[DocumentResult], wall_seconds: float) -> UsageSummary:
    costs = [r.usage.cost_usd for r in results if r.usage.cost_usd is not None]
    return UsageSummary(
        calls=sum(r.usage.calls for r in results),
        prompt_tokens=sum(r.usage.prompt_tokens for r in results),
        completion_tokens=sum(r.usage.completion_tokens for r in results),
        cost_usd=sum(costs) if costs else None,
        seconds=wall_seconds,
    )


def fixture_hash(fixtures: Sequence[Fixture]) -> str:
    """sha256 of the fixtures' canonical JSON (sorted by id), blind to file formatting."""
    canonical = [f.model_dump(mode="json") for f in sorted(fixtures, key=lambda f: f.id)]
    data = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
