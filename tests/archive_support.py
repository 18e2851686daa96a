"""Helpers for the archive tests: the two invented weeks, a backend that counts its calls.

tests/archive_weeks holds two invented weeks of one invented county (澄溪县): week 15 signs the
智能装备产业园 project and sets the year's growth target; week 16 starts the project, reports
the first-quarter growth, signs a second project, and carries a reprint of its own story from
an invented city paper (other furniture and headline). Hosts end in `.example`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.archive import Archive
from summarizer.archive.run import ArchivedRun, summarize_archived
from summarizer.backends import Extraction
from summarizer.document import PreparedDocument, SourceDocument
from summarizer.ingest import collect
from summarizer.models import Brief, Evidence, Project, ProjectStatus, Provenance, Speaker
from summarizer.rules import OfflineBackend

WEEKS = Path(__file__).parent / "archive_weeks"


class CountingBackend:
    """The offline backend, counting extract calls (and able to claim another prompt version)."""

    def __init__(self, prompt_version: str | None = None) -> None:
        self.inner = OfflineBackend()
        self.name = self.inner.name
        self.model = self.inner.model
        self.prompt_version = prompt_version
        self.calls = 0

    async def extract(self, document: PreparedDocument) -> Extraction:
        self.calls += 1
        return await self.inner.extract(document)

    async def aclose(self) -> None:
        await self.inner.aclose()


def week_documents(*names: str) -> list[SourceDocument]:
    return [d for n in names for d in collect([WEEKS / f"{n}.jsonl"]).documents]


def store_weeks(archive: Archive, backend: Any = None) -> ArchivedRun:
    """Both weeks through the archive with the offline extractor, week 15 first."""
    first = summarize_archived(
        week_documents("week15"), archive, backend=backend or CountingBackend()
    )
    second = summarize_archived(
        week_documents("week16"), archive, backend=backend or CountingBackend()
    )
    return ArchivedRun(
        first.outcomes + second.outcomes,
        first.reused + second.reused,
        first.extracted + second.extracted,
        first.stored + second.stored,
    )


def person_brief(doc_id: str, name: str, title: str, region: str, day: str) -> tuple[Brief, str]:
    """A hand-made one-speaker brief and its text."""
    from summarizer.models import ArticleInfo

    text = f"{day}，{title}{name}出席会议并讲话。"
    start = text.index(title)
    when = datetime(2024, 1, 1, tzinfo=UTC)
    brief = Brief(
        id=doc_id,
        date=day,
        source=f"{doc_id}.txt",
        articles=[ArticleInfo(start=0, end=len(text), region=region, date=day)],
        speakers=[
            Speaker(
                name=name,
                title=title,
                evidence=Evidence(
                    quote=text[start : start + len(title) + len(name)],
                    start=start,
                    end=start + len(title) + len(name),
                ),
            )
        ],
        provenance=Provenance(backend="offline", started_at=when, finished_at=when),
    )
    return brief, text


def project_brief(
    doc_id: str, status: ProjectStatus, prompt_version: str | None = None
) -> tuple[Brief, str]:
    """A hand-made one-project brief and its text."""
    from summarizer.models import ArticleInfo

    text = "2024年3月1日，云杉县新材料产业园项目建设有序推进，各方共同努力。"
    name = "云杉县新材料产业园项目"
    start = text.index(name)
    when = datetime(2024, 1, 1, tzinfo=UTC)
    brief = Brief(
        id=doc_id,
        date="2024-03-01",
        source=f"{doc_id}.txt",
        articles=[ArticleInfo(start=0, end=len(text), region="云杉县", date="2024-03-01")],
        projects=[
            Project(
                name=name,
                status=status,
                evidence=Evidence(quote=name, start=start, end=start + len(name)),
            )
        ],
        provenance=Provenance(
            backend="offline", prompt_version=prompt_version, started_at=when, finished_at=when
        ),
    )
    return brief, text
