"""Same results on SQLite and PostgreSQL: the two weeks stored in each, every answer compared."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.archive import Archive
from tests.archive_support import store_weeks

pytestmark = pytest.mark.postgres


def answers(url: str) -> dict[str, Any]:
    with Archive(url) as archive:
        store_weeks(archive)
        return {
            "counts": archive.counts(),
            "since": archive.since_last_week("2024-W16").model_dump(mode="json"),
            "project": [
                e.model_dump(mode="json") for e in archive.project_timeline("智能装备产业园")
            ],
            "indicator": [
                e.model_dump(mode="json") for e in archive.indicator_timeline("地区生产总值")
            ],
            "person": [e.model_dump(mode="json") for e in archive.person_timeline("林晓峰")],
            "export": archive.export_rows(),
        }


def test_sqlite_and_postgresql_give_the_same_answers(tmp_path: Any, postgres_url: str) -> None:
    from tests._postgres import fresh_database

    on_sqlite = answers(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    on_postgres = answers(fresh_database(postgres_url, "agree"))
    assert on_sqlite["since"]["status_moves"]  # the comparison is about something
    assert on_postgres == on_sqlite
