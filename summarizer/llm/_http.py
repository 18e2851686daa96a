"""The HTTP client under `openai`: connect and read-idle timeouts, and a cap on reply size.

A reply is read as a stream and cut as soon as it passes `max_bytes`: a hostile or broken
server that sends 50 MB costs at most the cap in memory, never the whole body (openai would
otherwise read it all, parse it, and instructor would send it back in a re-ask).

The client is built from the HTTP library openai sends through natively (httpx2 from
openai 3 on, httpx before): openai accepts a client of the other one too, but through a
compatibility path that cost ~1.5 ms of CPU per request in bench/llm_overhead.
"""

from __future__ import annotations

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
    """The client openai sends through: its timeouts, and replies capped at max_reply_bytes."""
    timeout = _http.Timeout(
        settings.timeout, connect=settings.connect_timeout, read=settings.read_timeout
    )
    limits = _http.Limits(max_connections=1000, max_keepalive_connections=100)
    transport = _CappedTransport(_http.AsyncHTTPTransport(limits=limits), settings.max_reply_bytes)
    return _http.AsyncClient(transport=transport, timeout=timeout, follow_redirects=True)


class _CappedTransport(_http.AsyncBaseTransport):  # type: ignore[misc]
    """Refuses a declared Content-Length over the cap and cuts a body that grows past it."""

    def __init__(self, inner: Any, cap: int) -> None:
        self._inner = inner
        self._cap = cap

    async def handle_async_request(self, request: Any) -> Any:
        response = await self._inner.handle_async_request(request)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._cap:
            await response.aclose()
            raise ReplyTooLarge(self._cap)
        response.stream = _CappedStream(response.stream, self._cap)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CappedStream(_http.AsyncByteStream):  # type: ignore[misc]
    def __init__(self, inner: Any, cap: int) -> None:
        self._inner = inner
        self._cap = cap

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > self._cap:
                raise ReplyTooLarge(self._cap)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()
