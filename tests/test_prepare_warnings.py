"""A page the extractor cannot read gets a warning in the brief and on stderr, never silence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.document import SourceDocument
from summarizer.pipeline import summarize
from summarizer.prepare import prepare
from summarizer.text.script import script_warning

ENGLISH = (
    "County holds economic work conference\n"
    "On October 28, the county held a meeting on the economy of the first three quarters. "
    "The party secretary attended and spoke, asking all departments to speed up projects.\n"
)
KOREAN = (
    "군 경제운영 분석회의 개최\n"
    "10월 28일 오전, 군은 3분기 경제운영 분석회의를 열고 주요 과제를 논의했다.\n"
)
CHINESE = (
    "某县召开前三季度经济形势分析会\n"
    "10月28日上午,某县召开前三季度经济形势分析会。县委书记张某出席会议并讲话,"
    "要求各部门加快推进5G基站和GDP核算相关工作。\n"
)


@pytest.mark.parametrize(("page", "script"), [(ENGLISH, "LATIN"), (KOREAN, "HANGUL")])
def test_a_page_mostly_in_another_script_is_flagged(page: str, script: str) -> None:
    warning = script_warning(page)
    assert warning is not None and "mostly not Chinese" in warning and script in warning


def test_chinese_pages_in_either_script_with_latin_acronyms_pass() -> None:
    assert script_warning(CHINESE) is None
    assert script_warning("某縣召開前三季度經濟形勢分析會,縣委書記張某出席會議並講話。" * 3) is None


def test_mojibake_from_a_wrong_encoding_is_flagged() -> None:
    broken = CHINESE.encode("utf-8").decode("latin-1")
    warning = script_warning(broken)
    assert warning is not None and "unreadable" in warning


def test_the_warning_reaches_the_prepared_document_and_the_brief(
    caplog: pytest.LogCaptureFixture,
) -> None:
    prepared = prepare(SourceDocument(id="en", raw=ENGLISH))
    assert any("mostly not Chinese" in w for w in prepared.warnings)
    brief = summarize(ENGLISH, backend="offline")
    assert any("mostly not Chinese" in w for w in brief.warnings)
    assert "mostly not Chinese" in caplog.text
    assert summarize(CHINESE, backend="offline").warnings == []


def test_the_command_line_prints_the_warning_on_stderr(tmp_path: Path) -> None:
    page = tmp_path / "english.txt"
    page.write_text(ENGLISH, encoding="utf-8")
    command = Path(sys.executable).parent / "summarizer"
    done = subprocess.run(
        [str(command), "summarize", "--backend", "offline", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "mostly not Chinese" in done.stderr
    assert '"warnings": ["mostly not Chinese' in done.stdout
