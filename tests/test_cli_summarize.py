"""`summarizer summarize`: one JSON line per document; a bad one is recorded and exits 1."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ConfigurationError

ARTICLE = "6月3日,长沙市召开会议。市委书记李明讲话,要求要抓项目。上半年地区生产总值完成1200.5亿元。"


def test_good_and_bad_files_each_get_a_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("   \n", encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", "--backend", "offline", str(tmp_path)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_id = {line["id"]: line for line in lines}
    assert set(by_id) == {"a", "b"}
    assert by_id["b"]["error"] == "InputError"
    assert [m["value"] for m in by_id["a"]["metrics"]] == [1200.5]


def test_an_unknown_strategy_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", "--strategy", "guess", str(tmp_path)])
    assert isinstance(result.exception, ConfigurationError)
    assert "unknown strategy 'guess': choose one of auto, plain, hybrid, review" in str(
        result.exception
    )
