"""The synthetic generalization set (evals/synthetic) passes the fixture checker."""

from __future__ import annotations

from pathlib import Path

from summarizer.fixtures import check_folder, load_fixtures

SYNTHETIC = Path(__file__).resolve().parent.parent / "evals" / "synthetic"


def test_synthetic_fixtures_pass_the_checker() -> None:
    assert [str(p) for p in check_folder(SYNTHETIC)] == []


def test_every_synthetic_fixture_names_its_document() -> None:
    # The checker skips the text-versus-source comparison when the source file is missing,
    # so make sure every fixture points at a document that exists.
    fixtures = load_fixtures(SYNTHETIC)
    assert len(fixtures) == 8
    for fixture in fixtures:
        assert fixture.source is not None
        assert (SYNTHETIC / fixture.source).is_file(), fixture.id
