"""Counting what extraction costs: requests, tokens, re-asks, drops, money."""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarizer.models import Usage

__all__ = ["Tally", "cost_usd", "total_usage"]


@dataclass
class Tally:
    """What one article has spent (updated as requests come back), and what it may spend."""

    token_budget: float = math.inf
    deadline: float = math.inf  # time.monotonic() by which the article must be done
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    dropped: int = 0
    chunks: int = 0
    cached_chunks: int = 0
    replies: int = 0  # requests that came back with a completion

    @classmethod
    def for_article(cls, token_budget: int, seconds: float) -> Tally:
        """A fresh tally whose budget is `token_budget` tokens and `seconds` from now."""
        return cls(token_budget=token_budget, deadline=time.monotonic() + seconds)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def seconds_left(self) -> float:
        return self.deadline - time.monotonic()

    def over_budget(self) -> bool:
        """True once the article has spent its tokens or its time."""
        return self.tokens >= self.token_budget or self.seconds_left() <= 0

    def observe(self, outcome: Any) -> None:
        """Count one request: a failed one (an exception) or a reply and its tokens."""
        self.calls += 1
        if isinstance(outcome, BaseException):
            return
        self.replies += 1
        usage = getattr(outcome, "usage", None)
        if usage is not None:
            self.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
            self.completion_tokens += getattr(usage, "completion_tokens", 0) or 0

    def usage(self, price_prompt: float | None, price_completion: float | None) -> Usage:
        """The Usage record, with cost when a price per million tokens is configured."""
        return Usage(
            calls=self.calls,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            reasks=self.reasks,
            cached=self.chunks > 0 and self.cached_chunks == self.chunks,
            dropped_items=self.dropped,
            cost_usd=cost_usd(
                self.prompt_tokens, self.completion_tokens, price_prompt, price_completion
            ),
        )


def cost_usd(
    prompt_tokens: int,
    completion_tokens: int,
    price_prompt: float | None,
    price_completion: float | None,
) -> float | None:
    """Cost in USD from prices per million tokens; None when no price is configured."""
    if price_prompt is None and price_completion is None:
        return None
    cost = prompt_tokens * (price_prompt or 0.0) + completion_tokens * (price_completion or 0.0)
    return round(cost / 1_000_000, 6)


def total_usage(usages: Iterable[Usage]) -> Usage:
    """The sum of many Usage records (a run's summary); cached only if all were."""
    items = list(usages)
    costs = [u.cost_usd for u in items if u.cost_usd is not None]
    return Usage(
        calls=sum(u.calls for u in items),
        prompt_tokens=sum(u.prompt_tokens for u in items),
        completion_tokens=sum(u.completion_tokens for u in items),
        reasks=sum(u.reasks for u in items),
        cached=bool(items) and all(u.cached for u in items),
        dropped_items=sum(u.dropped_items for u in items),
        cost_usd=round(sum(costs), 6) if costs else None,
    )
