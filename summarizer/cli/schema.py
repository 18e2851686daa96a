"""`summarizer schema`: export the JSON Schemas of the brief and the fixture file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.models import Brief, Fixture

SCHEMAS: dict[str, type[Brief] | type[Fixture]] = {
    "brief.schema.json": Brief,
    "fixture.schema.json": Fixture,
}


def schema_texts() -> dict[str, str]:
    """File name → JSON Schema text, exactly as checked in under schemas/."""
    return {name: _dump(model.model_json_schema()) for name, model in SCHEMAS.items()}


def schema_drift(folder: Path) -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    drifted = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            drifted.append(name)
    return drifted


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        out: Annotated[Path, typer.Option("--out", help="Folder to write the schemas to.")] = Path(
            "schemas"
        ),
        check: Annotated[
            bool, typer.Option("--check", help="Only check that the files are up to date.")
        ] = False,
    ) -> None:
        """Write brief.schema.json and fixture.schema.json (or --check them)."""
        if check:
            drifted = schema_drift(out)
            for name in drifted:
                typer.echo(f"{out / name} is out of date: run `summarizer schema --out {out}`")
            raise typer.Exit(1 if drifted else 0)
        out.mkdir(parents=True, exist_ok=True)
        for name, text in schema_texts().items():
            (out / name).write_text(text, encoding="utf-8")
            typer.echo(f"wrote {out / name}")
