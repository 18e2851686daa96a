"""Configuration errors, and the API key kept out of logs, errors, cache and output."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, Recorded, Step
from llm_support import GOOD, SECRET, extract, settings

from summarizer.errors import BackendError, ConfigurationError
from summarizer.llm.backend import LLMBackend, endpoint_of
from summarizer.pipeline import summarize_many
from summarizer.settings import Settings, resolve_settings


def test_missing_base_url_names_the_variables_to_set() -> None:
    with pytest.raises(ConfigurationError, match="OPENAI_BASE_URL or SUMMARIZER_BASE_URL"):
        endpoint_of(Settings(model="m", api_key="k"))


def test_missing_key_for_a_remote_endpoint_names_the_variables_to_set() -> None:
    remote = Settings(model="m", base_url="https://api.deepseek.com/v1")
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY or SUMMARIZER_API_KEY"):
        endpoint_of(remote)


def test_missing_model_names_the_variable_to_set() -> None:
    with pytest.raises(ConfigurationError, match="SUMMARIZER_MODEL"):
        endpoint_of(Settings(base_url="http://127.0.0.1:8080/v1"))


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/v1", "http://localhost:11434/v1",
                                 "http://[::1]:8000/v1"])  # fmt: skip
def test_a_loopback_server_needs_no_real_key(url: str) -> None:
    base_url, key, model = endpoint_of(Settings(model="qwen", base_url=url))
    assert (base_url, model) == (url, "qwen") and key


def test_the_key_is_sent_to_the_endpoint_as_a_bearer_token() -> None:
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        extract(settings(server.url))
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"


def _echo_key(request: Recorded) -> Step:
    """A provider that quotes the key back in its error (some do, partly)."""
    body = {"error": {"message": f"Incorrect API key provided: {request.headers['authorization']}"}}
    return Step(status=401, error_body=body)


def test_the_key_appears_in_no_log_line_error_cache_file_or_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with FakeOpenAI([Step(status=429, headers={"Retry-After": "0"}), Step(payload=GOOD)]) as ok:
        config = settings(ok.url, cache_dir=tmp_path)
        outcomes = summarize_many(["x" + GOOD["projects"][0]["name"]], settings=config)
    outcome_json = json.dumps([o.model_dump(mode="json") for o in outcomes], ensure_ascii=False)
    with FakeOpenAI(responder=_echo_key) as rejecting:
        with pytest.raises(BackendError) as caught:
            extract(settings(rejecting.url, cache_dir=tmp_path))
    assert "OPENAI_API_KEY" in str(caught.value)
    assert caplog.records  # the run did log (retries, requests)
    assert SECRET not in caplog.text
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value.__cause__)
    assert SECRET not in outcome_json
    cache_files = list(tmp_path.iterdir())
    assert any(f.name.endswith(".sqlite3") for f in cache_files)
    for f in cache_files:
        assert SECRET.encode() not in f.read_bytes()


def test_settings_repr_hides_the_key() -> None:
    assert SECRET not in repr(Settings(api_key=SECRET))
    backend = LLMBackend(Settings(model="m", base_url="http://127.0.0.1:9/v1", api_key=SECRET))
    assert backend.redact(f"key={SECRET}") == "key=***"


def test_a_misspelt_or_retired_variable_is_an_error_that_names_the_right_one() -> None:
    typo = "SUMMARIZER_CONCURENCY; did you mean SUMMARIZER_CONCURRENCY?"
    with pytest.raises(ConfigurationError, match=typo):
        resolve_settings(env={"SUMMARIZER_CONCURENCY": "8"})
    with pytest.raises(ConfigurationError, match=r"variable SUMMARIZER_HYBRID$"):
        resolve_settings(env={"SUMMARIZER_HYBRID": "0"})
    assert resolve_settings(env={"SUMMARIZER_STRATEGY": "plain"}).strategy == "plain"
