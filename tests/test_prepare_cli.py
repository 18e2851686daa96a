"""`summarizer prepare FILE... --json`: articles with title, text and offset spans."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

PAGE = (
    "首页 > 新闻\n"
    "高新区召开重点项目推进会\n\n"
    "本报讯(记者 张三)5月7日上午,高新区召开重点项目推进会。王五强调,要切实\n\n"
    "把思想和行动统一到决策部署上来,确保完成全年目标任务。\n"
    "责任编辑:李四\n"
)


def test_prepare_json_prints_articles_whose_spans_rebuild_the_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("gb18030"))
    result = CliRunner().invoke(app, ["prepare", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    shown = json.loads(line)
    original = PAGE  # decoded text: what the spans index
    (article,) = shown["articles"]
    assert article["title"] == "高新区召开重点项目推进会"
    assert "要切实把思想" in article["text"] and "责任编辑" not in article["text"]
    assert "".join(original[start:end] for start, end in article["spans"]) == article["text"]
    assert shown["original_length"] == len(original)
    assert "decoded as gb18030" in shown["warnings"]


def test_prepare_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["prepare", str(empty), str(good)])
    assert result.exit_code == 1
    assert "empty.txt: empty document" in result.stderr
    assert "## [0] 高新区召开重点项目推进会" in result.stdout
