"""The archive from the command line: brief stores and re-reads, history, export."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from tests.archive_support import WEEKS


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr


def test_brief_twice_reads_the_second_time_from_the_archive(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    weeks = [str(WEEKS / "week15.jsonl"), str(WEEKS / "week16.jsonl")]
    out = tmp_path / "b.md"
    code, _, first = run("brief", *weeks, "-b", "offline", "--db", db, "-o", str(out))
    assert code == 0 and "0 from the archive, 3 extracted" in " ".join(first.split())
    code, _, second = run("brief", *weeks, "-b", "offline", "--db", db, "-o", str(out))
    assert code == 0 and "3 from the archive, 0 extracted" in " ".join(second.split())
    text = out.read_text(encoding="utf-8")
    section = text[text.index("## 较上周 Since last week (2024-W16") :]
    assert (
        "澄溪县智能装备产业园项目 (澄溪县): signed (2024-04-09) → **started** (2024-04-17)"
        in section
    )
    assert "目标 target 6.5% (全年), 2024-04-09 → 实际 change 7.1% (一季度), 2024-04-17" in section
    assert "## 转载 Reprints (shown once)" in section
    # the reprinted story's project is listed by one article only, and named once as new
    assert text.count("| 澄溪县冷链物流园 |") == 1
    assert section.count("澄溪县冷链物流园") == 1


def test_history_and_export_read_the_archive(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    weeks = [str(WEEKS / "week15.jsonl"), str(WEEKS / "week16.jsonl")]
    assert run("summarize", "--archive", "--db", db, "-b", "offline", *weeks)[0] == 0
    code, out, _ = run("history", "project", "智能装备产业园", "--db", db, "--json")
    assert code == 0
    assert [(e["day"], e["kind"]) for e in json.loads(out)] == [
        ("2024-04-09", "signed"),
        ("2024-04-17", "started"),
    ]
    code, out, _ = run("history", "indicator", "地区生产总值", "--region", "澄溪县", "--db", db)
    assert code == 0 and "6.5% [target] 全年" in out and "7.1% [change] 一季度" in out
    assert run("history", "person", "无此人", "--db", db)[0] == 1
    target = tmp_path / "items.csv"
    code, _, said = run("export", "-o", str(target), "--db", db, "--list", "projects")
    assert code == 0 and target.read_text(encoding="utf-8-sig").startswith("list,date,region")
    assert run("export", "-o", str(tmp_path / "x.ods"), "--db", db)[0] != 0
