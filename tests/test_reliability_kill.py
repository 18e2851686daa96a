"""Kill -9 in the middle of a batch, run it again: nothing lost, nothing twice, cache consistent.

The batch is the real CLI (`summarizer brief … --backend llm`) in a child process, against the
scripted server with a fixed latency and 4 parallel slots. The child is SIGKILLed once a third
of the articles have been asked for; the re-run must ask only for articles whose reply was not
cached yet, and its briefing must list every article exactly once.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.fake_openai import FakeOpenAI, Recorded
from tests.reliability_server import SlottedResponder, article_number, numbered_article

ARTICLES = 24
CLI = [sys.executable, "-c", "from summarizer.cli import main; main()"]


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"a{n:03d}.txt" for n in range(ARTICLES)]
    for n, path in enumerate(paths):
        path.write_text(numbered_article(n), encoding="utf-8")
    return paths


def brief_command(docs: Path, out: Path, url: str) -> list[str]:
    # --no-archive: what resumes is the reply cache; the 24 numbered copies of one article would
    # otherwise be shown once, as the reprints they are.
    return CLI + ["brief", str(docs), "-o", str(out), "--backend", "llm", "--base-url", url,
                  "--model", "fake-model", "--concurrency", "4", "--no-archive"]  # fmt: skip


def child_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(SUMMARIZER_CACHE_DIR=str(cache), SUMMARIZER_STRATEGY="plain", COLUMNS="200")
    env["SUMMARIZER_DB"] = f"sqlite:///{cache / 'archive.sqlite3'}"  # never the user's archive
    return env


def user_prompt_hashes(requests: list[Recorded]) -> dict[str, int | None]:
    """sha256 of each request's user message (what the cache keys on) -> article number."""
    hashes: dict[str, int | None] = {}
    for request in requests:
        user = request.body["messages"][-1]["content"]
        hashes[hashlib.sha256(user.encode("utf-8")).hexdigest()] = article_number(request)
    return hashes


def integrity_and_numbers(database: Path, hashes: dict[str, int | None]) -> tuple[str, set[int]]:
    """PRAGMA integrity_check's answer, and the articles whose reply is cached."""
    with sqlite3.connect(database) as connection:
        check = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        stored = [row[0] for row in connection.execute("SELECT text_sha256 FROM replies")]
    connection.close()
    assert len(stored) == len(set(stored)), "one cached reply per prompt"
    numbers = {hashes[h] for h in stored}  # a KeyError here: a reply nobody asked for
    assert None not in numbers
    return check, {n for n in numbers if n is not None}


def test_kill_9_mid_batch_then_rerun(tmp_path: Path) -> None:
    docs, cache, out = tmp_path / "docs", tmp_path / "cache", tmp_path / "briefing.md"
    paths = write_articles(docs)
    database = cache / "llm-replies.sqlite3"

    slow = SlottedResponder(latency=0.1, slots=4)
    with FakeOpenAI(responder=slow) as server:
        child = subprocess.Popen(brief_command(docs, out, server.url), env=child_env(cache),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        wait_for(lambda: len(server.requests) >= ARTICLES // 3, child)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        first_asked = {article_number(r) for r in server.requests}
        hashes = user_prompt_hashes(server.requests)
    assert child.returncode == -signal.SIGKILL
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    check, done_before = integrity_and_numbers(database, hashes)
    assert check == "ok"
    assert 0 < len(done_before) < ARTICLES and done_before <= first_asked

    with FakeOpenAI(responder=SlottedResponder(latency=0.01, slots=4)) as server:
        rerun = subprocess.run(brief_command(docs, out, server.url), env=child_env(cache),
                               capture_output=True, text=True, timeout=90)  # fmt: skip
        second_asked = [n for r in server.requests if (n := article_number(r)) is not None]
        assert len(second_asked) == len(server.requests)
        hashes |= user_prompt_hashes(server.requests)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ARTICLES} document(s) summarized, 0 failed" in rerun.stderr
    assert sorted(second_asked) == sorted(set(range(ARTICLES)) - done_before)  # none asked twice
    check, done_after = integrity_and_numbers(database, hashes)
    assert check == "ok" and done_after == set(range(ARTICLES))
    text = out.read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes (a\\_b)
    assert set(re.findall(r"(/\S+?\.txt)", text)) == {str(p) for p in paths}
    assert len(re.findall(r"^#### S\d+ ", text, re.M)) == ARTICLES  # every article exactly once


def wait_for(
    condition: Callable[[], bool], child: subprocess.Popen[bytes], seconds: float = 30
) -> None:
    """Poll until `condition()` holds; fail if the child exits or time runs out first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if child.poll() is not None:
            raise AssertionError(f"the batch ended (code {child.returncode}) before the kill")
        time.sleep(0.01)
    raise AssertionError("the batch never reached the kill point")
