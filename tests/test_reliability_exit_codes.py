"""`eval` and `brief` exit non-zero when nothing could be extracted, with one clear line.

Why (issue 16): `summarizer eval --backend llm` against a closed port printed an error but
exited 0, and `eval` / `brief` exited 0 when every article failed. Here: a closed port, and
a server whose every reply is unusable, end in exit 2 with one line on stderr (no
traceback, no key); a batch where some articles fail says how many and scores the rest.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.fake_openai import FakeOpenAI, Recorded, Step
from tests.llm_support import GOOD, SECRET
from tests.reliability_server import article_number, envelope, numbered_article

ROOT = Path(__file__).resolve().parents[1]


def fixtures(folder: Path, count: int = 3) -> Path:
    """`count` labeled fixtures of numbered articles (labels: GOOD's speaker and projects)."""
    folder.mkdir()
    for n in range(1, count + 1):
        expected = {"speakers": [{"name": "李明", "title": "区委书记"}],
                    "projects": [{"name": "青山大桥项目", "status": "started"}]}  # fmt: skip
        fixture = {"id": f"f{n}", "date": None, "text": numbered_article(n), "articles": 1,
                   "expected": expected}  # fmt: skip
        (folder / f"f{n}.json").write_text(json.dumps(fixture, ensure_ascii=False), "utf-8")
    return folder


def articles(folder: Path, count: int = 3) -> Path:
    """`count` numbered articles as .txt files, for `brief`."""
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"a{n}.txt").write_text(numbered_article(n), encoding="utf-8")
    return folder


def summarizer(*args: str, url: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    env.update(OPENAI_API_KEY=SECRET, SUMMARIZER_CACHE_DIR=str(cache), SUMMARIZER_MAX_RETRIES="1")
    env["SUMMARIZER_DB"] = f"sqlite:///{cache / 'archive.sqlite3'}"  # never the user's archive
    options = ["--backend", "llm", "--base-url", url, "--model", "fake-model",
               "--strategy", "plain"]  # fmt: skip
    command = [sys.executable, "-c", "from summarizer.cli import main; main()", *args, *options]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip


def assert_one_clear_line(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: every document failed"), lines
    assert all(word in lines[0] for word in words), lines
    assert "Traceback" not in run.stderr and SECRET not in run.stderr + run.stdout


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


def test_eval_against_a_closed_port_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    folder = fixtures(tmp_path / "fixtures")
    run = summarizer("eval", "--fixtures", str(folder), url=closed_port_url(),
                     cache=tmp_path / "cache")  # fmt: skip
    assert_one_clear_line(run, "cannot reach http://127.0.0.1:", "is the server running?")


def test_eval_and_brief_exit_non_zero_when_every_reply_is_unusable(tmp_path: Path) -> None:
    folder = fixtures(tmp_path / "fixtures")
    out = tmp_path / "week.md"
    with FakeOpenAI(responder=lambda request: Step(completion=envelope([]))) as server:
        evaluated = summarizer("eval", "--fixtures", str(folder), url=server.url,
                               cache=tmp_path / "cache")  # fmt: skip
        briefed = summarizer("brief", str(articles(tmp_path / "docs")), "-o", str(out),
                             url=server.url, cache=tmp_path / "cache")  # fmt: skip
    assert_one_clear_line(evaluated, "has no choices")
    assert_one_clear_line(briefed)
    assert not out.exists()


def test_eval_with_some_failures_reports_the_count_and_scores_the_rest(tmp_path: Path) -> None:
    folder = fixtures(tmp_path / "fixtures")

    def second_fails(request: Recorded) -> Step:
        return Step(completion=envelope([])) if article_number(request) == 2 else Step(payload=GOOD)

    with FakeOpenAI(responder=second_fails) as server:
        run = summarizer("eval", "--fixtures", str(folder), "--json", str(tmp_path / "r.json"),
                         url=server.url, cache=tmp_path / "cache")  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "note: 1 of 3 documents failed" in run.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    errors = {r["id"]: r["error"] for r in report["results"]}
    assert errors["f1"] is None and errors["f3"] is None and "no choices" in errors["f2"]
    assert report["summary"]["lists"]["speakers"]["lenient"]["recall"] == 2 / 3
