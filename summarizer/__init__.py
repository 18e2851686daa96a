"""summarizer: structured, checkable briefs from Chinese local-government news."""

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
