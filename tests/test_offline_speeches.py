"""Speech manuscripts (讲话稿): the byline's person speaks and issues the speech's
instructions (invented texts)."""

from __future__ import annotations

import pytest
from _offline_docs import issued, names_and_titles, one_article

from summarizer.backends import Extraction
from summarizer.evaluate.variants import full_width, hard_wrapped, traditional
from summarizer.rules import OfflineBackend

MANUSCRIPT = (
    "在全县项目建设推进大会上的讲话\n"
    "（2025年2月18日）\n"
    "县委副书记、县长　高文斌\n"
    "同志们：\n"
    "刚才，县发展改革局局长赵一鸣通报了去年项目建设情况，我完全同意。下面，我讲两点意见。\n"
    "一要紧盯重大项目。要加快青松河综合治理工程建设，确保6月底前完成主体工程。\n"
    "二要优化服务保障。各乡镇必须落实领导包联制度。\n"
    "同志们，希望大家齐心协力，奋力完成全年目标任务！\n"
)


def _extract(text: str) -> Extraction:
    return OfflineBackend().extract_sync(one_article(text))


def test_the_byline_person_is_a_speaker_with_the_posts_written_before_the_name() -> None:
    extraction = _extract(MANUSCRIPT)
    assert names_and_titles(extraction.speakers)[0] == ("高文斌", "县委副书记、县长")
    assert ("赵一鸣", "县发展改革局局长") in names_and_titles(extraction.speakers)


def test_the_speech_instructions_are_the_byline_persons() -> None:
    issuers = {issuer for issuer, _ in issued(_extract(MANUSCRIPT).directives)}
    texts = [text for _, text in issued(_extract(MANUSCRIPT).directives)]
    assert issuers == {"高文斌"}
    assert "一要紧盯重大项目" in texts and "各乡镇必须落实领导包联制度" in texts
    assert any(t.startswith("希望大家齐心协力") for t in texts)


@pytest.mark.parametrize("variant", [traditional, full_width, hard_wrapped])
def test_the_byline_is_found_in_every_form_of_the_page(variant) -> None:  # type: ignore[no-untyped-def]
    extraction = _extract(variant(MANUSCRIPT))
    assert len(extraction.speakers) == 2
    assert len({issuer for issuer, _ in issued(extraction.directives)}) == 1


def test_a_report_of_a_speech_is_no_manuscript() -> None:
    report = (
        "县委书记在全县大会上的讲话\n"
        "2月18日，全县项目建设推进大会召开。县委书记李强出席并讲话，县长高文斌主持。\n"
        "李强强调，要加快项目建设。\n"
    )
    extraction = _extract(report)
    assert [name for name, _ in names_and_titles(extraction.speakers)] == ["李强", "高文斌"]
    assert {issuer for issuer, _ in issued(extraction.directives)} == {"李强"}
