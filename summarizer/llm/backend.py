"""The llm backend: instructor over any OpenAI-compatible endpoint, grounded and cached.

One request, top-down:

1. `LLMBackend.extract(document)` runs the offline extractor when the strategy works from
   its candidates, then hands each article to the strategy (`strategies.py`).
2. The strategy splits the article into chunks and builds one `Question` per chunk: the
   prompts, the reply schema, and the `ChunkReview` that grounds a reply (`_review.py`).
3. `Asker.ask` (`_asking.py`) answers it from the reply cache, or calls instructor with the
   review as `context=`; the reply's validator grounds it and instructor re-asks with what
   failed, within the article's budget.
4. instructor sends each request through `Transport` (`_transport.py`): deadlines, retries
   of transient failures, and a check that a 200 answer is a usable completion; below it,
   the HTTP client cuts replies at the size cap (`_http.py`).

Failures are one-line errors for the article (`ExtractionError`, `BackendError`); the
pipeline records them and goes on. Once the endpoint cannot be reached at all, later
articles fail at once with the same line instead of waiting out their retries.
"""

from __future__ import annotations

import importlib
import importlib.util
import ipaddress
import logging
from typing import Any, cast
from urllib.parse import urlsplit

import instructor
import openai

from summarizer.backends import Backend, Extraction
from summarizer.document import PreparedDocument
from summarizer.errors import ConfigurationError
from summarizer.llm._asking import Asker, Asking, Create
from summarizer.llm._chunking import merge
from summarizer.llm._http import http_client
from summarizer.llm._schema import LLM_SCHEMA_VERSION
from summarizer.llm._transport import RetryPolicy, Transport
from summarizer.llm.cache import ReplyCache
from summarizer.llm.prompting import PromptSet, load_prompts
from summarizer.llm.strategies import ArticleJob, Tools, strategy_named
from summarizer.llm.usage import Tally, total_usage
from summarizer.models import SCHEMA_VERSION
from summarizer.settings import Settings

__all__ = ["LLMBackend", "endpoint_of"]

log = logging.getLogger("summarizer.llm")
# instructor logs each failed attempt at ERROR, and the transport each retry at WARNING;
# without a handler Python's last-resort handler would print them on stderr in the middle
# of a CLI run, around its one line. Apps that configure logging still receive them.
logging.getLogger("instructor").addHandler(logging.NullHandler())
log.addHandler(logging.NullHandler())

_MODES = {"TOOLS": instructor.Mode.TOOLS, "JSON": instructor.Mode.JSON,
          "MD_JSON": instructor.Mode.MD_JSON}  # fmt: skip
_LOCAL_DUMMY_KEY = "sk-local-no-key"
# What `auto` means against an endpoint (the local backend chooses its own; see local/).
DEFAULT_STRATEGY = "hybrid"
DEFAULT_MODE = "TOOLS"


def endpoint_of(settings: Settings) -> tuple[str, str, str]:
    """(base_url, api_key, model), or a ConfigurationError naming what to set."""
    base_url = (settings.base_url or "").strip()
    if not base_url:
        raise ConfigurationError(
            "no endpoint for the llm backend: set OPENAI_BASE_URL or SUMMARIZER_BASE_URL "
            "(or --base-url), e.g. https://api.openai.com/v1"
        )
    if urlsplit(base_url).scheme not in ("http", "https"):
        raise ConfigurationError(f"base URL {base_url!r} must start with http:// or https://")
    api_key = settings.api_key or (_LOCAL_DUMMY_KEY if is_loopback(base_url) else None)
    if not api_key:
        raise ConfigurationError(
            "no API key for the llm backend: set OPENAI_API_KEY or SUMMARIZER_API_KEY "
            "(or --api-key); a server on 127.0.0.1/localhost needs none"
        )
    if not settings.model:
        raise ConfigurationError("no model for the llm backend: set SUMMARIZER_MODEL (or --model)")
    return base_url, api_key, settings.model


def is_loopback(base_url: str) -> bool:
    """Whether the URL points at this machine (local servers need no real key)."""
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LLMBackend:
    """Extraction by a model behind an OpenAI-compatible chat-completions endpoint."""

    name = "llm"
    # Documents the pipeline may work on beyond SUMMARIZER_CONCURRENCY: their requests are
    # built and wait for a slot (`_http.py`), so the server never waits for the client.
    # 4, 8 and 16 measured the same in bench/llm_overhead.
    ahead = 4

    def __init__(
        self,
        settings: Settings,
        *,
        prompts: PromptSet | None = None,
        retry: RetryPolicy | None = None,
        cache: ReplyCache | None = None,
        candidates: Backend | None = None,
    ) -> None:
        base_url, self._secret, model = endpoint_of(settings)
        self.settings = settings
        self.model: str | None = model
        prompts = prompts or load_prompts()
        client = http_client(settings)  # deadlines and the reply size cap
        self._client = openai.AsyncOpenAI(
            api_key=self._secret, base_url=base_url, max_retries=0, http_client=client
        )
        self._transport = Transport(
            self._client.chat.completions.create,
            policy=retry or RetryPolicy(attempts=settings.max_retries + 1),
            base_url=base_url,
            redact=self.redact,
            request_timeout=settings.timeout,
        )
        self._cache = cache or _default_cache(settings)
        asker = Asker(self._instructor(settings), _asking(settings, model),
                      self._cache, self.redact)  # fmt: skip
        tools = Tools(asker, prompts, settings.chunk_chars, settings.token_budget,
                      settings.article_timeout, settings.price_prompt_per_mtok,
                      settings.price_completion_per_mtok)  # fmt: skip
        self._strategy = strategy_named(_strategy_of(settings, candidates), tools)
        self._candidates_backend = candidates
        self.prompt_version: str | None = prompts.version + self._strategy.prompt_suffix
        # A strategy's briefs hold its candidates' items too: a new version of the rules is
        # a new version of these briefs (the archive keeps one per version).
        rules = self._candidates().prompt_version if self._strategy.uses_candidates else None
        if rules:
            self.prompt_version += f"+{rules}"

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMBackend:
        return cls(settings)

    def redact(self, text: str) -> str:
        """`text` with the API key masked."""
        return text.replace(self._secret, "***") if len(self._secret) >= 4 else text

    async def extract(self, document: PreparedDocument) -> Extraction:
        """Extract every article of the document; raise ExtractionError or BackendError."""
        self._transport.raise_if_unreachable()
        offline = await self._offline(document) if self._strategy.uses_candidates else None
        results = [
            await self._strategy.extract(ArticleJob(document, article, offline))
            for article in document.articles
        ]
        items = merge(r.items for r in results)
        return Extraction(
            speakers=items.speakers,
            directives=items.directives,
            metrics=items.metrics,
            projects=items.projects,
            usage=total_usage(r.usage for r in results),
            warnings=items.notes,
        )

    async def aclose(self) -> None:
        await self._client.close()
        if self._cache is not None:
            self._cache.close()
        if self._candidates_backend is not None:
            await self._candidates_backend.aclose()

    def _instructor(self, settings: Settings) -> Create:
        """instructor's create over our transport; it forwards the article's `tally`."""
        transport = self._transport

        async def send(*args: Any, tally: Tally, **request: Any) -> Any:
            return await transport(tally, **request)

        return cast(Create, instructor.patch(create=send, mode=_MODES[_mode_of(settings)]))

    def _candidates(self) -> Backend:
        """The backend whose items the strategy works with: the offline one by default."""
        if self._candidates_backend is None:
            offline = importlib.import_module("summarizer.rules")
            self._candidates_backend = cast(
                Backend, offline.OfflineBackend.from_settings(self.settings)
            )
        return self._candidates_backend

    async def _offline(self, document: PreparedDocument) -> Extraction:
        return await self._candidates().extract(document)


def _asking(settings: Settings, model: str) -> Asking:
    return Asking(
        model=model,
        mode=_mode_of(settings),
        schema_version=f"{SCHEMA_VERSION}/{LLM_SCHEMA_VERSION}",
        max_reasks=settings.max_reasks,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
    )


def _strategy_of(settings: Settings, candidates: Backend | None) -> str:
    """The strategy to run: `auto` resolved, and plain when no candidates can be had."""
    strategy = DEFAULT_STRATEGY if settings.strategy == "auto" else settings.strategy
    if candidates is None and not _offline_available():
        return "plain"
    return strategy


def _mode_of(settings: Settings) -> str:
    return DEFAULT_MODE if settings.mode == "AUTO" else settings.mode


def _offline_available() -> bool:
    try:
        return importlib.util.find_spec("summarizer.rules") is not None
    except ImportError:
        return False


def _default_cache(settings: Settings) -> ReplyCache | None:
    return ReplyCache(settings.cache_dir / "llm-replies.sqlite3") if settings.use_cache else None
