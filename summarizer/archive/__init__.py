"""The archive across weeks: documents, stories (reprints merged), briefs and their items.

`Archive(url)` opens (and migrates) the archive; with no URL, the SQLite file in the user
data dir. `summarize_archived` runs the pipeline but takes every brief it already has.
"""

from __future__ import annotations

from summarizer.archive.archive import Archive, ArchiveError
from summarizer.archive.changes import SinceLastWeek
from summarizer.archive.engine import default_url
from summarizer.archive.history import TimelineEntry
from summarizer.archive.store import BriefVersion

__all__ = [
    "Archive",
    "ArchiveError",
    "BriefVersion",
    "SinceLastWeek",
    "TimelineEntry",
    "default_url",
]
