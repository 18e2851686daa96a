"""The harness and `summarizer eval`, driven by a scripted in-process backend."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.backends import Extraction
from summarizer.cli import app
from summarizer.document import PreparedDocument
from summarizer.errors import BackendError
from summarizer.evaluate import harness
from summarizer.evaluate.harness import evaluate, fixture_hash, grounding
from summarizer.evaluate.report import markdown
from summarizer.evaluate.results import EvalReport
from summarizer.models import (
    Directive,
    Evidence,
    Fixture,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Speaker,
    Usage,
)
from summarizer.settings import resolve_settings

GOLDEN = Path(__file__).parent / "golden" / "eval_report.md"

TEXT_A = (
    "8月11日,郑州高新区召开会议。党工委书记张红军讲话,要求要抓落地见效。\n"
    "上半年地区生产总值302.3亿元,同比增长7.5%。紫荆大道加快建设。"
)
TEXT_B = "会议强调,要确保项目早投产。"


def quote(text: str, span: str) -> Evidence:
    start = text.index(span)
    return Evidence(quote=span, start=start, end=start + len(span))


def fixture_a() -> Fixture:
    return Fixture.model_validate(
        {
            "id": "doc-a",
            "date": "2023-08-11",
            "text": TEXT_A,
            "articles": 1,
            "expected": {
                "speakers": [{"name": "张红军", "title": "党工委书记"}],
                "directives": [{"issuer": "张红军", "text": "要抓落地见效"}],
                "metrics": [
                    {"indicator": "地区生产总值", "value": 302.3, "unit": "亿元",
                     "kind": "actual", "period": "上半年"},
                    {"indicator": "地区生产总值增速", "value": 7.5, "unit": "%",
                     "kind": "change", "period": "上半年"},
                ],
                "projects": [{"name": "紫荆大道", "status": "under_construction"}],
            },
        }
    )  # fmt: skip


def fixture_b() -> Fixture:
    expected = {"directives": [{"issuer": "会议", "text": "要确保项目早投产"}]}
    return Fixture.model_validate(
        {"id": "doc-b", "date": None, "text": TEXT_B, "articles": 1, "expected": expected}
    )


def extraction_a() -> Extraction:
    """Right speaker and project, one of two metrics (the other in 万元), no directive."""
    return Extraction(
        speakers=[Speaker(name="张红军", title="书记", evidence=quote(TEXT_A, "张红军讲话"))],
        metrics=[
            Metric(indicator="地区生产总值", value=3_023_000, unit="万元", kind=MetricKind.ACTUAL,
                   period="上半年", evidence=quote(TEXT_A, "302.3亿元")),
        ],
        projects=[Project(name="紫荆大道", status=ProjectStatus.UNDER_CONSTRUCTION,
                          evidence=quote(TEXT_A, "紫荆大道"))],
        directives=[],
        date="2023-08-11",
        usage=Usage(calls=2, prompt_tokens=100, completion_tokens=20, cost_usd=0.01),
    )  # fmt: skip


class ScriptedBackend:
    """Replays a prepared extraction per document id; an id it does not know fails."""

    name = "scripted"
    model: str | None = "script-1"
    prompt_version: str | None = "v-test"

    def __init__(self, answers: dict[str, Extraction]) -> None:
        self.answers = answers
        self.closed = False

    async def extract(self, document: PreparedDocument) -> Extraction:
        if document.id not in self.answers:
            raise BackendError(f"no scripted answer for {document.id}")
        return self.answers[document.id]

    async def aclose(self) -> None:
        self.closed = True


def run(backend: ScriptedBackend | None = None) -> EvalReport:
    backend = backend or ScriptedBackend({"doc-a": extraction_a()})
    settings = resolve_settings(env={}, backend="offline", concurrency=2)
    return evaluate(
        [fixture_a(), fixture_b()], settings=settings, backend=backend, fixtures_dir="t"
    )


def test_harness_scores_each_document_and_the_set() -> None:
    report = run()
    a, b = report.results
    assert (report.backend, report.model, report.prompt_version) == (
        "scripted",
        "script-1",
        "v-test",
    )
    assert a.lists["metrics"].strict.matched == 1 and a.lists["metrics"].strict.recall == 0.5
    assert a.lists["speakers"].attributes["title"].rate == 0.0
    assert a.lists["directives"].lenient.f1 == 0.0  # one expected, none predicted
    assert a.grounding.rate == 1.0 and a.schema_valid and a.articles_found == 1
    assert b.error is not None and "BackendError" in b.error and not b.schema_valid
    s = report.summary
    assert s.schema_valid.rate == 0.5 and s.article_count.rate == 0.5
    assert s.date.rate == 0.5
    assert s.lists["directives"].lenient.expected == 2
    assert (s.usage.calls, s.usage.prompt_tokens, s.usage.cost_usd) == (2, 100, 0.01)
    assert s.macro_f1["projects"]["strict"] == pytest.approx(1.0)


def test_a_failed_document_gets_no_free_date() -> None:
    # doc-b's label is null and its failure yields no date, yet no brief means no credit.
    failed = run().results[1]
    assert failed.date_found == failed.date_expected is None
    assert not failed.date_correct and not failed.article_count_correct


def test_backend_owned_by_the_caller_is_not_closed() -> None:
    backend = ScriptedBackend({"doc-a": extraction_a()})
    run(backend)
    assert not backend.closed


def test_grounding_counts_quotes_not_at_their_offsets() -> None:
    report_brief = _brief_with(
        [Directive(issuer="会议", text="要确保", evidence=Evidence(quote="要确保", start=0, end=3))]
    )
    assert grounding(report_brief, TEXT_B).rate == 0.0
    good = quote(TEXT_B, "要确保")
    assert (
        grounding(
            _brief_with([Directive(issuer="会议", text="要确保", evidence=good)]), TEXT_B
        ).rate
        == 1.0
    )


def _brief_with(directives: list[Directive]) -> Any:
    from datetime import UTC, datetime

    from summarizer.models import Brief, Provenance

    now = datetime.now(UTC)
    provenance = Provenance(backend="x", started_at=now, finished_at=now)
    return Brief(id="b", directives=directives, provenance=provenance)


def test_fixture_hash_ignores_order_but_not_content() -> None:
    a, b = fixture_a(), fixture_b()
    assert fixture_hash([a, b]) == fixture_hash([b, a])
    changed = b.model_copy(update={"articles": 2})
    assert fixture_hash([a, changed]) != fixture_hash([a, b])


def frozen(report: EvalReport) -> EvalReport:
    """The report with its clock readings fixed, for the golden file."""
    results = [
        r.model_copy(update={"usage": r.usage.model_copy(update={"seconds": 0.25})})
        for r in report.results
    ]
    summary = report.summary.model_copy(
        update={"usage": report.summary.usage.model_copy(update={"seconds": 0.5})}
    )
    return report.model_copy(
        update={"results": results, "summary": summary, "created_at": "2024-01-01T00:00:00+00:00"}
    )


def test_markdown_report_matches_golden_file() -> None:
    rendered = markdown(frozen(run()))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


# ---- the command line ----------------------------------------------------------------


@pytest.fixture
def fixtures_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "样例"
    folder.mkdir()
    for fixture in (fixture_a(), fixture_b()):
        data = json.dumps(fixture.model_dump(mode="json"), ensure_ascii=False)
        (folder / f"{fixture.id}.json").write_text(data, encoding="utf-8")
    answers = {"doc-a": extraction_a()}
    monkeypatch.setattr(harness, "create_backend", lambda settings: ScriptedBackend(answers))
    return folder


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args], env={"SUMMARIZER_BACKEND": "offline"})


def test_cli_writes_json_and_markdown(fixtures_dir: Path, tmp_path: Path) -> None:
    out, md = tmp_path / "reports" / "r.json", tmp_path / "r.md"
    result = invoke("--fixtures", str(fixtures_dir), "--json", str(out), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert "Precision, recall, F1" in result.output
    saved = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    assert saved.backend == "scripted" and len(saved.fixture_hash) == 64
    assert "样例" in out.read_text(encoding="utf-8")  # written with ensure_ascii=False
    assert md.read_text(encoding="utf-8").startswith("# Eval report")


def test_cli_min_f1_gates(fixtures_dir: Path) -> None:
    # projects lenient F1 is 1.0, metrics lenient F1 is 2/3.
    assert invoke("--fixtures", str(fixtures_dir), "--min-f1", "projects=1.0").exit_code == 0
    failed = invoke("--fixtures", str(fixtures_dir), "--min-f1", "metrics.lenient=0.9")
    assert failed.exit_code == 1
    assert "metrics.lenient F1 0.667 < 0.900" in failed.output
    assert invoke("--fixtures", str(fixtures_dir), "--min-f1", "bogus=1").exit_code != 0


def test_cli_min_gates_precision_recall_and_page_rates(fixtures_dir: Path) -> None:
    report = run()
    metrics = report.summary.lists["metrics"].lenient
    low, high = f"{metrics.precision - 0.01:.3f}", f"{metrics.recall + 0.01:.3f}"
    passed = invoke("--fixtures", str(fixtures_dir), "--min", f"metrics.precision={low}")
    assert passed.exit_code == 0
    failed = invoke("--fixtures", str(fixtures_dir), "--min", f"metrics.lenient.recall={high}")
    assert failed.exit_code == 1 and "metrics.lenient.recall 0." in failed.output
    date = report.summary.date.rate or 0.0
    assert invoke("--fixtures", str(fixtures_dir), "--min", f"date={date}").exit_code == 0
    above = invoke("--fixtures", str(fixtures_dir), "--min", f"articles={1.01}")
    assert above.exit_code == 1 and "articles" in above.output


def test_cli_baseline_flags_a_regression_beyond_tolerance(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "base.json"
    assert invoke("--fixtures", str(fixtures_dir), "--json", str(saved)).exit_code == 0
    assert invoke("--fixtures", str(fixtures_dir), "--baseline", str(saved)).exit_code == 0
    better = json.loads(saved.read_text(encoding="utf-8"))
    better["summary"]["lists"]["metrics"]["strict"]["f1"] = 0.7  # now 2/3: a 0.033 drop
    saved.write_text(json.dumps(better, ensure_ascii=False), encoding="utf-8")
    regressed = invoke("--fixtures", str(fixtures_dir), "--baseline", str(saved))
    assert regressed.exit_code == 1 and "regression: metrics.strict.f1" in regressed.output
    tolerant = invoke(
        "--fixtures", str(fixtures_dir), "--baseline", str(saved), "--tolerance", "0.05"
    )
    assert tolerant.exit_code == 0


# ---- the real fixtures ---------------------------------------------------------------

REAL_FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"


def oracle_extraction(fixture: Fixture) -> Extraction:
    """The fixture's own labels as predictions, each grounded on its span (or the first char)."""
    text = fixture.text

    def at(span: str | None) -> Evidence:
        return quote(text, span) if span and span in text else quote(text, text[0])

    exp = fixture.expected
    return Extraction(
        speakers=[Speaker(name=s.name, title=s.title, evidence=at(s.name)) for s in exp.speakers],
        directives=[Directive(issuer=d.issuer, text=d.text, evidence=at(d.text))
                    for d in exp.directives],
        metrics=[Metric(**m.model_dump(), evidence=at(m.indicator)) for m in exp.metrics],
        projects=[Project(name=p.name, status=p.status, evidence=at(p.name))
                  for p in exp.projects],
        date=fixture.date,
    )  # fmt: skip


@pytest.mark.skipif(not any(REAL_FIXTURES.glob("*.json")), reason="no fixtures yet")
def test_the_labels_themselves_score_perfectly_on_the_real_fixtures() -> None:
    from summarizer.fixtures import load_fixtures

    fixtures = load_fixtures(REAL_FIXTURES)
    backend = ScriptedBackend({f.id: oracle_extraction(f) for f in fixtures})
    settings = resolve_settings(env={}, backend="offline")
    summary = evaluate(fixtures, settings=settings, backend=backend).summary
    for name, score in summary.lists.items():
        assert score.strict.f1 == 1.0, name
        assert all(r.rate in (1.0, None) for r in score.attributes.values()), name
    assert summary.grounding.rate == 1.0 and summary.schema_valid.rate == 1.0


def test_threshold_specs_default_to_lenient() -> None:
    from summarizer.errors import ConfigurationError
    from summarizer.evaluate.baseline import parse_threshold

    assert parse_threshold("metrics=0.9").key == "metrics.lenient"
    assert parse_threshold("speakers.strict=0.8").minimum == 0.8
    assert parse_threshold("projects.precision=0.85").key == "projects.lenient.precision"
    assert parse_threshold("date=0.9").key == "date"
    for bad in ("metrics", "metrics=high", "metric=0.9", "metrics.loose=0.9", "date.strict=1"):
        with pytest.raises(ConfigurationError):
            parse_threshold(bad)


def test_baseline_on_other_fixtures_is_flagged() -> None:
    from summarizer.evaluate.baseline import compare

    report = run()
    other = report.model_copy(update={"fixture_hash": "0" * 64})
    assert compare(report, report, 0.02).same_fixtures
    comparison = compare(report, other, 0.02)
    assert not comparison.same_fixtures and not comparison.regressions
    assert "different fixture set" in markdown(report, comparison)
