"""Transport retries over real HTTP: which failures are retried, and how long between tries."""

from __future__ import annotations

import socket

import pytest
from fake_openai import FakeOpenAI, Step
from llm_support import GOOD, extract, settings

from summarizer.errors import BackendError
from summarizer.llm._transport import RetryPolicy


def test_429_waits_for_retry_after_before_trying_again() -> None:
    script = [Step(status=429, headers={"Retry-After": "1"}), Step(payload=GOOD)]
    with FakeOpenAI(script) as server:
        result = extract(settings(server.url))
    assert len(server.requests) == 2
    (gap,) = server.gaps()
    assert 0.95 <= gap < 2.0  # the server's wait, not the 0.05 s backoff
    assert result.usage.calls == 2 and len(result.metrics) == 2


def test_retry_after_ms_is_honoured_too() -> None:
    script = [Step(status=503, headers={"retry-after-ms": "400"}), Step(payload=GOOD)]
    with FakeOpenAI(script) as server:
        extract(settings(server.url))
    (gap,) = server.gaps()
    assert 0.38 <= gap < 1.2


def test_5xx_backs_off_exponentially_with_jitter() -> None:
    policy = RetryPolicy(attempts=4, initial_wait=0.1, max_wait=1.0)
    script = [Step(status=500), Step(status=503), Step(status=502), Step(payload=GOOD)]
    with FakeOpenAI(script) as server:
        extract(settings(server.url), retry=policy)
    gaps = server.gaps()
    assert len(gaps) == 3
    # wait n = 0.1 * 2**(n-1) + jitter in [0, 0.1]
    for n, gap in enumerate(gaps, 1):
        assert 0.1 * 2 ** (n - 1) - 0.01 <= gap <= 0.1 * 2 ** (n - 1) + 0.1 + 0.3


def test_a_reply_slower_than_the_timeout_is_retried() -> None:
    script = [Step(payload=GOOD, delay=1.5), Step(payload=GOOD)]
    with FakeOpenAI(script) as server:
        result = extract(settings(server.url, timeout=0.4))
    assert len(server.requests) == 2 and len(result.projects) == 1
    assert 0.4 <= server.gaps()[0] < 1.4


def test_a_dropped_connection_is_retried() -> None:
    with FakeOpenAI([Step(drop=True), Step(payload=GOOD)]) as server:
        result = extract(settings(server.url))
    assert len(server.requests) == 2 and len(result.directives) == 1


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    with FakeOpenAI([Step(status=status)] * 3) as server:
        with pytest.raises(BackendError) as caught:
            extract(settings(server.url))
    assert len(server.requests) == 1
    assert "\n" not in str(caught.value)


def test_persistent_5xx_becomes_one_clear_backend_error() -> None:
    policy = RetryPolicy(attempts=3, initial_wait=0.01, max_wait=0.02)
    with FakeOpenAI([Step(status=503)] * 5) as server:
        with pytest.raises(BackendError, match=r"HTTP 503 after 3 attempts"):
            extract(settings(server.url), retry=policy)
    assert len(server.requests) == 3


def test_unreachable_endpoint_is_one_line_naming_the_setting() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    policy = RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.02)
    with pytest.raises(BackendError) as caught:
        extract(settings(f"http://127.0.0.1:{port}/v1"), retry=policy)
    message = str(caught.value)
    assert message.startswith("cannot reach http://127.0.0.1:")
    assert "SUMMARIZER_BASE_URL" in message and "\n" not in message
