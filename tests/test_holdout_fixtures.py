"""The blind hold-out sets (evals/holdout, evals/holdout2) pass the fixture checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.fixtures import check_folder, load_fixtures

EVALS = Path(__file__).resolve().parent.parent / "evals"
SETS = [("holdout", 14), ("holdout2", 10)]


@pytest.mark.parametrize(("name", "count"), SETS)
def test_holdout_fixtures_pass_the_checker(name: str, count: int) -> None:
    assert [str(p) for p in check_folder(EVALS / name)] == []


@pytest.mark.parametrize(("name", "count"), SETS)
def test_every_holdout_fixture_names_its_document(name: str, count: int) -> None:
    # The checker skips the text-versus-source comparison when the source file is missing.
    folder = EVALS / name
    fixtures = load_fixtures(folder)
    assert len(fixtures) == count
    for fixture in fixtures:
        assert fixture.source is not None
        assert (folder / fixture.source).is_file(), fixture.id
