"""The archive from the command line: brief stores and re-reads, history, export."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document
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
    # since last week: a section of its own, right after the overview (and the contents)
    assert text.index("## 本周概览") < text.index("## 较上周") < text.index("## 分地区报道")
    section = text[text.index("## 较上周") : text.index("## 分地区报道")]
    assert "2024-W16（2024-04-15 – 2024-04-21）" in section
    assert "2. 较上周" in text  # in the contents
    # both weeks are in this briefing, so both sides of every line cite their sentence
    assert (
        "- **澄溪县智能装备产业园项目**：签约（2024-04-09） [S1-4] → 开工（2024-04-17） [S2-1]"
        in section
    )
    assert (
        "目标 6.5%（2024年全年，2024-04-09） [S1-7] → 实际 7.1%（2024年一季度，2024-04-17） [S2-5]"
        in section
    )
    # the reprinted story is one entry that names the other page; its project is new once
    assert "沧澜日报数字报" not in text
    assert "另见：[epaper.canglan-daily.example.cn](<https://epaper.canglan-daily" in text
    rows = [line for line in text.splitlines() if line.startswith("| 澄溪县冷链物流园")]
    assert len(rows) == 1  # one article lists it (the extractor may name it with its 项目)
    assert section.count("澄溪县冷链物流园") == 1


def test_one_week_in_english_links_last_weeks_side_to_its_page(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    weeks = [str(WEEKS / "week15.jsonl"), str(WEEKS / "week16.jsonl")]
    out = tmp_path / "w16.md"
    args = ["-b", "offline", "--db", db, "--week", "2024-W16", "--lang", "en", "-o", str(out)]
    assert run("brief", *weeks, *args)[0] == 0
    text = out.read_text(encoding="utf-8")
    section = text[text.index("## Since last week") : text.index("## By region")]
    assert "### Projects whose status moved" in section and "### Targets and actuals" in section
    signing = "https://www.chengxi.example.gov.cn/zwdt/2024/0410/signing.html"
    assert f"signed（2024-04-09） [link](<{signing}>) → started（2024-04-17） [S1-1]" in section
    assert run("brief", *weeks, *args[:-1], str(tmp_path / "w16.docx"))[0] == 0
    word = Document(str(tmp_path / "w16.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["The week at a glance", "Contents", "Since last week"]
    lines = [p.text for p in word.paragraphs if p.text.startswith("澄溪县智能装备产业园项目：")]
    assert lines == [
        "澄溪县智能装备产业园项目：signed（2024-04-09） link → started（2024-04-17） S1"
    ]
    out = tmp_path / "none.md"
    assert run("brief", *weeks, *args[:-1], str(out), "--no-archive")[0] == 0
    assert "Since last week" not in out.read_text(encoding="utf-8")


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
