"""One-to-one pairing of predicted and expected items by optimal assignment.

The assignment first maximizes the number of matched pairs, then, among
pairings with that many pairs, the total similarity. A greedy pass (each
prediction takes its best free candidate) can match fewer pairs; see the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

P = TypeVar("P")
E = TypeVar("E")


def assign(
    predicted: Sequence[P],
    expected: Sequence[E],
    matches: Callable[[P, E], bool],
    similarity: Callable[[P, E], float],
) -> list[tuple[int, int]]:
    """Index pairs (predicted, expected) of an optimal one-to-one matching.

    Only pairs for which `matches` holds are returned. `similarity` (in [0, 1])
    only breaks ties between pairings with the same number of matches.
    """
    if not predicted or not expected:
        return []
    # Imported here: scipy costs ~0.3 s, and every CLI command imports this module.
    from scipy.optimize import linear_sum_assignment

    weights = _weights(predicted, expected, matches, similarity)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if weights[r, c] > 0]


def _weights(
    predicted: Sequence[P],
    expected: Sequence[E],
    matches: Callable[[P, E], bool],
    similarity: Callable[[P, E], float],
) -> np.ndarray:
    # A match is worth more than any sum of similarities (each ≤ 1, at most
    # min(n, m) of them), so the count of matches always comes first.
    match_value = float(min(len(predicted), len(expected)) + 1)
    weights = np.zeros((len(predicted), len(expected)))
    for i, pred in enumerate(predicted):
        for j, gold in enumerate(expected):
            if matches(pred, gold):
                weights[i, j] = match_value + min(max(similarity(pred, gold), 0.0), 1.0)
    return weights
