"""`summarizer brief INPUT... -o OUT`: the weekly briefing document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summarizer._atomic import write_text_atomic, write_with
from summarizer.cli import _options as opt
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.ingest import collect
from summarizer.models import Brief, Failure
from summarizer.report.docx import write_docx
from summarizer.report.model import Briefing
from summarizer.report.render import render_html, render_markdown
from summarizer.report.weekly import build_briefing, period_of

FORMATS = ("md", "html", "docx")


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief(
        inputs: Annotated[
            list[Path], typer.Argument(help="Files and folders (.txt .html .jsonl).")
        ],
        out: Annotated[Path, typer.Option("-o", "--out", help="Output file.")],
        week: Annotated[str | None, typer.Option(help="ISO week, e.g. 2023-W32.")] = None,
        since: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
        format: Annotated[
            str | None, typer.Option("--format", "-f", help="md, html or docx (default: from -o).")
        ] = None,
        backend: opt.Backend = None,
        model: opt.Model = None,
        base_url: opt.BaseUrl = None,
        api_key: opt.ApiKey = None,
        mode: opt.Mode = None,
        strategy: opt.Strategy = None,
        concurrency: opt.Concurrency = None,
        no_cache: opt.NoCache = False,
    ) -> None:
        """Summarize the articles and write the weekly briefing (Markdown, HTML or Word)."""
        kind = output_format(format, out)
        period = period_of(week, since, until)
        settings = opt.settings_from(
            backend, model, base_url, api_key, mode, strategy, concurrency, no_cache
        )
        collected = collect(inputs)
        outcomes = opt.progress_outcomes(collected.documents, settings)
        briefs = [o for o in outcomes if isinstance(o, Brief)]
        failures = collected.failures + [o for o in outcomes if isinstance(o, Failure)]
        if failures and not briefs:  # nothing to brief on: no file, one line, non-zero exit
            raise SummarizerError(
                f"every document failed ({len(failures)}); the first: {failures[0].message}"
            )
        fallback = {d.id: d.fallback_date for d in collected.documents if d.fallback_date}
        briefing = build_briefing(briefs, failures, fallback_dates=fallback, period=period)
        write_briefing(briefing, kind, out)
        Console(stderr=True).print(
            f"wrote {out}: {len(briefs)} document(s) summarized, {len(failures)} failed"
        )


def output_format(requested: str | None, out: Path) -> str:
    """The format asked for, else the one the output file's suffix names."""
    kind = (requested or out.suffix.lstrip(".") or "md").lower()
    kind = {"markdown": "md", "htm": "html"}.get(kind, kind)
    if kind not in FORMATS:
        raise ConfigurationError(f"unknown format {kind!r}: choose md, html or docx")
    return kind


def write_briefing(briefing: Briefing, kind: str, out: Path) -> None:
    """Write the briefing atomically in the chosen format."""
    if kind == "docx":
        write_with(out, lambda tmp: write_docx(briefing, tmp))
    elif kind == "html":
        write_text_atomic(out, render_html(briefing))
    else:
        write_text_atomic(out, render_markdown(briefing))
