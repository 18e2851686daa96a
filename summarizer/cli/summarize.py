"""`summarizer summarize FILE...`: print briefs as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from summarizer.document import SourceDocument
from summarizer.pipeline import summarize_many
from summarizer.settings import resolve_settings


def register(app: typer.Typer) -> None:
    @app.command("summarize")
    def summarize_files(
        files: Annotated[list[Path], typer.Argument(help="Text or HTML files.")],
        backend: Annotated[str | None, typer.Option(help="offline, llm, local or auto.")] = None,
    ) -> None:
        """Summarize files and print one JSON brief (or failure) per line."""
        settings = resolve_settings(backend=backend)
        documents = [SourceDocument(id=f.stem, raw=f.read_bytes(), source=str(f)) for f in files]
        for outcome in summarize_many(documents, settings=settings):
            typer.echo(json.dumps(outcome.model_dump(mode="json"), ensure_ascii=False))
