"""The archive on a real SQLite file and (tier: postgres) a real PostgreSQL server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
from openpyxl import load_workbook
from sqlalchemy import inspect

from summarizer.archive import Archive
from summarizer.archive.export import COLUMNS, write_export
from summarizer.archive.run import summarize_archived
from summarizer.models import ProjectStatus
from tests.archive_support import (
    CountingBackend,
    person_brief,
    project_brief,
    store_weeks,
    week_documents,
)


def test_the_schema_is_migrated_to_the_newest_revision(archive_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from summarizer.archive.schema import metadata

    with Archive(archive_url) as archive, archive.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert "alembic_version" in inspect(conn).get_table_names()
        assert conn.exec_driver_sql("select version_num from alembic_version").scalar() == "0001"


def test_the_same_document_twice_is_a_no_op(archive_url: str) -> None:
    brief, text = project_brief("a", ProjectStatus.STARTED)
    with Archive(archive_url) as archive:
        first = archive.add(brief, text)
        again = archive.add(brief.model_copy(update={"id": "a-copy"}), text)
        counts = archive.counts()
    assert (first.document_added, first.brief_added) == (True, True)
    assert (again.document_added, again.brief_added) == (False, False)
    assert counts == {"documents": 1, "briefs": 1, "stories": 1, "items": 1}


def test_a_new_prompt_version_stores_a_new_brief_beside_the_old(archive_url: str) -> None:
    old, text = project_brief("a", ProjectStatus.SIGNED, prompt_version="v1")
    new, _ = project_brief("a", ProjectStatus.STARTED, prompt_version="v2")
    with Archive(archive_url) as archive:
        archive.add(old, text)
        archive.add(new, text)
        counts = archive.counts()
        timeline = archive.project_timeline("云杉县新材料产业园")
    assert counts["briefs"] == 2 and counts["documents"] == 1
    assert [e.kind for e in timeline] == ["started"]  # the newest brief is the current one


def test_rerunning_a_week_reads_every_brief_from_the_archive(archive_url: str) -> None:
    documents = week_documents("week15", "week16")
    with Archive(archive_url) as archive:
        first_backend, second_backend = CountingBackend(), CountingBackend()
        first = summarize_archived(documents, archive, backend=first_backend)
        second = summarize_archived(documents, archive, backend=second_backend)
        other_version = CountingBackend(prompt_version="v9")
        third = summarize_archived(documents, archive, backend=other_version)
    assert (first_backend.calls, first.extracted, first.stored) == (3, 3, 3)
    assert (second_backend.calls, second.reused, second.extracted) == (0, 3, 0)
    assert [o.model_dump() for o in second.outcomes] == [o.model_dump() for o in first.outcomes]
    assert other_version.calls == 3 and third.stored == 3


def test_two_weeks_show_what_moved_since_last_week(archive_url: str) -> None:
    with Archive(archive_url) as archive:
        store_weeks(archive)
        since = archive.since_last_week("2024-W16")
    assert since.last_before == date(2024, 4, 9)  # what the week is compared with
    moves = {(m.name, m.before, m.now) for m in since.status_moves}
    assert ("澄溪县智能装备产业园项目", "signed", "started") in moves
    move = since.status_moves[0]
    assert "智能装备产业园" in move.before_quote  # the earlier week's evidence, and its page
    assert [s for s in move.before_sources if "0410/signing" in s]
    assert [s for s in move.sources if "0418/startup" in s]
    targets = {
        (t.region, t.target, t.target_period, t.actual, t.actual_period) for t in since.targets
    }
    assert ("澄溪县", "6.5%", "2024年全年", "7.1%", "2024年一季度") in targets
    assert all("6.5%" in t.target_quote and "7.1%" in t.quote for t in since.targets)
    new = {(p.name, p.investment) for p in since.new_projects}
    # the name as the extractor cuts it (with or without its 项目), the investment parsed by code
    assert any(name.startswith("澄溪县冷链物流园") and money == 8.6e8 for name, money in new)
    assert "澄溪县智能装备产业园项目" not in {name for name, _ in new}
    figures = {(f.before, f.before_period, f.now, f.now_period) for f in since.figures}
    assert ("5.2%", "2024年1-2月", "6%", "2024年一季度") in figures
    assert all(f.before_quote and f.quote and f.before_sources for f in since.figures)
    assert all(before_period and now_period for _, before_period, _, now_period in figures)


def test_a_reprinted_story_counts_once_with_both_sources(archive_url: str) -> None:
    with Archive(archive_url) as archive:
        store_weeks(archive)
        rows = archive.export_rows(since=date(2024, 4, 15), lists=("projects",))
        started = archive.project_timeline("澄溪县智能装备产业园")
    names = [r["label"] for r in rows]
    assert names.count("澄溪县智能装备产业园项目") == 1
    assert [e.kind for e in started] == ["signed", "started"]
    assert any("canglan-daily" in s for s in started[1].sources)
    assert any("chengxi" in s for s in started[1].sources)


def test_namesakes_in_other_places_have_other_keys(archive_url: str) -> None:
    a, text_a = person_brief("a", "周明远", "澄溪县委书记", "澄溪县", "2024-04-09")
    b, text_b = person_brief("b", "周明远", "沧澜市副市长", "沧澜市", "2024-04-10")
    c, text_c = person_brief("c", "周明远", "县委书记", "澄溪县", "2024-04-17")
    with Archive(archive_url) as archive:
        for brief, text in ((a, text_a), (b, text_b), (c, text_c)):
            archive.add(brief, text)
        people = archive.person_timeline("周明远")
    keys = [(e.key, str(e.day)) for e in people]
    assert keys == [
        ("周明远@沧澜市", "2024-04-10"),
        ("周明远@澄溪县", "2024-04-09"),
        ("周明远@澄溪县", "2024-04-17"),
    ]


def test_exports_hold_one_row_per_item(archive_url: str, tmp_path: Path) -> None:
    with Archive(archive_url) as archive:
        store_weeks(archive)
        rows = archive.export_rows()
    assert rows and set(rows[0]) == set(COLUMNS)
    for kind in ("csv", "xlsx", "parquet"):
        write_export(rows, kind, tmp_path / f"items.{kind}")
    csv_lines = (tmp_path / "items.csv").read_text(encoding="utf-8-sig").splitlines()
    sheet = list(load_workbook(tmp_path / "items.xlsx", read_only=True)["items"].values)
    table = pq.read_table(tmp_path / "items.parquet")
    assert csv_lines[0].split(",") == list(COLUMNS)
    assert list(sheet[0]) == list(COLUMNS)
    assert len(sheet) - 1 == table.num_rows == len(rows)
    assert table.column("quote").to_pylist() == [r["quote"] for r in rows]
