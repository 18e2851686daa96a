"""The `summarizer` command line. Each subcommand lives in its own module with `register`."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from summarizer.errors import SummarizerError

app = typer.Typer(
    name="summarizer",
    help="Structured, checkable briefs from Chinese local-government news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_COMMAND_MODULES = (
    "summarize", "prepare", "schema", "fixtures", "eval", "brief", "local", "history", "export"
)

for _name in _COMMAND_MODULES:
    importlib.import_module(f"summarizer.cli.{_name}").register(app)

USAGE_EXIT = 2


def main() -> None:
    """Entry point: every error becomes one line on stderr and a non-zero exit."""
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:  # typer.Exit(n) is returned, not raised, here
            sys.exit(code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        line, code = error_line(exc)
        if line:
            typer.echo(line, err=True)
        sys.exit(code)


def error_line(exc: Exception) -> tuple[str, int]:
    """The one line to print for an exception, and the exit code."""
    if isinstance(exc, typer.Exit):
        return "", exc.exit_code
    if isinstance(exc, typer.Abort):
        return "aborted", 1
    if isinstance(exc, SummarizerError):
        return f"error: {_flat(str(exc))}", USAGE_EXIT
    if type(exc).__name__ == "NoArgsIsHelpError":  # `summarizer local` alone: show its help
        typer.echo(exc.format_message(), err=True)  # type: ignore[attr-defined]
        return "", USAGE_EXIT
    if _is_click_error(exc):
        return f"error: {_flat(exc.format_message())}{_help_hint(exc)}", exc.exit_code  # type: ignore[attr-defined]
    if isinstance(exc, OSError):
        return f"error: {_os_message(exc)}", 1
    return f"error: {type(exc).__name__}: {_flat(str(exc))} (SUMMARIZER_DEBUG=1 shows where)", 1


def _is_click_error(exc: Exception) -> bool:
    """click's (or typer's vendored click's) ClickException, recognised by its interface."""
    return callable(getattr(exc, "format_message", None)) and isinstance(
        getattr(exc, "exit_code", None), int
    )


def _help_hint(exc: Exception) -> str:
    ctx = getattr(exc, "ctx", None)
    return f" (see `{ctx.command_path} --help`)" if ctx is not None else ""


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _flat(text: str) -> str:
    return " ".join(text.split())
