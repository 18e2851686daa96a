"""Hand-built briefs for the report tests (no extractor involved)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from summarizer.archive.briefing import Reprint
from summarizer.archive.changes import (
    FigureChange,
    NewProject,
    SinceLastWeek,
    StatusMove,
    TargetVsActual,
)
from summarizer.models import (
    ArticleInfo,
    Brief,
    Directive,
    Evidence,
    Failure,
    Metric,
    MetricKind,
    Money,
    Project,
    ProjectStatus,
    Provenance,
    Speaker,
)
from summarizer.report.evidence import ArticleText
from summarizer.report.weekly import SourceText

WHEN = datetime(2023, 8, 14, 9, 0, tzinfo=UTC)
# Written for these tests (an invented meeting report).
MEETING_TEXT = (
    "郑州高新区召开高质量发展推进会\n"
    "8月11日，郑州高新区召开推进会。张红军主持会议。上半年，全区地区生产总值完成302.3亿元，"
    "同比增长7.5%。签约项目总投资约42亿元。\n"
    "瑞庆混动发动机项目总投资90.7亿元，正在加快建设。张红军强调，要抓“双招双引”,更要抓落地见效。"
    "会议要求，要守牢安全\n\n底线。"
)


def _at(quote: str) -> Evidence:
    start = MEETING_TEXT.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def meeting_source() -> SourceText:
    offsets = tuple(range(len(MEETING_TEXT)))
    return SourceText(
        original=MEETING_TEXT,
        articles=(ArticleText(MEETING_TEXT, offsets),),
        url="https://example.org/gaoxin?a=1&b=2",
        path="seeds/000.txt",
    )


HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


def _ev(quote: str, start: int) -> Evidence:
    return Evidence(quote=quote, start=start, end=start + len(quote))


def _provenance() -> Provenance:
    return Provenance(backend="offline", started_at=WHEN, finished_at=WHEN)


def meeting_brief() -> Brief:
    return Brief(
        id="gaoxin-0811",
        title="郑州高新区召开高质量发展推进会",
        date="2023-08-11",
        source="seeds/000.txt",
        articles=[
            ArticleInfo(
                title="郑州高新区召开高质量发展推进会",
                start=0,
                end=len(MEETING_TEXT),
                region="郑州高新区",
                meeting=True,
            )
        ],
        speakers=[
            Speaker(name="张红军", title="郑州高新区党工委书记", evidence=_at("张红军主持")),
            Speaker(name="郭程明", title="党工委副书记、管委会主任", evidence=_at("张红军")),
        ],
        directives=[
            Directive(
                issuer="张红军",
                text="要抓“双招双引”,更要抓落地见效",
                evidence=_at("要抓“双招双引”,更要抓落地见效"),
            ),
            Directive(issuer="会议", text="要守牢安全\n\n底线", evidence=_at("要守牢安全\n\n底线")),
        ],
        metrics=[
            Metric(
                indicator="地区生产总值",
                value=302.3,
                unit="亿元",
                kind=MetricKind.ACTUAL,
                period="上半年",
                dated_period="2023年上半年",
                normalized_value=3.023e10,
                normalized_unit="CNY",
                evidence=_at("全区地区生产总值完成302.3亿元"),
            ),
            Metric(
                indicator="地区生产总值增速",
                value=7.5,
                unit="%",
                kind=MetricKind.CHANGE,
                period="上半年",
                dated_period="2023年上半年",
                normalized_value=0.075,
                normalized_unit="fraction",
                evidence=_at("同比增长7.5%"),
            ),
            Metric(
                indicator="签约项目总投资",
                value=42,
                unit="亿元",
                kind=MetricKind.ACTUAL,
                qualifier="约",
                normalized_value=4.2e9,
                normalized_unit="CNY",
                evidence=_at("签约项目总投资约42亿元"),
            ),
        ],
        projects=[
            Project(
                name="瑞庆混动发动机项目",
                status=ProjectStatus.STARTED,
                evidence=_at("瑞庆混动发动机项目"),
                investment=Money(
                    value=90.7,
                    unit="亿元",
                    normalized_value=9.07e9,
                    normalized_unit="CNY",
                    evidence=_at("总投资90.7亿元"),
                ),
            ),
        ],
        provenance=_provenance(),
    )


def other_zhang_brief() -> Brief:
    """Same name, another organization: must stay a separate person."""
    return Brief(
        id="guancheng-1220",
        title="全会精神引发热烈反响",
        date="2023-08-09",
        source="https://example.org/a?x=1&y=2",
        articles=[ArticleInfo(start=0, end=500, region="管城区", meeting=False)],
        speakers=[
            Speaker(name="张红军", title="管城区北下街街道党工委书记", evidence=_ev("张红军", 5)),
            Speaker(name="郭程明", title=None, evidence=_ev("郭程明", 60)),
        ],
        directives=[
            Directive(issuer="张红军", text="要不断强化招商引资", evidence=_ev("要不断", 30))
        ],
        metrics=[
            Metric(
                indicator="GDP增速",
                value=6.1,
                unit="%",
                kind=MetricKind.CHANGE,
                period="上半年",
                normalized_value=0.061,
                normalized_unit="fraction",
                evidence=_ev("增长6.1%", 80),
            )
        ],
        provenance=_provenance(),
    )


def hostile_brief() -> Brief:
    """Article text that tries to run script in the HTML briefing."""
    return Brief(
        id="hostile",
        title=HOSTILE + "\x0b\x01",
        date=None,
        source="inbox/hostile.html",
        articles=[ArticleInfo(title=HOSTILE, start=0, end=200)],
        speakers=[Speaker(name="李四", title=HOSTILE, evidence=_ev("李四", 0))],
        directives=[Directive(issuer="李四", text=f"要{HOSTILE}", evidence=_ev("要", 3))],
        projects=[
            Project(name=f"{HOSTILE}项目", status=ProjectStatus.UNKNOWN, evidence=_ev("x", 9))
        ],
        provenance=_provenance(),
    )


def sample_failures() -> list[Failure]:
    return [Failure(id="empty", source="inbox/empty.txt", error="InputError", message="empty")]


EARLIER = "https://example.org/earlier?a=1&b=(2)"


def sample_since() -> SinceLastWeek:
    """What the archive would say of week 2023-W32: this week's sides quote the meeting brief
    (so they cite it); the earlier sides are in no article of the briefing (a page, a file)."""
    week = {"since": date(2023, 8, 7), "until": date(2023, 8, 13)}
    return SinceLastWeek(
        week="2023-W32",
        **week,
        last_before=date(2023, 8, 2),
        status_moves=[
            StatusMove(
                name="瑞庆混动发动机项目",
                region="郑州高新区",
                before="signed",
                before_day=date(2023, 8, 2),
                before_quote="瑞庆混动发动机项目正式签约",
                before_sources=[EARLIER],
                now="started",
                now_day=date(2023, 8, 11),
                quote="瑞庆混动发动机项目",
                sources=["seeds/000.txt"],
            )
        ],
        new_projects=[
            NewProject(
                name="智能传感器*产业园",
                region="郑州高新区",
                status="signed",
                investment=4.2e9,
                day=date(2023, 8, 11),
                quote="签约项目总投资约42亿元",
                sources=["inbox/other.txt"],
            )
        ],
        targets=[
            TargetVsActual(
                indicator="地区生产总值增速",
                region="郑州高新区",
                target="7%",
                target_period="2023年全年",
                target_day=date(2023, 2, 20),
                target_quote="全年地区生产总值增长7%",
                target_sources=["inbox/plan.txt", EARLIER],
                actual="7.5%",
                actual_kind="change",
                actual_period="2023年上半年",
                actual_day=date(2023, 8, 11),
                quote="同比增长7.5%",
                sources=["seeds/000.txt"],
            )
        ],
        figures=[
            FigureChange(
                indicator="地区生产总值",
                region="郑州高新区",
                kind="actual",
                before="290亿元",
                before_period="2023年上半年",
                before_day=date(2023, 7, 30),
                before_quote="地区生产总值完成290亿元",
                before_sources=[EARLIER],
                now="302.3亿元",
                now_period="2023年上半年",
                now_day=date(2023, 8, 11),
                revised=True,
                quote="全区地区生产总值完成302.3亿元",
                sources=["seeds/000.txt"],
            )
        ],
    )


def sample_reprints() -> list[Reprint]:
    """The meeting was reprinted by a paper and saved as a file: one entry, three sources."""
    sources = ["https://paper.example.cn/2023/0812/03.html?a=1&b=2", "inbox/copy.txt"]
    return [Reprint(title=None, kept="gaoxin-0811", sources=["seeds/000.txt", *sources])]
