"""The report stage's data half: briefs (and their source texts) in, a Briefing out.

Order: overview, what changed since last week (when the archive says), region comparison,
dated articles by province › city, undated articles in a section of their own, the source
texts every [S#] points into, then problems. A date comes only from the brief (its text or
metadata), never from a file's modification time. A reprinted story is one entry that names
the other pages that carried it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from summarizer.archive.briefing import Reprint
from summarizer.archive.changes import SinceLastWeek
from summarizer.document import SourceDocument
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.models import Brief, Failure
from summarizer.prepare import prepare
from summarizer.report import overview
from summarizer.report.articles import Unit, article_block, one_line, web_url
from summarizer.report.compare import comparisons
from summarizer.report.evidence import Anchors, ArticleText
from summarizer.report.labels import text
from summarizer.report.model import (
    AnySection,
    Briefing,
    ComparisonSection,
    EvidenceSection,
    OverviewSection,
    Problem,
    ProblemsSection,
    RegionGroup,
    RegionsSection,
    SourceRef,
    UndatedSection,
)
from summarizer.report.since import since_section
from summarizer.text.regions import region_path

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_HEADER_CHARS = 300


@dataclass(frozen=True)
class Period:
    """Inclusive date bounds; None means open."""

    since: date | None = None
    until: date | None = None
    label: str | None = None

    @property
    def bounded(self) -> bool:
        return self.since is not None or self.until is not None

    def contains(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


def period_of(week: str | None, since: str | None, until: str | None) -> Period:
    """Parse --week 2023-W32 or --since/--until YYYY-MM-DD into a Period."""
    if week:
        match = _WEEK.match(week)
        if not match:
            raise ConfigurationError(f"--week {week!r}: write it as YYYY-Www, e.g. 2023-W32")
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            raise ConfigurationError(f"--week {week!r} does not exist") from None
        sunday = monday + timedelta(days=6)
        return Period(monday, sunday, f"{week} ({monday} – {sunday})")
    start, end = _parse_day(since, "--since"), _parse_day(until, "--until")
    if start and end and start > end:
        raise ConfigurationError(f"--since {since} is after --until {until}")
    label = f"{since or '…'} – {until or '…'}" if (since or until) else None
    return Period(start, end, label)


def _parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"{option} {value!r}: write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class SourceText:
    """What the briefing shows of a document besides its brief: texts, URL, path."""

    original: str
    articles: tuple[ArticleText, ...] = ()
    url: str | None = None
    path: str | None = None


def sources_of(
    documents: Iterable[SourceDocument], briefs: Iterable[Brief]
) -> dict[str, SourceText]:
    """The source texts of the summarized documents (prepared again: it is deterministic)."""
    wanted = {b.id for b in briefs}
    found = {}
    for document in documents:
        if document.id not in wanted:
            continue
        try:
            prepared = prepare(document)
        except SummarizerError:
            continue
        articles = tuple(ArticleText(a.text, a.offsets) for a in prepared.articles)
        found[document.id] = SourceText(prepared.original, articles, document.url, document.source)
    return found


@dataclass
class _Context:
    words: dict[str, str]
    language: str
    units: list[Unit] = field(default_factory=list)


def build_briefing(
    briefs: Iterable[Brief],
    failures: Iterable[Failure] = (),
    *,
    sources: Mapping[str, SourceText] | None = None,
    period: Period | None = None,
    warnings: Iterable[str] = (),
    language: str = "zh",
    generated_at: datetime | None = None,
    since: SinceLastWeek | None = None,
    reprints: Sequence[Reprint] = (),
) -> Briefing:
    """Articles dated within the period (and the undated ones), as a Briefing.

    `since` (from the archive) adds what changed since last week; `reprints` name the
    articles that repeat a story another article of the briefing tells in full.
    """
    period = period or Period()
    words = text(language)
    units = _units(list(briefs), sources or {}, period, reprints)
    sections = _sections(_Context(words, language, units), since)
    problems = _problems(failures, warnings, words)
    if problems is not None:
        sections.append(problems)
    return Briefing(
        title=words["title"],
        language=language,
        period=period.label or words["all_dates"],
        generated_at=(generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        backend=_backend_label(units),
        dated_articles=sum(u.day is not None for u in units),
        sections=sections,
        words=words,
    )


def _sections(ctx: _Context, since: SinceLastWeek | None) -> list[AnySection]:
    """Every section but problems; the source texts last, once every item has its anchor."""
    words, language = ctx.words, ctx.language
    dated = [u for u in ctx.units if u.day is not None]
    undated = [u for u in ctx.units if u.day is None]
    sections: list[AnySection] = [_overview(ctx)]
    if since is not None:
        sections.append(since_section(since, ctx.units, language))
    compared = comparisons(dated, language)
    if compared:
        sections.append(ComparisonSection(heading=words["comparison"], comparisons=compared))
    if dated:
        sections.append(RegionsSection(heading=words["regions"], groups=_groups(dated, language)))
    if undated:
        blocks = [article_block(u, language) for u in undated]
        sections.append(UndatedSection(heading=words["undated"], articles=blocks))
    texts = [t for u in ctx.units if (t := u.anchors.text(u.ref)) is not None]
    if texts:
        sections.append(EvidenceSection(heading=words["evidence"], texts=texts))
    return sections


def _units(
    briefs: list[Brief],
    sources: Mapping[str, SourceText],
    period: Period,
    reprints: Sequence[Reprint],
) -> list[Unit]:
    """One unit per article in the period (a reprint's copies left out), keyed S1… by date."""
    copies = {(c.document, c.article) for r in reprints for c in r.copies}
    also = {(r.kept, r.article): r.sources for r in reprints}
    pending = []
    for brief in briefs:
        source = sources.get(brief.id)
        for index in range(max(1, len(brief.articles))):
            day = _day(brief, index)
            if (brief.id, index) not in copies and (day is None or period.contains(day)):
                pending.append((brief, index, day, source))
    pending.sort(key=lambda p: (p[2] is None, p[2] or date.min, p[0].id, p[1]))
    return [
        _unit(b, i, d, s, f"S{n}", also.get((b.id, i), []))
        for n, (b, i, d, s) in enumerate(pending, start=1)
    ]


def _day(brief: Brief, index: int) -> date | None:
    article = brief.articles[index] if index < len(brief.articles) else None
    value = (article.date if article else None) or brief.date
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _unit(
    brief: Brief,
    index: int,
    day: date | None,
    source: SourceText | None,
    key: str,
    also: list[str],
) -> Unit:
    info = brief.articles[index] if index < len(brief.articles) else None
    article = source.articles[index] if source and index < len(source.articles) else None
    title = (info.title if info else None) or (brief.title if index == 0 else None) or brief.id
    body = article.text if article else ""
    header = source.original[:_HEADER_CHARS] if source else ""
    region = region_path(f"{title}\n{body}", header, info.region if info else None)
    ref = SourceRef(
        key=key,
        id=brief.id,
        title=one_line(title),
        date=day.isoformat() if day else None,
        region=region.parts(),
        meeting=bool(info and info.meeting),
        url=web_url(source.url if source else None),
        path=(source.path if source else None) or brief.source,
        also=[other for other in also if other != (brief.source or brief.id)],
    )
    metrics = [m for m in brief.metrics if m.article == index]
    return Unit(brief, index, day, ref, Anchors(key, article), metrics)


def _overview(ctx: _Context) -> OverviewSection:
    regions = {tuple(u.ref.region) for u in ctx.units if u.ref.region}
    return OverviewSection(
        heading=ctx.words["overview"],
        articles=len(ctx.units),
        regions=len(regions),
        meetings=sum(u.ref.meeting for u in ctx.units),
        figures=overview.region_figures(ctx.units, ctx.language),
        projects=overview.project_groups(ctx.units, ctx.words, ctx.language),
        directives=overview.main_directives(ctx.units),
    )


def _groups(units: list[Unit], language: str) -> list[RegionGroup]:
    grouped: dict[str, list[Unit]] = {}
    for unit in units:
        label = " › ".join(unit.ref.region[:2]) or text(language)["unknown_region"]
        grouped.setdefault(label, []).append(unit)
    return [
        RegionGroup(
            id=f"region-{n}", label=label, articles=[article_block(u, language) for u in members]
        )
        for n, (label, members) in enumerate(sorted(grouped.items()), start=1)
    ]


def _problems(
    failures: Iterable[Failure], warnings: Iterable[str], words: dict[str, str]
) -> ProblemsSection | None:
    failed = [Problem(id=f.id, message=one_line(f"{f.error}: {f.message}")) for f in failures]
    warned = [Problem(id="", message=one_line(w)) for w in warnings]
    if not failed and not warned:
        return None
    return ProblemsSection(heading=words["problems"], failures=failed, warnings=warned)


def _backend_label(units: list[Unit]) -> str:
    labels = {
        u.brief.provenance.backend + (f" / {m}" if (m := u.brief.provenance.model) else "")
        for u in units
    }
    return ", ".join(sorted(labels)) or "—"
