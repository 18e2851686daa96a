"""Test tiers: the reliability suites (test_reliability_*.py) form their own tier."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.startswith("test_reliability_"):
            item.add_marker(pytest.mark.reliability)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (tier: postgres)."""
    from tests._postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty archive: a real SQLite file, or (tier: postgres) a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    from tests._postgres import fresh_database

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return fresh_database(request.getfixturevalue("postgres_url"), name)


@pytest.fixture(autouse=True, scope="session")
def _archive_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands that store briefs write to a file of the session, never to the user's archive."""
    folder = tmp_path_factory.mktemp("archive")
    before = os.environ.get("SUMMARIZER_DB")
    os.environ["SUMMARIZER_DB"] = f"sqlite:///{folder / 'default-archive.sqlite3'}"
    yield
    if before is None:
        os.environ.pop("SUMMARIZER_DB", None)
    else:
        os.environ["SUMMARIZER_DB"] = before
