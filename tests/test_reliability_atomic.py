"""Output files are never half-written: the old file survives any failure, no temp file stays."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer._atomic import write_text_atomic, write_with
from summarizer.cli import brief as brief_cli

OLD = "旧的完整内容\n" * 100


def leftovers(folder: Path) -> list[str]:
    """Every file in the folder except the target itself."""
    return sorted(p.name for p in folder.iterdir() if p.name != "out.md")


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text(OLD, encoding="utf-8")
    write_text_atomic(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert leftovers(tmp_path) == []


def test_exception_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text(OLD, encoding="utf-8")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("新内容写了一半", encoding="utf-8")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_with(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_failed_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text(OLD, encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("summarizer._atomic.os.replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomic(target, "新内容")
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_first_write_that_fails_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.md"

    def fail(tmp: Path) -> None:
        tmp.write_bytes(b"PK\x03\x04 partial docx")
        raise ValueError("docx writer failed")

    with pytest.raises(ValueError):
        write_with(target, fail)
    assert list(target.parent.iterdir()) == []


def test_written_file_is_readable_like_a_normal_file(tmp_path: Path) -> None:
    """mkstemp makes 0600 files; a briefing must keep the usual umask-based mode."""
    target = tmp_path / "out.md"
    write_text_atomic(target, "内容")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_cli_docx_failure_keeps_the_previous_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"previous briefing")

    def broken_docx(briefing: object, path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half")
        raise OSError("disk full")

    monkeypatch.setattr(brief_cli, "write_docx", broken_docx)
    with pytest.raises(OSError, match="disk full"):
        brief_cli.write_briefing(object(), "docx", target)  # type: ignore[arg-type]
    assert target.read_bytes() == b"previous briefing"
    assert leftovers(tmp_path) == []


WRITER = """
import sys
from pathlib import Path
from summarizer._atomic import write_with

def slow(tmp):
    with open(tmp, "w", encoding="utf-8") as f:
        for _ in range(10_000):
            f.write("新" * 1000)
            f.flush()
            print("writing", flush=True)

write_with(Path(sys.argv[1]), slow)
"""


def test_kill_9_during_a_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text(OLD, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    child.stdout.readline()  # the temp file is being written now
    time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert target.read_text(encoding="utf-8") == OLD
    # SIGKILL gives no chance to clean up: a hidden temp may remain, never the target half-written.
    temps = leftovers(tmp_path)
    assert all(name.startswith(".out.md.") and name.endswith(".tmp") for name in temps)
