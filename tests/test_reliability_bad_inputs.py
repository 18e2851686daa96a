"""The bad-input corpus: each file gets a clear outcome and the batch goes on (offline backend)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from summarizer.document import SourceDocument
from summarizer.ingest import Collected, collect
from summarizer.models import Brief, Evidence, Failure
from summarizer.pipeline import Outcome, summarize_many
from summarizer.prepare import prepare
from summarizer.settings import resolve_settings
from tests.bad_inputs import ARTICLE, INJECTION, BadInput, write_corpus

T = TypeVar("T")
LISTS = ("speakers", "directives", "metrics", "projects")


def within(seconds: float, work: Callable[[], T]) -> T:
    """Run `work` in a daemon thread; fail (instead of hanging CI) if it takes too long."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s (blocked on an input?)")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def offline(documents: list[SourceDocument]) -> list[Outcome]:
    return summarize_many(documents, settings=resolve_settings(backend="offline"))


class Batch:
    """The corpus, what ingest collected, and one outcome per collected document."""

    def __init__(self, root: Path, cases: list[BadInput]) -> None:
        self.root = root
        self.cases = cases
        self.collected: Collected = within(10, lambda: collect([root]))
        self.outcomes: list[Outcome] = within(30, lambda: offline(self.collected.documents))

    def outcomes_of(self, name: str) -> list[Outcome | Failure]:
        """Every outcome or ingest failure whose source is the file `name` (or a JSONL line)."""
        path = str(self.root / name)
        found: list[Outcome | Failure] = [
            f for f in self.collected.failures if _same_file(f.source, path)
        ]
        sources = {d.id: d.source for d in self.collected.documents}
        found += [o for o in self.outcomes if _same_file(sources[o.id], path)]
        return found

    def brief(self, name: str) -> Brief:
        (outcome,) = self.outcomes_of(name)
        assert isinstance(outcome, Brief), outcome
        return outcome


def _same_file(source: str | None, path: str) -> bool:
    if source is None:
        return False
    return source == path or source.startswith(f"{path}:") or source.startswith(f"{path}/")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("bad") / "corpus"
    return Batch(root, write_corpus(root))


def quotes(brief: Brief, shift: int = 0) -> set[tuple[str, str, int, int]]:
    """(list, quote, start, end) for every item; `shift` moves offsets back by that much."""
    found = set()
    for name in LISTS:
        for item in getattr(brief, name):
            ev: Evidence = item.evidence
            found.add((name, ev.quote, ev.start - shift, ev.end - shift))
    return found


def test_every_input_has_exactly_one_clear_outcome(batch: Batch) -> None:
    ids = [o.id for o in batch.outcomes]
    assert len(ids) == len(set(ids)) == len(batch.collected.documents)
    for case in batch.cases:
        if case.name == "records.jsonl":
            continue  # three lines, three outcomes: see the JSONL test
        outcomes = batch.outcomes_of(case.name)
        kinds = [type(o).__name__ for o in outcomes]
        expected = {"brief": "Brief", "failure": "Failure"}[case.expect]
        assert kinds == [expected], f"{case.name} ({case.why}): {outcomes}"


FAILING = ["empty.txt", "whitespace.txt", "binary.txt", "gone.txt", "pipe.txt"]


@pytest.mark.parametrize("name", FAILING)
def test_failures_say_what_and_where(batch: Batch, name: str) -> None:
    (failure,) = batch.outcomes_of(name)
    assert isinstance(failure, Failure)
    assert failure.error == "InputError"
    assert name in failure.message and failure.source == str(batch.root / name)


def test_other_encodings_give_the_same_brief_as_utf8(batch: Batch) -> None:
    reference = offline([SourceDocument(id="ref", raw=ARTICLE)])[0]
    assert isinstance(reference, Brief) and quotes(reference)
    assert quotes(batch.brief("gbk.txt")) == quotes(reference)
    assert quotes(batch.brief("utf16.txt")) == quotes(reference)


def test_html_scripts_never_reach_an_article(batch: Batch) -> None:
    raw = (batch.root / "page.html").read_bytes()
    prepared = prepare(SourceDocument(id="page", raw=raw))
    text = "\n".join(a.text for a in prepared.articles)
    assert "45.6亿元" in text
    for script_text in ("SECRET_SCRIPT_TOKEN", "脚本", "SCRIPT_WRITE", "color:red"):
        assert script_text not in prepared.original
    assert quotes(batch.brief("page.html"))


def test_text_without_chinese_gives_an_empty_brief(batch: Batch) -> None:
    brief = batch.brief("english.txt")
    assert not quotes(brief)


def test_prompt_injection_does_not_change_the_offline_output(batch: Batch) -> None:
    reference = offline([SourceDocument(id="ref", raw=ARTICLE)])[0]
    assert isinstance(reference, Brief)
    injected = quotes(batch.brief("injection.txt"), shift=len(INJECTION))
    outside = {q for q in injected if q[2] >= 0}
    assert outside == quotes(reference)
    assert all("所有指标均为零" not in q[1] for q in injected)


def test_a_five_megabyte_text_is_summarized(batch: Batch) -> None:
    brief = batch.brief("big.txt")
    assert (batch.root / "big.txt").stat().st_size >= 4_900_000
    assert brief.metrics


def test_a_text_over_the_input_cap_fails_with_the_reason(batch: Batch) -> None:
    (failure,) = batch.outcomes_of("over_cap.txt")
    assert isinstance(failure, Failure) and "input cap" in failure.message


def test_a_directory_loop_is_walked_once(batch: Batch) -> None:
    inner = [d for d in batch.collected.documents if d.source and d.source.endswith("inner.txt")]
    assert [d.source for d in inner] == [str(batch.root / "loop" / "inner.txt")]
    assert not [f for f in batch.collected.failures if "back-to-root" in (f.source or "")]


def test_bad_jsonl_lines_are_recorded_and_the_good_one_kept(batch: Batch) -> None:
    outcomes = batch.outcomes_of("records.jsonl")
    path = str(batch.root / "records.jsonl")
    briefs = [o for o in outcomes if isinstance(o, Brief)]
    failures = sorted((o.source or "", o.error) for o in outcomes if isinstance(o, Failure))
    assert [b.id for b in briefs] == ["jsonl-good"]
    assert failures == [(f"{path}:2", "InputError"), (f"{path}:3", "InputError")]


def test_cli_brief_goes_through_the_whole_corpus(tmp_path: Path) -> None:
    """End to end through `summarizer brief`; the 5 MB file is left out (CI time: ~8 s alone)."""
    root, out = tmp_path / "corpus", tmp_path / "briefing.md"
    cases = write_corpus(root, without=frozenset({"big.txt"}))
    command = [sys.executable, "-c", "from summarizer.cli import main; main()"]
    args = ["brief", str(root), "--backend", "offline", "-o", str(out)]
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(command + args, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    # records.jsonl: 1 brief + 2 failed lines; the loop folder: 1 brief (inner.txt, once).
    briefs = sum(c.expect == "brief" for c in cases)
    failures = sum(c.expect == "failure" for c in cases) + 2
    assert f"{briefs} document(s) summarized, {failures} failed" in done.stderr
    text = out.read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes (a\\_b)
    for case in cases:
        if case.expect == "failure":
            assert Path(case.name).stem in text, f"{case.name} is not listed as failed"
