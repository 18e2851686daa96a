"""LocalBackend: starts or reuses the server, delegates to the LLM backend, stops on close."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_local_server import fake_server, wait_gone

from summarizer.backends import Backend, Extraction
from summarizer.document import PreparedDocument
from summarizer.local import backend as local_backend
from summarizer.local import model as local
from summarizer.local.backend import LocalBackend, local_llm_settings
from summarizer.local.server import LocalServer
from summarizer.settings import Settings


class ScriptedLLM:
    """Records the settings it was built with and whether it was closed."""

    name = "llm"
    model: str | None = "scripted"
    prompt_version: str | None = "v-test"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.closed = False
        self.seen: list[str] = []

    async def extract(self, document: PreparedDocument) -> Extraction:
        self.seen.append(document.id)
        return Extraction()

    async def aclose(self) -> None:
        self.closed = True


@pytest.fixture
def servers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[LocalServer]:
    started: list[LocalServer] = []

    def new_server(settings: Settings) -> LocalServer:
        started.append(fake_server(tmp_path, ready_timeout=20))
        return started[-1]

    monkeypatch.setattr(local, "new_server", new_server)
    monkeypatch.setattr(local, "shared_server_url", lambda settings: None)
    return started


def built(monkeypatch: pytest.MonkeyPatch) -> list[ScriptedLLM]:
    made: list[ScriptedLLM] = []

    def make(settings: Settings) -> Backend:
        made.append(ScriptedLLM(settings))
        return made[-1]

    monkeypatch.setattr(local_backend, "_llm_backend", make)
    return made


def test_starts_the_server_points_the_llm_at_it_and_stops_it(
    servers: list[LocalServer], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    made = built(monkeypatch)
    backend = LocalBackend.from_settings(Settings(cache_dir=tmp_path))
    server = servers[0]
    pid = server.pid
    assert server.running and pid is not None
    assert made[0].settings.base_url == server.base_url == backend.base_url
    assert (backend.name, backend.model, backend.prompt_version) == ("local", "scripted", "v-test")
    asyncio.run(backend.aclose())
    assert made[0].closed and not server.running and wait_gone(pid)


def test_a_failing_llm_backend_does_not_leak_the_server(
    servers: list[LocalServer], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(settings: Settings) -> Backend:
        raise RuntimeError("no openai")

    monkeypatch.setattr(local_backend, "_llm_backend", broken)
    with pytest.raises(RuntimeError):
        LocalBackend.from_settings(Settings(cache_dir=tmp_path))
    assert len(servers) == 1 and not servers[0].running


def test_a_running_local_serve_is_reused_and_left_running(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    made = built(monkeypatch)
    monkeypatch.setattr(local, "shared_server_url", lambda settings: "http://127.0.0.1:9/v1")

    def must_not_start(settings: Settings) -> LocalServer:
        raise AssertionError("started a second server")

    monkeypatch.setattr(local, "new_server", must_not_start)
    backend = LocalBackend.from_settings(Settings(cache_dir=tmp_path))
    assert made[0].settings.base_url == "http://127.0.0.1:9/v1" and backend.base_url is None
    asyncio.run(backend.aclose())
    assert made[0].closed


def test_local_settings_bound_tokens_and_wait_long_enough() -> None:
    user = Settings(max_tokens=4096, timeout=30.0, api_key=None, mode="JSON")
    pointed = local_llm_settings(user, "http://127.0.0.1:5/v1")
    assert pointed.base_url == "http://127.0.0.1:5/v1" and pointed.model == local.MODEL_ALIAS
    assert pointed.max_tokens == local_backend.LOCAL_MAX_TOKENS
    assert pointed.timeout >= 600 and pointed.mode == "JSON" and pointed.api_key
    assert pointed.max_reasks == local_backend.LOCAL_MAX_REASKS < user.max_reasks
    assert local_llm_settings(Settings(max_tokens=300), "x").max_tokens == 300
