"""The fixture validator: the seed fixtures pass, broken ones fail naming file and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.fixtures import check_folder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "evals" / "fixtures"

TEXT = (
    "8月11日,郑州高新区召开会议。党工委书记张红军讲话,要求要抓落地见效。"
    "地区生产总值302.3亿元。紫荆大道加快建设。"
)


def good_fixture() -> dict[str, Any]:
    return {
        "id": "t-1",
        "source": None,
        "date": None,
        "text": TEXT,
        "articles": 1,
        "expected": {
            "speakers": [{"name": "张红军", "title": "党工委书记"}],
            "directives": [{"issuer": "张红军", "text": "要抓落地见效"}],
            "metrics": [
                {
                    "indicator": "地区生产总值",
                    "value": 302.3,
                    "unit": "亿元",
                    "kind": "actual",
                    "period": None,
                }
            ],
            "projects": [{"name": "紫荆大道", "status": "under_construction"}],
        },
    }


def write(folder: Path, data: dict[str, Any], name: str = "f.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_good_fixture_passes(tmp_path: Path) -> None:
    write(tmp_path, good_fixture())
    assert check_folder(tmp_path) == []


def test_seed_fixtures_pass() -> None:
    if not list(FIXTURES.glob("*.json")):
        pytest.skip("no seed fixtures yet")
    assert [str(p) for p in check_folder(FIXTURES)] == []


def _broken(mutate: Any) -> dict[str, Any]:
    data = good_fixture()
    mutate(data)
    return data


BROKEN = {
    "missing key": (lambda d: d.pop("articles"), "articles"),
    "bad kind": (lambda d: d["expected"]["metrics"][0].update(kind="level"), "metrics.0.kind"),
    "bad status": (
        lambda d: d["expected"]["projects"][0].update(status="done"),
        "projects.0.status",
    ),
    "invented name": (
        lambda d: d["expected"]["speakers"][0].update(name="李四"),
        "speakers.0.name",
    ),
    "invented title": (
        lambda d: d["expected"]["speakers"][0].update(title="市长"),
        "speakers.0.title",
    ),
    "paraphrased directive": (
        lambda d: d["expected"]["directives"][0].update(text="抓好落地"),
        "directives.0.text",
    ),
    "invented project": (
        lambda d: d["expected"]["projects"][0].update(name="长江大桥"),
        "projects.0.name",
    ),
    "duplicate speaker": (
        lambda d: d["expected"]["speakers"].append(dict(d["expected"]["speakers"][0])),
        "expected.speakers",
    ),
    "bad date": (lambda d: d.update(date="2023/08/11"), "date"),
    "extra field": (lambda d: d.update(comment="x"), "comment"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_fixture_is_named(tmp_path: Path, case: str) -> None:
    mutate, field = BROKEN[case]
    path = write(tmp_path, _broken(mutate))
    problems = check_folder(tmp_path)
    assert problems, f"{case} was not detected"
    assert any(p.path == path and field in p.field for p in problems), [str(p) for p in problems]


def test_text_must_equal_source_file(tmp_path: Path) -> None:
    (tmp_path / "src.txt").write_text(TEXT + "\n", encoding="utf-8")
    data = good_fixture()
    data["source"] = "src.txt"
    write(tmp_path, data)
    problems = check_folder(tmp_path)
    assert [p.field for p in problems] == ["text"]


def test_cli_exits_non_zero_and_names_file(tmp_path: Path) -> None:
    write(tmp_path, _broken(lambda d: d["expected"]["speakers"][0].update(name="李四")), "bad.json")
    result = CliRunner().invoke(app, ["fixtures", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.json" in result.output and "speakers.0.name" in result.output


def test_cli_passes_good_folder(tmp_path: Path) -> None:
    write(tmp_path, good_fixture())
    result = CliRunner().invoke(app, ["fixtures", "check", str(tmp_path)])
    assert result.exit_code == 0, result.output
