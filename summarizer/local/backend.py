"""The local backend: the LLM backend pointed at the embedded model's server.

`from_settings` reuses a running `summarizer local serve` if one answers, else starts
the server as a child process; the instance lives for the whole batch and `aclose`
stops the child (atexit and signal handling in `summarizer.local.server` cover the
paths where `aclose` never runs).
"""

from __future__ import annotations

import asyncio
from typing import cast

from summarizer.backends import Backend, Extraction
from summarizer.document import PreparedDocument
from summarizer.local import model as local
from summarizer.local.server import LocalServer
from summarizer.settings import Settings

# On two cores a long answer takes minutes; bounded output keeps one article near 20 s.
LOCAL_MAX_TOKENS = 1024
# llama-cpp-python reports finish_reason "tool_calls" even for a reply cut off at
# max_tokens, so a truncated reply looks merely invalid and is re-asked, each re-ask
# appending ~1k tokens (measured: one seed, 13 requests, 15+ minutes). One re-ask
# keeps the fix-up chance for a genuinely invalid reply and bounds the waste.
LOCAL_MAX_REASKS = 1
# The server answers one request at a time, and only once the whole reply is generated:
# on two shared cores a long reply takes minutes, so the read-idle and per-request
# deadlines are long; an article's several chunks get more.
LOCAL_REQUEST_TIMEOUT = 600.0
LOCAL_ARTICLE_TIMEOUT = 1800.0
# Documents in flight at once: the server's one slot. More would only queue there, and a
# queued document would count the wait as its own time (and spend its deadline on it).
LOCAL_PARALLEL = 1
# What `auto` means for the local model: the strategy that measured best on the devset
# (bench/README.md), the only one at or above the offline extractor on every list: it keeps
# every offline item and adds what the model proposes and code grounds. JSON mode
# (llama.cpp turns it into a grammar) avoids the tool-call wrapper's extra tokens.
LOCAL_STRATEGY = "propose"
LOCAL_MODE = "JSON"
# The server ignores the key; the OpenAI client just insists on having one.
LOCAL_API_KEY = "sk-local-no-key"


class LocalBackend:
    """Extraction by the embedded local model, through the LLM backend."""

    name = "local"
    parallel = LOCAL_PARALLEL

    def __init__(self, inner: Backend, server: LocalServer | None) -> None:
        self._inner = inner
        self._server = server
        self.model: str | None = inner.model
        self.prompt_version: str | None = inner.prompt_version

    @property
    def base_url(self) -> str | None:
        """Where the server answers (None if it was reused from `local serve`)."""
        return self._server.base_url if self._server is not None else None

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalBackend:
        """Reuse or start the local server, then build the LLM backend against it."""
        base_url = local.shared_server_url(settings)
        server = None
        if base_url is None:
            server = local.new_server(settings).start()
            base_url = server.base_url
        try:
            inner = _llm_backend(local_llm_settings(settings, base_url))
        except BaseException:
            if server is not None:
                server.stop()
            raise
        return cls(inner, server)

    async def extract(self, document: PreparedDocument) -> Extraction:
        """Extract with the local model."""
        return await self._inner.extract(document)

    async def aclose(self) -> None:
        """Close the LLM client and stop the server this backend started."""
        try:
            await self._inner.aclose()
        finally:
            if self._server is not None:
                await asyncio.to_thread(self._server.stop)


def local_llm_settings(settings: Settings, base_url: str) -> Settings:
    """The user's settings, pointed at the local server with bounds fit for a small CPU."""
    return settings.with_changes(
        backend="llm",
        base_url=base_url,
        api_key=LOCAL_API_KEY,
        model=local.MODEL_ALIAS,
        strategy=LOCAL_STRATEGY if settings.strategy == "auto" else settings.strategy,
        mode=LOCAL_MODE if settings.mode == "AUTO" else settings.mode,
        max_tokens=min(settings.max_tokens, LOCAL_MAX_TOKENS),
        max_reasks=min(settings.max_reasks, LOCAL_MAX_REASKS),
        timeout=max(settings.timeout, LOCAL_REQUEST_TIMEOUT),
        read_timeout=max(settings.read_timeout, LOCAL_REQUEST_TIMEOUT),
        article_timeout=max(settings.article_timeout, LOCAL_ARTICLE_TIMEOUT),
    )


def _llm_backend(settings: Settings) -> Backend:
    from summarizer.llm.backend import LLMBackend  # the openai stack loads only when used

    return cast(Backend, LLMBackend.from_settings(settings))
