"""The command line never surprises: one line per error, stdout only data (issue 17's list)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SUMMARIZER = str(Path(sys.executable).with_name("summarizer"))
SEED = Path(__file__).parents[1] / ".." / "shared" / "seeds" / "000_eb546901202d7798.txt"
# Written for these tests.
ARTICLE = "8月11日，测试县召开推进会。张三强调，要抓好项目建设。全县地区生产总值完成约42亿元。"


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # the session's throwaway archive (conftest), never the user's
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SUMMARIZER_") or k == "SUMMARIZER_DB"
    }
    environment.update(env or {})
    return subprocess.run(
        [SUMMARIZER, *args], capture_output=True, text=True, timeout=60, env=environment, cwd=cwd
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["brief", "x"],
        ["brief", "x", "-o", "a.md", "--bogus"],
        ["summarize"],
        ["eval", "--tolerance", "x"],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    one_error_line(result)
    assert result.stdout == ""


def test_summarize_stdout_is_only_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("summarize", str(tmp_path / "a.txt"), "--backend", "offline")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "a"


def test_summarize_writes_each_line_as_its_document_finishes(tmp_path: Path) -> None:
    """A failure found at ingest is on stdout before the rest of the batch has run."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    process = subprocess.Popen(
        [SUMMARIZER, "summarize", str(tmp_path), "--backend", "offline"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    first = json.loads(process.stdout.readline())
    rest = process.stdout.read()
    process.wait(timeout=60)
    assert {first["id"], json.loads(rest)["id"]} == {"a", "empty"}
    assert process.returncode == 1  # one document failed


def test_week_with_no_article_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = run("brief", str(SEED), "--backend", "offline", "--week", "2020-W01", "-o", str(out))
    assert result.returncode != 0 and "no article is dated within 2020-W01" in one_error_line(
        result
    )
    assert not out.exists() and result.stdout == ""


def test_week_and_since_conflict(tmp_path: Path) -> None:
    result = run(
        "brief",
        str(SEED),
        "--week",
        "2023-W32",
        "--since",
        "2023-08-01",
        "-o",
        str(tmp_path / "b.md"),
    )
    assert result.returncode == 2 and "cannot be combined" in one_error_line(result)


def test_format_must_match_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    result = run("brief", str(SEED), "--format", "docx", "-o", str(out))
    assert result.returncode == 2 and "does not match" in one_error_line(result)
    assert not out.exists()


def test_format_is_inferred_from_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = run("brief", str(SEED), "--backend", "offline", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK" and result.stdout == ""


def test_jsonl_errors_name_their_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": ARTICLE, "date": "2023-08-11"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "baddate", "text": ARTICLE, "date": "11/08/2023"}, ensure_ascii=False),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "b.md"
    # --no-archive: through the archive, line 3 (the same text) would be line 1's reprint
    result = run(
        "brief", str(tmp_path / "in.jsonl"), "--backend", "offline", "--no-archive", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path / 'in.jsonl'}:3: date '11/08/2023' is not YYYY-MM-DD" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "in.jsonl:2" in text and "2023-08-11" in text  # the bad line reported, others kept
    assert "未标日期的报道" in text  # the line with a bad date is kept, as undated


def test_control_characters_do_not_break_word(tmp_path: Path) -> None:
    record = {"id": "ctl", "text": "测试县\x0b召开推进会\x01。" + ARTICLE, "title": "标题\x0c"}
    (tmp_path / "in.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    out = tmp_path / "b.docx"
    result = run("brief", str(tmp_path / "in.jsonl"), "--backend", "offline", "-o", str(out))
    assert result.returncode == 0, result.stderr
    from docx import Document

    assert "标题" in "\n".join(p.text for p in Document(str(out)).paragraphs)


def test_inputs_over_the_size_cap_fail_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(ARTICLE * 200, encoding="utf-8")
    result = run("summarize", str(tmp_path / "big.txt"), "--backend", "offline",
                 env={"SUMMARIZER_MAX_INPUT_MB": "0.01"})  # fmt: skip
    assert result.returncode == 1
    failure = json.loads(result.stdout)
    assert "over the 0.01 MB input cap" in failure["message"]


def test_prepare_missing_path_and_fifo_are_one_line_each(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("prepare", str(tmp_path / "gone.txt"), str(fifo))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'gone.txt'}: no such file",
        f"error: {fifo}: not a regular file (a folder, FIFO or device)",
    ]


def test_html_meta_date_is_used_and_no_date_means_undated_not_mtime(tmp_path: Path) -> None:
    body = (
        "<p>"
        + "</p><p>".join(
            ["测试县召开推进会", "张三强调，要抓好项目建设。", "全县地区生产总值完成约42亿元。"]
        )
        + "</p>"
    )
    head = '<head><meta name="PubDate" content="2024-05-17 09:32"></head>'
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    (tmp_path / "dated.html").write_text(page, encoding="utf-8")
    (tmp_path / "nodate.txt").write_text(
        "测试县召开推进会。张三强调，要抓好项目建设。", encoding="utf-8"
    )
    result = run("summarize", str(tmp_path), "--backend", "offline")
    dates = {b["id"]: b["date"] for b in map(json.loads, result.stdout.splitlines())}
    assert dates == {"dated": "2024-05-17", "nodate": None}


def test_an_html_meta_date_fixes_the_year_of_the_bodys_day(tmp_path: Path) -> None:
    body = "<p>5月16日，测试县召开推进会。张三强调，要抓好项目建设。</p>"
    meta = '<meta property="article:published_time" content="2024-05-17T09:32:00+08:00">'
    head = f"<head>{meta}</head>"
    (tmp_path / "p.html").write_text(
        f"<html>{head}<body><article>{body}</article></body></html>", encoding="utf-8"
    )
    result = run("summarize", str(tmp_path), "--backend", "offline")
    assert [json.loads(line)["date"] for line in result.stdout.splitlines()] == ["2024-05-16"]
