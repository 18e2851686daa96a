"""Reprint detection on part of the constructed set (bench/reprints.py measures all of it)."""

from __future__ import annotations

from bench.reprint_set import Pair, base_articles, new_figures, reprints
from bench.reprints import precision_recall, score


def test_reprints_are_found_and_other_articles_are_not() -> None:
    bases = base_articles()[::6]
    pairs = [p for n, text in enumerate(bases) for p in reprints(text, n)]
    pairs += [Pair("other", a, b, False) for a, b in zip(bases, bases[1:], strict=False)]
    pairs += [Pair("new figures", t, new_figures(t), False) for t in bases]
    scored = [(p, *score(p)) for p in pairs]
    from summarizer.archive.reprints import REPRINT_THRESHOLD

    precision, recall = precision_recall(scored, REPRINT_THRESHOLD)
    assert precision == 1.0 and recall >= 0.95
