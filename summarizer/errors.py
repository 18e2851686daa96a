"""The error tree: one root, a few children, messages that say what to do next."""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of every error this package raises on purpose."""


class ConfigurationError(SummarizerError):
    """The user's settings are missing or wrong (a key, a URL, an option)."""


class InputError(SummarizerError):
    """An input document cannot be used: empty, binary, undecodable, unreadable."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{message}")


class BackendError(SummarizerError):
    """The extraction backend failed: network, provider, local server."""


class ExtractionError(SummarizerError):
    """The backend answered, but its output never validated."""

    def __init__(self, message: str, *, last_output: str | None = None, attempts: int = 0) -> None:
        self.last_output = last_output
        self.attempts = attempts
        super().__init__(message)
