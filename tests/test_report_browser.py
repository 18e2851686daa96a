"""The HTML briefing as a person sees it: rendered by headless Chromium (tier: browser)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from summarizer.report.render import render_html
from summarizer.report.weekly import build_briefing
from tests.report_samples import WHEN, hostile_brief, meeting_brief, other_zhang_brief

pytestmark = pytest.mark.browser

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("chromium is not installed: `make test-browser` installs Debian's chromium")
    return found


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    briefing = build_briefing(
        [meeting_brief(), other_zhang_brief(), hostile_brief()], generated_at=WHEN
    )
    path = tmp_path / "briefing.html"
    path.write_text(render_html(briefing), encoding="utf-8")
    return path


def test_rendered_dom_has_tables_and_no_script_ran(page: Path, tmp_path: Path) -> None:
    dom = run_chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", page.as_uri()).stdout
    assert dom.count("<table") >= 2 and "地区生产总值" in dom
    assert "pwned" not in dom.split("</title>")[0]  # neither <script> nor onerror changed the title
    assert "<script" not in dom and "<img" not in dom  # the hostile markup stayed text
    assert "&lt;script&gt;" in dom


@pytest.mark.parametrize("width", [1200, 390])
def test_screenshot_desktop_and_phone(page: Path, tmp_path: Path, width: int) -> None:
    shot = tmp_path / f"briefing-{width}.png"
    run_chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    keep = Path("out") / "screenshots"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, keep / shot.name)  # for a human look; out/ is git-ignored
