"""`summarizer summarize FILE...`: print briefs (or recorded failures) as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import _archived as archived
from summarizer.cli import _options as opt
from summarizer.ingest import collect
from summarizer.models import Failure
from summarizer.pipeline import Outcome


def register(app: typer.Typer) -> None:
    @app.command("summarize")
    def summarize_files(
        inputs: Annotated[
            list[Path], typer.Argument(help="Files and folders (.txt .html .jsonl).")
        ],
        backend: opt.Backend = None,
        model: opt.Model = None,
        base_url: opt.BaseUrl = None,
        api_key: opt.ApiKey = None,
        mode: opt.Mode = None,
        strategy: opt.Strategy = None,
        concurrency: opt.Concurrency = None,
        no_cache: opt.NoCache = False,
        archive: Annotated[
            bool, typer.Option("--archive", help="Read and store briefs in the archive.")
        ] = False,
        db: archived.Db = None,
    ) -> None:
        """Summarize documents; print one JSON brief (or failure) per line as each finishes."""
        settings = opt.settings_from(
            backend, model, base_url, api_key, mode, strategy, concurrency, no_cache
        )
        collected = collect(inputs, max_bytes=settings.max_input_bytes)
        for warning in collected.warnings:
            typer.echo(f"warning: {warning}", err=True)
        for failure in collected.failures:
            emit(failure)
        if archive:
            store = archived.with_db(settings, db)
            outcomes, note = archived.outcomes(collected.documents, store, on_outcome=emit)
            typer.echo(note, err=True)
        else:
            outcomes = opt.progress_outcomes(collected.documents, settings, on_outcome=emit)
        if collected.failures or any(isinstance(o, Failure) for o in outcomes):
            raise typer.Exit(1)


def emit(outcome: Outcome) -> None:
    """One JSON line on stdout, flushed at once so a reader sees it while the batch runs."""
    typer.echo(json.dumps(outcome.model_dump(mode="json"), ensure_ascii=False))
