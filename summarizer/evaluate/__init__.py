"""Scoring briefs against hand-labeled fixtures (`summarizer eval`)."""

from summarizer.evaluate.baseline import compare, failed_thresholds, load_baseline, parse_threshold
from summarizer.evaluate.harness import aevaluate, evaluate
from summarizer.evaluate.report import markdown, print_report, write_json
from summarizer.evaluate.results import EvalReport
from summarizer.evaluate.scoring import score_brief

__all__ = [
    "evaluate",
    "aevaluate",
    "score_brief",
    "EvalReport",
    "compare",
    "load_baseline",
    "parse_threshold",
    "failed_thresholds",
    "markdown",
    "print_report",
    "write_json",
]
