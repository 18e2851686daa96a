"""Transport retries around one chat-completion request (tenacity).

Only transient failures are retried: HTTP 408, 429 and 5xx, timeouts and
connection errors. Waits grow exponentially with jitter, except that a
server's `Retry-After` (or `retry-after-ms`) is honoured. The last failure
becomes a BackendError with one clear line that never holds the API key.
This layer sits inside instructor's validation re-asks: a re-ask is a new
request with its own transport retries.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from summarizer.errors import BackendError

log = logging.getLogger("summarizer.llm")

_TRANSIENT_STATUS = frozenset({408, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to try a request and how long to wait in between (seconds)."""

    attempts: int = 5
    initial_wait: float = 1.0
    max_wait: float = 30.0
    max_retry_after: float = 120.0


def is_transient(exc: BaseException) -> bool:
    """Whether a failed request is worth sending again."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _TRANSIENT_STATUS or exc.status_code >= 500
    return False


def retry_after(exc: BaseException | None) -> float | None:
    """The wait a server asked for, in seconds, if it asked."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        return max(when.timestamp() - time.time(), 0.0) if when else None


class _Wait:
    """Retry-After when the server gave one, else exponential backoff with jitter."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.initial_wait
        )

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        if asked is not None:
            return min(asked, self._policy.max_retry_after)
        return float(self._backoff(state))


class Transport:
    """Sends a request with retries; `observe` sees every attempt's outcome."""

    def __init__(
        self,
        send: Callable[..., Awaitable[Any]],
        *,
        policy: RetryPolicy,
        base_url: str,
        redact: Callable[[str], str],
        observe: Callable[[Any], None] | None = None,
    ) -> None:
        self._send = send
        self._policy = policy
        self._base_url = base_url
        self._redact = redact
        self._observe = observe or (lambda _outcome: None)

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.attempts),
            wait=_Wait(self._policy),
            retry=retry_if_exception(is_transient),
            before_sleep=self._log_retry,
            reraise=True,
        )
        try:
            return await retrying(self._attempt, *args, **kwargs)
        except openai.APIError as exc:
            attempts = retrying.statistics.get("attempt_number", 1)
            raise BackendError(self._redact(self.describe(exc, attempts))) from None

    async def _attempt(self, *args: Any, **kwargs: Any) -> Any:
        try:
            response = await self._send(*args, **kwargs)
        except openai.APIError as exc:
            self._observe(exc)
            raise
        self._observe(response)
        return response

    def _log_retry(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        log.warning(
            "%s; retrying in %.2fs (attempt %d of %d)",
            self._redact(self.short(exc)),
            wait,
            state.attempt_number + 1,
            self._policy.attempts,
        )

    def short(self, exc: BaseException | None) -> str:
        """A few words on a failed request: status or error class, never the body."""
        if isinstance(exc, openai.APITimeoutError):
            return "request timed out"
        if isinstance(exc, openai.APIConnectionError):
            return "connection failed"
        if isinstance(exc, openai.APIStatusError):
            return f"HTTP {exc.status_code}"
        return type(exc).__name__

    def describe(self, exc: openai.APIError, attempts: int) -> str:
        """One line saying what failed and what to do next."""
        where = _host(self._base_url)
        tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
        if isinstance(exc, openai.APITimeoutError):
            return (f"{where} did not answer in time {tries}; raise SUMMARIZER_TIMEOUT "
                    "or check the server")  # fmt: skip
        if isinstance(exc, openai.APIConnectionError):
            return (f"cannot reach {self._base_url} {tries}: is the server running? "
                    "Check SUMMARIZER_BASE_URL / OPENAI_BASE_URL")  # fmt: skip
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return (f"{where} rejected the API key (HTTP {exc.status_code}); "
                    "set OPENAI_API_KEY or SUMMARIZER_API_KEY")  # fmt: skip
        if isinstance(exc, openai.NotFoundError):
            return (f"{where} answered HTTP 404: check the model name (SUMMARIZER_MODEL) "
                    "and the base URL")  # fmt: skip
        if isinstance(exc, openai.APIStatusError):
            return f"{where} answered HTTP {exc.status_code} {tries}: {_first_line(exc)}"
        return f"{where}: {type(exc).__name__}"


def _host(base_url: str) -> str:
    return urlsplit(base_url).netloc or base_url


def _first_line(exc: openai.APIStatusError) -> str:
    body = exc.body
    message = body.get("message") if isinstance(body, dict) else None
    text = str(message or exc.message or "")
    return (text.splitlines() or [""])[0][:200]
