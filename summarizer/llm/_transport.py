"""One chat-completion request: deadlines, retries, and a check that the answer is usable.

Each attempt must finish within the per-request deadline (`SUMMARIZER_TIMEOUT`, the whole
reply, however slowly it drips) and within what is left of its article's deadline. Only
transient failures are retried: HTTP 408, 429 and 5xx, timeouts and dropped connections.
Waits grow exponentially with jitter, except that a server's `Retry-After` (or
`retry-after-ms`) is honoured when it parses, capped, and never beyond the article's
deadline. A 200 answer that is no usable completion (no choices, no content, a refusal, an
HTML page, a reply over the size cap) fails the article at once with that reason. Failures
become one clear line that never holds the API key. This layer sits inside instructor's
validation re-asks: a re-ask is a new request with its own retries.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
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

from summarizer.errors import BackendError, ExtractionError
from summarizer.llm._http import ReplyTooLarge
from summarizer.llm._replies import envelope_problem
from summarizer.llm.usage import Tally

log = logging.getLogger("summarizer.llm")

_TRANSIENT_STATUS = frozenset({408, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to try a request and how long to wait in between (seconds)."""

    attempts: int = 5
    initial_wait: float = 1.0
    max_wait: float = 30.0
    max_retry_after: float = 120.0


class RequestDeadline(Exception):
    """One attempt passed the per-request deadline (a slow or dripping reply)."""


class _ArticleDeadline(Exception):
    """The article's deadline has passed: no attempt is started any more."""


def is_transient(exc: BaseException) -> bool:
    """Whether a failed request is worth sending again."""
    if isinstance(exc, RequestDeadline):
        return True
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return not isinstance(exc.__cause__, ReplyTooLarge)
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _TRANSIENT_STATUS or exc.status_code >= 500
    return False


def retry_after(exc: BaseException | None) -> float | None:
    """The wait a server asked for, in seconds, if it asked in a form that parses."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    millis = _seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    value = headers.get("retry-after")
    seconds = _seconds(value)
    return seconds if seconds is not None else _until(value)


def _seconds(value: str | None) -> float | None:
    """A finite, non-negative number of seconds, or None for anything else."""
    try:
        number = float(value or "")
    except ValueError:
        return None
    return max(number, 0.0) if math.isfinite(number) else None


def _until(http_date: str | None) -> float | None:
    """Seconds until an HTTP date, or None when the value is not one."""
    try:
        when = email.utils.parsedate_to_datetime(http_date or "")
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


class _Wait:
    """Retry-After when the server gave a usable one, else exponential backoff with jitter;
    capped, and never past the article's deadline."""

    def __init__(self, policy: RetryPolicy, tally: Tally) -> None:
        self._policy = policy
        self._tally = tally
        self._backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.initial_wait
        )

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        wait = float(self._backoff(state)) if asked is None else asked
        return max(min(wait, self._policy.max_retry_after, self._tally.seconds_left()), 0.0)


Send = Callable[..., Awaitable[Any]]


class Transport:
    """Sends one request for an article, with retries, within the article's deadline.

    Once a request found the endpoint unreachable (every attempt refused or reset), later
    requests fail at once with the same line: a batch against a closed port ends in
    seconds, not after every article has waited out its own retries.
    """

    def __init__(
        self,
        send: Send,
        *,
        policy: RetryPolicy,
        base_url: str,
        redact: Callable[[str], str],
        request_timeout: float,
    ) -> None:
        self._send = send
        self._policy = policy
        self._base_url = base_url
        self._redact = redact
        self._request_timeout = request_timeout
        self._unreachable: str | None = None

    def raise_if_unreachable(self) -> None:
        """BackendError when an earlier request found the endpoint unreachable."""
        if self._unreachable is not None:
            raise BackendError(self._unreachable)

    async def __call__(self, tally: Tally, **request: Any) -> Any:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.attempts),
            wait=_Wait(self._policy, tally),
            retry=retry_if_exception(is_transient),
            before_sleep=self._log_retry,
            reraise=True,
        )
        try:
            return await retrying(self._attempt, tally, request)
        except _ArticleDeadline:
            raise BackendError(self._redact(self._out_of_time(tally))) from None
        except (openai.APIError, RequestDeadline) as exc:
            attempts = retrying.statistics.get("attempt_number", 1)
            message = self._redact(self.describe(exc, attempts))
            if _refused(exc):
                self._unreachable = message
            raise BackendError(message) from None

    async def _attempt(self, tally: Tally, request: dict[str, Any]) -> Any:
        self.raise_if_unreachable()
        seconds = min(self._request_timeout, tally.seconds_left())
        if seconds <= 0:
            raise _ArticleDeadline()
        try:
            async with asyncio.timeout(seconds):
                response = await self._send(**request)
        except TimeoutError:
            tally.observe(RequestDeadline())
            raise RequestDeadline(seconds) from None
        except openai.APIError as exc:
            tally.observe(exc)
            if isinstance(exc.__cause__, ReplyTooLarge):
                raise ExtractionError(str(exc.__cause__)) from None
            raise
        except ValueError as exc:  # openai parses a JSON content type and fails on garbage
            tally.observe(exc)
            raise ExtractionError("the server's answer (HTTP 200) is not JSON") from None
        tally.observe(response)
        problem = envelope_problem(response)
        if problem is not None:
            raise ExtractionError(problem)
        return response

    def _out_of_time(self, tally: Tally) -> str:
        requests = f"{tally.calls} request{'s' if tally.calls != 1 else ''}"
        return (f"the article's deadline passed after {requests} to {_host(self._base_url)}; "
                "raise SUMMARIZER_ARTICLE_TIMEOUT or check the server")  # fmt: skip

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
        if isinstance(exc, RequestDeadline | openai.APITimeoutError):
            return "request timed out"
        if isinstance(exc, openai.APIConnectionError):
            return "connection failed"
        if isinstance(exc, openai.APIStatusError):
            return f"HTTP {exc.status_code}"
        return type(exc).__name__

    def describe(self, exc: openai.APIError | RequestDeadline, attempts: int) -> str:
        """One line saying what failed and what to do next."""
        where = _host(self._base_url)
        tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
        if _connect_timed_out(exc):
            return (f"could not connect to {where} in time {tries}: is the server up? "
                    "Or raise SUMMARIZER_CONNECT_TIMEOUT")  # fmt: skip
        if isinstance(exc, RequestDeadline | openai.APITimeoutError):
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


def _refused(exc: BaseException) -> bool:
    """A connection that could not be made at all (not a timeout, not a cut reply)."""
    return (
        isinstance(exc, openai.APIConnectionError)
        and not isinstance(exc, openai.APITimeoutError)
        and not isinstance(exc.__cause__, ReplyTooLarge)
    )


def _host(base_url: str) -> str:
    return urlsplit(base_url).netloc or base_url


def _first_line(exc: openai.APIStatusError) -> str:
    body = exc.body
    message = body.get("message") if isinstance(body, dict) else None
    text = str(message or exc.message or "")
    return (text.splitlines() or [""])[0][:200]


def _connect_timed_out(exc: BaseException) -> bool:
    """Whether the connection itself timed out (the HTTP library's ConnectTimeout)."""
    cause = exc.__cause__
    return isinstance(exc, openai.APITimeoutError) and type(cause).__name__ == "ConnectTimeout"
