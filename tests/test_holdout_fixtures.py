"""The blind hold-out set (evals/holdout) passes the fixture checker."""

from __future__ import annotations

from pathlib import Path

from summarizer.fixtures import check_folder, load_fixtures

HOLDOUT = Path(__file__).resolve().parent.parent / "evals" / "holdout"


def test_holdout_fixtures_pass_the_checker() -> None:
    assert [str(p) for p in check_folder(HOLDOUT)] == []


def test_every_holdout_fixture_names_its_document() -> None:
    # The checker skips the text-versus-source comparison when the source file is missing.
    fixtures = load_fixtures(HOLDOUT)
    assert len(fixtures) == 14
    for fixture in fixtures:
        assert fixture.source is not None
        assert (HOLDOUT / fixture.source).is_file(), fixture.id
