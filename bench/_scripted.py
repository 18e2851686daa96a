"""A batch against the scripted OpenAI-compatible server of the tests (tests/fake_openai.py).

The server answers every request with the grounded reply of tests/llm_support.py after a fixed
latency, `slots` requests at a time (tests/reliability_server.py: SlottedResponder).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from summarizer.document import SourceDocument
from summarizer.llm.backend import LLMBackend
from summarizer.models import Brief
from summarizer.pipeline import Outcome, asummarize_many
from summarizer.settings import Settings
from tests.reliability_server import numbered_article


def calls_reported(outcomes: list[Outcome]) -> int:
    """Model calls the briefs' usage reports (0 for a brief served from the cache)."""
    return sum(o.provenance.usage.calls for o in outcomes if isinstance(o, Brief))


def cached_briefs(outcomes: list[Outcome]) -> int:
    """Briefs whose usage says they came from the cache."""
    return sum(1 for o in outcomes if isinstance(o, Brief) and o.provenance.usage.cached)


def articles(count: int) -> list[SourceDocument]:
    """`count` distinct one-article documents."""
    return [SourceDocument(id=f"a{n:04d}", raw=numbered_article(n)) for n in range(count)]


def llm_settings(url: str, concurrency: int, cache_dir: Path | None) -> Settings:
    """Settings for the scripted server; the cache only when a folder is given."""
    return Settings(
        backend="llm",
        model="scripted",
        base_url=url,
        concurrency=concurrency,
        strategy="plain",
        use_cache=cache_dir is not None,
        cache_dir=cache_dir or Path(tempfile.gettempdir()) / "summarizer-bench-unused",
        timeout=60.0,
    )


def run_batch(documents: list[SourceDocument], settings: Settings) -> tuple[float, list[Outcome]]:
    """Wall time of one batch with a fresh backend (as a new process would have)."""

    async def batch() -> list[Outcome]:
        backend = LLMBackend(settings)
        try:
            return await asummarize_many(documents, settings=settings, backend=backend)
        finally:
            await backend.aclose()

    started = time.perf_counter()
    outcomes = asyncio.run(batch())
    return time.perf_counter() - started, outcomes
