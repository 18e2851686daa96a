"""Hand-built briefs for the report tests (no extractor involved)."""

from __future__ import annotations

from datetime import UTC, datetime

from summarizer.models import (
    ArticleInfo,
    Brief,
    Directive,
    Evidence,
    Failure,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Provenance,
    Speaker,
)

WHEN = datetime(2023, 8, 14, 9, 0, tzinfo=UTC)
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


def _ev(quote: str, start: int) -> Evidence:
    return Evidence(quote=quote, start=start, end=start + len(quote))


def _provenance() -> Provenance:
    return Provenance(backend="offline", started_at=WHEN, finished_at=WHEN)


def meeting_brief() -> Brief:
    return Brief(
        id="gaoxin-0811",
        title="郑州高新区高质量发展推进会召开",
        date="2023-08-11",
        source="seeds/000.txt",
        articles=[ArticleInfo(title="推进会", start=0, end=900, region="郑州高新区", meeting=True)],
        speakers=[
            Speaker(name="张红军", title="郑州高新区党工委书记", evidence=_ev("张红军", 10)),
            Speaker(name="郭程明", title="党工委副书记、管委会主任", evidence=_ev("郭程明", 40)),
        ],
        directives=[
            Directive(
                issuer="张红军", text="要抓“双招双引”,更要抓落地见效", evidence=_ev("要抓", 100)
            ),
            Directive(issuer="会议", text="要守牢安全\n\n底线", evidence=_ev("要守牢", 150)),
        ],
        metrics=[
            Metric(
                indicator="地区生产总值",
                value=302.3,
                unit="亿元",
                kind=MetricKind.ACTUAL,
                period="上半年",
                normalized_value=3.023e10,
                normalized_unit="CNY",
                evidence=_ev("302.3亿元", 200),
            ),
            Metric(
                indicator="地区生产总值",
                value=7.5,
                unit="%",
                kind=MetricKind.CHANGE,
                period="上半年",
                normalized_value=0.075,
                normalized_unit="fraction",
                evidence=_ev("7.5%", 220),
            ),
            Metric(
                indicator="总投资",
                value=90.7,
                unit="亿元",
                kind=MetricKind.ACTUAL,
                period=None,
                evidence=_ev("总投资90.7亿元", 300),
            ),
        ],
        projects=[
            Project(
                name="瑞庆混动发动机项目",
                status=ProjectStatus.UNDER_CONSTRUCTION,
                evidence=_ev("瑞庆混动发动机项目", 320),
            ),
            Project(
                name="玉溪路小学", status=ProjectStatus.PLANNED, evidence=_ev("玉溪路小学", 500)
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
        provenance=_provenance(),
    )


def hostile_brief() -> Brief:
    """Article text that tries to run script in the HTML briefing."""
    return Brief(
        id="hostile",
        title=HOSTILE,
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
