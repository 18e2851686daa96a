"""One question to the model about one chunk: from the reply cache, or a request; grounded.

`Asker.ask` is where every strategy's request goes. It looks the question up in the reply
cache (a cached reply is grounded again, leniently, like a fresh one); otherwise it sends
the request through instructor, whose validation grounds the reply (the chunk's review
travels as `context=`) and re-asks with the problems, within the article's re-ask, token
and time budget. When the re-asks run out, the items that ground are kept and the rest
dropped and counted; a reply with nothing usable fails the article with the reason.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.stop import stop_base

from summarizer.errors import ExtractionError, SummarizerError
from summarizer.llm._chunking import Grounded
from summarizer.llm._replies import raw_reply, salvage
from summarizer.llm._schema import ReplyContext
from summarizer.llm.cache import CachedReply, CacheKey, ReplyCache
from summarizer.llm.usage import Tally

__all__ = ["Asker", "Question"]

log = logging.getLogger("summarizer.llm")


class Check(Protocol):
    """Grounds a reply (raising ValueError with what to fix, for a re-ask), or, lenient,
    drops and counts what does not ground. `_review.ChunkReview` is the main one."""

    def __call__(self, reply: BaseModel, /) -> Grounded: ...

    def leniently(self) -> Check: ...


@dataclass(frozen=True)
class Question:
    """One request: the prompts, the reply's schema, and the check that grounds the reply."""

    system: str
    user: str
    response_model: type[BaseModel]
    check: Check


@dataclass(frozen=True)
class Asking:
    """What every request of a backend shares: model, mode, limits, key-free identity."""

    model: str
    mode: str
    schema_version: str
    max_reasks: int
    temperature: float
    max_tokens: int


Create = Callable[..., Awaitable[Any]]


class Asker:
    """Answers questions about chunks, spending from the article's tally."""

    def __init__(
        self,
        create: Create,
        asking: Asking,
        cache: ReplyCache | None,
        redact: Callable[[str], str],
    ) -> None:
        self._create = create  # instructor-patched; forwards `tally=` to the transport
        self._asking = asking
        self._cache = cache
        self._redact = redact

    async def ask(self, question: Question, tally: Tally) -> Grounded:
        """The grounded items of the model's answer (cached, or asked now)."""
        tally.chunks += 1
        key = self._key(question)
        cached = self._cache.get(key) if self._cache is not None else None
        if cached is not None:
            tally.cached_chunks += 1
            return _ground(question.response_model.model_validate_json, cached.reply, question)
        before = (tally.prompt_tokens, tally.completion_tokens)
        grounded, reply = await self._request(question, tally)
        if self._cache is not None:
            spent = (tally.prompt_tokens - before[0], tally.completion_tokens - before[1])
            self._cache.put(key, CachedReply(reply, *spent))
        return grounded

    async def _request(self, question: Question, tally: Tally) -> tuple[Grounded, str]:
        replies_before = tally.replies
        messages = [{"role": "system", "content": question.system},
                    {"role": "user", "content": question.user}]  # fmt: skip
        try:
            reply = await self._create(
                model=self._asking.model,
                messages=messages,
                response_model=question.response_model,
                context=ReplyContext(question.check),
                max_retries=self._reasking(tally),
                strict=False,
                temperature=self._asking.temperature,
                max_tokens=self._asking.max_tokens,
                tally=tally,
            )
            return reply.grounded, reply.model_dump_json()
        except InstructorRetryException as exc:
            return self._after_failure(exc, question)
        except IncompleteOutputException as exc:
            raise ExtractionError(
                f"the reply was cut off at max_tokens={self._asking.max_tokens}: raise "
                "SUMMARIZER_MAX_TOKENS or lower SUMMARIZER_CHUNK_CHARS",
                last_output=self._redact(raw_reply(exc.last_completion)),
                attempts=tally.replies - replies_before,
            ) from None
        finally:
            tally.reasks += max(tally.replies - replies_before - 1, 0)

    def _after_failure(
        self, exc: InstructorRetryException, question: Question
    ) -> tuple[Grounded, str]:
        """Re-asks exhausted (or budget spent): keep the items that ground, or fail."""
        cause = exc.__cause__
        if isinstance(cause, SummarizerError) or not isinstance(cause, ValueError | None):
            raise cause  # transport failure or unusable answer (already one line), or a bug
        raw = raw_reply(exc.last_completion)
        attempts = int(getattr(exc, "n_attempts", 0) or 0)
        try:
            model, left_out = salvage(raw, question.response_model,
                                      ReplyContext(question.check.leniently()))  # fmt: skip
        except ValueError as why:
            raise ExtractionError(
                f"the model's reply never validated after {attempts} attempt(s): "
                f"{self._redact(str(why).splitlines()[0])}",
                last_output=self._redact(raw),
                attempts=attempts,
            ) from None
        grounded: Grounded = getattr(model, "grounded", Grounded())
        grounded.dropped += left_out
        log.info("kept what grounded after %d attempt(s); %d item(s) dropped",
                 attempts, grounded.dropped)  # fmt: skip
        return grounded, model.model_dump_json()

    def _reasking(self, tally: Tally) -> AsyncRetrying:
        """Instructor's validation re-asks: at most max_reasks, within the article's budget."""
        return AsyncRetrying(
            stop=stop_after_attempt(self._asking.max_reasks + 1) | _OverBudget(tally),
            retry=retry_if_exception_type(ValueError),  # validation and JSON errors only
            reraise=True,
        )

    def _key(self, question: Question) -> CacheKey:
        """What the reply depends on: model, instructions, schema, mode and the text sent.

        The system prompt itself is keyed (not the prompt set's fingerprint), so a template
        added for another question leaves the replies to this one valid.
        """
        mode = f"{self._asking.mode}/{question.response_model.__name__}"
        system = hashlib.sha256(question.system.encode("utf-8")).hexdigest()[:16]
        return CacheKey(model=self._asking.model, prompt=system,
                        schema=self._asking.schema_version, mode=mode,
                        text=question.user)  # fmt: skip


class _OverBudget(stop_base):
    """Stop re-asking once the article has spent its tokens or its time."""

    def __init__(self, tally: Tally) -> None:
        self._tally = tally

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self._tally.over_budget()


def _ground(validate: Callable[..., BaseModel], reply: str, question: Question) -> Grounded:
    """Ground a cached reply again (cheap, and the same code path as a fresh one)."""
    model = validate(reply, context=ReplyContext(question.check.leniently()))
    grounded: Grounded = getattr(model, "grounded", Grounded())
    return grounded
