"""Projects of the offline extractor, on synthetic sentences of the genre."""

from __future__ import annotations

from _offline_docs import one_article

from summarizer.document import Article, PreparedDocument
from summarizer.models import ProjectStatus
from summarizer.rules.projects import extract_projects, merge_projects


def projects_of(text: str) -> dict[str, ProjectStatus]:
    document = one_article(text)
    found = merge_projects(extract_projects(document, document.articles[0]))
    for project in found:
        assert project.evidence.quote == project.name
    return {p.name: p.status for p in found}


def test_items_listed_before_a_project_category_are_separate_projects() -> None:
    text = "南昌西站综合体、赣江大桥等重大基础设施项目在紧张施工。"
    assert projects_of(text) == {
        "南昌西站综合体": ProjectStatus.UNDER_CONSTRUCTION,
        "赣江大桥": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_generic_categories_and_slogan_programmes_are_not_projects() -> None:
    text = "推动“三十工程”加快建设,抓好民生项目和重点项目,实施“两新”项目。"
    assert projects_of(text) == {}


def test_status_comes_from_the_nearby_verb() -> None:
    text = (
        "谋划建设长沙临空经济产业园。签约武汉光谷生物城项目。"
        "青岛胶东机场二期项目正式开工。合肥滨湖科学城已建成。"
    )
    assert projects_of(text) == {
        "长沙临空经济产业园": ProjectStatus.PLANNED,
        "武汉光谷生物城项目": ProjectStatus.SIGNED,
        "青岛胶东机场二期项目": ProjectStatus.STARTED,
        "合肥滨湖科学城": ProjectStatus.COMPLETED,
    }


def test_organisations_with_weak_endings_need_a_construction_context() -> None:
    assert projects_of("政务服务中心、投资促进中心代表作交流发言。") == {}
    assert projects_of("加快西部国际医学中心建设。") == {
        "西部国际医学中心": ProjectStatus.UNDER_CONSTRUCTION
    }


def test_and_splits_two_named_projects_but_not_a_single_name() -> None:
    text = "加快谋划建设国际冷链物流港和现代食品产业园,推进锂和钠系列产品研发等项目建设。"
    names = set(projects_of(text))
    assert {"国际冷链物流港", "现代食品产业园", "锂和钠系列产品研发"} <= names


def test_counts_of_projects_are_not_project_names() -> None:
    assert projects_of("一季度签约引进40多个项目,现有21个项目开工建设。") == {}


def test_a_concentrated_start_lists_phases_sections_and_works_with_their_verb() -> None:
    text = (
        "4月10日,合肥市第二批重大项目集中开工。合肥新桥国际机场T2航站楼、合肥轨道交通7号线一期、"
        "合肥长鑫二期、肥东县第一人民医院新院区、数博大道南延伸段、"
        "金阳污水处理厂提标改造工程等6个项目正式开工建设。"
    )
    assert projects_of(text) == {
        "合肥新桥国际机场T2航站楼": ProjectStatus.STARTED,
        "合肥轨道交通7号线一期": ProjectStatus.STARTED,
        "合肥长鑫二期": ProjectStatus.STARTED,
        "肥东县第一人民医院新院区": ProjectStatus.STARTED,
        "数博大道南延伸段": ProjectStatus.STARTED,
        "金阳污水处理厂提标改造工程": ProjectStatus.STARTED,
    }


def test_the_last_verb_of_a_chain_and_main_works_done_are_statuses() -> None:
    text = (
        "巢湖市半汤温泉小镇建成投用,庐江县矾山文旅综合体主体完工,"
        "长丰县智能网联汽车产业园签约落地,白云区智能制造产业基地竣工投产。"
    )
    assert projects_of(text) == {
        "巢湖市半汤温泉小镇": ProjectStatus.OPERATING,  # 建成投用: in service
        "庐江县矾山文旅综合体": ProjectStatus.UNDER_CONSTRUCTION,
        "长丰县智能网联汽车产业园": ProjectStatus.SIGNED,
        "白云区智能制造产业基地": ProjectStatus.OPERATING,
    }


def test_a_goal_to_finish_is_under_construction_and_a_goal_to_start_is_planned() -> None:
    text = (
        "贵州大数据产业园一期计划总投资12亿元,力争年内建成投用;"
        "贵阳轨道交通3号线加快推进,预计明年投入运营;"
        "观山湖公园提升工程计划年内开工;全力保障南宁东站综合交通枢纽、"
        "五象新区会展中心等项目早日建成投产。"
    )
    assert projects_of(text) == {
        "贵州大数据产业园一期": ProjectStatus.UNDER_CONSTRUCTION,
        "贵阳轨道交通3号线": ProjectStatus.UNDER_CONSTRUCTION,
        "观山湖公园提升工程": ProjectStatus.PLANNED,
        "南宁东站综合交通枢纽": ProjectStatus.UNDER_CONSTRUCTION,
        "五象新区会展中心": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_batches_sectors_and_programmes_are_categories_not_projects() -> None:
    text = (
        "合肥市2024年第二批重大项目集中开工,全市重大项目建设加快推进,"
        "涵盖先进制造业、社会事业、城中村改造等项目。守住工程质量安全底线。"
        "加快推进中小学校建设和公立医院改革。"
    )
    assert projects_of(text) == {}


def test_a_verb_of_the_next_clause_belongs_to_the_name_it_governs() -> None:
    text = "以青岛西海岸新区智慧物流园等项目为突破口,加快谋划建设中日韩国际贸易港。"
    assert projects_of(text) == {
        "青岛西海岸新区智慧物流园": ProjectStatus.UNKNOWN,
        "中日韩国际贸易港": ProjectStatus.PLANNED,
    }


def test_projects_picked_out_with_qizhong_take_the_status_of_the_sentence_before() -> None:
    text = (
        "此次集中开工项目共49个,总投资326亿元。其中,南宁东站综合交通枢纽二期、"
        "五象新区会展中心等2个项目总投资均超20亿元。\n其中,邕宁区新能源电池材料产业园占地300亩。"
    )
    assert projects_of(text) == {
        "南宁东站综合交通枢纽二期": ProjectStatus.STARTED,
        "五象新区会展中心": ProjectStatus.STARTED,
        "邕宁区新能源电池材料产业园": ProjectStatus.UNKNOWN,
    }


def test_a_title_applied_for_or_awarded_is_a_designation() -> None:
    text = "积极创建滨江国家级旅游休闲街区,申报省级现代农业产业园,加快推进滨江湿地公园建设。"
    assert projects_of(text) == {"滨江湿地公园": ProjectStatus.UNDER_CONSTRUCTION}


def test_an_ambition_or_a_goal_noun_makes_a_positioning_not_a_project() -> None:
    text = (
        "锚定建设百亿级新材料产业园的目标,打造世界一流滨海科技园,"
        "朝着建成东湖数字产业园的奋斗目标迈进。加快西湖光电产业园建设。"
    )
    assert projects_of(text) == {"西湖光电产业园": ProjectStatus.UNDER_CONSTRUCTION}


def test_a_name_made_only_of_vision_words_is_a_positioning() -> None:
    text = "着力建设活力宜居新城。全力打造国际空港枢纽。加快建设南沙国际物流中心。"
    assert projects_of(text) == {"南沙国际物流中心": ProjectStatus.UNDER_CONSTRUCTION}


def test_a_field_of_effort_is_no_project_unless_the_name_has_a_strong_ending() -> None:
    text = "要在算力装置建设上走在前列,在滨河大道建设上加大投入。"
    assert projects_of(text) == {"滨河大道": ProjectStatus.UNDER_CONSTRUCTION}


def test_a_road_or_place_used_as_an_address_is_not_a_project() -> None:
    text = (
        "光谷智能终端产业园项目位于高新四路与光谷三路交叉口,在雄楚大道新建标准厂房,"
        "另一地块在和平街以东,今年开工建设。"
    )
    assert set(projects_of(text)) == {"光谷智能终端产业园项目"}


def test_a_place_glued_to_a_transport_mode_in_a_list_of_modes_is_not_a_railway() -> None:
    assert projects_of("充分发挥江北铁路、公路、水运和航空多式联运优势,加快物流发展。") == {}
    text = "加快推进沪宁铁路、宁芜高速公路建设。"
    assert set(projects_of(text)) == {"沪宁铁路", "宁芜高速公路"}


def test_roads_listed_before_a_category_of_works_are_the_sites_not_projects() -> None:
    text = "实施中山路、解放路等12个背街小巷整治项目,其中8个项目已经完工。"
    assert projects_of(text) == {}


def test_a_list_of_aspects_before_a_verb_is_not_a_list_of_projects() -> None:
    text = "要在用地、用能、资金等方面全力支持项目建设,涵盖冷链、快递等领域项目。"
    assert projects_of(text) == {}
    text = "滨湖大桥、东湖隧道等正在推进的项目进展顺利。"
    assert set(projects_of(text)) == {"滨湖大桥", "东湖隧道"}


def test_items_named_as_representatives_of_a_project_category_are_projects() -> None:
    text = "其中,以瑞丰新能源发动机为代表的重大产业项目进展迅速。"
    assert set(projects_of(text)) == {"瑞丰新能源发动机"}


def test_a_shortened_name_of_the_same_project_is_merged_into_the_full_one() -> None:
    text = (
        "观摩了瑞丰发动机、东湖大道等项目建设情况。以瑞丰新能源发动机为代表的重大产业项目进展迅速。"
    )
    assert set(projects_of(text)) == {"瑞丰新能源发动机", "东湖大道"}


def test_months_and_sub_district_offices_are_categories_before_generic_words() -> None:
    text = "听取1-3月项目建设情况汇报,以滨湖新城建设带动全办项目建设。"
    assert set(projects_of(text)) == {"滨湖新城"}


def test_a_facility_ending_before_project_is_a_name_not_a_place_category() -> None:
    text = "城东区妇幼保健院新院区项目总投资8亿元,计划年内开工。"
    assert set(projects_of(text)) == {"城东区妇幼保健院新院区项目"}


def test_supervision_sites_and_landmarks_are_project_endings() -> None:
    text = "加快启动海关指定监管场所、冷链仓建设。以湾区之眼建设为引领。"
    assert projects_of(text) == {
        "海关指定监管场所": ProjectStatus.PLANNED,
        "冷链仓": ProjectStatus.PLANNED,
        "湾区之眼": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_event_venues_and_slogans_with_project_are_not_projects() -> None:
    text = "重大项目集中开工活动在滨海区主会场举行。坚持项目为王,加快滨湖产业园建设。"
    assert set(projects_of(text)) == {"滨湖产业园"}


def test_name_boundaries_around_cathode_and_first_batch() -> None:
    text = (
        "本次开工的年产20万吨钠电池正极材料项目总投资30亿元。"
        "去年签约的临港装备配套产业园首批企业已竣工投产。"
    )
    assert set(projects_of(text)) == {"年产20万吨钠电池正极材料项目", "临港装备配套产业园"}


def test_a_company_project_is_named_from_the_company_s_first_character() -> None:
    text = (
        "签约项目包括江南锦程有色金属有限公司年产8万吨再生铜项目、"
        "青禾生物有机肥股份有限公司年产5万吨有机肥项目,由临江城市建设发展集团有限公司"
        "新城安置房项目同步开工。加快建设苍梧山汽车零部件有限公司智能制造基地。"
    )
    assert set(projects_of(text)) == {
        "江南锦程有色金属有限公司年产8万吨再生铜项目",
        "青禾生物有机肥股份有限公司年产5万吨有机肥项目",
        "临江城市建设发展集团有限公司新城安置房项目",
        "苍梧山汽车零部件有限公司智能制造基地",
    }


def test_stop_words_inside_place_names_do_not_cut_a_name() -> None:
    text = "开工项目有白沙中和中学教学楼、临川经济开发区污水处理厂提标改造工程等。"
    assert set(projects_of(text)) == {"白沙中和中学教学楼", "临川经济开发区污水处理厂提标改造工程"}


def test_supporting_works_joined_by_ji_are_part_of_the_name() -> None:
    assert set(projects_of("加快推进城西第二水厂及配套管网工程建设。")) == {
        "城西第二水厂及配套管网工程"
    }


def test_a_place_with_works_of_a_kind_or_an_ordinal_facility_is_one_project() -> None:
    text = "城南片区棚户区改造项目加快建设,石桥县第四中学已建成。全县重大项目加快推进。"
    assert set(projects_of(text)) == {"城南片区棚户区改造项目", "石桥县第四中学"}


def test_a_note_with_figures_after_a_name_is_not_part_of_it() -> None:
    text = "签约项目包括:青山湖文旅提升项目(总投资9.8亿元)、白鹭湾康养综合体项目(一期)。"
    assert set(projects_of(text)) == {"青山湖文旅提升项目", "白鹭湾康养综合体项目(一期)"}


def test_a_quoted_company_project_is_a_name_and_a_new_build_keeps_its_verb() -> None:
    text = "“宏远精密股份有限公司二厂扩建计画”已于5月动工,城东国小活动中心新建工程预计9月完工。"
    assert set(projects_of(text)) == {
        "宏远精密股份有限公司二厂扩建计画",
        "城东国小活动中心新建工程",
    }


def test_verbs_of_managing_projects_and_times_do_not_open_a_name() -> None:
    text = "全力冲刺项目建设,掀起项目建设新高潮,统筹协调项目推进中的问题,目前主体工程已完工。"
    assert projects_of(text) == {}


def test_a_table_row_names_its_project_in_the_name_cell_with_the_caption_s_status() -> None:
    text = (
        "本次集中开工项目一览\n"
        "1|青川锂电新材料有限公司年产5万吨正极材料项目|青川锂电新材料有限公司|30.5|购置智能生产线\n"
        "2|城北片区城市更新项目|区城投集团|12.0|新建社区服务综合楼\n"
    )
    assert projects_of(text) == {
        "青川锂电新材料有限公司年产5万吨正极材料项目": ProjectStatus.STARTED,
        "城北片区城市更新项目": ProjectStatus.STARTED,
    }


def test_a_stage_cell_gives_each_row_its_status() -> None:
    text = (
        "附件:重点项目清单\n序号 项目名称 建设地点 总投资(亿元) 建设阶段\n"
        "1 南岭县第二人民医院迁建项目 南岭县 9.8 续建\n2 南岭县城乡供水一体化工程 南岭县 6.4 前期\n"
    )
    assert projects_of(text) == {
        "南岭县第二人民医院迁建项目": ProjectStatus.UNDER_CONSTRUCTION,
        "南岭县城乡供水一体化工程": ProjectStatus.PLANNED,
    }


def test_table_rows_are_read_by_the_page_s_lines_even_when_the_text_joined_them() -> None:
    original = "项目一览\n1　东湖隧道　续建\n2　西山大桥　前期\n"
    kept = [i for i, ch in enumerate(original) if ch != "\n"]  # lines joined, as a rewrap would
    article = Article(index=0, text="".join(original[i] for i in kept), offsets=tuple(kept))
    document = PreparedDocument(id="t", original=original, articles=(article,))
    found = extract_projects(document, article)
    assert {p.name: p.status for p in found} == {
        "东湖隧道": ProjectStatus.UNDER_CONSTRUCTION,
        "西山大桥": ProjectStatus.PLANNED,
    }


def test_bodies_listed_before_deng_bumen_are_not_projects() -> None:
    text = "县住建局、县交通运输局等部门要对照项目清单逐项推进,市场监管局等单位负责项目验收。"
    assert projects_of(text) == {}


def test_an_area_used_as_a_venue_or_a_location_is_not_a_project() -> None:
    text = (
        "开工活动在位于江口绿色建材产业园的现场举行,签约项目全部落户石门科技园。"
        "加快石门智能装备产业园建设。"
    )
    assert projects_of(text) == {"石门智能装备产业园": ProjectStatus.UNDER_CONSTRUCTION}


def test_equipment_bought_for_a_project_is_no_project() -> None:
    text = "企业新购置的智能生产线已完成安装,将引进全自动智能生产线,力争明年3月实现首条产线投产。"
    assert projects_of(text) == {}


def test_praise_of_works_and_numbered_programmes_are_not_projects() -> None:
    text = (
        "把每一个项目都建成群众满意的精品工程,坚决杜绝“豆腐渣”工程。"
        "深入实施“双招双引”一号工程,举行二季度招商引资项目集中签约仪式。"
    )
    assert projects_of(text) == {}


def test_the_works_inside_one_project_and_its_phases_by_bare_project_are_parts() -> None:
    text = (
        "凤岭新材料项目总投资15亿元,主要建设原料车间、成品车间及仓储物流中心,"
        "打造成为公司在西南地区的核心生产基地。项目一期预计6月底试生产。"
    )
    assert set(projects_of(text)) == {"凤岭新材料项目"}


def test_a_status_word_that_opens_a_sentence_frames_the_names_it_lists() -> None:
    text = (
        "签约项目涵盖新材料、文旅等领域,主要包括:东江新材料有限公司高端铜箔项目(总投资12亿元)、"
        "白马湖文旅综合体项目(总投资6亿元)。本次开工项目包括城西污水处理厂扩建工程、"
        "南山路改造工程等。全县已签约项目40个,其中金峰科技产业园项目总投资28亿元。"
    )
    assert projects_of(text) == {
        "东江新材料有限公司高端铜箔项目": ProjectStatus.SIGNED,
        "白马湖文旅综合体项目": ProjectStatus.SIGNED,
        "城西污水处理厂扩建工程": ProjectStatus.STARTED,
        "南山路改造工程": ProjectStatus.STARTED,
        "金峰科技产业园项目": ProjectStatus.SIGNED,
    }


def test_a_stage_reached_after_a_condition_is_no_stage_and_early_work_is_planned() -> None:
    text = (
        "签约项目中,东江智能装备有限公司减速器项目总投资30亿元,投产后预计年产值达45亿元。"
        "要加快西湖通用机场前期研究。城南供热管网改造工程完成主体施工。"
    )
    assert projects_of(text) == {
        "东江智能装备有限公司减速器项目": ProjectStatus.SIGNED,
        "西湖通用机场": ProjectStatus.PLANNED,
        "城南供热管网改造工程": ProjectStatus.COMPLETED,
    }


def test_projects_pushed_on_a_schedule_or_with_investment_done_are_under_construction() -> None:
    text = (
        "紧盯城东大道北延工程、县妇幼保健院门诊楼等重点项目,倒排工期、挂图作战。"
        "青山水库扩容工程总投资8亿元,截至目前已完成投资5亿元。"
    )
    assert projects_of(text) == {
        "城东大道北延工程": ProjectStatus.UNDER_CONSTRUCTION,
        "县妇幼保健院门诊楼": ProjectStatus.UNDER_CONSTRUCTION,
        "青山水库扩容工程": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_a_company_s_short_name_with_the_same_ending_is_the_same_project() -> None:
    text = (
        "开工项目包括东江锦程新材料有限公司年产5万吨陶瓷釉料项目。"
        "其中,锦程新材料项目总投资15.2亿元。"
    )
    assert projects_of(text) == {
        "东江锦程新材料有限公司年产5万吨陶瓷釉料项目": ProjectStatus.STARTED
    }


def test_a_fuller_mention_without_a_verb_takes_the_status_of_a_shorter_one() -> None:
    text = "召开城乡供水一体化工程推进会。据介绍,南岭区城乡供水一体化工程总投资12.8亿元。"
    assert projects_of(text) == {"南岭区城乡供水一体化工程": ProjectStatus.UNDER_CONSTRUCTION}


def test_names_broken_by_a_line_of_the_page_merge_with_their_whole_form() -> None:
    original = "加快推进泉州市妇\n女儿童医院东海院区建设。确保妇女儿童医院东海院区年底完工。"
    kept = [i for i, ch in enumerate(original) if ch != "\n"]
    article = Article(index=0, text="".join(original[i] for i in kept), offsets=tuple(kept))
    document = PreparedDocument(id="t", original=original, articles=(article,))
    found = merge_projects(extract_projects(document, article))
    assert [p.name for p in found] == ["泉州市妇\n女儿童医院东海院区"]


def test_a_field_ranked_as_a_category_is_no_project_but_a_park_project_is() -> None:
    text = (
        "推动长江大保护重大工程、产业园区重点项目早落地。"
        "江北国际物流园区项目已完成投资12亿元,江北第一中学新校区复工,南湖物流园一期已建成投运。"
    )
    assert projects_of(text) == {
        "江北国际物流园区项目": ProjectStatus.UNDER_CONSTRUCTION,
        "江北第一中学新校区": ProjectStatus.UNDER_CONSTRUCTION,
        "南湖物流园一期": ProjectStatus.OPERATING,
    }


def test_projects_under_negotiation_are_planned_and_deadlines_are_not_names() -> None:
    text = (
        "正在洽谈的江南新锐储能科技有限公司储能电池项目已进入签约前最后阶段。"
        "请各单位于每月5日前报送项目进展,泉河生态廊道加快建设。"
    )
    assert projects_of(text) == {
        "江南新锐储能科技有限公司储能电池项目": ProjectStatus.PLANNED,
        "泉河生态廊道": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_a_zone_of_works_is_no_place_and_short_programmes_are_not_projects() -> None:
    text = (
        "实施强基工程、暖心工程。郑州新郑国际机场三期北货运区工程、"
        "郑州地铁10号线二期工程当天开工,比亚迪项目加快建设。"
    )
    assert projects_of(text) == {
        "郑州新郑国际机场三期北货运区工程": ProjectStatus.STARTED,
        "郑州地铁10号线二期工程": ProjectStatus.STARTED,
        "比亚迪项目": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_funded_programmes_and_works_across_a_whole_territory_are_categories() -> None:
    text = (
        "全县争取以工代赈项目3个,推进乡村振兴项目建设。2024年农村人居环境整治项目已完工,"
        "全县农村公路提质改造工程完成投资1.2亿元,城关镇老旧小区改造工程加快推进。"
    )
    assert projects_of(text) == {"城关镇老旧小区改造工程": ProjectStatus.UNDER_CONSTRUCTION}


def test_a_project_signed_by_a_company_with_a_government_is_named_without_them() -> None:
    text = "华科钴业股份有限公司与桐溪市人民政府签订年产5万吨三元前驱体项目投资协议。"
    assert projects_of(text) == {"年产5万吨三元前驱体项目": ProjectStatus.SIGNED}


def test_without_a_header_the_name_column_is_the_one_that_ends_like_names() -> None:
    text = (
        "今年新开工项目(节选)\n"
        "1|隆安县|南岭县第二人民医院迁建项目|9.8\n"
        "2|隆安县|南岭县城乡供水一体化工程|6.4\n"
        "3|马山县|马山县城东大道|3.1\n"
    )
    assert projects_of(text) == {
        "南岭县第二人民医院迁建项目": ProjectStatus.STARTED,
        "南岭县城乡供水一体化工程": ProjectStatus.STARTED,
        "马山县城东大道": ProjectStatus.STARTED,
    }


def test_a_consortium_or_a_builder_before_a_project_is_no_part_of_its_name() -> None:
    text = "由华建集团有限公司牵头的联合体中标城东污水处理厂扩建工程,该工程今年开工。"
    assert projects_of(text) == {"城东污水处理厂扩建工程": ProjectStatus.STARTED}


def test_who_builds_a_project_states_no_stage_of_it() -> None:
    text = (
        "由江北能源有限公司投资建设的江北抽水蓄能电站项目已于3月开工。"
        "中铁十局承建的沿河大道快速路工程已建成通车。"
    )
    assert projects_of(text) == {
        "江北抽水蓄能电站项目": ProjectStatus.STARTED,
        "沿河大道快速路工程": ProjectStatus.OPERATING,
    }
