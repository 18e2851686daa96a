"""`summarizer prepare FILE...`: show the articles the prepare stage finds, for inspection."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.document import Article, PreparedDocument, SourceDocument
from summarizer.errors import InputError
from summarizer.ingest import read_capped
from summarizer.prepare import prepare
from summarizer.settings import resolve_settings


def offset_runs(article: Article) -> list[list[int]]:
    """The article's offset map as runs [original_start, original_end] in text order."""
    runs: list[list[int]] = []
    for offset in article.offsets:
        if runs and runs[-1][1] == offset:
            runs[-1][1] = offset + 1
        else:
            runs.append([offset, offset + 1])
    return runs


def prepared_json(prepared: PreparedDocument) -> dict[str, Any]:
    """A JSON-ready view of a prepared document; `spans` concatenate to each text."""
    return {
        "id": prepared.id,
        "source": prepared.source,
        "title": prepared.title,
        "date": prepared.date,
        "warnings": list(prepared.warnings),
        "original_length": len(prepared.original),
        "articles": [
            {
                "index": a.index,
                "title": a.title,
                "date": a.date,
                "text": a.text,
                "spans": offset_runs(a),
            }
            for a in prepared.articles
        ],
    }


def _show(prepared: PreparedDocument) -> None:
    typer.echo(f"# {prepared.source or prepared.id}: {len(prepared.articles)} article(s)")
    for warning in prepared.warnings:
        typer.echo(f"  warning: {warning}")
    for article in prepared.articles:
        heading = f"## [{article.index}] {article.title or '(no title)'}"
        typer.echo(f"{heading}  date={article.date}  original={article.start}:{article.end}")
        typer.echo(article.text)
        typer.echo("")


def register(app: typer.Typer) -> None:
    @app.command("prepare")
    def prepare_files(
        files: Annotated[list[Path], typer.Argument(help="Text or HTML files, any encoding.")],
        as_json: Annotated[
            bool, typer.Option("--json", help="One JSON object per file and line.")
        ] = False,
    ) -> None:
        """Decode, clean and segment files; print each article's title, text and offsets."""
        max_bytes = resolve_settings().max_input_bytes
        failed = 0
        for path in files:
            try:
                prepared = prepare(
                    SourceDocument(id=path.stem, raw=_read(path, max_bytes), source=str(path))
                )
            except InputError as exc:
                failed += 1
                typer.echo(f"error: {exc}", err=True)
                continue
            if as_json:
                typer.echo(json.dumps(prepared_json(prepared), ensure_ascii=False))
            else:
                _show(prepared)
        if failed:
            raise typer.Exit(code=1)


def _read(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes; a missing path, a FIFO or a device, or a file over the cap is an
    InputError (a FIFO would block the read forever)."""
    if not path.exists():
        raise InputError("no such file", source=str(path))
    if not path.is_file():
        raise InputError("not a regular file (a folder, FIFO or device)", source=str(path))
    try:
        data = read_capped(path, max_bytes)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    if data is None:
        raise InputError(
            f"over the {max_bytes / 1e6:g} MB input cap (SUMMARIZER_MAX_INPUT_MB raises it)",
            source=str(path),
        )
    return data
