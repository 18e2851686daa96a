"""The HTTP client under `openai`: connect and read-idle timeouts, and a cap on reply size.

A reply is read as a stream and cut as soon as it passes `max_bytes`: a hostile or broken
server that sends 50 MB costs at most the cap in memory, never the whole body (openai would
otherwise read it all, parse it, and instructor would send it back in a re-ask).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from summarizer.settings import Settings

__all__ = ["ReplyTooLarge", "http_client"]


class ReplyTooLarge(Exception):
    """The server's reply passed the size cap; reading stopped there."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        super().__init__(f"the reply is larger than {cap:,} bytes (SUMMARIZER_MAX_REPLY_BYTES)")


def http_client(settings: Settings) -> httpx.AsyncClient:
    """The client openai sends through: its timeouts, and replies capped at max_reply_bytes."""
    timeout = httpx.Timeout(
        settings.timeout, connect=settings.connect_timeout, read=settings.read_timeout
    )
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    transport = _CappedTransport(httpx.AsyncHTTPTransport(limits=limits), settings.max_reply_bytes)
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=True)


class _CappedTransport(httpx.AsyncBaseTransport):
    """Refuses a declared Content-Length over the cap and cuts a body that grows past it."""

    def __init__(self, inner: httpx.AsyncBaseTransport, cap: int) -> None:
        self._inner = inner
        self._cap = cap

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._cap:
            await response.aclose()
            raise ReplyTooLarge(self._cap)
        response.stream = _CappedStream(response.stream, self._cap)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream | httpx.SyncByteStream, cap: int) -> None:
        assert isinstance(inner, httpx.AsyncByteStream)
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
