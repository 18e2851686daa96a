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


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        out: Annotated[Path, typer.Option("--out", help="Folder to write the schemas to.")] = Path(
            "schemas"
        ),
    ) -> None:
        """Write brief.schema.json and fixture.schema.json."""
        out.mkdir(parents=True, exist_ok=True)
        for name, text in schema_texts().items():
            (out / name).write_text(text, encoding="utf-8")
            typer.echo(f"wrote {out / name}")
