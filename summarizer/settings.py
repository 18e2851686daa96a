"""One frozen settings object, resolved once at the entry point.

Order: explicit arguments, then environment (SUMMARIZER_*, OPENAI_API_KEY,
OPENAI_BASE_URL), then defaults. Stages never read the environment.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from summarizer.errors import ConfigurationError

BACKENDS = ("auto", "offline", "llm", "local")
MODES = ("AUTO", "TOOLS", "JSON", "MD_JSON")
# What the model is asked to do (see summarizer/llm/backend.py): extract everything (plain),
# pick and label the offline extractor's candidates and add what they missed (hybrid), or
# only say which of the offline directive and project candidates are right (review).
STRATEGIES = ("auto", "plain", "hybrid", "review", "propose")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, in one place."""

    backend: str = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    mode: str = "AUTO"
    temperature: float = 0.0
    # Deadlines, in seconds: to open a connection; between two bytes of a reply (the wait
    # for the first byte included); for one request from send to last byte; and for one
    # article across all its requests, re-asks and retries.
    connect_timeout: float = 10.0
    read_timeout: float = 90.0
    timeout: float = 120.0
    article_timeout: float = 600.0
    max_reply_bytes: int = 2 << 20
    concurrency: int = 4
    max_retries: int = 4
    max_reasks: int = 2
    token_budget: int = 24_000
    max_tokens: int = 2_048
    chunk_chars: int = 3_000
    strategy: str = "auto"
    cache_dir: Path = Path(user_cache_dir("summarizer"))
    use_cache: bool = True
    price_prompt_per_mtok: float | None = None
    price_completion_per_mtok: float | None = None
    debug: bool = False
    max_input_mb: float = 5.0  # per document; larger inputs become a failure that says so
    db: str | None = None  # archive URL; None: the SQLite file in the user data dir

    def __repr__(self) -> str:  # never show the key, nor a password in the archive URL
        shown = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "api_key"}
        shown["api_key"] = "***" if self.api_key else None
        shown["db"] = hide_password(self.db) if self.db else None
        return f"Settings({shown})"

    def with_changes(self, **changes: Any) -> Settings:
        return validated(replace(self, **changes))

    @property
    def max_input_bytes(self) -> int:
        return int(self.max_input_mb * 1_000_000)


_ENV_NAMES: dict[str, str] = {f.name: f"SUMMARIZER_{f.name.upper()}" for f in fields(Settings)}
_ENV_FALLBACKS = {"api_key": "OPENAI_API_KEY", "base_url": "OPENAI_BASE_URL"}


def resolve_settings(env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
    """Build Settings from explicit values (None means unset), then the environment."""
    environ = os.environ if env is None else env
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if explicit.get(f.name) is not None:
            values[f.name] = explicit[f.name]
            continue
        raw = environ.get(_ENV_NAMES[f.name])
        if raw is None and f.name in _ENV_FALLBACKS:
            raw = environ.get(_ENV_FALLBACKS[f.name])
        if raw not in (None, ""):
            values[f.name] = _coerce(f.name, str(raw), f.default)
    unknown = set(explicit) - {f.name for f in fields(Settings)}
    if unknown:
        raise ConfigurationError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    _reject_unknown_variables(environ)
    return validated(Settings(**values))


def _reject_unknown_variables(environ: Mapping[str, str]) -> None:
    """A misspelt (or retired) SUMMARIZER_* variable would be ignored silently: say so."""
    known = set(_ENV_NAMES.values())
    unknown = sorted(n for n in environ if n.startswith("SUMMARIZER_") and n not in known)
    if not unknown:
        return
    name = unknown[0]
    suffixes = [k.removeprefix("SUMMARIZER_") for k in known]
    close = difflib.get_close_matches(name.removeprefix("SUMMARIZER_"), suffixes, 1, 0.75)
    hint = f"; did you mean SUMMARIZER_{close[0]}?" if close else ""
    raise ConfigurationError(f"unknown environment variable {name}{hint}")


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float) or name.startswith("price_"):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw).expanduser()
    except ValueError as exc:
        raise ConfigurationError(f"{_ENV_NAMES[name]}={raw!r} is not a valid {name}") from exc
    return raw


_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")


def hide_password(url: str) -> str:
    """postgresql://user:secret@host/db → postgresql://user:***@host/db."""
    return _PASSWORD.sub(r"\1***@", url)


def validated(settings: Settings) -> Settings:
    """Check values that a typo could break; raise ConfigurationError naming the fix."""
    if settings.backend not in BACKENDS:
        raise ConfigurationError(
            f"unknown backend {settings.backend!r}: choose one of {', '.join(BACKENDS)}"
        )
    mode = settings.mode.upper()
    if mode not in MODES:
        raise ConfigurationError(
            f"unknown mode {settings.mode!r}: choose one of {', '.join(MODES)}"
        )
    if settings.strategy not in STRATEGIES:
        raise ConfigurationError(
            f"unknown strategy {settings.strategy!r}: choose one of {', '.join(STRATEGIES)}"
        )
    if settings.max_input_mb <= 0:
        raise ConfigurationError("max_input_mb must be positive (SUMMARIZER_MAX_INPUT_MB)")
    deadlines = ("connect_timeout", "read_timeout", "timeout", "article_timeout")
    for name in deadlines:
        if not getattr(settings, name) > 0:
            raise ConfigurationError(f"{_ENV_NAMES[name]} must be a positive number of seconds")
    if settings.max_reply_bytes < 1:
        raise ConfigurationError("SUMMARIZER_MAX_REPLY_BYTES must be at least 1")
    if settings.concurrency < 1:
        raise ConfigurationError("concurrency must be at least 1 (SUMMARIZER_CONCURRENCY)")
    if mode != settings.mode:
        return replace(settings, mode=mode)
    return settings
