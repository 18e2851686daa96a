"""Speakers of the offline extractor, on synthetic sentences of the genre from other regions."""

from __future__ import annotations

from _offline_docs import names_and_titles, one_article

from summarizer.models import Speaker
from summarizer.rules.speakers import SpeakerIndex


def speakers_of(text: str) -> list[Speaker]:
    document = one_article(text)
    index = SpeakerIndex()
    for article in document.articles:
        index.add_article(article)
    return index.speakers(document)


def test_title_chains_and_act_verbs_give_speakers_with_fullest_titles() -> None:
    text = (
        "3月5日,成都市高质量发展大会召开。四川省成都市委书记王晓晖出席会议并讲话,"
        "市委副书记、市长王凤朝作工作报告。会议由市委常委、秘书长陈东主持。"
    )
    found = set(names_and_titles(speakers_of(text)))
    assert found == {
        ("王晓晖", "四川省成都市委书记"),
        ("王凤朝", "市委副书记、市长"),
        ("陈东", "市委常委、秘书长"),
    }


def test_attendees_reporters_and_people_referred_to_are_not_speakers() -> None:
    text = (
        "本报讯(记者 刘洋)会议认真贯彻落实省委书记黄坤明调研指示精神。"
        "市委常委、副市长李明出席会议。区领导赵刚、孙丽参加会议。记者 马建国 摄"
    )
    assert speakers_of(text) == []


def test_same_name_with_unrelated_titles_is_two_people() -> None:
    text = (
        "“全会精神鼓舞人心。”广州市天河区委书记王强表示,将抓好落实。"
        "“我们信心倍增。”越秀区北京街道党工委书记王强说,将优化服务。"
    )
    titles = sorted(s.title or "" for s in speakers_of(text))
    assert titles == ["广州市天河区委书记", "越秀区北京街道党工委书记"]


def test_bare_name_later_is_the_titled_person_listed_once() -> None:
    text = "无锡市委书记杜小刚出席并讲话。杜小刚强调,要抓项目。杜小刚要求,要稳增长。"
    found = speakers_of(text)
    assert names_and_titles(found) == [("杜小刚", "无锡市委书记")]


def test_interview_header_makes_a_speaker() -> None:
    text = "攀高比强 奋勇争先\n——访宁波市鄞州区委书记褚银良\n鄞州区将坚持项目为王。"
    assert names_and_titles(speakers_of(text)) == [("褚银良", "宁波市鄞州区委书记")]


def test_name_length_is_decided_by_what_follows() -> None:
    text = "县委副书记、县长赵东对下半年工作进行部署。副县长欧阳明华主持会议。"
    assert [s.name for s in speakers_of(text)] == ["赵东", "欧阳明华"]


def test_unknown_bare_name_with_speech_verb_is_a_speaker() -> None:
    text = "会议现场气氛热烈。\n刘建军说,今年要继续抓好招商引资。"
    assert names_and_titles(speakers_of(text)) == [("刘建军", None)]


def test_speaker_evidence_is_the_verbatim_act() -> None:
    text = "江西省南昌市委书记李红军主持会议。"
    (speaker,) = speakers_of(text)
    assert speaker.evidence.quote == "江西省南昌市委书记李红军主持"
    assert text[speaker.evidence.start : speaker.evidence.end] == speaker.evidence.quote


def test_the_presenter_of_a_work_report_is_a_speaker() -> None:
    text = (
        "1月8日,江北区第十八届人民代表大会第四次会议开幕。区委书记王建平出席。"
        "区委副书记、区长李晓东代表区人民政府作政府工作报告。"
        "受区长委托,副区长马骏作关于2023年国民经济和社会发展计划执行情况的报告。"
        "郭小平作区人大常委会工作报告。"
    )
    assert names_and_titles(speakers_of(text)) == [
        ("李晓东", "区委副书记、区长"),
        ("马骏", "副区长"),
        ("郭小平", None),
    ]


def test_a_name_written_before_the_post_speaks_when_an_act_follows() -> None:
    text = (
        "大会听取并审议了张伟区长代表区人民政府所作的政府工作报告。"
        "“赵磊书记的讲话鼓舞人心。”一位代表说。张家港市长江路改造工程开工。"
    )
    assert names_and_titles(speakers_of(text)) == [("张伟", "区长")]


def test_other_official_acts_make_speakers() -> None:
    text = (
        "市委常委、宣传部部长孙立新传达了省委全会精神。区发展改革委主任周海涛通报了经济运行情况,"
        "区长李晓东点评。常务副区长吴晓燕解读了相关政策。市商务局局长郑国强答记者问。"
        "副市长褚明辉宣布项目开工。市住建局副局长冯丽娟接受采访时表示,将加快推进城市更新。"
        "区政协主席钱文斌作动员讲话。副市长卫红霞出席。"
    )
    assert [s.name for s in speakers_of(text)] == [
        "孙立新",
        "周海涛",
        "李晓东",
        "吴晓燕",
        "郑国强",
        "褚明辉",
        "冯丽娟",
        "钱文斌",
    ]


def test_a_title_of_several_posts_keeps_the_part_before_the_comma() -> None:
    text = (
        "会议由市委常委、常务副市长,市经济技术开发区党工委书记何建平主持。"
        "县委书记苏海涛出席会议并讲话,县长叶明作工作部署。"
    )
    assert names_and_titles(speakers_of(text)) == [
        ("何建平", "市委常委、常务副市长,市经济技术开发区党工委书记"),
        ("苏海涛", "县委书记"),
        ("叶明", "县长"),
    ]


def test_people_listed_before_one_verb_share_it_and_keep_their_own_titles() -> None:
    text = "市财政局局长程亮、市税务局局长方慧、市商务局副局长韦东回答记者提问。"
    assert names_and_titles(speakers_of(text)) == [
        ("程亮", "市财政局局长"),
        ("方慧", "市税务局局长"),
        ("韦东", "市商务局副局长"),
    ]


def test_an_event_role_is_no_post_but_a_deputy_office_is() -> None:
    text = (
        "签约企业代表、福建海瑞食品有限公司董事长林海峰致辞。"
        "市人大代表、市第二中学教师张蕾建议,增加学位供给。"
        "石桥村村民代表邱水生说,路修好了。县粮食和物资储备局局长倪小军介绍了收购情况。"
    )
    assert names_and_titles(speakers_of(text)) == [
        ("林海峰", "福建海瑞食品有限公司董事长"),
        ("张蕾", "市人大代表、市第二中学教师"),
        ("邱水生", "石桥村村民代表"),
        ("倪小军", "县粮食和物资储备局局长"),
    ]


def test_titles_in_brackets_minutes_fields_and_padded_names() -> None:
    text = (
        "时间:2024年3月5日\n主持:温  涛(区委副书记、区长)\n出席:龚  琳 邱志强\n"
        "会议听取了区统计局局长江海关于一季度经济运行情况的汇报。"
        "温  涛要求,各部门要抓好落实。鲁海(县委书记)出席并讲话。"
    )
    assert names_and_titles(speakers_of(text)) == [
        ("温  涛", "区委副书记、区长"),
        ("江海", "区统计局局长"),
        ("鲁海", "县委书记"),
    ]


def test_reports_are_acts_but_a_press_conference_attended_is_not() -> None:
    text = (
        "工务处长陈国栋报告指出,道路改善经费执行率达58%。"
        "副市长卢斌、市发改委主任严华出席新闻发布会。"
    )
    assert names_and_titles(speakers_of(text)) == [("陈国栋", "工务处长")]


def test_names_without_a_han_surname_after_a_post() -> None:
    text = (
        "州委副书记、州长扎西顿珠主持会议并讲话。盟委副书记、盟长巴特尔其其格作工作部署。"
        "全体人大代表们分组审议政府工作报告。"
    )
    assert names_and_titles(speakers_of(text)) == [
        ("扎西顿珠", "州委副书记、州长"),
        ("巴特尔其其格", "盟委副书记、盟长"),
    ]
