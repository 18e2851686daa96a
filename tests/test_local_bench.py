"""The local bench's summary lines, on made-up per-article records."""

from __future__ import annotations

from bench.local_tokens import summary_lines


def test_summary_lines_average_successes_and_count_failures() -> None:
    records = [
        {"seed": "a", "seconds": 10.0, "calls": 2, "prompt_tokens": 1000,
         "completion_tokens": 200, "reasks": 1},
        {"seed": "b", "seconds": 30.0, "calls": 2, "prompt_tokens": 3000,
         "completion_tokens": 400, "reasks": 0},
        {"seed": "c", "seconds": 50.0, "error": "ExtractionError: cut off"},
    ]  # fmt: skip
    lines = summary_lines(records, 4.0)
    assert lines[:3] == [
        "server start: 4.0 s",
        "failed: 1",
        "seconds/article incl. failures: mean 30.0",
    ]
    assert "seconds/article: mean 20.0, median 20.0, min 10.0, max 30.0" in lines
    assert "prompt_tokens/article: mean 2000" in lines
    assert "completion_tokens/article: mean 300" in lines
    assert lines[-1] == "re-ask rate: 1/4 = 0.25 per call"


def test_summary_lines_with_every_article_failed() -> None:
    assert summary_lines([{"seed": "a", "seconds": 5.0, "error": "x"}], 1.0)[1] == "failed: 1"


def test_prompt_tokens_are_also_given_per_article_character() -> None:
    records = [
        {"seed": "a", "chars": 1000, "seconds": 10.0, "calls": 1, "prompt_tokens": 500,
         "completion_tokens": 20, "reasks": 0},
        {"seed": "b", "chars": 3000, "seconds": 10.0, "calls": 1, "prompt_tokens": 1500,
         "completion_tokens": 20, "reasks": 0},
    ]  # fmt: skip
    assert "prompt tokens per article character: 0.50" in summary_lines(records, 1.0)
