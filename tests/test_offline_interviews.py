"""Question-and-answer interviews in the offline extractor (invented texts, several formats)."""

from __future__ import annotations

from _offline_docs import issued, names_and_titles, one_article

from summarizer.backends import Extraction
from summarizer.rules import OfflineBackend
from summarizer.rules.interviews import find_interview
from summarizer.rules.speakers_mentions import find_mentions

QA_WITH_LEAD = (
    "近日,本报记者就县域经济发展专访了临江县委书记孙建国。\n"
    "记者:请问临江县要如何确保完成全年目标?\n"
    "孙建国:全县上下要坚定信心。我们将加快建设滨江新城。\n"
    "记者:您对年轻干部有什么希望?\n"
    "孙建国:希望年轻干部敢于担当、善于作为。\n"
)

ASK_ANSWER = (
    "本报记者专访南湖区委书记周志强\n"
    "问：南湖区将如何推进城市更新？必须解决哪些难题？\n"
    "答：南湖区将全面启动老城区改造。我们要守牢安全底线。\n"
    "问：今年的目标是什么？\n"
    "答：力争全年引进项目30个。\n"
)

BOLD_HALF_WIDTH = (
    "奋力谱写高质量发展新篇章——访东丰市委副书记、市长赵立群\n"
    "**问:**下一步要确保哪些重点工作落地?\n"
    "**答:**要坚持创新驱动。东丰市将全力打造新能源汽车产业集群。\n"
    "【问】群众关心的民生实事将如何推进?\n"
    "【答】必须把群众的事当成自己的事来办。\n"
)

NO_HEADLINE = (
    "记者：我们注意到，今年要打造三个产业园区，进展如何？\n"
    "李卫东：目前三个园区均已开工。下一步要抓紧完善配套设施。\n"
)


def _extract(text: str) -> Extraction:
    return OfflineBackend().extract_sync(one_article(text))


def _directives(text: str) -> set[tuple[str, str]]:
    return issued(_extract(text).directives)


def test_the_person_interviewed_in_the_lead_speaks_with_the_lead_title() -> None:
    speakers = _extract(QA_WITH_LEAD).speakers
    assert names_and_titles(speakers) == [("孙建国", "临江县委书记")]


def test_name_labeled_answers_are_the_interviewees_directives() -> None:
    assert _directives(QA_WITH_LEAD) == {
        ("孙建国", "全县上下要坚定信心"),
        ("孙建国", "我们将加快建设滨江新城"),
        ("孙建国", "希望年轻干部敢于担当、善于作为"),
    }


def test_questions_are_never_directives() -> None:
    texts = {d.text for d in _extract(ASK_ANSWER).directives}
    assert not any("如何" in t or "难题" in t for t in texts)
    texts = {d.text for d in _extract(BOLD_HALF_WIDTH).directives}
    assert not any("哪些" in t or "如何" in t for t in texts)


def test_answer_turns_use_the_issuer_rule() -> None:
    found = _directives(ASK_ANSWER)
    assert ("南湖区", "南湖区将全面启动老城区改造") in found  # a named body with 将
    assert ("周志强", "我们要守牢安全底线") in found  # a pronoun: the interviewee
    assert ("周志强", "力争全年引进项目30个") in found  # no subject: the interviewee


def test_bold_and_bracketed_labels_with_half_width_colons() -> None:
    extraction = _extract(BOLD_HALF_WIDTH)
    assert names_and_titles(extraction.speakers) == [("赵立群", "东丰市委副书记、市长")]
    found = issued(extraction.directives)
    assert ("赵立群", "要坚持创新驱动") in found
    assert ("赵立群", "必须把群众的事当成自己的事来办") in found


def test_a_name_labeled_answer_without_headline_is_a_speaker() -> None:
    extraction = _extract(NO_HEADLINE)
    assert names_and_titles(extraction.speakers) == [("李卫东", None)]
    assert issued(extraction.directives) == {("李卫东", "要抓紧完善配套设施")}


def test_metrics_in_answers_are_extracted() -> None:
    metrics = _extract(ASK_ANSWER).metrics
    assert [(m.value, m.unit, m.kind) for m in metrics] == [(30.0, "个", "target")]


def test_the_speaker_evidence_quotes_the_answer_label() -> None:
    speaker = _extract(NO_HEADLINE).speakers[0]
    assert speaker.evidence.quote == "李卫东："


def test_name_colon_lines_without_questions_are_no_interview() -> None:
    text = "会议议程\n时间：上午九点\n王强：总结上半年工作\n"
    assert find_interview(text, find_mentions(text)) is None
    assert _extract(text).speakers == []


def test_only_answers_or_only_questions_make_no_interview() -> None:
    assert find_interview("问：一\n问：二\n", []) is None
    assert find_interview("答：一\n", []) is None


SURNAME_AND_POST = (
    "强化担当促发展——访桃源镇党委书记吴海峰\n"
    "记者：今年桃源镇有什么新打算？\n"
    "吴书记：我们将全力推进乡村振兴。\n"
)

INLINE = (
    "本报专访了北城区委书记郑伟。\n"
    "问：北城区将如何推进产业转型？答：我们要坚持项目为王。\n"
    "问：今年的目标是什么？ **答：**力争地区生产总值增长8%。\n"
)


def test_a_surname_and_post_label_is_the_interviewee() -> None:
    extraction = _extract(SURNAME_AND_POST)
    assert names_and_titles(extraction.speakers) == [("吴海峰", "桃源镇党委书记")]
    assert issued(extraction.directives) == {
        ("吴海峰", "我们将全力推进乡村振兴")
    }


def test_an_answer_in_the_question_paragraph_is_cut_off_the_question() -> None:
    extraction = _extract(INLINE)
    assert names_and_titles(extraction.speakers) == [("郑伟", "北城区委书记")]
    assert issued(extraction.directives) == {
        ("郑伟", "我们要坚持项目为王"),
        ("郑伟", "力争地区生产总值增长8%"),
    }


def test_a_press_conference_with_questioners_named_by_outlet() -> None:
    text = (
        "区发改委主任汤明、区商务局局长庞丽出席发布会并回答记者提问。\n"
        "江城日报记者:下一步要如何确保项目按期推进?\n"
        "汤明:我们要实行月调度,确保上半年项目全部开工。\n"
        "江城广播电视台记者赵一鸣:全年有什么打算?\n"
        "庞丽:全年我们将力争签约项目100个以上。\n"
    )
    extraction = _extract(text)
    assert [s.name for s in extraction.speakers] == ["汤明", "庞丽"]
    assert issued(extraction.directives) == {
        ("汤明", "我们要实行月调度,确保上半年项目全部开工"),
        ("庞丽", "我们将力争签约项目100个以上"),
    }


def test_an_act_followed_by_a_colon_introduces_the_words_after_it() -> None:
    text = (
        "董事长王海说:“希望县里给予更多支持。”"
        "村党支部书记祁兰作为群众代表发言:“我们村要把合作社办得更红火。”"
    )
    assert _directives(text) == {
        ("王海", "希望县里给予更多支持"),
        ("祁兰", "我们村要把合作社办得更红火"),
    }


def test_a_dialogue_header_names_the_interviewee_answering_by_surname_and_post() -> None:
    text = (
        "打造开放新高地\n——对话瓮安县委书记杨光远\n"
        "记者:下一步如何发力?\n杨书记:我们要坚定不移走精细化路子。\n"
    )
    extraction = _extract(text)
    assert names_and_titles(extraction.speakers) == [("杨光远", "瓮安县委书记")]
    assert issued(extraction.directives) == {("杨光远", "我们要坚定不移走精细化路子")}
