"""The llm backend: instructor over any OpenAI-compatible endpoint, grounded and cached.

One AsyncOpenAI client per backend (safe for concurrent `extract` calls). Each
article is split into chunks that fit the context; each chunk is one request
(answered from the reply cache when possible) whose reply is grounded by code:
quotes located, numbers parsed, anything unverifiable re-asked and finally
dropped. Hybrid mode hands the model the offline extractor's candidates to pick
and label by id.
"""

from __future__ import annotations

import importlib
import importlib.util
import ipaddress
import logging
from contextvars import ContextVar
from typing import Any, cast
from urllib.parse import urlsplit

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.stop import stop_base

from summarizer.backends import Backend, Extraction
from summarizer.document import Article, PreparedDocument
from summarizer.errors import BackendError, ConfigurationError, ExtractionError
from summarizer.llm._candidates import (
    as_grounded,
    chunk_candidates,
    render_for_choice,
    render_for_review,
    reviewable,
)
from summarizer.llm._chunking import Chunk, Grounded, merge, split_article
from summarizer.llm._replies import raw_reply, salvage
from summarizer.llm._review import Candidates, ChunkReview
from summarizer.llm._schema import (
    ACTIVE_REVIEW,
    LLM_SCHEMA_VERSION,
    ArticleItems,
    CandidateChoice,
    KeptCandidates,
)
from summarizer.llm._transport import RetryPolicy, Transport
from summarizer.llm.cache import CachedReply, CacheKey, ReplyCache
from summarizer.llm.prompting import PromptSet, load_prompts
from summarizer.llm.usage import Tally
from summarizer.models import SCHEMA_VERSION
from summarizer.settings import Settings

__all__ = ["LLMBackend", "endpoint_of"]

log = logging.getLogger("summarizer.llm")
# instructor logs each failed attempt at ERROR; without a handler Python's last-resort
# handler would print them on stderr in the middle of a CLI run. Apps that configure
# logging still receive them through propagation.
logging.getLogger("instructor").addHandler(logging.NullHandler())

_MODES = {"TOOLS": instructor.Mode.TOOLS, "JSON": instructor.Mode.JSON,
          "MD_JSON": instructor.Mode.MD_JSON}  # fmt: skip
_LOCAL_DUMMY_KEY = "sk-local-no-key"
_ACTIVE_TALLY: ContextVar[Tally | None] = ContextVar("summarizer_active_tally", default=None)
# instructor wraps a plain pydantic model in a new class on every request, which defeats its
# own schema cache (schema generation was ~28 % of the client's CPU in bench/llm_overhead);
# models wrapped once here are used as they are.
_ITEMS_MODEL: type[BaseModel] = instructor.openai_schema(ArticleItems)
_CHOICE_MODEL: type[BaseModel] = instructor.openai_schema(CandidateChoice)
_KEPT_MODEL: type[BaseModel] = instructor.openai_schema(KeptCandidates)
# What `auto` means against an endpoint (the local backend chooses its own; see local.py).
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


class _OverBudget(stop_base):
    """Stop re-asking once the article has spent its token budget."""

    def __init__(self, tally: Tally, spent_before: int, budget: int) -> None:
        self._tally, self._spent_before, self._budget = tally, spent_before, budget

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self._tally.tokens - self._spent_before >= self._budget


class LLMBackend:
    """Extraction by a model behind an OpenAI-compatible chat-completions endpoint."""

    name = "llm"

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
        self._prompts = prompts or load_prompts()
        self._strategy = _strategy_of(settings, candidates)
        self._system = self._system_prompt()
        variant = "" if self._strategy == "plain" else f"-{self._strategy}"
        self.prompt_version: str | None = self._prompts.version + variant
        self._client = openai.AsyncOpenAI(
            api_key=self._secret, base_url=base_url, timeout=settings.timeout, max_retries=0
        )
        policy = retry or RetryPolicy(attempts=settings.max_retries + 1)
        transport = Transport(self._client.chat.completions.create, policy=policy,
                              base_url=base_url, redact=self.redact, observe=_observe)  # fmt: skip

        async def send(*args: Any, **kwargs: Any) -> Any:  # instructor patches coroutine functions
            return await transport(*args, **kwargs)

        self._mode = _mode_of(settings)
        self._create = cast(Any, instructor.patch(create=send, mode=_MODES[self._mode]))
        self._cache = cache or _default_cache(settings)
        self._candidates_backend = candidates

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMBackend:
        return cls(settings)

    def redact(self, text: str) -> str:
        """`text` with the API key masked."""
        return text.replace(self._secret, "***") if len(self._secret) >= 4 else text

    async def aclose(self) -> None:
        await self._client.close()
        if self._cache is not None:
            self._cache.close()
        if self._candidates_backend is not None:
            await self._candidates_backend.aclose()

    async def extract(self, document: PreparedDocument) -> Extraction:
        """Extract every article of the document; raise ExtractionError or BackendError."""
        tally = Tally()
        token = _ACTIVE_TALLY.set(tally)
        try:
            offline = await self._offline_items(document)
            parts = [
                await self._extract_chunk(document, article, chunk, number, len(chunks), offline)
                for article in document.articles
                for chunks in [split_article(article.text, self.settings.chunk_chars)]
                for number, chunk in enumerate(chunks, 1)
            ]
        finally:
            _ACTIVE_TALLY.reset(token)
        merged = merge(parts)
        tally.dropped += merged.dropped
        usage = tally.usage(
            self.settings.price_prompt_per_mtok, self.settings.price_completion_per_mtok
        )
        return Extraction(
            speakers=merged.speakers,
            directives=merged.directives,
            metrics=merged.metrics,
            projects=merged.projects,
            usage=usage,
        )

    # ---- one chunk ------------------------------------------------------------------------

    async def _extract_chunk(
        self,
        document: PreparedDocument,
        article: Article,
        chunk: Chunk,
        number: int,
        count: int,
        offline: Extraction | None,
    ) -> Grounded:
        tally = _tally()
        if number == 1:
            tally.article_start = tally.tokens
        tally.chunks += 1
        candidates = chunk_candidates(offline, article, chunk) if offline else None
        if self._strategy == "review" and not reviewable(candidates):
            return as_grounded(candidates)  # nothing to judge: no request
        review = ChunkReview(document, article, chunk, candidates or None)
        response_model = self._response_model(candidates)
        user = self._user_prompt(document, chunk, number, count, candidates)
        key = self._cache_key(user, response_model)
        cached = self._cache.get(key) if self._cache else None
        if cached is not None:
            tally.cached_chunks += 1
            return _replay(cached.reply, response_model, review)
        messages = [{"role": "system", "content": self._system}, {"role": "user", "content": user}]
        grounded, reply, spent = await self._ask(messages, response_model, review)
        if self._cache is not None:
            self._cache.put(key, CachedReply(reply, *spent))
        return grounded

    async def _ask(
        self, messages: list[dict[str, str]], response_model: type[BaseModel], review: ChunkReview
    ) -> tuple[Grounded, str, tuple[int, int]]:
        tally = _tally()
        before = (tally.replies, tally.prompt_tokens, tally.completion_tokens)
        token = ACTIVE_REVIEW.set(review)
        try:
            result = await self._create(
                model=self.model,
                messages=messages,
                response_model=response_model,
                max_retries=self._reasking(tally),
                strict=False,
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_tokens,
            )
            reply, grounded = result.model_dump_json(), review.result
        except InstructorRetryException as exc:
            grounded, reply = self._after_failure(exc, response_model, review)
        except IncompleteOutputException as exc:
            raise ExtractionError(
                f"the reply was cut off at max_tokens={self.settings.max_tokens}: raise "
                "SUMMARIZER_MAX_TOKENS or lower SUMMARIZER_CHUNK_CHARS",
                last_output=self.redact(raw_reply(exc.last_completion)),
                attempts=tally.replies - before[0],
            ) from None
        finally:
            ACTIVE_REVIEW.reset(token)
            tally.reasks += max(tally.replies - before[0] - 1, 0)
        spent = (tally.prompt_tokens - before[1], tally.completion_tokens - before[2])
        return grounded or Grounded(), reply, spent

    def _after_failure(
        self, exc: InstructorRetryException, response_model: type[BaseModel], review: ChunkReview
    ) -> tuple[Grounded | None, str]:
        """Re-asks exhausted (or budget spent): keep the items that ground, or fail."""
        cause = exc.__cause__
        if isinstance(cause, BackendError) or not isinstance(cause, ValueError | None):
            raise cause  # transport failure, or a bug: not the model's output
        raw = raw_reply(exc.last_completion)
        attempts = int(getattr(exc, "n_attempts", 0) or 0)
        review.lenient = True
        try:
            model, left_out = salvage(raw, response_model)
        except ValueError as why:
            raise ExtractionError(
                f"the model's reply never validated after {attempts} attempt(s): "
                f"{self.redact(str(why).splitlines()[0])}",
                last_output=self.redact(raw),
                attempts=attempts,
            ) from None
        grounded = review.result or Grounded()
        grounded.dropped += left_out
        log.info("kept what grounded after %d attempt(s); %d item(s) dropped",
                 attempts, grounded.dropped)  # fmt: skip
        return grounded, model.model_dump_json()

    def _reasking(self, tally: Tally) -> AsyncRetrying:
        """Instructor's validation re-asks: at most max_reasks, within the token budget."""
        over_budget = _OverBudget(tally, tally.article_start, self.settings.token_budget)
        return AsyncRetrying(
            stop=stop_after_attempt(self.settings.max_reasks + 1) | over_budget,
            retry=retry_if_exception_type(ValueError),  # validation and JSON errors only
            reraise=True,
        )

    # ---- prompts, candidates, cache --------------------------------------------------------

    def _system_prompt(self) -> str:
        if self._strategy == "review":
            return self._prompts.render("system_review")
        return self._prompts.system()

    def _response_model(self, candidates: Candidates | None) -> type[BaseModel]:
        if self._strategy == "review":
            return _KEPT_MODEL
        return _CHOICE_MODEL if candidates else _ITEMS_MODEL

    def _user_prompt(
        self,
        document: PreparedDocument,
        chunk: Chunk,
        number: int,
        count: int,
        candidates: Candidates | None,
    ) -> str:
        common = {"article": chunk.text, "part_number": number, "part_count": count}
        if self._strategy == "review" and candidates is not None:
            listed = render_for_review(candidates, document.original)
            return self._prompts.render("user_review", candidates=listed)
        if candidates:
            listed = render_for_choice(candidates)
            return self._prompts.render("user_hybrid", candidates=listed, **common)
        return self._prompts.render("user", **common)

    def _cache_key(self, user_prompt: str, response_model: type[BaseModel]) -> CacheKey:
        mode = f"{self._mode}/{response_model.__name__}"
        schema = f"{SCHEMA_VERSION}/{LLM_SCHEMA_VERSION}"
        return CacheKey(model=self.model or "", prompt=self._prompts.fingerprint,
                        schema=schema, mode=mode, text=user_prompt)  # fmt: skip

    async def _offline_items(self, document: PreparedDocument) -> Extraction | None:
        if self._strategy == "plain":
            return None
        if self._candidates_backend is None:
            offline = importlib.import_module("summarizer.rules")
            self._candidates_backend = cast(
                Backend, offline.OfflineBackend.from_settings(self.settings)
            )
        return await self._candidates_backend.extract(document)


def _strategy_of(settings: Settings, candidates: Backend | None) -> str:
    """The strategy to run: `auto` resolved, and plain when no candidates can be had."""
    strategy = DEFAULT_STRATEGY if settings.strategy == "auto" else settings.strategy
    if strategy != "plain" and candidates is None and not _offline_available():
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


def _tally() -> Tally:
    tally = _ACTIVE_TALLY.get()
    if tally is None:  # a chunk outside extract(): count into a throwaway tally
        tally = Tally()
        _ACTIVE_TALLY.set(tally)
    return tally


def _observe(outcome: Any) -> None:
    """Count every request, and the tokens of every reply (transport callback)."""
    tally = _tally()
    tally.calls += 1
    usage = getattr(outcome, "usage", None)
    if isinstance(outcome, BaseException):
        return
    tally.replies += 1
    if usage is not None:
        tally.add_tokens(usage.prompt_tokens or 0, usage.completion_tokens or 0)


def _replay(reply: str, response_model: type[BaseModel], review: ChunkReview) -> Grounded:
    """Ground a cached reply again (cheap, and the same code path as a fresh one)."""
    review.lenient = True
    token = ACTIVE_REVIEW.set(review)
    try:
        response_model.model_validate_json(reply)
    finally:
        ACTIVE_REVIEW.reset(token)
    return review.result or Grounded()
