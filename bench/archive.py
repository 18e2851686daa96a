"""Archive speed: insert 100 000 synthetic items, then time history and since-last-week queries.

Synthetic briefs (written here, no extractor): D documents of 50 items each (5 speakers,
10 directives, 25 metrics, 10 projects) over 52 weeks, drawn from 40 regions, 400 projects,
60 indicators and 300 people, so that timelines have a few hundred entries. Every document
text is distinct, so each article gets its own fingerprint and LSH bands. Prints the insert
rate and the median of 20 runs of each query.

    .venv/bin/python -m bench.archive [--items 100000] [--db URL]  (default: a temp SQLite file)

Results go to bench/results/archive-sqlite.json or archive-postgresql.json.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench._common import summary, write_result
from summarizer.archive import Archive
from summarizer.models import (
    ArticleInfo,
    Brief,
    Directive,
    Evidence,
    Metric,
    MetricKind,
    Project,
    ProjectStatus,
    Provenance,
    Speaker,
)

ITEMS_PER_DOCUMENT = 50
_STATUSES = [ProjectStatus.SIGNED, ProjectStatus.STARTED, ProjectStatus.UNDER_CONSTRUCTION]
_KINDS = [MetricKind.ACTUAL, MetricKind.CHANGE, MetricKind.TARGET]
_PERIODS = ["一季度", "上半年", "前三季度", "全年", "1-10月"]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "建国志强海峰晓明立群思远红军卫华文博嘉敏"


class _Writer:
    """Builds one document text and the evidence of each sentence in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def say(self, sentence: str, quote: str) -> Evidence:
        start = self.length + sentence.index(quote)
        self.parts.append(sentence)
        self.length += len(sentence)
        return Evidence(quote=quote, start=start, end=start + len(quote))

    def text(self) -> str:
        return "".join(self.parts)


def synthetic_brief(n: int, rng: random.Random) -> tuple[Brief, str]:
    """Document n: 50 items in one article of a random region and week."""
    region = f"第{rng.randrange(40)}县"
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(364))
    w = _Writer()
    w.say(f"{day.isoformat()}，{region}召开第{n}次工作推进会（编号{n}）。", region)
    speakers = []
    for _ in range(5):
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
        title = f"{region}委书记" if rng.random() < 0.5 else "副县长"
        speakers.append(
            Speaker(name=name, title=title, evidence=w.say(f"{title}{name}讲话。", name))
        )
    directives = []
    for i in range(10):
        text = f"要抓好第{rng.randrange(10_000)}项重点工作第{i}条"
        directives.append(
            Directive(issuer=speakers[0].name, text=text, evidence=w.say(f"{text}。", text))
        )
    metrics = []
    for _ in range(25):
        indicator, value = f"指标{rng.randrange(60)}", round(rng.uniform(1, 900), 1)
        quote = f"{indicator}{value}亿元"
        metrics.append(
            Metric(
                indicator=indicator,
                value=value,
                unit="亿元",
                kind=rng.choice(_KINDS),
                period=rng.choice(_PERIODS),
                normalized_value=value * 1e8,
                normalized_unit="CNY",
                evidence=w.say(f"{quote}。", quote),
            )
        )
    projects = []
    for _ in range(10):
        name = f"{region}第{rng.randrange(10)}号产业园项目"
        projects.append(
            Project(name=name, status=rng.choice(_STATUSES), evidence=w.say(f"{name}推进。", name))
        )
    text = w.text()
    when = datetime(2024, 1, 1, tzinfo=UTC)
    brief = Brief(
        id=f"doc-{n}",
        title=f"{region}第{n}次工作推进会",
        date=day.isoformat(),
        source=f"doc-{n}.txt",
        articles=[
            ArticleInfo(
                title=f"{region}第{n}次工作推进会",
                date=day.isoformat(),
                start=0,
                end=len(text),
                region=region,
            )
        ],
        speakers=speakers,
        directives=directives,
        metrics=metrics,
        projects=projects,
        provenance=Provenance(backend="offline", started_at=when, finished_at=when),
    )
    return brief, text


def median_seconds(run: Callable[[], Any], times: int = 20) -> tuple[float, Any]:
    values, result = [], None
    for _ in range(times):
        start = time.perf_counter()
        result = run()
        values.append(time.perf_counter() - start)
    return statistics.median(values), result


def measure(count: int, url: str) -> dict[str, Any]:
    rng = random.Random(18)
    documents = [synthetic_brief(n, rng) for n in range(count // ITEMS_PER_DOCUMENT)]
    with Archive(url) as archive:
        start = time.perf_counter()
        for brief, text in documents:
            archive.add(brief, text)
        insert_s = time.perf_counter() - start
        items = archive.counts()["items"]
        queries = {
            "project timeline (exact name)": lambda: archive.project_timeline(
                "第7县第3号产业园项目"
            ),
            "project timeline (part of a name)": lambda: archive.project_timeline("3号产业园"),
            "indicator timeline, one region": lambda: archive.indicator_timeline("指标12", "第7县"),
            "since last week": lambda: archive.since_last_week("2024-W30"),
        }
        timed = {name: median_seconds(run) for name, run in queries.items()}
    lines = [
        summary("archive", f"insert {items:,} items ({len(documents):,} documents)", insert_s, "s"),
        summary("archive", "insert rate", items / insert_s, "items/s"),
    ]
    figures: dict[str, Any] = {"items": items, "documents": len(documents), "insert_s": insert_s}
    for name, (seconds, result) in timed.items():
        size = len(result) if isinstance(result, list) else len(result.status_moves)
        lines.append(
            summary("archive", f"{name}, median of 20 ({size} rows)", seconds * 1000, "ms")
        )
        figures[name] = {"median_ms": seconds * 1000, "rows": size}
    dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
    write_result(f"archive-{dialect}", figures, lines)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="archive URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    if args.db:
        measure(args.items, args.db)
        return
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-") as folder:
        measure(args.items, f"sqlite:///{Path(folder) / 'archive.sqlite3'}")


if __name__ == "__main__":
    main()
