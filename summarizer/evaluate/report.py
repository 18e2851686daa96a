"""Render an eval report: a rich table for the terminal, Markdown for a PR, JSON for files.

Both renderings are built from the same rows, so they always show the same numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from summarizer.evaluate.baseline import Comparison
from summarizer.evaluate.results import (
    LISTS,
    MODES,
    PRF,
    EvalReport,
    ListScore,
    Ratio,
    UsageSummary,
)


@dataclass(frozen=True)
class Section:
    """One table: a title, a header and rows of already formatted cells."""

    title: str
    header: list[str]
    rows: list[list[str]]


def write_json(report: EvalReport, path: Path) -> None:
    """Save the full report (readable back as a `--baseline`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = report.model_dump(mode="json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def sections(report: EvalReport, comparison: Comparison | None = None) -> list[Section]:
    """Every table of the report, in reading order."""
    found = [_scores(report), _attributes(report), _rates(report)]
    found += [_document_scores(report), _document_checks(report)]
    if comparison is not None:
        found.append(_deltas(comparison))
    return found


def heading(report: EvalReport) -> str:
    """One line saying what was measured."""
    model = f" · model {report.model}" if report.model else ""
    prompt = f" · prompt {report.prompt_version}" if report.prompt_version else ""
    return (
        f"backend {report.backend}{model}{prompt} · {report.documents} documents "
        f"from {report.fixtures} · fixtures sha256 {report.fixture_hash[:12]}"
    )


def print_report(
    report: EvalReport, console: Console, comparison: Comparison | None = None
) -> None:
    """Print the report as rich tables."""
    console.print(heading(report))
    for section in sections(report, comparison):
        table = Table(title=section.title, title_justify="left")
        last = len(section.header) - 1
        for i, name in enumerate(section.header):
            # Numbers never wrap; only the last column (e.g. an error message) may.
            left = i == 0 or name in ("mode", "error", "")
            table.add_column(name, justify="left" if left else "right", no_wrap=i != last)
        for row in section.rows:
            table.add_row(*row)
        console.print(table)


def markdown(report: EvalReport, comparison: Comparison | None = None) -> str:
    """The report as Markdown, ready to paste into a pull request."""
    lines = ["# Eval report", "", heading(report), ""]
    for section in sections(report, comparison):
        lines += [f"## {section.title}", "", _md_row(section.header)]
        lines.append(_md_row(["---"] + ["---:"] * (len(section.header) - 1)))
        lines += [_md_row(row) for row in section.rows]
        lines.append("")
    if comparison is not None and not comparison.same_fixtures:
        lines += ["**Note:** the baseline was measured on a different fixture set.", ""]
    return "\n".join(lines)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


# ---- the sections ------------------------------------------------------------------


def _num(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio(r: Ratio) -> str:
    return f"{_num(r.rate)} ({r.correct}/{r.total})"


def _scores(report: EvalReport) -> Section:
    header = ["list", "mode", "pred", "exp", "matched", "P", "R", "F1", "macro F1"]
    rows = []
    for name in LISTS:
        score, macro = report.summary.lists[name], report.summary.macro_f1[name]
        for mode in MODES:
            prf: PRF = getattr(score, mode)
            rows.append(
                [name, mode, str(prf.predicted), str(prf.expected), str(prf.matched)]
                + [_num(prf.precision), _num(prf.recall), _num(prf.f1), _num(macro[mode])]
            )
    return Section("Precision, recall, F1 (micro over the set)", header, rows)


def _attributes(report: EvalReport) -> Section:
    rows = [
        [f"{name}.{attr}", _ratio(r)]
        for name in LISTS
        for attr, r in report.summary.lists[name].attributes.items()
    ]
    return Section("Attribute accuracy over lenient pairs", ["attribute", "accuracy"], rows)


def _rates(report: EvalReport) -> Section:
    s = report.summary
    rows = [
        ["grounding rate (items)", _ratio(s.grounding)],
        ["schema-valid rate (documents)", _ratio(s.schema_valid)],
        ["article-count accuracy", _ratio(s.article_count)],
        ["date accuracy", _ratio(s.date)],
        *_usage_rows(s.usage, report.documents),
    ]
    return Section("Documents and usage", ["measure", "value"], rows)


def _usage_rows(usage: UsageSummary, documents: int) -> list[list[str]]:
    per_doc = usage.seconds / documents if usage.seconds is not None and documents else None
    return [
        ["model calls", str(usage.calls)],
        ["prompt / completion tokens", f"{usage.prompt_tokens} / {usage.completion_tokens}"],
        ["cost (USD)", _num(usage.cost_usd, 4)],
        ["wall time (s), per document", f"{_num(usage.seconds, 2)}, {_num(per_doc, 2)}"],
    ]


def _f1_pair(score: ListScore) -> str:
    return f"{_num(score.strict.f1, 2)}/{_num(score.lenient.f1, 2)}"


def _document_scores(report: EvalReport) -> Section:
    rows = [[r.id, *(_f1_pair(r.lists[n]) for n in LISTS)] for r in report.results]
    return Section("Per document: F1 strict/lenient", ["document", *LISTS], rows)


def _document_checks(report: EvalReport) -> Section:
    header = ["document", "grounded", "articles", "date", "calls", "tokens", "seconds", "error"]
    rows = []
    for r in report.results:
        articles = f"{'—' if r.articles_found is None else r.articles_found}/{r.articles_expected}"
        rows.append(
            [r.id, _num(r.grounding.rate, 2), articles, "ok" if r.date_correct else "wrong"]
            + [str(r.usage.calls), str(r.usage.prompt_tokens + r.usage.completion_tokens)]
            + [_num(r.usage.seconds, 2), r.error or ""]
        )
    return Section("Per document: checks and usage", header, rows)


def _deltas(comparison: Comparison) -> Section:
    rows = [
        [d.key, _num(d.baseline), _num(d.current), _signed(d.change)]
        + ["REGRESSION" if d.regression else ""]
        for d in comparison.deltas
    ]
    title = f"Against the baseline (tolerance {comparison.tolerance:.3f} F1)"
    return Section(title, ["score", "baseline", "now", "delta", ""], rows)


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.3f}"
