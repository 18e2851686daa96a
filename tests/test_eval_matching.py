"""Optimal one-to-one assignment: more matches first, similarity breaks ties."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarizer.evaluate.matching import assign


def greedy(
    predicted: Sequence[str],
    expected: Sequence[str],
    matches: Callable[[str, str], bool],
    similarity: Callable[[str, str], float],
) -> list[tuple[int, int]]:
    """Each prediction in turn takes its most similar free match: the approach we reject."""
    taken: set[int] = set()
    pairs = []
    for i, p in enumerate(predicted):
        free = [j for j, e in enumerate(expected) if j not in taken and matches(p, e)]
        if free:
            j = max(free, key=lambda j: similarity(p, expected[j]))
            taken.add(j)
            pairs.append((i, j))
    return pairs


def shared(a: str, b: str) -> float:
    return len(set(a) & set(b)) / len(set(a) | set(b))


def test_assignment_beats_greedy_on_a_crafted_case() -> None:
    # "abc" is closest to "ab", which is the only match "ab" has; greedy lets "abc" take it.
    predicted = ["abc", "ab"]
    expected = ["ab", "abcxyz"]

    def matches(p: str, e: str) -> bool:
        return shared(p, e) >= 0.5

    assert shared("abc", "ab") > shared("abc", "abcxyz") >= 0.5 > shared("ab", "abcxyz")
    assert greedy(predicted, expected, matches, shared) == [(0, 0)]
    assert sorted(assign(predicted, expected, matches, shared)) == [(0, 1), (1, 0)]


def test_similarity_breaks_ties_between_equal_counts() -> None:
    def always(p: str, e: str) -> bool:
        return True

    pairs = assign(["xy", "ab"], ["ab", "xy"], always, shared)
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_only_matching_pairs_are_returned() -> None:
    def never(p: str, e: str) -> bool:
        return False

    assert assign(["a", "b"], ["a"], never, shared) == []
    assert assign([], ["a"], never, shared) == []
