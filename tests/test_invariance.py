"""Metamorphic invariance: the same page in another form scores as the page does.

For every fixture set, each variant of summarizer.evaluate.variants (traditional
script, full-width ASCII, hard-wrapped lines, CRLF, half-width punctuation) must
score within 0.03 of the original on every list, strict and lenient (offline backend).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from summarizer.evaluate.harness import evaluate
from summarizer.evaluate.results import LISTS, MODES, Summary
from summarizer.evaluate.variants import VARIANTS, variant_fixture
from summarizer.fixtures import load_fixtures
from summarizer.settings import resolve_settings

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seeds": ROOT / "evals" / "fixtures",
    "synthetic": ROOT / "evals" / "synthetic",
    "devset": ROOT.parent / "shared" / "devset",
}
TOLERANCE = 0.03


@cache
def _summary(set_name: str, variant: str) -> Summary:
    folder = SETS[set_name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    fixtures = load_fixtures(folder)
    if variant != "original":
        fixtures = [variant_fixture(f, variant) for f in fixtures]
    return evaluate(fixtures, settings=resolve_settings(backend="offline")).summary


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("set_name", sorted(SETS))
def test_a_variant_scores_as_the_original_page(set_name: str, variant: str) -> None:
    original, changed = _summary(set_name, "original"), _summary(set_name, variant)
    drifts = {
        f"{name}.{mode}": round(
            getattr(changed.lists[name], mode).f1 - getattr(original.lists[name], mode).f1, 3
        )
        for name in LISTS
        for mode in MODES
    }
    assert all(abs(d) <= TOLERANCE for d in drifts.values()), drifts
    assert changed.grounding.rate in (None, 1.0)
