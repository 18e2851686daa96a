"""The briefing as a person sees it (tier: browser): real Chromium at 1280 px over the DevTools
protocol, and the Word file through LibreOffice headless to PDF and a rasterized page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._cdp import Browser

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
SUMMARIZER = str(Path(sys.executable).with_name("summarizer"))
CORPORA = {
    "seeds": ROOT / ".." / "shared" / "seeds",
    "devset": ROOT / ".." / "shared" / "devset" / "docs",
}
WEEKS = ROOT / "tests" / "archive_weeks"
KEEP = ROOT / "out" / "screenshots"  # for a human look; out/ is git-ignored
WORD_PAGES = 12  # the seeds' Word briefing: 24 A4 pages before it was made compact, now 11

VISIBLE = """(sel) => { const e = document.querySelector(sel); if (!e) return false;
  const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }"""
# The first [S#] in the region entries whose target is an anchored source sentence.
FIRST_CITE = """(() => { const a = [...document.querySelectorAll('#regions a.cite')].find(
    a => document.getElementById(a.getAttribute('href').slice(1))?.classList.contains('s'));
  a.scrollIntoView({block: 'center'}); const r = a.getBoundingClientRect();
  return {href: a.getAttribute('href'), x: r.x + r.width / 2, y: r.y + r.height / 2,
          top: scrollY}; })()"""
# The n-th [S#] inside `scope`, scrolled into view: where to click and where it points.
NTH_CITE = """((scope, n) => { const a = document.querySelectorAll(scope + ' a.cite')[n];
  a.scrollIntoView({block: 'center'}); const r = a.getBoundingClientRect();
  return {href: a.getAttribute('href'), x: r.x + r.width / 2, y: r.y + r.height / 2}; })"""
TARGET = """(() => { const t = document.querySelector(':target'); if (!t) return null;
  const r = t.getBoundingClientRect();
  return {id: t.id, cls: t.className, inView: r.top >= 0 && r.bottom <= innerHeight,
          top: scrollY, bg: getComputedStyle(t).backgroundColor,
          marks: t.querySelectorAll('mark').length}; })()"""


def brief(corpus: str, out: Path) -> Path:
    subprocess.run(
        [SUMMARIZER, "brief", str(CORPORA[corpus]), "--backend", "offline", "-o", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def two_weeks(out: Path, db: Path) -> Path:
    """The two-week example: week 16 against week 15, both stored in a fresh archive."""
    weeks = [str(WEEKS / "week15.jsonl"), str(WEEKS / "week16.jsonl")]
    subprocess.run(
        [
            SUMMARIZER,
            "brief",
            *weeks,
            "--backend",
            "offline",
            "--db",
            f"sqlite:///{db}",
            "-o",
            str(out),
        ],  # fmt: skip
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    chromium = Browser(tmp_path / "profile")
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.mark.parametrize("corpus", ["seeds", "devset"])
def test_briefing_at_1280_has_overview_toc_regions_chart(
    browser: Browser, tmp_path: Path, corpus: str
) -> None:
    page = brief(corpus, tmp_path / f"{corpus}.html")
    browser.open(page.as_uri())
    for selector in [
        "#overview",
        "#toc",
        "#comparison .chart svg",
        "#regions .region h3",
        "#evidence mark",
    ]:
        assert browser.evaluate(f"({VISIBLE})({selector!r})"), f"{selector} not shown"
    first = browser.evaluate("document.querySelector('body > section, body > nav').id")
    assert first == "overview"  # the week at a glance comes first
    assert browser.evaluate("document.scrollingElement.scrollWidth") <= 1280  # no sideways scroll
    shot = browser.screenshot(KEEP / f"briefing-{corpus}-1280.png")
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("corpus", ["seeds", "devset"])
def test_clicking_a_cite_scrolls_to_its_highlighted_sentence(
    browser: Browser, tmp_path: Path, corpus: str
) -> None:
    page = brief(corpus, tmp_path / f"{corpus}.html")
    browser.open(page.as_uri())
    link = browser.evaluate(FIRST_CITE)
    browser.click(link["x"], link["y"])
    time.sleep(0.3)
    target = browser.evaluate(TARGET)
    assert target is not None and "#" + target["id"] == link["href"]
    assert target["cls"] == "s" and target["marks"] >= 1 and target["inView"]
    assert target["top"] > link["top"]  # the page scrolled down to the source text
    assert target["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    browser.screenshot(KEEP / f"briefing-{corpus}-cite.png")


def test_since_last_week_follows_the_overview_and_every_cite_lands_on_its_sentence(
    browser: Browser, tmp_path: Path
) -> None:
    page = two_weeks(tmp_path / "weeks.html", tmp_path / "archive.sqlite3")
    browser.open(page.as_uri())
    order = browser.evaluate(
        "[...document.querySelectorAll('body > section, body > nav')].map(e => e.id)"
    )
    assert order[:3] == ["overview", "toc", "since"]  # what changed, right after the glance
    assert browser.evaluate(f"({VISIBLE})('#since .changes li')")
    assert browser.evaluate("!!document.querySelector('#toc a[href=\"#since\"]')")
    browser.evaluate("document.getElementById('since').scrollIntoView()")
    browser.screenshot(KEEP / "briefing-weeks-since.png")
    cites = browser.evaluate("document.querySelectorAll('#since a.cite').length")
    assert cites >= 8  # both sides of four lines, and the new project
    for n in range(cites):
        link = browser.evaluate(f"({NTH_CITE})('#since', {n})")
        browser.click(link["x"], link["y"])
        time.sleep(0.2)
        target = browser.evaluate(TARGET)
        assert target is not None and "#" + target["id"] == link["href"], (n, link)
        assert target["cls"] == "s" and target["marks"] >= 1 and target["inView"]
        assert target["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_word_is_a4_with_toc_and_converts_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        pytest.fail("LibreOffice/poppler missing: `make test-browser` installs them")
    docx = brief("seeds", tmp_path / "briefing.docx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo'}"
    subprocess.run(
        [
            soffice,
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = (tmp_path / "briefing.pdf").read_bytes()
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert box and (round(float(box[1])), round(float(box[2]))) == (595, 842)  # A4 in points
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "briefing.pdf")], capture_output=True, text=True, check=True
    )
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]
    print(f"Word briefing of the seeds: {pages} A4 pages")
    assert pages <= WORD_PAGES
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "2",
            str(tmp_path / "briefing.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2 and pages[0].read_bytes()[:4] == b"\x89PNG"
    KEEP.mkdir(parents=True, exist_ok=True)
    for page in pages:
        shutil.copy(page, KEEP / f"briefing-docx-{page.name}")
