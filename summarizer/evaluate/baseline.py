"""Gates: deltas against a saved report (`--baseline`) and floors on scores (`--min`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import ConfigurationError
from summarizer.evaluate.results import LISTS, MODES, EvalReport

DEFAULT_TOLERANCE = 0.02
DEFAULT_MODE = "lenient"  # a bare `--min-f1 metrics=0.9` gates lenient F1


PAGE_RATES = {"date": "date", "articles": "article_count", "grounding": "grounding"}
LIST_MEASURES = ("f1", "precision", "recall")


@dataclass(frozen=True)
class Threshold:
    """A floor on one score: a list's micro F1, precision or recall, or a page-level rate."""

    list_name: str  # a list, or one of PAGE_RATES
    mode: str  # strict or lenient; empty for a page-level rate
    minimum: float
    measure: str = "f1"

    @property
    def key(self) -> str:
        if self.list_name in PAGE_RATES:
            return self.list_name
        suffix = "" if self.measure == "f1" else f".{self.measure}"
        return f"{self.list_name}.{self.mode}{suffix}"


@dataclass(frozen=True)
class Delta:
    """One score, then and now."""

    key: str
    baseline: float | None
    current: float | None
    regression: bool

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline


@dataclass(frozen=True)
class Comparison:
    """All deltas against a baseline, and whether it ran on the same fixtures."""

    deltas: list[Delta]
    tolerance: float
    same_fixtures: bool

    @property
    def regressions(self) -> list[Delta]:
        return [d for d in self.deltas if d.regression]


def parse_threshold(spec: str) -> Threshold:
    """Parse `MEASURE=VALUE`: `metrics=0.9`, `metrics.strict=0.8`, `projects.precision=0.85`,
    `directives.strict.recall=0.7`, or a page rate `date=0.9`, `articles=0.9`, `grounding=1`."""
    name, sep, value = spec.partition("=")
    parts = name.strip().split(".")
    if name.strip() in PAGE_RATES:
        head, mode, measure = parts[0], "", "rate"
    else:
        head, rest = parts[0], parts[1:]
        measure = rest.pop() if rest and rest[-1] in LIST_MEASURES else "f1"
        mode = rest.pop() if rest else DEFAULT_MODE
        if rest or head not in LISTS or mode not in MODES:
            raise ConfigurationError(
                f"--min {spec!r}: write LIST[.MODE][.MEASURE]=VALUE with LIST in "
                f"{', '.join(LISTS)}, MODE strict or lenient, MEASURE f1, precision or recall; "
                f"or {', '.join(PAGE_RATES)}=VALUE"
            )
    if not sep:
        raise ConfigurationError(f"--min {spec!r}: write MEASURE=VALUE")
    try:
        minimum = float(value)
    except ValueError:
        raise ConfigurationError(f"--min {spec!r}: {value!r} is not a number") from None
    return Threshold(head, mode, minimum, measure)


def f1_of(report: EvalReport, list_name: str, mode: str) -> float:
    """Micro F1 of one list under one mode."""
    score = report.summary.lists[list_name]
    return float(getattr(score, mode).f1)


def value_of(report: EvalReport, threshold: Threshold) -> float:
    """The score a threshold gates (a rate with nothing to count is 0)."""
    if threshold.list_name in PAGE_RATES:
        rate = getattr(report.summary, PAGE_RATES[threshold.list_name]).rate
        return float(rate or 0.0)
    score = getattr(report.summary.lists[threshold.list_name], threshold.mode)
    return float(getattr(score, threshold.measure))


def failed_thresholds(report: EvalReport, thresholds: list[Threshold]) -> list[str]:
    """One message per threshold the report falls below."""
    failed = []
    for t in thresholds:
        value = value_of(report, t)
        if value < t.minimum:
            label = " F1" if t.measure == "f1" else ""
            failed.append(f"{t.key}{label} {value:.3f} < {t.minimum:.3f}")
    return failed


def load_baseline(path: Path) -> EvalReport:
    """Read a report saved with `--json`."""
    try:
        return EvalReport.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise ConfigurationError(
            f"--baseline {path}: not a readable eval report ({type(exc).__name__}); "
            "save one with `summarizer eval --json FILE`"
        ) from None


def compare(report: EvalReport, baseline: EvalReport, tolerance: float) -> Comparison:
    """Deltas of every micro F1 and rate; an F1 drop beyond the tolerance is a regression."""
    deltas = [
        _delta(
            f"{name}.{mode}.f1", f1_of(baseline, name, mode), f1_of(report, name, mode), tolerance
        )
        for name in LISTS
        for mode in MODES
    ]
    for rate in ("grounding", "schema_valid", "article_count", "date"):
        old = getattr(baseline.summary, rate).rate
        new = getattr(report.summary, rate).rate
        deltas.append(Delta(rate, old, new, regression=False))
    return Comparison(deltas, tolerance, report.fixture_hash == baseline.fixture_hash)


def _delta(key: str, old: float, new: float, tolerance: float) -> Delta:
    # A small epsilon keeps a drop of exactly `tolerance` from failing on float noise.
    return Delta(key, old, new, regression=new < old - tolerance - 1e-9)
