"""Backend registry: each name maps to a class with a `from_settings` constructor."""

from __future__ import annotations

import importlib
from typing import Any, cast

from summarizer.backends.base import Backend, Extraction
from summarizer.errors import ConfigurationError
from summarizer.settings import Settings

__all__ = ["Backend", "Extraction", "create_backend", "choose_backend_name", "REGISTRY"]

# name -> "module:Class"; imported lazily so the offline path never loads openai.
REGISTRY: dict[str, str] = {
    "offline": "summarizer.backends.offline:OfflineBackend",
    "llm": "summarizer.backends.llm:LLMBackend",
    "local": "summarizer.backends.local:LocalBackend",
}


def choose_backend_name(settings: Settings) -> str:
    """Resolve `auto`: an endpoint if configured, else the installed local model, else offline."""
    if settings.backend != "auto":
        return settings.backend
    if settings.base_url or settings.api_key:
        return "llm"
    if _local_model_ready(settings):
        return "local"
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


def _local_model_ready(settings: Settings) -> bool:
    try:
        local = importlib.import_module("summarizer.local")
    except ImportError:
        return False
    return bool(local.model_ready(settings))
