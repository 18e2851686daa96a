"""Reprint detection measured: precision and recall on the constructed set (bench/reprint_set).

Each text of a pair goes through the prepare stage, as in the archive; the pair's score is
the best similarity between an article of the first and one of the second. Prints the score
ranges per kind of pair, precision and recall at thresholds from 0.3 to 0.95, the figures at
the threshold the archive uses, and how many reprints LSH banding proposes as candidates.

    .venv/bin/python -m bench.reprints
"""

from __future__ import annotations

from functools import cache
from typing import Any

from bench._common import summary, write_result
from bench.reprint_set import Pair, reprint_set
from summarizer.archive.reprints import (
    REPRINT_THRESHOLD,
    Fingerprint,
    band_buckets,
    fingerprint,
    similarity,
)
from summarizer.document import SourceDocument
from summarizer.prepare import prepare


@cache
def fingerprints(text: str) -> tuple[Fingerprint, ...]:
    prepared = prepare(SourceDocument(id="p", raw=text))
    return tuple(fingerprint(prepared.original[a.start : a.end]) for a in prepared.articles)


def score(pair: Pair) -> tuple[float, bool]:
    """Best similarity over article pairs, and whether LSH would have proposed that pair."""
    best, candidate = 0.0, False
    for a in fingerprints(pair.first):
        for b in fingerprints(pair.second):
            value = similarity(a, b)
            if value >= best:
                best = value
                candidate = bool(set(band_buckets(a)) & set(band_buckets(b)))
    return best, candidate


def precision_recall(
    scored: list[tuple[Pair, float, bool]], threshold: float
) -> tuple[float, float]:
    said = [(p.reprint, s >= threshold and c) for p, s, c in scored]
    tp = sum(1 for truth, guess in said if truth and guess)
    fp = sum(1 for truth, guess in said if guess and not truth)
    fn = sum(1 for truth, guess in said if truth and not guess)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> dict[str, Any]:
    pairs = reprint_set()
    scored = [(p, *score(p)) for p in pairs]
    kinds = sorted({p.kind for p in pairs})
    for kind in kinds:
        values = [s for p, s, _ in scored if p.kind == kind]
        print(
            f"{kind:>14}: {len(values):4d} pairs, score min {min(values):.3f} max {max(values):.3f}"
        )
    sweep = {step / 20: precision_recall(scored, step / 20) for step in range(4, 20)}
    for threshold, (p, r) in sweep.items():
        print(f"threshold {threshold:.2f}: precision {p:.3f} recall {r:.3f} F1 {f1(p, r):.3f}")
    best = max(f1(*pr) for pr in sweep.values())
    plateau = [t for t, pr in sweep.items() if f1(*pr) == best]
    print(
        f"best F1 {best:.3f} from {min(plateau):.2f} to {max(plateau):.2f}: "
        f"the archive takes the middle of that range ({REPRINT_THRESHOLD})"
    )
    precision, recall = precision_recall(scored, REPRINT_THRESHOLD)
    positives = [c for p, _, c in scored if p.reprint]
    lines = [
        summary("reprints", f"precision at {REPRINT_THRESHOLD}", precision, ""),
        summary("reprints", f"recall at {REPRINT_THRESHOLD}", recall, ""),
        summary("reprints", "reprints proposed by LSH", sum(positives) / len(positives), ""),
    ]
    figures = {
        "pairs": {k: sum(1 for p in pairs if p.kind == k) for k in kinds},
        "threshold": REPRINT_THRESHOLD,
        "precision": precision,
        "recall": recall,
        "sweep": {str(k): v for k, v in sweep.items()},
    }
    write_result("reprints", figures, lines)
    return figures


if __name__ == "__main__":
    main()
