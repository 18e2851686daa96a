"""Scoring one brief against its labels, per ../shared/LABELING.md ("Scoring").

Each list has a strict and a lenient match rule, a similarity that breaks ties
in the assignment, and attribute checks made over the lenient pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from summarizer.evaluate.matching import assign
from summarizer.evaluate.overlap import comparable, contains_either, overlap_f1, same_text
from summarizer.evaluate.results import PRF, ListScore, Ratio
from summarizer.evaluate.units import same_quantity
from summarizer.models import (
    Brief,
    Directive,
    Expected,
    ExpectedDirective,
    ExpectedMetric,
    ExpectedProject,
    ExpectedSpeaker,
    Metric,
    Project,
    Speaker,
)

P = TypeVar("P")
E = TypeVar("E")

STRICT_DIRECTIVE_OVERLAP = 0.8
LENIENT_DIRECTIVE_OVERLAP = 0.5
LENIENT_PROJECT_OVERLAP = 0.6
INDICATOR_OVERLAP = 0.5


@dataclass(frozen=True)
class ListRules(Generic[P, E]):
    """How one list is matched and which attributes are checked on matched pairs."""

    strict: Callable[[P, E], bool]
    lenient: Callable[[P, E], bool]
    similarity: Callable[[P, E], float]
    attributes: dict[str, Callable[[P, E], bool]] = field(default_factory=dict)


def prf(matched: int, predicted: int, expected: int) -> PRF:
    """P/R/F1 with empty lists defined: nothing predicted → P = 1, nothing expected → R = 1.

    So F1 is 1.0 when both lists are empty and 0.0 when exactly one is.
    """
    precision = matched / predicted if predicted else 1.0
    recall = matched / expected if expected else 1.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return PRF(
        matched=matched,
        predicted=predicted,
        expected=expected,
        precision=precision,
        recall=recall,
        f1=f1,
    )


def ratio(correct: int, total: int) -> Ratio:
    """A share, null when there is nothing to count."""
    return Ratio(correct=correct, total=total, rate=correct / total if total else None)


# ---- the rules of each list --------------------------------------------------------


def _same_name(p: Speaker, e: ExpectedSpeaker) -> bool:
    return same_text(p.name, e.name)


def _title_similarity(p: Speaker, e: ExpectedSpeaker) -> float:
    if p.title is None or e.title is None:
        return 1.0 if p.title == e.title else 0.0
    return overlap_f1(p.title, e.title)


SPEAKERS: ListRules[Speaker, ExpectedSpeaker] = ListRules(
    strict=_same_name,
    lenient=_same_name,
    similarity=_title_similarity,
    attributes={"title": lambda p, e: same_text(p.title, e.title)},
)


def _same_issuer(p: Directive, e: ExpectedDirective) -> bool:
    return same_text(p.issuer, e.issuer)


def _directive_similarity(p: Directive, e: ExpectedDirective) -> float:
    return 0.9 * overlap_f1(p.text, e.text) + 0.1 * _same_issuer(p, e)


DIRECTIVES: ListRules[Directive, ExpectedDirective] = ListRules(
    strict=lambda p, e: (
        _same_issuer(p, e) and overlap_f1(p.text, e.text) >= STRICT_DIRECTIVE_OVERLAP
    ),
    lenient=lambda p, e: overlap_f1(p.text, e.text) >= LENIENT_DIRECTIVE_OVERLAP,
    similarity=_directive_similarity,
    attributes={"issuer": _same_issuer},
)


def _same_value(p: Metric, e: ExpectedMetric) -> bool:
    return same_quantity(p.value, p.unit, e.value, e.unit)


def indicator_matches(predicted: str, expected: str) -> bool:
    """Indicators agree: one contains the other, or character overlap F1 ≥ 0.5."""
    return contains_either(predicted, expected) or (
        overlap_f1(predicted, expected) >= INDICATOR_OVERLAP
    )


def _metric_similarity(p: Metric, e: ExpectedMetric) -> float:
    # The indicator tells apart two figures with the same value; kind and period help.
    indicator = overlap_f1(p.indicator, e.indicator)
    return 0.8 * indicator + 0.1 * (p.kind == e.kind) + 0.1 * same_text(p.period, e.period)


METRICS: ListRules[Metric, ExpectedMetric] = ListRules(
    strict=lambda p, e: _same_value(p, e) and p.kind == e.kind,
    lenient=_same_value,
    similarity=_metric_similarity,
    attributes={
        "indicator": lambda p, e: indicator_matches(p.indicator, e.indicator),
        "kind": lambda p, e: p.kind == e.kind,
        "period": lambda p, e: same_text(p.period, e.period),
    },
)


def _project_lenient(p: Project, e: ExpectedProject) -> bool:
    return contains_either(p.name, e.name) or overlap_f1(p.name, e.name) >= LENIENT_PROJECT_OVERLAP


PROJECTS: ListRules[Project, ExpectedProject] = ListRules(
    strict=lambda p, e: bool(comparable(p.name)) and comparable(p.name) == comparable(e.name),
    lenient=_project_lenient,
    similarity=lambda p, e: overlap_f1(p.name, e.name),
    attributes={"status": lambda p, e: p.status == e.status},
)

RULES: dict[str, ListRules[Any, Any]] = {
    "speakers": SPEAKERS,
    "directives": DIRECTIVES,
    "metrics": METRICS,
    "projects": PROJECTS,
}


# ---- scoring -----------------------------------------------------------------------


def score_list(rules: ListRules[P, E], predicted: Sequence[P], expected: Sequence[E]) -> ListScore:
    """Strict and lenient P/R/F1 of one list, and attribute accuracy over lenient pairs."""
    strict = assign(predicted, expected, rules.strict, rules.similarity)
    lenient = assign(predicted, expected, rules.lenient, rules.similarity)
    attributes = {
        name: ratio(sum(check(predicted[i], expected[j]) for i, j in lenient), len(lenient))
        for name, check in rules.attributes.items()
    }
    return ListScore(
        strict=prf(len(strict), len(predicted), len(expected)),
        lenient=prf(len(lenient), len(predicted), len(expected)),
        attributes=attributes,
    )


def score_brief(brief: Brief | None, expected: Expected) -> dict[str, ListScore]:
    """Scores of every list; a missing brief (failed document) predicts nothing."""
    return {
        name: score_list(
            rules,
            getattr(brief, name) if brief is not None else [],
            getattr(expected, name),
        )
        for name, rules in RULES.items()
    }


def combine(scores: Iterable[ListScore]) -> ListScore:
    """Micro-average: sum the counts of several documents' scores of one list."""
    items = list(scores)
    names = dict.fromkeys(name for s in items for name in s.attributes)
    attributes = {n: sum_ratios(s.attributes[n] for s in items if n in s.attributes) for n in names}
    return ListScore(
        strict=_sum_prf(s.strict for s in items),
        lenient=_sum_prf(s.lenient for s in items),
        attributes=attributes,
    )


def _sum_prf(parts: Iterable[PRF]) -> PRF:
    matched = predicted = expected = 0
    for part in parts:
        matched, predicted = matched + part.matched, predicted + part.predicted
        expected += part.expected
    return prf(matched, predicted, expected)


def sum_ratios(parts: Iterable[Ratio]) -> Ratio:
    """Pool several ratios into one."""
    correct = total = 0
    for part in parts:
        correct, total = correct + part.correct, total + part.total
    return ratio(correct, total)
