"""The HTTP client under `openai`: connect and read-idle timeouts, and a cap on reply size.

A reply is read as a stream and cut as soon as it passes `max_bytes`: a hostile or broken
server that sends 50 MB costs at most the cap in memory, never the whole body (openai would
otherwise read it all, parse it, and instructor would send it back in a re-ask).

It also holds requests in flight to `SUMMARIZER_CONCURRENCY` (the server's parallel
slots): a request takes a slot when it is sent and frees it as soon as its reply is read,
then hands the event loop over once, so that a request already built and waiting for the
slot goes out before this reply is validated and grounded. With a few documents more in
flight than slots (`LLMBackend.ahead`), the server never idles while the client works
through a round of replies that arrived together (bench/llm_overhead: 1.16-1.17 × the
ideal without this, ~1.13 with it).

The client is built from the HTTP library openai sends through natively (httpx2 from
openai 3 on, httpx before): openai accepts a client of the other one too, but through a
compatibility path that cost ~1.5 ms of CPU per request in bench/llm_overhead.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator
from typing import Any

import openai

from summarizer.settings import Settings


def _native_library() -> Any:
    """httpx2 or httpx: the one whose AsyncClient openai's default client is."""
    for name in ("httpx2", "httpx"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if issubclass(openai.DefaultAsyncHttpxClient, module.AsyncClient):
            return module
    return importlib.import_module("httpx")


_http: Any = _native_library()

__all__ = ["ReplyTooLarge", "http_client"]


class ReplyTooLarge(Exception):
    """The server's reply passed the size cap; reading stopped there."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        super().__init__(f"the reply is larger than {cap:,} bytes (SUMMARIZER_MAX_REPLY_BYTES)")


def http_client(settings: Settings) -> Any:
    """The client openai sends through: its timeouts, at most `concurrency` requests in
    flight, and replies capped at max_reply_bytes."""
    timeout = _http.Timeout(
        settings.timeout, connect=settings.connect_timeout, read=settings.read_timeout
    )
    limits = _http.Limits(max_connections=1000, max_keepalive_connections=100)
    inner = _http.AsyncHTTPTransport(limits=limits)
    transport = _CappedTransport(inner, settings.max_reply_bytes, settings.concurrency)
    return _http.AsyncClient(transport=transport, timeout=timeout, follow_redirects=True)


class _CappedTransport(_http.AsyncBaseTransport):  # type: ignore[misc]
    """Holds requests to `slots` in flight; refuses a declared Content-Length over the cap
    and cuts a body that grows past it."""

    def __init__(self, inner: Any, cap: int, slots: int) -> None:
        self._inner = inner
        self._cap = cap
        self._slots = asyncio.Semaphore(slots)

    async def handle_async_request(self, request: Any) -> Any:
        await self._slots.acquire()
        try:
            response = await self._inner.handle_async_request(request)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self._cap:
                await response.aclose()
                raise ReplyTooLarge(self._cap)
        except BaseException:
            self._slots.release()
            raise
        response.stream = _CappedStream(response.stream, self._cap, self._slots)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CappedStream(_http.AsyncByteStream):  # type: ignore[misc]
    """A reply's body, cut past the cap; its request's slot is freed once it is read."""

    def __init__(self, inner: Any, cap: int, slots: asyncio.Semaphore) -> None:
        self._inner = inner
        self._cap = cap
        self._slots: asyncio.Semaphore | None = slots

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > self._cap:
                raise ReplyTooLarge(self._cap)
            yield chunk
        self._free()
        await asyncio.sleep(0)  # a request waiting for the slot goes out first

    def _free(self) -> None:
        slots, self._slots = self._slots, None
        if slots is not None:
            slots.release()

    async def aclose(self) -> None:
        self._free()
        await self._inner.aclose()
