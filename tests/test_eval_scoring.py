"""Scoring one brief's lists against labels: match rules, attributes, empty lists."""

from __future__ import annotations

import pytest

from summarizer.evaluate.scoring import (
    DIRECTIVES,
    METRICS,
    PROJECTS,
    SPEAKERS,
    combine,
    prf,
    score_list,
)
from summarizer.models import (
    Directive,
    Evidence,
    ExpectedDirective,
    ExpectedMetric,
    ExpectedProject,
    ExpectedSpeaker,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Speaker,
)

EV = Evidence(quote="x", start=0, end=1)


def metric(indicator: str, value: float, unit: str, kind: str = "actual") -> Metric:
    return Metric(indicator=indicator, value=value, unit=unit, kind=MetricKind(kind), evidence=EV)


def gold_metric(indicator: str, value: float, unit: str, kind: str = "actual") -> ExpectedMetric:
    return ExpectedMetric(indicator=indicator, value=value, unit=unit, kind=MetricKind(kind))


def test_empty_lists_have_defined_scores() -> None:
    both_empty = prf(0, 0, 0)
    assert (both_empty.precision, both_empty.recall, both_empty.f1) == (1.0, 1.0, 1.0)
    nothing_predicted = prf(0, 0, 3)
    assert (nothing_predicted.precision, nothing_predicted.recall, nothing_predicted.f1) == (
        1.0,
        0.0,
        0.0,
    )
    nothing_expected = prf(0, 2, 0)
    assert (nothing_expected.precision, nothing_expected.recall, nothing_expected.f1) == (
        0.0,
        1.0,
        0.0,
    )


def test_empty_list_scoring_end_to_end() -> None:
    score = score_list(METRICS, [], [])
    assert score.strict.f1 == 1.0 and score.lenient.f1 == 1.0
    assert score.attributes["kind"].rate is None
    assert score_list(METRICS, [metric("产值", 1, "亿元")], []).lenient.f1 == 0.0


def test_metric_scaled_units_match() -> None:
    score = score_list(
        METRICS, [metric("营业收入", 30230, "万元")], [gold_metric("营业收入", 3.023, "亿元")]
    )
    assert score.strict.matched == 1


def test_metric_negative_value_against_positive_label_does_not_match() -> None:
    predicted = [metric("工业投资", 10.9, "%", "change")]
    score = score_list(METRICS, predicted, [gold_metric("工业投资", -10.9, "%", "change")])
    assert score.lenient.matched == 0
    predicted = [metric("工业投资", -10.9, "%", "change")]
    score = score_list(METRICS, predicted, [gold_metric("工业投资", -10.9, "%", "change")])
    assert score.strict.f1 == 1.0


def test_same_value_told_apart_by_indicator() -> None:
    # Two growth rates of 7.5%; the predictions come in the opposite order.
    predicted = [
        metric("规模以上工业增加值增速", 7.5, "%", "change"),
        metric("地区生产总值增长", 7.5, "%", "change"),
    ]
    expected = [
        gold_metric("地区生产总值", 7.5, "%", "change"),
        gold_metric("规上工业增加值", 7.5, "%", "change"),
    ]
    score = score_list(METRICS, predicted, expected)
    assert score.strict.matched == 2
    assert score.attributes["indicator"].rate == 1.0


def test_metric_kind_separates_strict_from_lenient() -> None:
    score = score_list(
        METRICS, [metric("增速", 5, "%", "target")], [gold_metric("增速", 5, "%", "change")]
    )
    assert (score.strict.matched, score.lenient.matched) == (0, 1)
    assert score.attributes["kind"].rate == 0.0


def test_percent_and_percentage_points_differ() -> None:
    score = score_list(
        METRICS,
        [metric("高于全市", 3.2, "%", "gap")],
        [gold_metric("高于全市", 3.2, "个百分点", "gap")],
    )
    assert score.lenient.matched == 0


def test_directive_matched_leniently_but_not_strictly() -> None:
    gold = ExpectedDirective(issuer="张红军", text="要抓“双招双引”,更要抓落地见效")
    # 13 labeled characters; the longer span adds 5: F1 = 2·(13/18)/(13/18 + 1) ≈ 0.84 ≥ 0.8.
    # The half span has 7 of 13: F1 = 0.7, lenient only.
    longer = Directive(
        issuer="张红军", text="要抓“双招双引”,更要抓落地见效,确保早投产", evidence=EV
    )
    half = Directive(issuer="张红军", text="更要抓落地见效", evidence=EV)
    assert score_list(DIRECTIVES, [longer], [gold]).strict.matched == 1
    score = score_list(DIRECTIVES, [half], [gold])
    assert (score.strict.matched, score.lenient.matched) == (0, 1)
    other_issuer = Directive(issuer="会议", text="要抓双招双引,更要抓落地见效", evidence=EV)
    score = score_list(DIRECTIVES, [other_issuer], [gold])
    assert (score.strict.matched, score.lenient.matched) == (0, 1)
    assert score.attributes["issuer"].rate == 0.0


def test_speakers_match_on_name_and_check_titles() -> None:
    predicted = [
        Speaker(name="张红军", title="书记", evidence=EV),
        Speaker(name="郭程明", title="党工委副书记、管委会主任", evidence=EV),
    ]
    expected = [
        ExpectedSpeaker(name="郭程明", title="党工委副书记、管委会主任"),
        ExpectedSpeaker(name="张红军", title="郑州高新区党工委书记"),
        ExpectedSpeaker(name="李新军", title=None),
    ]
    score = score_list(SPEAKERS, predicted, expected)
    assert score.strict.precision == 1.0
    assert score.strict.recall == pytest.approx(2 / 3)
    assert (score.attributes["title"].correct, score.attributes["title"].total) == (1, 2)


def test_projects_strict_on_normalized_name_lenient_on_containment() -> None:
    gold = [ExpectedProject(name="瑞庆混动发动机项目", status=ProjectStatus.UNDER_CONSTRUCTION)]
    exact = Project(name="瑞慶混動發動機項目", status=ProjectStatus.STARTED, evidence=EV)
    part = Project(name="混动发动机项目", status=ProjectStatus.UNDER_CONSTRUCTION, evidence=EV)
    score = score_list(PROJECTS, [exact], gold)
    assert score.strict.matched == 1 and score.attributes["status"].rate == 0.0
    score = score_list(PROJECTS, [part], gold)
    assert (score.strict.matched, score.lenient.matched) == (0, 1)
    unrelated = Project(name="紫荆大道", status=ProjectStatus.UNKNOWN, evidence=EV)
    assert score_list(PROJECTS, [unrelated], gold).lenient.matched == 0


def test_combine_is_a_micro_average() -> None:
    one = score_list(PROJECTS, [], [ExpectedProject(name="紫荆大道", status=ProjectStatus.UNKNOWN)])
    two = score_list(
        PROJECTS,
        [Project(name="紫荆大道", status=ProjectStatus.UNKNOWN, evidence=EV)],
        [ExpectedProject(name="紫荆大道", status=ProjectStatus.UNKNOWN)],
    )
    total = combine([one, two])
    assert (total.strict.matched, total.strict.predicted, total.strict.expected) == (1, 1, 2)
    assert total.strict.recall == 0.5 and total.strict.precision == 1.0
    assert total.attributes["status"].rate == 1.0
