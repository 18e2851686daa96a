"""Run llama-cpp-python's OpenAI-compatible server as a child process on 127.0.0.1.

The child gets its own process group, so stopping it stops whatever it spawned too.
It is stopped by `stop()`, by the interpreter's exit (atexit), by SIGTERM/SIGHUP turned
into a normal exit, and on Linux by the kernel if this process dies (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO, Any

import httpx

from summarizer.errors import BackendError

HOST = "127.0.0.1"
CommandForPort = Callable[[int], Sequence[str]]


def default_threads(busy: Callable[[], float] | None = None) -> int:
    """Threads for llama.cpp: the CPUs this process may use that are idle now, 1 to 8.

    llama.cpp's threads meet at a barrier after every step, so one thread descheduled by
    another busy process stalls them all: measured on 2 shared cores at load 4.5, two
    threads generated 3.8 tokens/s and one thread 18.4. So busy CPUs are left out.
    """
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 2
    taken = round((busy or busy_cpus)())
    return max(1, min(usable - taken, 8))


def busy_cpus(window: float = 0.5) -> float:
    """How many CPUs other processes keep busy right now (sampled over `window` s).

    The load average lags by a minute, so /proc/stat is sampled where it exists.
    """
    try:
        first = _cpu_times()
        time.sleep(window)
        second = _cpu_times()
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    total = second[0] - first[0]
    idle = second[1] - first[1]
    return (os.cpu_count() or 1) * (total - idle) / total if total > 0 else 0.0


def _cpu_times() -> tuple[int, int]:
    """(all jiffies, idle + iowait jiffies) from the first line of /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields), fields[3] + fields[4]


# Prompt states saved on disk hold an n_batch × vocabulary logits buffer: ~350 MB each at
# n_batch 512, ~130 MB at 128. Prompt speed did not depend on it (3,673 tokens: 56–64 s
# at 512, 58.6 s at 128, one thread), so the small batch keeps saving and loading cheap.
N_BATCH = 128
# Re-asks append the rejected reply and the errors to a ~4k-token prompt; 8,192 overflowed.
N_CTX = 16_384


@dataclass(frozen=True)
class ServerOptions:
    """How to run `python -m llama_cpp.server`."""

    model_path: Path
    alias: str
    n_ctx: int = N_CTX
    n_threads: int = 2
    n_batch: int = N_BATCH
    kv_cache_bytes: int = 0
    """Above 0, keep evaluated prompt states on disk (in the child's working directory)."""
    extra_args: tuple[str, ...] = ()


def server_command(options: ServerOptions, port: int, python: str = sys.executable) -> list[str]:
    """The command line that serves `options` on 127.0.0.1:`port`."""
    return [
        python, "-m", "llama_cpp.server",
        "--model", str(options.model_path), "--model_alias", options.alias,
        "--host", HOST, "--port", str(port),
        "--n_ctx", str(options.n_ctx), "--n_batch", str(options.n_batch),
        "--n_threads", str(options.n_threads), "--n_threads_batch", str(options.n_threads),
        # Per-token logits for the whole context cost time and ~n_ctx×vocab floats of RAM;
        # nothing here asks for logprobs.
        "--logits_all", "false",
        # A queued request must wait its turn, not cancel the one being generated.
        "--interrupt_requests", "false",
        *_kv_cache_args(options.kv_cache_bytes),
        *options.extra_args,
    ]  # fmt: skip


def _kv_cache_args(capacity: int) -> list[str]:
    # llama.cpp already reuses the KV cache for a prompt prefix shared with the previous
    # request; the disk cache carries that state over to the next server process, so a
    # new run does not re-read the long fixed system prompt (measured: 32 s → 5 s).
    if capacity <= 0:
        return []
    return ["--cache", "true", "--cache_type", "disk", "--cache_size", str(capacity)]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """A server child process: start it, wait until it answers, stop it (idempotent)."""

    def __init__(
        self,
        command_for_port: CommandForPort,
        *,
        log_dir: Path,
        ready_timeout: float = 180.0,
        poll_interval: float = 0.25,
        port: int | None = None,
        cwd: Path | None = None,
    ) -> None:
        self._command_for_port = command_for_port
        self.log_dir = log_dir
        self.ready_timeout = ready_timeout
        self.poll_interval = poll_interval
        self.fixed_port = port
        self.cwd = cwd
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL (ends in /v1)."""
        if self.port is None:
            raise BackendError("the local server has not been started")
        return f"http://{HOST}:{self.port}/v1"

    @property
    def log_path(self) -> Path:
        """The child's output: one file per port, so concurrent servers never share one."""
        return self.log_dir / f"server-{self.port}.log"

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        """True while the child process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> LocalServer:
        """Spawn the server and block until it answers; BackendError if it cannot."""
        exit_on_termination_signals()
        attempts = 1 if self.fixed_port else 3
        for attempt in range(1, attempts + 1):
            self._spawn(self.fixed_port or free_port())
            try:
                self._wait_ready()
                return self
            except _PortTaken:
                self.stop()
                if attempt == attempts:
                    raise BackendError(
                        f"the local server could not bind port {self.port}"
                    ) from None
            except BaseException:
                self.stop()
                raise
        raise AssertionError("unreachable")

    def _spawn(self, port: int) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        prune_logs(self.log_dir)
        self.port = port
        command = list(self._command_for_port(port))
        if self.cwd is not None:
            self.cwd.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self._process = _popen(command, log, self.cwd)
        atexit.register(self.stop)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout
        url = f"{self.base_url}/models"
        while time.monotonic() < deadline:
            code = self._process.poll() if self._process is not None else -1
            if code is not None:
                raise self._exit_error(code)
            if _answers(url):
                return
            time.sleep(self.poll_interval)
        raise BackendError(
            f"the local server did not answer within {self.ready_timeout:.0f} s "
            f"(log: {self.log_path})"
        )

    def _exit_error(self, code: int) -> Exception:
        tail = log_tail(self.log_path)
        if "address already in use" in tail.lower():
            return _PortTaken()
        return BackendError(
            f"the local server exited with code {code} before it was ready "
            f"(log: {self.log_path}):\n{tail}"
        )

    def stop(self, grace: float = 10.0) -> None:
        """Terminate the child's process group: SIGTERM, then SIGKILL after `grace` seconds."""
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        if process is None:
            return
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
        _signal_group(process.pid, signal.SIGKILL)  # stragglers the child left in its group

    def wait(self) -> int:
        """Block until the child exits; return its exit code."""
        if self._process is None:
            raise BackendError("the local server has not been started")
        return self._process.wait()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _PortTaken(Exception):
    """The port chosen was taken before the server could bind it."""


def _popen(command: list[str], log: IO[bytes], cwd: Path | None) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: Ctrl-C reaches us, we stop it
            preexec_fn=_die_with_parent_hook(),
        )
    except OSError as exc:
        raise BackendError(f"could not start the local server ({command[0]}): {exc}") from exc


def _die_with_parent_hook() -> Callable[[], None] | None:
    # The kernel signal fires when the *thread* that forked exits, so only the main
    # thread (which lives as long as the process) may ask for it.
    if (
        not sys.platform.startswith("linux")
        or threading.current_thread() is not threading.main_thread()
    ):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1

    def hook() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)

    return hook


def _signal_group(pid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signum)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def prune_logs(directory: Path, keep: int = 10) -> None:
    """Delete all but the `keep` newest server logs."""
    logs = sorted(directory.glob("server-*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in logs[keep:]:
        old.unlink(missing_ok=True)


def log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of a log file, or an empty string."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def exit_on_termination_signals() -> None:
    """Turn SIGTERM/SIGHUP into SystemExit so `finally` blocks and atexit stop the child.

    Only when this is the main thread and the signal still has its default action:
    a host application's own handlers are left alone.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _raise_system_exit)


def _raise_system_exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def write_state(path: Path, server: LocalServer, model: str) -> None:
    """Record a foreground server (`summarizer local serve`) so batches can reuse it."""
    record = {"pid": server.pid, "port": server.port, "model": model}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def running_server(path: Path, model: str) -> str | None:
    """The base URL of a recorded server serving `model` that still answers, else None."""
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("model") != model or not _alive(record.get("pid")):
        return None
    base_url = f"http://{HOST}:{record.get('port')}/v1"
    return base_url if _answers(f"{base_url}/models") else None


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
