"""The checked-in JSON Schemas must match the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.cli.schema import schema_drift, schema_texts

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_checked_in_schema_matches_models(name: str) -> None:
    checked_in = (SCHEMAS / name).read_text(encoding="utf-8")
    assert checked_in == schema_texts()[name], (
        f"schemas/{name} drifted from the models: run `summarizer schema --out schemas`"
    )


def test_checked_in_folder_has_no_drift() -> None:
    assert schema_drift(SCHEMAS) == []


def test_drift_is_detected(tmp_path: Path) -> None:
    """A stale schema file (here a renamed field) and a missing one are both reported."""
    stale = schema_texts()["brief.schema.json"].replace('"speakers"', '"people"')
    (tmp_path / "brief.schema.json").write_text(stale, encoding="utf-8")
    assert schema_drift(tmp_path) == ["brief.schema.json", "fixture.schema.json"]
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path), "--check"])
    assert result.exit_code == 1


def test_schema_command_regenerates(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert schema_drift(tmp_path) == []


def test_schemas_keep_chinese_readable() -> None:
    text = schema_texts()["brief.schema.json"]
    assert "亿元" in text and "\\u4ebf" not in text
