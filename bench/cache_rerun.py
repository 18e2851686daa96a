"""Cache: the same batch twice against the scripted server; the second run should call nothing.

Run 1 fills a fresh reply cache (a temporary folder); run 2 is a new backend, as a new process
would build, over the same documents. Figures: requests the server saw in run 2 (goal 0), the
calls the briefs report, and both wall times.

    .venv/bin/python -m bench.cache_rerun [--articles 200] [--slots 16] [--latency 0.5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from bench._common import summary, write_result
from bench._scripted import articles, cached_briefs, calls_reported, llm_settings, run_batch
from bench._server import scripted_server


def measure(count: int, slots: int, latency: float) -> dict[str, Any]:
    """Two runs of one batch sharing a cache; the server is restarted in between."""
    documents = articles(count)
    with tempfile.TemporaryDirectory(prefix="summarizer-cache-") as folder:
        cache = Path(folder)
        with scripted_server(latency, slots) as (url, first_stats):
            first_s, first = run_batch(documents, llm_settings(url, slots, cache))
        with scripted_server(latency, slots) as (url, second_stats):
            second_s, second = run_batch(documents, llm_settings(url, slots, cache))
    return {
        "articles": count,
        "slots": slots,
        "latency_s": latency,
        "first_run_s": round(first_s, 3),
        "first_run_requests": first_stats.requests,
        "first_run_calls_reported": calls_reported(first),
        "second_run_s": round(second_s, 3),
        "second_run_requests": second_stats.requests,
        "second_run_calls_reported": calls_reported(second),
        "second_run_cached_briefs": cached_briefs(second),
        "speed_up": round(first_s / second_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--slots", type=int, default=16, help="server slots = concurrency (16)")
    parser.add_argument("--latency", type=float, default=0.5, help="server latency, s (0.5)")
    args = parser.parse_args()
    f = measure(args.articles, args.slots, args.latency)
    name = "cache_rerun"
    lines = [
        summary(name, "requests in the second run", f["second_run_requests"], "requests",
                "= 0"),
        summary(name, "calls the second run's briefs report", f["second_run_calls_reported"],
                "calls", "= 0"),
        summary(name, "second run wall time", f["second_run_s"], "s"),
        summary(name, f"first run wall time ({f['first_run_requests']} requests)",
                f["first_run_s"], "s"),
        summary(name, "briefs served from the cache", f["second_run_cached_briefs"],
                f"of {f['articles']}"),
    ]
    write_result(name, f, lines)


if __name__ == "__main__":
    main()
