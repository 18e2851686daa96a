"""The backend protocol and registry: a new provider is a new class, not a new branch.

Each backend name maps to a class with a `from_settings` constructor, imported
lazily so the offline path never loads openai.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from summarizer.document import PreparedDocument
from summarizer.errors import ConfigurationError
from summarizer.models import Directive, Metric, Project, Speaker, Usage
from summarizer.settings import Settings

__all__ = ["Backend", "Extraction", "create_backend", "choose_backend_name", "REGISTRY"]


@dataclass
class Extraction:
    """What a backend found in one prepared document (evidence already grounded)."""

    speakers: list[Speaker] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    date: str | None = None
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)  # for the brief's reader


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


# name -> "module:Class"; imported lazily so the offline path never loads openai.
REGISTRY: dict[str, str] = {
    "offline": "summarizer.rules:OfflineBackend",
    "llm": "summarizer.llm.backend:LLMBackend",
    "local": "summarizer.local.backend:LocalBackend",
}


def choose_backend_name(settings: Settings) -> str:
    """Resolve `auto`: the endpoint if one is configured, else offline.

    The embedded local model is never chosen by `auto`, even when installed: it takes tens
    of seconds per page on a CPU instead of milliseconds, and a few GB of memory
    (bench/README.md), so it must be asked for by name.
    """
    if settings.backend != "auto":
        return settings.backend
    if settings.base_url or settings.api_key:
        return "llm"
    return "offline"


def create_backend(settings: Settings) -> Backend:
    """Instantiate the backend the settings ask for."""
    name = choose_backend_name(settings)
    try:
        target = REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ConfigurationError(f"unknown backend {name!r}: choose one of {known}") from None
    module_name, class_name = target.split(":")
    cls: Any = getattr(importlib.import_module(module_name), class_name)
    return cast(Backend, cls.from_settings(settings))
