"""The archive in the extracting commands: options, the run with a progress bar, and what the
briefing takes from it (each story once, what changed since last week)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

import typer

from summarizer.archive import Archive, SinceLastWeek
from summarizer.archive.briefing import Reprint, latest_week
from summarizer.archive.run import summarize_archived
from summarizer.cli import _options as opt
from summarizer.document import SourceDocument
from summarizer.models import Brief
from summarizer.pipeline import OnOutcome, Outcome
from summarizer.report.weekly import Period
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
    """Outcomes for the briefing, what the archive adds to it, a line for the user."""

    outcomes: list[Outcome]
    since: SinceLastWeek | None = None
    reprints: list[Reprint] = field(default_factory=list)
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
    documents: list[SourceDocument], settings: Settings, use_archive: bool, period: Period
) -> Run:
    """The brief command's run: with the archive, stories once and what changed in the week
    of the period's latest article."""
    if not use_archive:
        return Run(opt.progress_outcomes(documents, settings))
    found, note = outcomes(documents, settings)
    briefs = [o for o in found if isinstance(o, Brief)]
    with Archive.from_settings(settings) as archive:
        shown, reprints = archive.reprints_among(briefs, {d.id: d.raw for d in documents})
        week = latest_week([b for b in briefs if _within(b, period)])
        since = archive.since_last_week(week) if week else None
    by_id = {b.id: b for b in shown}
    kept = [by_id.get(o.id, o) if isinstance(o, Brief) else o for o in found]
    return Run(kept, since, reprints, [note])


def _within(brief: Brief, period: Period) -> bool:
    return brief.date is not None and period.contains(date.fromisoformat(brief.date))
