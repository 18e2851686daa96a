"""Options shared by the commands that extract (brief, eval, summarize), and the progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.document import SourceDocument
from summarizer.models import Brief
from summarizer.pipeline import OnOutcome, Outcome, summarize_many
from summarizer.settings import Settings, resolve_settings

Backend = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="offline, llm, local or auto (default: auto)."),
]
Model = Annotated[str | None, typer.Option("--model", help="Model name for llm/local.")]
BaseUrl = Annotated[str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint.")]
ApiKey = Annotated[
    str | None,
    typer.Option("--api-key", help="API key (prefer OPENAI_API_KEY).", show_default=False),
]
Mode = Annotated[str | None, typer.Option("--mode", help="instructor mode: TOOLS, JSON, MD_JSON.")]
Strategy = Annotated[
    str | None,
    typer.Option("--strategy", help="What the model does: plain, hybrid, review, propose or auto."),
]
Concurrency = Annotated[int | None, typer.Option("--concurrency", help="Parallel requests.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")]


def settings_from(
    backend: str | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    mode: str | None,
    strategy: str | None,
    concurrency: int | None,
    no_cache: bool,
) -> Settings:
    """Resolve settings once: these options, then the environment."""
    return resolve_settings(
        backend=backend,
        model=model,
        base_url=base_url,
        api_key=api_key,
        mode=mode,
        strategy=strategy,
        concurrency=concurrency,
        use_cache=False if no_cache else None,
    )


def progress_outcomes(
    documents: list[SourceDocument], settings: Settings, on_outcome: OnOutcome | None = None
) -> list[Outcome]:
    """Summarize with a progress bar on stderr, shown only when stderr is a terminal.

    `on_outcome` sees each outcome as it finishes (for streaming output).
    """
    with progress(len(documents), on_outcome) as advance:
        return summarize_many(documents, settings=settings, on_outcome=advance)


@contextmanager
def progress(total: int, on_outcome: OnOutcome | None = None) -> Iterator[OnOutcome]:
    """A progress bar on stderr (only when it is a terminal); yields the per-outcome callback."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("summarizing", total=total)

        def advance(outcome: Outcome) -> None:
            if on_outcome is not None:
                on_outcome(outcome)
            bar.update(task, advance=1, description=_done(outcome))

        yield advance


def _done(outcome: Outcome) -> str:
    """The bar's line for a finished document: its id, and its service time or (failed)."""
    if not isinstance(outcome, Brief):
        return f"{outcome.id} (failed)"
    times = outcome.provenance
    return f"{outcome.id} ({(times.finished_at - times.started_at).total_seconds():.1f} s)"
