"""Directives of the offline extractor, on synthetic sentences of the genre."""

from __future__ import annotations

from _offline_docs import one_article

from summarizer.rules.directives import extract_directives
from summarizer.rules.speakers_mentions import find_mentions


def directives_of(text: str) -> list[tuple[str, str]]:
    document = one_article(text)
    article = document.articles[0]
    found = extract_directives(document, article, find_mentions(article.text))
    for directive in found:
        assert document.original[directive.evidence.start : directive.evidence.end] == (
            directive.evidence.quote
        )
    return [(d.issuer, d.text) for d in found]


def test_enumerated_items_are_one_directive_each_without_their_elaboration() -> None:
    text = (
        "南宁市委书记农生文表示,一要着力稳定经济运行。加强经济运行监测分析,持续优化企业服务。"
        "二要着力推进项目建设。坚持新建项目盯开工。"
    )
    assert directives_of(text) == [
        ("农生文", "一要着力稳定经济运行"),
        ("农生文", "二要着力推进项目建设"),
        ("农生文", "坚持新建项目盯开工"),  # an elaboration opening with its own cue
    ]


def test_meeting_directives_split_at_semicolons() -> None:
    text = "会议强调,要守牢安全底线,持续抓好安全生产;要抓实经济运行,冲刺二季度。"
    assert directives_of(text) == [
        ("会议", "要守牢安全底线,持续抓好安全生产"),
        ("会议", "要抓实经济运行,冲刺二季度"),
    ]


def test_a_goal_clause_stays_in_its_sentence_and_purpose_clauses_are_left_out() -> None:
    text = (
        "昆明市委书记刘洪建强调,要狠抓落实,确保全年目标任务圆满完成,为全省发展作出贡献。\n"
        "刘洪建表示,今年全市计划新建保障房5000套,确保困难群众住有所居。"
        "2025年底,力争新增就业2万人。"
    )
    assert directives_of(text) == [
        ("刘洪建", "要狠抓落实,确保全年目标任务圆满完成"),
        ("刘洪建", "今年全市计划新建保障房5000套,确保困难群众住有所居"),
        ("刘洪建", "2025年底,力争新增就业2万人"),
    ]


def test_a_goal_clause_ending_an_elaboration_belongs_to_its_item() -> None:
    text = (
        "贺州市委书记梁锐表示,一要着力稳住工业。加强企业帮扶,确保规上工业增长8%。"
        "确保新投产企业20家。二要着力扩大投资。"
    )
    assert directives_of(text) == [
        ("梁锐", "一要着力稳住工业"),
        ("梁锐", "确保新投产企业20家"),
        ("梁锐", "二要着力扩大投资"),
    ]


def test_a_named_body_that_commits_is_the_issuer_and_a_pronoun_is_the_speaker() -> None:
    text = "“江阴市将全力以赴抓项目。”江阴市委书记许峰说。许峰表示,我们要持续优化营商环境。"
    assert directives_of(text) == [
        ("江阴市", "江阴市将全力以赴抓项目"),
        ("许峰", "我们要持续优化营商环境"),
    ]


def test_the_speaker_is_carried_across_paragraphs_of_an_interview() -> None:
    text = (
        "奋力打造开放高地\n——访青岛市黄岛区委书记周安\n"
        "着力建设国际航运枢纽。加快推进港口设施升级。\n"
        "坚持创新驱动发展。力争新增高新技术企业100家。\n"
    )
    found = directives_of(text)
    assert {issuer for issuer, _ in found} == {"周安"}
    assert [t for _, t in found] == [
        "着力建设国际航运枢纽",
        "坚持创新驱动发展",
        "力争新增高新技术企业100家",
    ]


def test_reports_of_what_was_done_are_not_directives() -> None:
    text = "温州市委书记张振丰表示,今年以来,全市已有21个项目开工建设,经济运行稳中向好。"
    assert directives_of(text) == []


def test_continuing_modals_stay_in_the_same_directive() -> None:
    text = "长沙市委书记吴桂英强调,要抓招商引资,更要抓落地见效。"
    assert directives_of(text) == [("吴桂英", "要抓招商引资,更要抓落地见效")]


def test_without_a_speaker_a_commitment_belongs_to_the_body_the_sentence_opens_with() -> None:
    text = "今年以来,滨海新区牢固树立项目为王理念,确保在建重大项目保持一定数量。"
    assert directives_of(text) == [("滨海新区", text[:-1])]  # the goal clause's sentence


def test_a_headline_ends_the_speaker_turn() -> None:
    text = "福州市委书记郭宁宁表示,要抓项目。\n鼓楼区召开重点工作推进会\n坚持项目为王。"
    assert directives_of(text) == [("郭宁宁", "要抓项目")]


def test_executive_meeting_items_listed_with_numbers_and_semicolons() -> None:
    text = (
        "会议强调,要重点抓好三方面工作:一是全面排查风险隐患,做到排查不留死角;"
        "二是从严从实抓好监管执法;三是加强应急值守。"
    )
    assert directives_of(text) == [  # the framing 要重点抓好三方面工作 only introduces them
        ("会议", "一是全面排查风险隐患,做到排查不留死角"),
        ("会议", "二是从严从实抓好监管执法"),
        ("会议", "三是加强应急值守"),
    ]


def test_a_meeting_named_after_its_body_and_items_on_their_own_lines() -> None:
    text = (
        "市政府常务会议强调,要抓好春季农业生产。\n会议要求:\n一是加强组织领导。\n"
        "二是压实工作责任,层层传导压力。\n区长刘伟出席会议并强调,要全力以赴抓项目。"
    )
    assert directives_of(text) == [
        ("会议", "要抓好春季农业生产"),
        ("会议", "一是加强组织领导"),
        ("会议", "二是压实工作责任,层层传导压力"),
        ("刘伟", "要全力以赴抓项目"),
    ]


def test_listed_bracketed_and_long_subjects_open_the_span() -> None:
    text = (
        "会议要求,市发展改革委、市工信局等部门要加强协调联动,形成工作合力。"
        "各县(市、区)要切实扛起主体责任。各级领导干部特别是主要负责同志要带头深入一线。"
    )
    assert directives_of(text) == [
        ("会议", "市发展改革委、市工信局等部门要加强协调联动,形成工作合力"),
        ("会议", "各县(市、区)要切实扛起主体责任"),
        ("会议", "各级领导干部特别是主要负责同志要带头深入一线"),
    ]


def test_a_body_committing_in_a_quote_is_not_a_meeting() -> None:
    text = "“我们将全面落实全会部署。”江北区委书记李明说,“江北区将坚定不移落实全会部署。”"
    assert ("江北区", "江北区将坚定不移落实全会部署") in directives_of(text)


def test_a_short_heading_sentence_heads_its_paragraph_and_the_elaboration_is_left_out() -> None:
    text = (
        "——访绵阳市涪城区委书记赵刚\n"
        "赵刚表示,涪城区将全力推进高质量发展。\n"
        "做强电子信息产业。加快建设智能终端产业园,完善配套服务体系。"
        "培育专精特新企业,2024年底,力争新增省级专精特新企业20家;"
        "深化产学研合作,推动创新平台落地,确保科技成果转化率提高5个百分点。"
        "坚持招大引强,全年引进亿元项目30个。\n"
    )
    assert [t for _, t in directives_of(text)] == [
        "涪城区将全力推进高质量发展",
        "做强电子信息产业",
        "坚持招大引强,全年引进亿元项目30个",
    ]


def test_a_named_body_heading_after_the_attribution_heads_the_paragraph() -> None:
    text = (
        "宜宾市叙州区委书记王强表示,叙州区将全力以赴抓工业。加快临港片区建设,"
        "力争全年工业投资增长15%;促进新能源汽车消费,办好汽车展销活动。"
    )
    assert directives_of(text) == [("叙州区", "叙州区将全力以赴抓工业")]


def test_a_paragraph_without_a_heading_keeps_every_commitment() -> None:
    text = (
        "九江市委书记吴晓军表示,加快推进长江岸线生态修复,统筹抓好沿江化工企业搬迁改造。"
        "大力发展文化旅游产业。"
    )
    assert [t for _, t in directives_of(text)] == [
        "加快推进长江岸线生态修复,统筹抓好沿江化工企业搬迁改造",
        "大力发展文化旅游产业",
    ]


def test_a_second_obligation_in_one_sentence_does_not_split_it() -> None:
    text = (
        "市长陈斌强调,要把数字经济作为转型的主引擎,要持续抓好产业链招商。"
        "物流工作要在降本增效上下功夫,交通部门要与园区加强协同。"
    )
    assert [t for _, t in directives_of(text)] == [
        "要把数字经济作为转型的主引擎,要持续抓好产业链招商",
        "物流工作要在降本增效上下功夫,交通部门要与园区加强协同",
    ]


def test_in_an_elaboration_a_modal_after_a_time_phrase_opens_the_sentence() -> None:
    text = "县委书记刘军表示,要抓项目。今年下半年,要新开工项目50个。全面推进在建项目。"
    assert [t for _, t in directives_of(text)] == ["要抓项目", "要新开工项目50个"]


def test_an_item_marker_standing_alone_opens_the_next_item() -> None:
    text = (
        "区委书记孙伟介绍,一方面将深入实施创新驱动战略,大力发展新兴产业。"
        "另一方面,全面落实优势再造战略,引导龙头企业做大做强。"
    )
    assert [t for _, t in directives_of(text)] == [
        "将深入实施创新驱动战略,大力发展新兴产业",
        "全面落实优势再造战略,引导龙头企业做大做强",
    ]


def test_in_an_elaboration_a_modal_after_a_long_clause_is_part_of_the_elaboration() -> None:
    text = (
        "县长周敏表示,一要着力深化改革。清单化推进营商环境、要素保障两项重点改革,"
        "务求取得实际效果,确保年底前全部完成。"
    )
    assert [t for _, t in directives_of(text)] == ["一要着力深化改革"]


def test_a_report_dateline_does_not_hide_the_body_that_commits() -> None:
    text = "本报讯(记者王芳)今年以来,开发区聚焦主导产业招商,确保全年新签约项目保持一定数量。"
    assert directives_of(text) == [
        ("开发区", "今年以来,开发区聚焦主导产业招商,确保全年新签约项目保持一定数量")
    ]


def test_a_report_sentence_without_a_subject_goes_on_about_its_paragraph_body() -> None:
    same_paragraph = (
        "谋划项目盯前期。经开区围绕新型基础设施等领域谋划重大项目。"
        "聚焦谋划项目,认真开展可行性研究,力求做到可争取、可招商。"
    )
    assert directives_of(same_paragraph) == [
        ("经开区", "聚焦谋划项目,认真开展可行性研究,力求做到可争取、可招商")
    ]
    next_paragraph = same_paragraph.replace("项目。聚焦", "项目。\n聚焦")
    assert directives_of(next_paragraph) == []


def test_a_slogan_list_after_a_colon_gives_one_directive_per_item() -> None:
    text = (
        "区委书记何平要求,围绕创新使命,紧盯发展目标,今后的工作思路就是:"
        "筑牢“一个根基”,做到“三个坚持”,建设“四个中心”。"
    )
    assert directives_of(text) == [
        ("何平", "筑牢“一个根基”"),
        ("何平", "做到“三个坚持”"),
        ("何平", "建设“四个中心”"),
    ]


def test_a_long_instruction_after_a_colon_keeps_its_clauses() -> None:
    text = "区长马骏强调:要紧盯全年目标任务不放松,全力稳住工业基本盘,加快项目建设。"
    assert directives_of(text) == [
        ("马骏", "要紧盯全年目标任务不放松,全力稳住工业基本盘,加快项目建设")
    ]


def test_who_commits_with_jiang_a_named_body_the_speaker_or_nobody() -> None:
    text = (
        "县长韦海峰表示,县政府将认真吸纳代表意见。高要区将坚持项目为王。"
        "全年我们将力争签约项目100个。全县党员干部将奋力冲刺四季度。\n"
        "企业代表、广西华锐科技有限公司董事长覃志刚表示,华锐公司将加大研发投入。"
        "公司将倒排工期,力争年底投产。\n"
        "县长韦海峰介绍,项目建成后,全县自来水普及率将提高到98%。"
        "此次开工项目22个,总投资61.8亿元,将为全县发展注入强劲动能。"
    )
    assert directives_of(text) == [
        ("县政府", "县政府将认真吸纳代表意见"),
        ("高要区", "高要区将坚持项目为王"),
        ("韦海峰", "我们将力争签约项目100个"),
        ("韦海峰", "全县党员干部将奋力冲刺四季度"),
        ("华锐公司", "华锐公司将加大研发投入"),
        ("覃志刚", "公司将倒排工期,力争年底投产"),
    ]


def test_a_notice_instructs_in_the_name_of_the_body_issuing_it() -> None:
    text = (
        "主题词:重点项目 投资\n"
        "丽江市人民政府办公室关于加快推进重点项目建设的通知\n"
        "各县(区)人民政府,市直各部门:\n"
        "现将有关事项通知如下,请结合实际认真贯彻落实。\n"
        "一、总体目标\n"
        "全年谋划储备亿元以上项目120个,力争固定资产投资增长7%。\n"
        "二、重点任务\n"
        "(一)强化要素保障。加强用地保障,确保项目按期开工。"
        "对纳入省级调度的项目,要实行专班推进。各县(区)要落实属地责任。\n"
        "丽江市人民政府办公室\n"
    )
    office = "丽江市人民政府办公室"
    assert directives_of(text) == [
        (office, "请结合实际认真贯彻落实"),
        (office, "全年谋划储备亿元以上项目120个,力争固定资产投资增长7%"),
        (office, "强化要素保障"),
        (office, "对纳入省级调度的项目,要实行专班推进"),
        (office, "各县(区)要落实属地责任"),
    ]


def test_a_pronoun_carries_on_the_speech_of_the_person_named_last() -> None:
    text = (
        "县委书记高峰出席会议并讲话,县长龚雪作工作部署。高峰强调,要稳增长。"
        "龚雪就下半年工作作具体部署。她要求,各部门要逐项梳理进度。"
    )
    assert directives_of(text) == [("高峰", "要稳增长"), ("龚雪", "各部门要逐项梳理进度")]


def test_framing_leads_and_projections_are_left_out_and_requests_are_instructions() -> None:
    text = (
        "县委书记潘涛强调,做好下半年工作,一要在稳增长上持续加力。紧盯关键指标,确保增长6%。"
        "二要在项目建设上攻坚突破。\n"
        "县长余辉表示,今年要重点抓好三件事:一要扩大有效投资,加快重点项目建设;"
        "二要办好民生实事。\n"
        "潘涛要求各部门加快经费核销,年底前执行率务必达到85%以上。"
        "董事长杨帆表示,公司将全力推进项目建设,力争明年投产,投产后预计年产值可达6亿元。"
    )
    assert directives_of(text) == [
        ("潘涛", "一要在稳增长上持续加力"),
        ("潘涛", "二要在项目建设上攻坚突破"),
        ("余辉", "一要扩大有效投资,加快重点项目建设"),
        ("余辉", "二要办好民生实事"),
        ("潘涛", "各部门加快经费核销,年底前执行率务必达到85%以上"),
        ("杨帆", "公司将全力推进项目建设,力争明年投产"),
    ]


def test_a_topic_lead_before_an_obligation_and_a_framing_count_are_left_out() -> None:
    text = (
        "市委书记何川强调,做好明年经济工作,要坚持稳中求进、以进促稳,重点抓好五个方面工作。"
        "围绕这些目标,今年的工作主要有三个方面。"
    )
    assert directives_of(text) == [("何川", "要坚持稳中求进、以进促稳")]


def test_a_quotation_opening_its_sentence_is_speech_and_adverbs_open_imperatives() -> None:
    text = (
        "总经理郑涛介绍,项目一期已完成设备安装。“下一步,公司将加快二期调试,力争年底前达产。”"
        "县委书记邱明强调,严格督查考核。精准开展招商引资。"
    )
    assert directives_of(text) == [
        ("郑涛", "公司将加快二期调试,力争年底前达产"),
        ("邱明", "严格督查考核"),
        ("邱明", "精准开展招商引资"),
    ]


def test_a_service_to_someone_belongs_to_the_commitment_an_abstract_purpose_does_not() -> None:
    text = (
        "区长龙飞表示,永川区将持续擦亮营商环境品牌,为投资者提供全生命周期服务。"
        "要狠抓落实,为全市发展作出更大贡献。"
    )
    assert directives_of(text) == [
        ("永川区", "永川区将持续擦亮营商环境品牌,为投资者提供全生命周期服务"),
        ("龙飞", "要狠抓落实"),
    ]


def test_a_place_phrase_opening_a_report_sentence_is_no_body() -> None:
    text = (
        "本报讯(记者张明)在位于高新区的年产500万片液晶面板项目现场,工人们正在加紧安装设备。"
        "项目负责人表示,将确保9月底前投产。"
    )
    assert directives_of(text) == []
