"""LLM pipeline overhead: wall time for M articles against a server with latency L and N slots.

The ideal is M/N × L (the server's own time, perfectly overlapped); the ratio wall/ideal is
the pipeline's overhead (prepare, prompts, instructor, validation, grounding, scheduling).
A first batch of N other articles runs before the timed one, in the same process, so that
one-time imports (openai's resources alone take ~0.5 s) are not counted as per-batch overhead;
its wall time is reported as the cold first batch. The server is tests/fake_openai.py on
127.0.0.1 with a slot-limited responder, in its own process (bench/_server.py) so that it does
not share our GIL; the client runs with concurrency N (or C), no cache, plain prompts. With
C a little above N, requests wait at the server while the client handles replies, so a slot
never idles for the client (the usual setting against a real server).

    .venv/bin/python -m bench.llm_overhead [--articles 200] [--slots 16] [--latency 0.5]
                                           [--concurrency C]
"""

from __future__ import annotations

import argparse
import math
import os
import time
from typing import Any

from bench._common import peak_rss_mib, summary, write_result
from bench._scripted import articles, llm_settings, run_batch
from bench._server import scripted_server

GOAL = "≤ 1.15"


def measure(count: int, slots: int, latency: float, concurrency: int) -> dict[str, Any]:
    """Run the batch once and return the figures."""
    load_before = os.getloadavg()[0]
    documents = articles(count + slots)
    warm_up, measured = documents[:slots], documents[slots:]
    with scripted_server(latency, slots) as (url, stats):
        settings = llm_settings(url, concurrency, None)
        cold_seconds, _ = run_batch(warm_up, settings)  # imports openai, builds schemas
        cpu_started = time.process_time()
        seconds, outcomes = run_batch(measured, settings)
        client_cpu = time.process_time() - cpu_started
    ideal = count / slots * latency
    rounds = math.ceil(count / slots) * latency  # whole rounds: the best a real server can do
    briefs = sum(1 for o in outcomes if type(o).__name__ == "Brief")
    return {
        "articles": count,
        "slots": slots,
        "concurrency": concurrency,
        "latency_s": latency,
        "wall_s": round(seconds, 3),
        "ideal_s": round(ideal, 3),
        "ratio": round(seconds / ideal, 3),
        "ideal_whole_rounds_s": round(rounds, 3),
        "ratio_whole_rounds": round(seconds / rounds, 3),
        "overhead_per_article_ms": round((seconds - ideal) / count * 1000, 2),
        "client_cpu_ms_per_article": round(client_cpu / count * 1000, 2),
        "server_cpu_s": stats.cpu_seconds,
        "load_average_before": round(load_before, 2),
        "requests": stats.requests - len(warm_up),
        "cold_first_batch_s": round(cold_seconds, 3),
        "cold_first_batch_ideal_s": latency,
        "briefs": briefs,
        "server_max_parallel": stats.max_parallel,
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="M (default 200)")
    parser.add_argument("--slots", type=int, default=16, help="N, the server's slots (16)")
    parser.add_argument(
        "--concurrency", type=int, default=None, help="client requests in flight (default N)"
    )
    parser.add_argument("--latency", type=float, default=0.5, help="L in seconds (0.5)")
    args = parser.parse_args()
    f = measure(args.articles, args.slots, args.latency, args.concurrency or args.slots)
    name = "llm_overhead"
    setup = f"M={f['articles']} N={f['slots']} L={f['latency_s']}s C={f['concurrency']}"
    lines = [
        summary(name, f"wall / ideal (M/N×L = {f['ideal_s']} s), {setup}", f["ratio"], "×", GOAL),
        summary(name, "wall time", f["wall_s"], "s"),
        summary(
            name,
            f"wall / whole rounds (⌈M/N⌉×L = {f['ideal_whole_rounds_s']} s)",
            f["ratio_whole_rounds"],
            "×",
        ),
        summary(
            name,
            f"cold first batch of {f['slots']} (imports; ideal {f['latency_s']} s)",
            f["cold_first_batch_s"],
            "s",
        ),
        summary(
            name,
            "client CPU per article (prepare, request, validate, ground, brief)",
            f["client_cpu_ms_per_article"],
            "ms",
        ),
        summary(name, "briefs / requests", f["briefs"], f"briefs from {f['requests']} requests"),
        summary(name, "server slots busy at once (max)", f["server_max_parallel"], "slots"),
    ]
    write_result(name, f, lines)


if __name__ == "__main__":
    main()
