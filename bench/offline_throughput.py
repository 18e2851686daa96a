"""Offline throughput: documents (and segmented articles) per second for prepare + extract.

Single process, one event loop, the offline backend, the seed articles cycled to --count
documents (default 1,000). A warm-up pass over the seeds loads the cue tables first. Peak
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
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench._common import SEEDS, load_seeds, peak_rss_mib, repeated, summary, write_result
from summarizer.backends import Backend, create_backend
from summarizer.document import SourceDocument
from summarizer.prepare import prepare
from summarizer.settings import resolve_settings

GOAL = "≥ 200"


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


def run(count: int, seeds_folder: Path, trace: bool) -> dict[str, Any]:
    """Measure and return the figures."""
    seeds = load_seeds(seeds_folder)
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
