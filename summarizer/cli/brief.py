"""`summarizer brief INPUT... -o OUT`: the weekly briefing document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer._atomic import write_text_atomic, write_with
from summarizer.cli import _archived as archived
from summarizer.cli import _options as opt
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.ingest import collect
from summarizer.models import Brief, Failure
from summarizer.report.docx import write_docx
from summarizer.report.labels import LANGUAGES
from summarizer.report.model import Briefing
from summarizer.report.render import render_html, render_markdown
from summarizer.report.weekly import build_briefing, period_of, sources_of

FORMATS = ("md", "html", "docx")
_ALIASES = {"markdown": "md", "htm": "html", "word": "docx"}


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief(
        inputs: Annotated[
            list[Path], typer.Argument(help="Files and folders (.txt .html .jsonl).")
        ],
        out: Annotated[Path, typer.Option("-o", "--out", help="Output file (.md .html .docx).")],
        week: Annotated[str | None, typer.Option(help="ISO week, e.g. 2023-W32.")] = None,
        since: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
        format: Annotated[
            str | None, typer.Option("--format", "-f", help="md, html or docx (default: from -o).")
        ] = None,
        lang: Annotated[
            str, typer.Option("--lang", help="Labels: zh (default) or en for foreign readers.")
        ] = "zh",
        backend: opt.Backend = None,
        model: opt.Model = None,
        base_url: opt.BaseUrl = None,
        api_key: opt.ApiKey = None,
        mode: opt.Mode = None,
        strategy: opt.Strategy = None,
        concurrency: opt.Concurrency = None,
        no_cache: opt.NoCache = False,
        db: archived.Db = None,
        no_archive: archived.NoArchive = False,
    ) -> None:
        """Summarize the articles and write the weekly briefing (Markdown, HTML or Word)."""
        kind = output_format(format, out)
        if week and (since or until):
            raise ConfigurationError("--week cannot be combined with --since/--until: pick one")
        if lang not in LANGUAGES:
            raise ConfigurationError(f"--lang {lang!r}: choose {' or '.join(LANGUAGES)}")
        period = period_of(week, since, until)
        settings = opt.settings_from(
            backend, model, base_url, api_key, mode, strategy, concurrency, no_cache
        )
        settings = archived.with_db(settings, db)
        collected = collect(inputs, max_bytes=settings.max_input_bytes)
        for warning in collected.warnings:
            typer.echo(f"warning: {warning}", err=True)
        run = archived.briefing_run(collected.documents, settings, not no_archive, period)
        outcomes = run.outcomes
        briefs = [o for o in outcomes if isinstance(o, Brief)]
        failures = collected.failures + [o for o in outcomes if isinstance(o, Failure)]
        if failures and not briefs:  # nothing to brief on: no file, one line, non-zero exit
            raise SummarizerError(
                f"every document failed ({len(failures)}); the first: {failures[0].message}"
            )
        briefing = build_briefing(
            briefs,
            failures,
            sources=sources_of(collected.documents, briefs),
            period=period,
            warnings=collected.warnings,
            language=lang,
            since=run.since,
            reprints=run.reprints,
        )
        if period.bounded and not briefing.dated_articles:
            raise ConfigurationError(
                f"no article is dated within {period.label} "
                f"({len(briefs)} document(s) summarized, {len(failures)} failed); nothing written"
            )
        write_briefing(briefing, kind, out)
        typer.echo(
            f"wrote {out}: {len(briefs)} document(s) summarized, {len(failures)} failed"
            + "".join(f"; {note}" for note in run.notes),
            err=True,
        )


def output_format(requested: str | None, out: Path) -> str:
    """The format the -o suffix names; --format must agree with it when both are given."""
    suffix = _canonical(out.suffix.lstrip("."))
    if requested is None:
        if not suffix:
            return "md"
        if suffix not in FORMATS:
            raise ConfigurationError(
                f"-o {out}: cannot tell the format from {out.suffix!r}; "
                "use .md, .html or .docx, or --format"
            )
        return suffix
    kind = _canonical(requested)
    if kind not in FORMATS:
        raise ConfigurationError(f"unknown format {requested!r}: choose md, html or docx")
    if suffix and suffix != kind:
        raise ConfigurationError(
            f"--format {requested} does not match -o {out}: name the file .{kind} or drop --format"
        )
    return kind


def _canonical(name: str) -> str:
    name = name.lower()
    return _ALIASES.get(name, name)


def write_briefing(briefing: Briefing, kind: str, out: Path) -> None:
    """Write the briefing atomically in the chosen format."""
    if kind == "docx":
        write_with(out, lambda tmp: write_docx(briefing, tmp))
    elif kind == "html":
        write_text_atomic(out, render_html(briefing))
    else:
        write_text_atomic(out, render_markdown(briefing))
