"""The archive across weeks: `Archive(url)` stores briefs and answers questions about them."""

from __future__ import annotations

from datetime import date
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from summarizer.archive import changes, export, history, store
from summarizer.archive.briefing import Reprint, reprint_groups, without_reprints
from summarizer.archive.engine import default_url, open_engine
from summarizer.archive.schema import briefs, documents, items, stories
from summarizer.errors import SummarizerError
from summarizer.models import Brief
from summarizer.settings import Settings, hide_password


class ArchiveError(SummarizerError):
    """The archive could not be read or written."""


class Archive:
    """Briefs across weeks, in SQLite (the default file) or PostgreSQL (a URL)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self.engine: Engine = open_engine(self.url)

    @classmethod
    def from_settings(cls, settings: Settings) -> Archive:
        """The archive the settings name (SUMMARIZER_DB / --db), else the default file."""
        return cls(settings.db)

    def __repr__(self) -> str:
        return f"Archive({hide_password(self.url)!r})"

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def add(
        self, brief: Brief, text: str, raw: str | bytes | None = None, url: str | None = None
    ) -> store.Stored:
        """Store a brief and the document text its offsets index (raw: the bytes, for the hash)."""
        digest = store.content_hash(text if raw is None else raw)
        with self._begin() as conn:
            return store.add_brief(conn, brief, text, digest, url)

    def stored(self, raws: list[str | bytes], version: store.BriefVersion) -> dict[str, Brief]:
        """content hash → stored brief of that version, for the documents that have one."""
        digests = [store.content_hash(r) for r in raws]
        with self._connect() as conn:
            return store.stored_briefs(conn, digests, version)

    def project_timeline(self, name: str, region: str | None = None) -> list[history.TimelineEntry]:
        """Every mention of a project, oldest first, grouped by key."""
        with self._connect() as conn:
            return history.project_timeline(conn, name, region)

    def indicator_timeline(
        self, key: str, region: str | None = None
    ) -> list[history.TimelineEntry]:
        """Every figure of an indicator, oldest first, grouped by key."""
        with self._connect() as conn:
            return history.indicator_timeline(conn, key, region)

    def person_timeline(self, name: str, region: str | None = None) -> list[history.TimelineEntry]:
        """Every appearance (and directive) of people of that name; namesakes by key."""
        with self._connect() as conn:
            return history.person_timeline(conn, name, region)

    def since_last_week(self, week: str) -> changes.SinceLastWeek:
        """What moved in `week` (2023-W32) against the weeks before."""
        with self._connect() as conn:
            return changes.since_last_week(conn, week)

    def export_rows(
        self, since: date | None = None, lists: tuple[str, ...] = export.LISTS
    ) -> list[dict[str, Any]]:
        """One row per item of the stored briefs (a reprinted story's once)."""
        with self._connect() as conn:
            return export.export_rows(conn, since, lists)

    def reprints_among(
        self, briefs: list[Brief], raws: dict[str, str | bytes]
    ) -> tuple[list[Brief], list[Reprint]]:
        """The briefs with each story's items once (the longest article's), and the reprints.

        `raws` maps each brief's document id to the document's bytes or text.
        """
        digests = {doc: store.content_hash(raw) for doc, raw in raws.items()}
        with self._connect() as conn:
            groups = reprint_groups(conn, digests)
        return without_reprints(briefs, groups)

    def counts(self) -> dict[str, int]:
        """How many documents, briefs, stories and items the archive holds."""
        with self._connect() as conn:
            return {
                t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (documents, briefs, stories, items)
            }

    def _connect(self) -> Any:
        return _Guarded(self.engine.connect, self.url)

    def _begin(self) -> Any:
        return _Guarded(self.engine.begin, self.url)


class _Guarded:
    """A connection context whose database errors become one ArchiveError line."""

    def __init__(self, opener: Any, url: str) -> None:
        self._context = opener()
        self._url = url

    def __enter__(self) -> Any:
        try:
            return self._context.__enter__()
        except SQLAlchemyError as exc:
            raise self._error(exc) from exc

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        try:
            self._context.__exit__(kind, exc, tb)
        except SQLAlchemyError as error:
            raise self._error(error) from error
        if isinstance(exc, SQLAlchemyError):
            raise self._error(exc) from exc

    def _error(self, exc: SQLAlchemyError) -> ArchiveError:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return ArchiveError(f"archive {hide_password(self._url)}: {reason}")
