"""`summarizer eval`: score a backend against hand-labeled fixtures, and gate on the result."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summarizer.cli._options import (
    ApiKey,
    Backend,
    BaseUrl,
    Concurrency,
    Mode,
    Model,
    NoCache,
    Strategy,
    progress,
    settings_from,
)
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.evaluate import (
    compare,
    evaluate,
    failed_thresholds,
    load_baseline,
    markdown,
    parse_threshold,
    print_report,
    write_json,
)
from summarizer.evaluate.baseline import DEFAULT_TOLERANCE, Comparison
from summarizer.evaluate.results import EvalReport
from summarizer.fixtures import load_fixtures
from summarizer.models import Fixture

Fixtures = Annotated[Path, typer.Option("--fixtures", help="Folder of fixture *.json files.")]
JsonOut = Annotated[Path | None, typer.Option("--json", help="Write the full report as JSON.")]
MarkdownOut = Annotated[
    Path | None, typer.Option("--markdown", help="Write a Markdown report for a PR.")
]
Baseline = Annotated[
    Path | None, typer.Option("--baseline", help="A saved --json report to compare against.")
]
Tolerance = Annotated[
    float, typer.Option("--tolerance", help="F1 drop against the baseline that fails the run.")
]
MinScore = Annotated[
    list[str] | None,
    typer.Option(
        "--min",
        "--min-f1",
        help=(
            "A floor: LIST[.strict|.lenient][.precision|.recall]=VALUE (lenient F1 by default), "
            "or date=, articles=, grounding=VALUE."
        ),
    ),
]


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    fixtures: Fixtures = Path("evals/fixtures"),
    backend: Backend = None,
    model: Model = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    mode: Mode = None,
    strategy: Strategy = None,
    concurrency: Concurrency = None,
    no_cache: NoCache = False,
    json_out: JsonOut = None,
    markdown_out: MarkdownOut = None,
    baseline: Baseline = None,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    min_f1: MinScore = None,
) -> None:
    """Run a backend over the fixtures, score it, and exit 1 when a gate fails."""
    thresholds = [parse_threshold(spec) for spec in min_f1 or []]
    old = load_baseline(baseline) if baseline else None
    settings = settings_from(
        backend, model, base_url, api_key, mode, strategy, concurrency, no_cache
    )
    labeled = _load(fixtures)
    with progress(len(labeled)) as advance:
        report = evaluate(
            labeled, settings=settings, fixtures_dir=str(fixtures), on_outcome=advance
        )
    _fail_if_nothing_was_extracted(report)
    comparison = compare(report, old, tolerance) if old else None
    print_report(report, Console(), comparison)
    if json_out:
        write_json(report, json_out)
    if markdown_out:
        markdown_out.parent.mkdir(parents=True, exist_ok=True)
        markdown_out.write_text(markdown(report, comparison), encoding="utf-8")
    _gate(failed_thresholds(report, thresholds), comparison)


def _load(folder: Path) -> list[Fixture]:
    if not folder.is_dir():
        raise ConfigurationError(f"--fixtures {folder}: no such folder")
    try:
        labeled = load_fixtures(folder)
    except ValueError as exc:
        raise ConfigurationError(f"{exc}; run `summarizer fixtures check {folder}`") from None
    if not labeled:
        raise ConfigurationError(f"--fixtures {folder}: no *.json fixture files found")
    return labeled


def _fail_if_nothing_was_extracted(report: EvalReport) -> None:
    """Every document failed (an unreachable endpoint, say): one line and a non-zero exit;
    some failed: say how many, and score the rest."""
    errors = [r.error for r in report.results if r.error]
    if errors and len(errors) == len(report.results):
        raise SummarizerError(f"every document failed ({len(errors)}); the first: {errors[0]}")
    if errors:
        typer.echo(f"note: {len(errors)} of {len(report.results)} documents failed "
                   "and score as empty", err=True)  # fmt: skip


def _gate(failures: list[str], comparison: Comparison | None) -> None:
    if comparison is not None:
        if not comparison.same_fixtures:
            typer.echo("note: the baseline was measured on a different fixture set", err=True)
        failures += [
            f"regression: {d.key} {d.baseline:.3f} → {d.current:.3f}"
            for d in comparison.regressions
        ]
    for failure in failures:
        typer.echo(f"FAIL {failure}", err=True)
    if failures:
        raise typer.Exit(1)
