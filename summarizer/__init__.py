"""summarizer: structured, checkable briefs from Chinese local-government news.

Names are imported on first use, so `import summarizer.llm.prompting` (or the offline
path) does not pull in the HTTP and model client libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.document import SourceDocument
    from summarizer.errors import (
        BackendError,
        ConfigurationError,
        ExtractionError,
        InputError,
        SummarizerError,
    )
    from summarizer.models import Brief, Directive, Evidence, Failure, Metric, Project, Speaker
    from summarizer.pipeline import asummarize, asummarize_many, summarize, summarize_many
    from summarizer.settings import Settings, resolve_settings

_HOMES = {
    "summarize": "pipeline",
    "summarize_many": "pipeline",
    "asummarize": "pipeline",
    "asummarize_many": "pipeline",
    "Brief": "models",
    "Speaker": "models",
    "Directive": "models",
    "Metric": "models",
    "Project": "models",
    "Evidence": "models",
    "Failure": "models",
    "SourceDocument": "document",
    "Settings": "settings",
    "resolve_settings": "settings",
    "SummarizerError": "errors",
    "ConfigurationError": "errors",
    "InputError": "errors",
    "BackendError": "errors",
    "ExtractionError": "errors",
}

__all__ = [
    "summarize",
    "summarize_many",
    "asummarize",
    "asummarize_many",
    "Brief",
    "Speaker",
    "Directive",
    "Metric",
    "Project",
    "Evidence",
    "Failure",
    "SourceDocument",
    "Settings",
    "resolve_settings",
    "SummarizerError",
    "ConfigurationError",
    "InputError",
    "BackendError",
    "ExtractionError",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"summarizer.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
