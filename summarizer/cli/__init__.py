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


def main() -> None:
    """Entry point: our errors become one clear line and a non-zero exit."""
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:  # typer.Exit(n) is returned, not raised, here
            sys.exit(code)
    except SummarizerError as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        _exit_on_click_error(exc)


def _exit_on_click_error(exc: Exception) -> None:
    import click

    if isinstance(exc, click.exceptions.Exit):
        sys.exit(exc.exit_code)
    if isinstance(exc, click.ClickException):
        exc.show()
        sys.exit(exc.exit_code)
    if isinstance(exc, click.exceptions.Abort):
        typer.echo("aborted", err=True)
        sys.exit(1)
    raise exc
