"""The OfflineBackend end to end: protocol, grounding, date, data files and the pipeline."""

from __future__ import annotations

import asyncio
import re
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from _offline_docs import one_article

from summarizer.backends import create_backend
from summarizer.brief import is_grounded
from summarizer.pipeline import summarize
from summarizer.rules import OfflineBackend, event_date
from summarizer.settings import resolve_settings

TEXT = (
    "8月11日,杭州市余杭区高质量发展推进会召开。2023年已过半程。"
    "余杭区委书记刘颖出席会议并讲话,区委副书记、区长陈如根主持会议。\n"
    "刘颖表示,要抓“双招双引”,更要抓落地见效。要加快未来科技城医院建设。"
    "余杭区将全力推进良渚新城、之江实验室等重大项目建设,确保全年目标任务圆满完成。\n"
)


def test_from_settings_builds_the_registered_offline_backend() -> None:
    backend = create_backend(resolve_settings(env={}, backend="offline"))
    assert isinstance(backend, OfflineBackend)
    assert (backend.name, backend.model) == ("offline", None)
    assert re.fullmatch(r"rules-[0-9a-f]{12}", backend.prompt_version)


def test_the_rules_version_changes_with_a_cue_table(tmp_path: Path, monkeypatch: Any) -> None:
    import summarizer.rules as rules

    package = tmp_path / "summarizer"
    shutil.copytree(Path(rules.__file__).parent.parent, package)
    monkeypatch.setattr(rules, "_PACKAGE", package)
    rules.rules_version.cache_clear()
    before = rules.rules_version()
    table = package / "rules" / "data" / "project_cues.toml"
    table.write_text(table.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    rules.rules_version.cache_clear()
    try:
        assert rules.rules_version() != before
    finally:
        monkeypatch.undo()
        rules.rules_version.cache_clear()


def test_extract_finds_grounded_items_of_every_list() -> None:
    document = one_article(TEXT)
    backend = OfflineBackend()
    extraction = asyncio.run(backend.extract(document))
    asyncio.run(backend.aclose())
    assert [(s.name, s.title) for s in extraction.speakers] == [
        ("刘颖", "余杭区委书记"),
        ("陈如根", "区委副书记、区长"),
    ]
    assert ("刘颖", "要抓“双招双引”,更要抓落地见效") in {
        (d.issuer, d.text) for d in extraction.directives
    }
    assert {"良渚新城", "之江实验室", "未来科技城医院"} <= {p.name for p in extraction.projects}
    assert extraction.date == "2023-08-11"
    items = [
        *extraction.speakers,
        *extraction.directives,
        *extraction.metrics,
        *extraction.projects,
    ]
    assert all(is_grounded(item.evidence, TEXT) for item in items)


def test_event_date_needs_a_year_the_text_fixes() -> None:
    assert event_date(one_article("5月7日下午,高新区召开推进会。")) is None
    assert event_date(one_article("正文。", date="2024-02-20")) == "2024-02-20"


def test_cue_tables_ship_inside_the_package() -> None:
    data = resources.files("summarizer.rules").joinpath("data")
    names = {entry.name for entry in data.iterdir()}
    assert {
        "surnames.toml",
        "titles.toml",
        "speech_verbs.toml",
        "directive_cues.toml",
        "project_cues.toml",
    } <= names


def test_pipeline_runs_with_the_offline_backend() -> None:
    brief = summarize(TEXT, backend=OfflineBackend())
    assert brief.provenance.backend == "offline"
    assert brief.provenance.usage.dropped_items == 0
    assert {s.name for s in brief.speakers} == {"刘颖", "陈如根"}
