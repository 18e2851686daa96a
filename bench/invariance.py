"""Scores of each metamorphic variant next to the original, per fixture set (offline backend).

    python -m bench.invariance [FOLDER ...]

Prints lenient F1 per list, date and article-count accuracy for the original and each
variant of summarizer.evaluate.variants; the invariance suite asserts these stay within
0.03 of the original.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.evaluate.harness import evaluate
from summarizer.evaluate.results import LISTS
from summarizer.evaluate.variants import VARIANTS, variant_fixture
from summarizer.fixtures import load_fixtures
from summarizer.settings import resolve_settings

DEFAULT_SETS = ("evals/fixtures", "evals/synthetic", "../shared/devset")


def main(folders: list[str]) -> None:
    settings = resolve_settings(backend="offline")
    for folder in folders or DEFAULT_SETS:
        fixtures = load_fixtures(Path(folder))
        print(f"{folder} ({len(fixtures)} pages)")
        header = "".join(f"{n[:10]:>11}" for n in LISTS)
        print(f"  {'variant':24}{header}{'date':>11}{'articles':>11}")
        for name in ("original", *VARIANTS):
            pages = fixtures if name == "original" else [variant_fixture(f, name) for f in fixtures]
            summary = evaluate(pages, settings=settings).summary
            f1 = "".join(f"{summary.lists[n].lenient.f1:11.3f}" for n in LISTS)
            date, articles = summary.date.rate or 0, summary.article_count.rate or 0
            print(f"  {name:24}{f1}{date:11.2f}{articles:11.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
