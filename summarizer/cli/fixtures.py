"""`summarizer fixtures check DIR`: validate hand-labeled fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.fixtures import check_folder, fixture_paths

fixtures_app = typer.Typer(help="Work with hand-labeled fixtures.", no_args_is_help=True)


@fixtures_app.command("check")
def check(
    folder: Annotated[Path, typer.Argument(help="Folder of fixture *.json files.")] = Path(
        "evals/fixtures"
    ),
) -> None:
    """Exit non-zero, naming file and field, if any fixture breaks the contract."""
    problems = check_folder(folder)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{len(fixture_paths(folder))} fixture(s) OK")


def register(app: typer.Typer) -> None:
    app.add_typer(fixtures_app, name="fixtures")
