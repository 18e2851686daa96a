"""The archive in the extracting commands: options, the run with a progress bar, the section."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from summarizer._atomic import write_text_atomic
from summarizer.archive import Archive
from summarizer.archive.briefing import latest_week
from summarizer.archive.run import summarize_archived
from summarizer.cli import _options as opt
from summarizer.document import SourceDocument
from summarizer.models import Brief
from summarizer.pipeline import OnOutcome, Outcome
from summarizer.report.archive_section import (
    ArchiveSection,
    render_section_html,
    render_section_markdown,
)
from summarizer.settings import Settings

Db = Annotated[
    str | None,
    typer.Option("--db", help="Archive URL (default: SQLite in the user data dir; SUMMARIZER_DB)."),
]
NoArchive = Annotated[
    bool,
    typer.Option("--no-archive", help="Neither read briefs from nor store them in the archive."),
]


@dataclass
class Run:
    """Outcomes for the briefing (each story once), the archive section, a line for the user."""

    outcomes: list[Outcome]
    section: ArchiveSection | None = None
    notes: list[str] = field(default_factory=list)


def with_db(settings: Settings, db: str | None) -> Settings:
    """The settings with --db, when given, over SUMMARIZER_DB."""
    return settings.with_changes(db=db) if db else settings


def outcomes(
    documents: list[SourceDocument], settings: Settings, on_outcome: OnOutcome | None = None
) -> tuple[list[Outcome], str]:
    """Summarize through the archive; the outcomes, and what came from where."""
    progress = opt.progress(len(documents), on_outcome)
    with Archive.from_settings(settings) as archive, progress as advance:
        run = summarize_archived(documents, archive, settings=settings, on_outcome=advance)
    for problem in run.problems:
        typer.echo(f"warning: {problem}", err=True)
    return run.outcomes, f"{run.reused} from the archive, {run.extracted} extracted"


def briefing_run(
    documents: list[SourceDocument], settings: Settings, use_archive: bool, week: str | None
) -> Run:
    """The brief command's run: with the archive, stories once and the since-last-week data."""
    if not use_archive:
        return Run(opt.progress_outcomes(documents, settings))
    found, note = outcomes(documents, settings)
    briefs = [o for o in found if isinstance(o, Brief)]
    with Archive.from_settings(settings) as archive:
        shown, reprints = archive.reprints_among(briefs, {d.id: d.raw for d in documents})
        chosen = week or latest_week(briefs)
        since = archive.since_last_week(chosen) if chosen else None
    by_id = {b.id: b for b in shown}
    kept = [by_id.get(o.id, o) if isinstance(o, Brief) else o for o in found]
    return Run(kept, ArchiveSection(since=since, reprints=reprints), [note])


def write_section(section: ArchiveSection | None, kind: str, out: Path) -> None:
    """Add the archive section to a Markdown or HTML briefing (Word: not yet)."""
    if section is None or kind == "docx":
        return
    text = out.read_text(encoding="utf-8")
    if kind == "md":
        text = text.rstrip("\n") + "\n\n" + render_section_markdown(section)
    else:
        text = text.replace("</body>", render_section_html(section) + "</body>", 1)
    write_text_atomic(out, text)
