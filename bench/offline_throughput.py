"""Offline throughput: documents (and segmented articles) per second for prepare + extract.

Single process, one event loop, the offline backend, the seed articles cycled to --count
documents (default 1,000), then the dev set's 28 pages (other provinces: 繁體, full-width,
hard-wrapped, several items a page) cycled the same way. Import time and a cold first
brief are timed in fresh interpreters. A warm-up pass over the seeds loads the cue tables
first. Peak
memory: the process's ru_maxrss, and tracemalloc's peak over a second, traced pass (tracing
slows Python down, so that pass is not timed). The machine may be shared: the CPU-time rate
(documents per CPU second of this process) is printed beside the wall-clock rate, and the
load average before the run is recorded.

    .venv/bin/python -m bench.offline_throughput [--count 1000] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench._common import SEEDS, load_seeds, peak_rss_mib, repeated, summary, write_result
from summarizer.backends import Backend, create_backend
from summarizer.document import SourceDocument
from summarizer.prepare import prepare
from summarizer.settings import resolve_settings

GOAL = "≥ 50"  # issue 15's floor, everything on; the seeds ran at ~250 before the view
DEVSET = SEEDS.parent / "devset" / "docs"
COLD = (
    "import sys, time; t = time.perf_counter(); import summarizer.prepare, summarizer.rules; "
    "i = time.perf_counter() - t; from summarizer import summarize; "
    "summarize(open(sys.argv[1], 'rb').read(), backend='offline'); "
    "print(i, time.perf_counter() - t)"
)


async def prepare_and_extract(documents: list[SourceDocument], backend: Backend) -> int:
    """Run prepare + extract over every document; return how many articles were extracted."""
    articles = 0
    for document in documents:
        prepared = prepare(document)
        await backend.extract(prepared)
        articles += len(prepared.articles)
    return articles


def timed_pass(documents: list[SourceDocument], backend: Backend) -> tuple[float, float, int]:
    """Wall time, CPU time of this process, and the article count of one pass."""
    started, cpu_started = time.perf_counter(), time.process_time()
    articles = asyncio.run(prepare_and_extract(documents, backend))
    return time.perf_counter() - started, time.process_time() - cpu_started, articles


def traced_peak_mib(documents: list[SourceDocument], backend: Backend) -> float:
    """tracemalloc's peak of Python allocations during one pass, in MiB."""
    tracemalloc.start()
    try:
        asyncio.run(prepare_and_extract(documents, backend))
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def cold_start(page: Path) -> tuple[float, float]:
    """Seconds to import prepare + rules, and to the first brief, in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(page)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def devset_rate(count: int, backend: Backend) -> float | None:
    """Pages per second over the dev set's documents cycled to `count` (None without it)."""
    pages = sorted(DEVSET.glob("*.txt"))
    if not pages:
        return None
    documents = repeated([(p.stem, p.read_bytes()) for p in pages], count)
    seconds, _, _ = timed_pass(documents, backend)
    return round(count / seconds, 1)


def run(count: int, seeds_folder: Path, trace: bool) -> dict[str, Any]:
    """Measure and return the figures."""
    seeds = load_seeds(seeds_folder)
    import_seconds, first_brief_seconds = cold_start(sorted(seeds_folder.glob("*.txt"))[0])
    load_before = os.getloadavg()[0]
    backend = create_backend(resolve_settings(backend="offline"))
    warm_up, _, _ = timed_pass(repeated(seeds, len(seeds)), backend)
    documents = repeated(seeds, count)
    seconds, cpu_seconds, articles = timed_pass(documents, backend)
    figures: dict[str, Any] = {
        "documents": count,
        "articles": articles,
        "seconds": round(seconds, 3),
        "documents_per_second": round(count / seconds, 1),
        "articles_per_second": round(articles / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 3),
        "documents_per_cpu_second": round(count / cpu_seconds, 1),
        "load_average_before": round(load_before, 2),
        "warm_up_seconds": round(warm_up, 3),
        "devset_pages_per_second": devset_rate(count // 2, backend),
        "import_seconds": round(import_seconds, 3),
        "cold_first_brief_seconds": round(first_brief_seconds, 3),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }
    if trace:
        figures["tracemalloc_peak_mib"] = round(traced_peak_mib(documents, backend), 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed .txt files")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args()
    figures = run(args.count, args.seeds, trace=not args.no_trace)
    name = "offline_throughput"
    lines = [
        summary(name, "seed documents/s (prepare + extract)", figures["documents_per_second"],
                "docs/s", GOAL),
        summary(name, "seed documents per CPU second (less sensitive to a busy machine)",
                figures["documents_per_cpu_second"], "docs/CPU-s"),
        summary(name, "segmented articles/s", figures["articles_per_second"], "articles/s"),
        summary(name, "dev-set pages/s (other provinces, every form)",
                figures["devset_pages_per_second"], "pages/s", GOAL),
        summary(name, "import of prepare + rules (fresh interpreter)",
                figures["import_seconds"], "s"),
        summary(name, "first brief from a cold start (import, tables, one page)",
                figures["cold_first_brief_seconds"], "s"),
        summary(name, f"wall time for {figures['documents']} documents", figures["seconds"], "s"),
        summary(name, "peak RSS (ru_maxrss)", figures["peak_rss_mib"], "MiB"),
    ]
    if "tracemalloc_peak_mib" in figures:
        lines.append(
            summary(name, "tracemalloc peak", figures["tracemalloc_peak_mib"], "MiB")
        )
    write_result(name, figures, lines)


if __name__ == "__main__":
    main()
