"""Gates: deltas against a saved report (`--baseline`) and F1 floors (`--min-f1`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import ConfigurationError
from summarizer.evaluate.results import LISTS, MODES, EvalReport

DEFAULT_TOLERANCE = 0.02
DEFAULT_MODE = "lenient"  # a bare `--min-f1 metrics=0.9` gates lenient F1


@dataclass(frozen=True)
class Threshold:
    """A floor on the micro F1 of one list under one matching mode."""

    list_name: str
    mode: str
    minimum: float

    @property
    def key(self) -> str:
        return f"{self.list_name}.{self.mode}"


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
    """Parse `LIST=VALUE` or `LIST.MODE=VALUE`, e.g. `metrics=0.9`, `metrics.strict=0.8`."""
    name, sep, value = spec.partition("=")
    list_name, _, mode = name.strip().partition(".")
    mode = mode or DEFAULT_MODE
    if not sep or list_name not in LISTS or mode not in MODES:
        raise ConfigurationError(
            f"--min-f1 {spec!r}: write LIST=VALUE or LIST.MODE=VALUE with LIST in "
            f"{', '.join(LISTS)} and MODE strict or lenient"
        )
    try:
        minimum = float(value)
    except ValueError:
        raise ConfigurationError(f"--min-f1 {spec!r}: {value!r} is not a number") from None
    return Threshold(list_name, mode, minimum)


def f1_of(report: EvalReport, list_name: str, mode: str) -> float:
    """Micro F1 of one list under one mode."""
    score = report.summary.lists[list_name]
    return float(getattr(score, mode).f1)


def failed_thresholds(report: EvalReport, thresholds: list[Threshold]) -> list[str]:
    """One message per threshold the report falls below."""
    return [
        f"{t.key} F1 {f1_of(report, t.list_name, t.mode):.3f} < {t.minimum:.3f}"
        for t in thresholds
        if f1_of(report, t.list_name, t.mode) < t.minimum
    ]


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
