"""The backend protocol: a new provider is a new class, not a new branch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from summarizer.document import PreparedDocument
from summarizer.models import Directive, Metric, Project, Speaker, Usage


@dataclass
class Extraction:
    """What a backend found in one prepared document (evidence already grounded)."""

    speakers: list[Speaker] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    date: str | None = None
    usage: Usage = field(default_factory=Usage)


class Backend(Protocol):
    """Turns a prepared document into grounded items."""

    name: str
    model: str | None
    prompt_version: str | None

    async def extract(self, document: PreparedDocument) -> Extraction:
        """Extract the four lists from every article of the document."""
        ...

    async def aclose(self) -> None:
        """Release connections, child processes and other resources."""
        ...
