"""The briefing's words: Chinese by default, English for foreign readers (`--lang en`)."""

from __future__ import annotations

from summarizer.models import MetricKind, ProjectStatus

LANGUAGES = ("zh", "en")

STATUS = {
    "zh": {
        ProjectStatus.PLANNED: "谋划",
        ProjectStatus.SIGNED: "签约",
        ProjectStatus.STARTED: "开工",
        ProjectStatus.UNDER_CONSTRUCTION: "在建",
        ProjectStatus.COMPLETED: "建成",
        ProjectStatus.OPERATING: "投产运营",
        ProjectStatus.UNKNOWN: "未明",
    },
    "en": {
        ProjectStatus.PLANNED: "planned",
        ProjectStatus.SIGNED: "signed",
        ProjectStatus.STARTED: "started",
        ProjectStatus.UNDER_CONSTRUCTION: "under construction",
        ProjectStatus.COMPLETED: "completed",
        ProjectStatus.OPERATING: "operating",
        ProjectStatus.UNKNOWN: "unknown",
    },
}

KIND = {
    "zh": {
        MetricKind.ACTUAL: "实际",
        MetricKind.CHANGE: "增减",
        MetricKind.TARGET: "目标",
        MetricKind.RANK: "排名",
        MetricKind.RATIO: "占比",
        MetricKind.GAP: "差距",
    },
    "en": {k: k.value for k in MetricKind},
}

_TEXT = {
    "title": ("每周简报", "Weekly briefing"),
    "period": ("时段", "Period"),
    "all_dates": ("全部日期", "all dates"),
    "generated": ("生成", "Generated"),
    "backend": ("提取方式", "Backend"),
    "overview": ("本周概览", "The week at a glance"),
    "toc": ("目录", "Contents"),
    "articles": ("篇报道", "articles"),
    "regions_n": ("个地区", "regions"),
    "meetings": ("场会议", "meetings"),
    "figures": ("各地主要数据", "Headline figures by region"),
    "projects": ("项目", "Projects"),
    "project_count": ("个", "projects"),
    "investment_total": ("披露总投资合计", "stated total investment"),
    "of_which_disclosed": ("其中披露投资", "with stated investment"),
    "main_directives": ("主要部署", "Main directives"),
    "since": ("较上周", "Since last week"),
    "since_status": ("项目进展", "Projects whose status moved"),
    "since_new": ("新项目（披露投资）", "New projects with stated investment"),
    "since_targets": ("目标与实际", "Targets and actuals"),
    "since_figures": ("数据变化", "Figures that changed"),
    "since_baseline": (
        "对比存档中此前各周的报道（最近一篇 {day}）。",
        "Compared with the earlier weeks in the archive (latest report: {day}).",
    ),
    "since_first": (
        "存档中没有本周以前的报道，无从对比。",
        "The archive holds nothing before this week: nothing to compare with.",
    ),
    "since_none": (
        "与此前各周相比，项目状态、目标和数据都没有变化。",
        "Against the earlier weeks, no project status, target or figure changed.",
    ),
    "revised": ("修订", "revised"),
    "also": ("另见", "Also in"),
    "comparison": ("地区对比", "Regions compared"),
    "comparison_note": (
        "同一指标有两个以上地区报告时列出；时期以原文为准。",
        "Listed where two or more regions report the same indicator; periods as written.",
    ),
    "regions": ("分地区报道", "By region"),
    "undated": ("未标日期的报道", "Undated articles"),
    "undated_note": (
        "正文和元数据都没有可确定的日期，未计入任何一周。",
        "Neither the text nor its metadata fixes a date; these are in no week.",
    ),
    "evidence": ("原文与出处", "Source texts"),
    "evidence_note": (
        "各条目的 [S#] 链接到此处原文中对应的句子（高亮）。",
        "Each [S#] links to its sentence, highlighted, in these texts.",
    ),
    "quotes": ("引文附录", "Quote appendix"),
    "quotes_note": (
        "各条目的 [S#] 链接到这里的引文；完整原文见 HTML 版简报。",
        "Each [S#] links to its quote here; the HTML briefing holds the full texts.",
    ),
    "problems": ("提示与未能处理的输入", "Warnings and failed inputs"),
    "failed": ("未能处理", "Failed"),
    "warning": ("提示", "Warning"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "change": ("增减", "Change"),
    "kind": ("类型", "Kind"),
    "period_col": ("时期", "Period"),
    "region": ("地区", "Region"),
    "source": ("出处", "Source"),
    "status": ("状态", "Status"),
    "project": ("项目", "Project"),
    "investment": ("总投资", "Investment"),
    "metrics": ("数据", "Figures"),
    "directives": ("部署要求", "Directives"),
    "people": ("发言人", "Speakers"),
    "none": ("无", "none"),
    "no_date": ("未标日期", "undated"),
    "unknown_region": ("地区未明", "region unknown"),
    "link": ("原文链接", "link"),
    "file": ("文件", "file"),
    "new": ("新签约", "Signed"),
    "started": ("新开工", "Started"),
    "completed": ("建成投产", "Completed or operating"),
    "meeting": ("会议", "meeting"),
}


def text(language: str) -> dict[str, str]:
    """Every fixed word of the briefing in `language`."""
    index = LANGUAGES.index(language)
    return {key: pair[index] for key, pair in _TEXT.items()}
