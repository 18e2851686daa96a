"""Every way of using the embedded local model, next to the offline extractor, on labeled pages.

    .venv/bin/python -m bench.local_strategies [--fixtures ../shared/devset] [--limit N]
        [--strategies offline,review,propose] [--threads N] [--cache]

For each strategy: lenient F1 per list (the scorer of `summarizer eval`), seconds per page
(service time: pages go one at a time to the one-slot server), requests and tokens per
page, and the peak RSS of the llama.cpp server (a fresh server per strategy, read from
/proc/PID/status VmHWM before it stops) and of this process. The reply cache is off unless
`--cache` is given, so the seconds are the model's; with `--cache` they are not (a cached
page costs no request), and the line says so.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from statistics import fmean
from typing import Any

from bench._common import REPO, peak_rss_mib, summary, write_result
from summarizer.backends import Backend, create_backend
from summarizer.evaluate import aevaluate
from summarizer.evaluate.results import EvalReport
from summarizer.fixtures import load_fixtures
from summarizer.llm.backend import LLMBackend
from summarizer.local import model as local
from summarizer.local.backend import LocalBackend, local_llm_settings
from summarizer.local.server import LocalServer
from summarizer.models import Fixture
from summarizer.settings import Settings, resolve_settings

LISTS = ("speakers", "directives", "metrics", "projects")


def backend_for(strategy: str, settings: Settings, threads: int | None) -> Backend:
    """The offline backend, or the local model with a fresh server of its own."""
    if strategy == "offline":
        return create_backend(settings.with_changes(backend="offline"))
    server = local.new_server(settings, n_threads=threads).start()
    try:
        inner = LLMBackend(local_llm_settings(settings.with_changes(strategy=strategy),
                                              server.base_url))  # fmt: skip
    except BaseException:
        server.stop()
        raise
    return LocalBackend(inner, server)


def server_peak_mib(backend: Backend) -> float | None:
    """VmHWM of the backend's server process, in MiB (None without one)."""
    server: LocalServer | None = getattr(backend, "_server", None)
    if server is None or server.pid is None:
        return None
    for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


async def measure(strategy: str, fixtures: list[Fixture], settings: Settings,
                  threads: int | None) -> dict[str, Any]:  # fmt: skip
    """Evaluate one strategy; return its figures."""
    backend = backend_for(strategy, settings, threads)
    try:
        report = await aevaluate(fixtures, settings=settings, backend=backend)
        server_mib = server_peak_mib(backend)
    finally:
        await backend.aclose()
    return figures(strategy, report, server_mib)


def figures(strategy: str, report: EvalReport, server_mib: float | None) -> dict[str, Any]:
    """F1 per list, time, tokens and memory of one report."""
    pages = len(report.results)
    done = [r for r in report.results if r.error is None]
    usage = report.summary.usage
    return {
        "strategy": strategy,
        "pages": pages,
        "failed": pages - len(done),
        "lenient_f1": {n: round(report.summary.lists[n].lenient.f1, 3) for n in LISTS},
        "strict_f1": {n: round(report.summary.lists[n].strict.f1, 3) for n in LISTS},
        "seconds_per_page": round(fmean(r.usage.seconds or 0.0 for r in done), 2) if done else None,
        "wall_s": round(usage.seconds or 0.0, 1),
        "requests_per_page": round(usage.calls / pages, 2),
        "prompt_tokens_per_page": round(usage.prompt_tokens / pages),
        "completion_tokens_per_page": round(usage.completion_tokens / pages),
        "server_peak_rss_mib": round(server_mib, 1) if server_mib else None,
        "client_peak_rss_mib": round(peak_rss_mib(), 1),
        "prompt_version": report.prompt_version,
    }


def lines_of(f: dict[str, Any], cached: bool) -> list[str]:
    name = f"local_strategies[{f['strategy']}]"
    f1 = " ".join(f"{n} {f['lenient_f1'][n]:.3f}" for n in LISTS)
    out = [summary(name, f"lenient F1 ({f1}); failed pages", f["failed"], f"of {f['pages']}")]
    if f["seconds_per_page"] is not None:
        note = " (replies from the cache: not the model's time)" if cached else ""
        out.append(summary(name, f"seconds per page{note}", f["seconds_per_page"], "s"))
    out.append(summary(name, "requests per page", f["requests_per_page"], "requests"))
    out.append(summary(name, "prompt / completion tokens per page",
                       f["prompt_tokens_per_page"], f"/ {f['completion_tokens_per_page']}"))
    if f["server_peak_rss_mib"] is not None:
        out.append(summary(name, "server peak RSS", f["server_peak_rss_mib"], "MiB"))
    out.append(summary(name, "this process's peak RSS so far", f["client_peak_rss_mib"], "MiB"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=REPO.parent / "shared" / "devset")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N fixtures.")
    parser.add_argument("--strategies", default="offline,review,propose")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads.")
    parser.add_argument("--cache", action="store_true", help="Reuse cached replies.")
    args = parser.parse_args()
    fixtures = load_fixtures(args.fixtures)[: args.limit]
    settings = resolve_settings(use_cache=args.cache, concurrency=1)
    results, lines = [], []
    for strategy in args.strategies.split(","):
        found = asyncio.run(measure(strategy, fixtures, settings, args.threads))
        results.append(found)
        lines += lines_of(found, args.cache)
    write_result("local_strategies", {"fixtures": str(args.fixtures), "strategies": results},
                 lines)  # fmt: skip


if __name__ == "__main__":
    main()
