"""Lifecycle of the local server child process, with a tiny fake server script."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from summarizer.errors import BackendError
from summarizer.local import server as _local_server
from summarizer.local.server import (
    LocalServer,
    ServerOptions,
    busy_cpus,
    default_threads,
    prune_logs,
    running_server,
    server_command,
    write_state,
)

FAKE = Path(__file__).with_name("_local_fake_server.py")


def fake_server(tmp_path: Path, behaviour: str = "ok", **kwargs: Any) -> LocalServer:
    pid_file = tmp_path / "grandchild.pid"

    def command(port: int) -> list[str]:
        return [sys.executable, str(FAKE), str(port), behaviour, str(pid_file)]

    return LocalServer(command, log_dir=tmp_path / "logs", poll_interval=0.05, **kwargs)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has exited all the same.
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(")")[-1].split()[0] == "Z")


def wait_gone(pid: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def started(tmp_path: Path) -> Iterator[LocalServer]:
    server = fake_server(tmp_path, ready_timeout=20)
    server.start()
    yield server
    server.stop()


def test_start_waits_until_the_server_answers(started: LocalServer) -> None:
    assert started.running
    assert started.base_url.startswith("http://127.0.0.1:")
    response = httpx.get(f"{started.base_url}/models", timeout=5)
    assert response.json()["data"][0]["id"] == "fake"


def test_stop_ends_the_whole_process_group(started: LocalServer, tmp_path: Path) -> None:
    pid = started.pid
    grandchild = int((tmp_path / "grandchild.pid").read_text())
    assert pid is not None and alive(grandchild)
    started.stop()
    assert not started.running
    assert wait_gone(pid) and wait_gone(grandchild)
    started.stop()  # idempotent


def test_the_child_runs_in_the_directory_asked_for(tmp_path: Path) -> None:
    server = fake_server(tmp_path, ready_timeout=20, cwd=tmp_path / "kv")
    with server:
        assert f"cwd={tmp_path / 'kv'}" in server.log_path.read_text()


def test_an_early_exit_is_reported_with_the_log_tail(tmp_path: Path) -> None:
    server = fake_server(tmp_path, "exit", ready_timeout=20)
    started_at = time.monotonic()
    with pytest.raises(BackendError, match="exited with code 3") as caught:
        server.start()
    assert "model file is corrupt" in str(caught.value)
    assert time.monotonic() - started_at < 10
    assert not server.running


def test_a_server_that_never_answers_times_out_and_is_stopped(tmp_path: Path) -> None:
    server = fake_server(tmp_path, "never", ready_timeout=1)
    with pytest.raises(BackendError, match="did not answer within 1 s"):
        server.start()
    grandchild = int((tmp_path / "grandchild.pid").read_text())
    assert not server.running and wait_gone(grandchild)


def test_a_taken_fixed_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        server = fake_server(tmp_path, "bind", ready_timeout=20, port=port)
        with pytest.raises(BackendError, match=f"could not bind port {port}"):
            server.start()


def test_old_logs_are_pruned(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for n in range(12):
        (logs / f"server-{n}.log").write_text("x")
        os.utime(logs / f"server-{n}.log", (n, n))
    prune_logs(logs, keep=10)
    assert sorted(p.name for p in logs.iterdir()) == sorted(f"server-{n}.log" for n in range(2, 12))


def test_context_manager_stops_on_error(tmp_path: Path) -> None:
    server = fake_server(tmp_path, ready_timeout=20)
    with pytest.raises(RuntimeError), server:
        pid = server.pid
        raise RuntimeError("boom")
    assert pid is not None and wait_gone(pid)


DRIVER = """
import signal, sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_local_server import fake_server
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in an interactive shell
server = fake_server(Path({tmp!r}), ready_timeout=20).start()
print(server.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_the_server_dies_with_its_parent(tmp_path: Path, signum: signal.Signals) -> None:
    code = DRIVER.format(tests=str(Path(__file__).parent), tmp=str(tmp_path))
    driver = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert driver.stdout is not None
    server_pid = int(driver.stdout.readline())
    assert alive(server_pid)
    driver.send_signal(signum)
    driver.wait(timeout=20)
    driver.stdout.close()
    assert wait_gone(server_pid, 10)
    grandchild = int((tmp_path / "grandchild.pid").read_text())
    if alive(grandchild):  # only SIGKILL may orphan it: the kernel signal reaches the child only
        os.kill(grandchild, signal.SIGKILL)


def test_a_recorded_server_is_reused_only_if_it_answers(
    started: LocalServer, tmp_path: Path
) -> None:
    state = tmp_path / "state" / "server.json"
    write_state(state, started, "model-a")
    assert running_server(state, "model-a") == started.base_url
    assert running_server(state, "model-b") is None
    started.stop()
    assert running_server(state, "model-a") is None
    assert running_server(tmp_path / "absent.json", "model-a") is None


@pytest.mark.parametrize(("busy", "expected"), [(0.1, 2), (0.7, 1), (4.5, 1)])
def test_threads_leave_busy_cpus_out(
    monkeypatch: pytest.MonkeyPatch, busy: float, expected: int
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert default_threads(lambda: busy) == expected


def test_busy_cpus_counts_the_non_idle_share(monkeypatch: pytest.MonkeyPatch) -> None:
    samples = iter([(1000, 500), (1200, 550)])  # 200 jiffies passed, 50 of them idle
    monkeypatch.setattr(_local_server, "_cpu_times", lambda: next(samples))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert busy_cpus(0.0) == pytest.approx(1.5)


def test_the_real_command_binds_loopback_and_skips_all_logits() -> None:
    options = ServerOptions(model_path=Path("/m.gguf"), alias="m", n_ctx=4096, n_threads=2)
    command = server_command(options, 8123, python="py")
    pairs = flags(command)
    assert command[:3] == ["py", "-m", "llama_cpp.server"]
    assert pairs["--host"] == "127.0.0.1" and pairs["--port"] == "8123"
    assert pairs["--n_ctx"] == "4096" and pairs["--logits_all"] == "false"
    assert "--cache" not in pairs
    cached = flags(server_command(replace(options, kv_cache_bytes=10), 1))
    assert (cached["--cache"], cached["--cache_type"], cached["--cache_size"]) == (
        "true",
        "disk",
        "10",
    )


def flags(command: list[str]) -> dict[str, str]:
    """The `--name value` pairs after `python -m llama_cpp.server`."""
    return dict(zip(command[3::2], command[4::2], strict=True))
