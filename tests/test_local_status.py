"""What `summarizer local status` reports, and when the local backend counts as ready."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_local_install import make_spec, make_wheels
from typer.testing import CliRunner

from summarizer.backends import choose_backend_name
from summarizer.cli import app
from summarizer.cli.local import render_status
from summarizer.errors import ConfigurationError
from summarizer.local import model as local
from summarizer.local.install import join_chunks, marker_path
from summarizer.settings import Settings


def installed(tmp_path: Path) -> tuple[Settings, local.ModelSpec]:
    spec = make_spec()
    settings = Settings(cache_dir=tmp_path / "cache")
    join_chunks(spec, make_wheels(tmp_path / "w"), local.model_path(settings, spec))
    return settings, spec


def test_nothing_installed(tmp_path: Path) -> None:
    status = local.local_status(Settings(cache_dir=tmp_path))
    assert not status.model_present and status.hash_ok is None and not status.ready
    assert status.model_path == tmp_path / "models" / local.MODEL.filename


def test_status_trusts_the_marker_unless_asked_to_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local, "server_installed", lambda: True)
    settings, spec = installed(tmp_path)
    status = local.local_status(settings, spec=spec)
    assert (status.hash_ok, status.hash_checked, status.ready) == (True, "recorded", True)
    marker_path(local.model_path(settings, spec)).unlink()
    assert local.local_status(settings, spec=spec).hash_ok is None
    verified = local.local_status(settings, verify=True, spec=spec)
    assert (verified.hash_ok, verified.hash_checked) == (True, "rehashed")


def test_verify_catches_a_corrupted_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "server_installed", lambda: True)
    settings, spec = installed(tmp_path)
    path = local.model_path(settings, spec)
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    status = local.local_status(settings, verify=True, spec=spec)
    assert status.hash_ok is False and not status.ready
    assert not local.model_ready(settings, spec)


def test_model_ready_needs_the_server_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings, spec = installed(tmp_path)
    monkeypatch.setattr(local, "server_installed", lambda: False)
    assert not local.model_ready(settings, spec)
    monkeypatch.setattr(local, "server_installed", lambda: True)
    assert local.model_ready(settings, spec)


def test_auto_never_picks_the_local_model_even_when_it_is_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(local, "model_ready", lambda settings: True)
    assert choose_backend_name(Settings()) == "offline"
    assert choose_backend_name(Settings(base_url="http://127.0.0.1:1/v1")) == "llm"
    assert choose_backend_name(Settings(backend="local")) == "local"


def test_require_ready_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "server_installed", lambda: True)
    with pytest.raises(ConfigurationError, match="summarizer local install"):
        local.require_ready(Settings(cache_dir=tmp_path))
    monkeypatch.setattr(local, "server_installed", lambda: False)
    with pytest.raises(ConfigurationError, match="server is not installed"):
        local.require_ready(Settings(cache_dir=tmp_path))


def test_render_status_text_and_json(tmp_path: Path) -> None:
    status = local.local_status(Settings(cache_dir=tmp_path))
    lines = dict(line.split(None, 1) for line in render_status(status).splitlines())
    assert lines["ready"] == "no" and lines["model_present"] == "no"
    assert lines["expected_size"] == f"{local.MODEL.size:,}"
    record = json.loads(render_status(status, as_json=True))
    assert record["model_path"] == str(status.model_path) and record["hash_ok"] is None


def test_cli_status_exits_1_when_not_ready(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["local", "status", "--json"], env={"SUMMARIZER_CACHE_DIR": str(tmp_path)}
    )
    assert result.exit_code == 1
    record = json.loads(result.stdout)
    assert record["ready"] is False
    assert record["model_path"] == str(tmp_path / "models" / local.MODEL.filename)
