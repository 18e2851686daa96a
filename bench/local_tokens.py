"""Seconds, tokens and re-asks per seed article with the embedded local model.

Usage: .venv/bin/python bench/local_tokens.py [SEEDS_DIR] [--limit N] [--max-tokens N]

Starts (or reuses) the local server once, summarizes each seed one at a time with the
response cache off, prints one summary line per figure and writes the per-article
records as JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.errors import SummarizerError
from summarizer.local.backend import LOCAL_MAX_TOKENS, LocalBackend, local_llm_settings
from summarizer.models import Brief
from summarizer.pipeline import asummarize
from summarizer.settings import Settings, resolve_settings

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parent.parent / "shared" / "seeds"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N seeds.")
    parser.add_argument("--max-tokens", type=int, default=None, help="Completion bound.")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    return parser.parse_args()


async def measure_one(path: Path, backend: LocalBackend, settings: Settings) -> dict[str, Any]:
    """Summarize one seed and record its time, tokens, re-asks and item counts."""
    started = time.perf_counter()
    record: dict[str, Any] = {"seed": path.name, "chars": len(path.read_text(encoding="utf-8"))}
    try:
        brief = await asummarize(
            path.read_bytes(), id=path.stem, source=str(path), settings=settings, backend=backend
        )
    except SummarizerError as exc:
        record.update(seconds=time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")
        return record
    record["seconds"] = time.perf_counter() - started
    record.update(usage_of(brief))
    return record


def usage_of(brief: Brief) -> dict[str, Any]:
    """Tokens, calls, re-asks and item counts of a brief."""
    usage = brief.provenance.usage
    return {
        "calls": usage.calls,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "reasks": usage.reasks,
        "dropped_items": usage.dropped_items,
        "items": {
            "speakers": len(brief.speakers),
            "directives": len(brief.directives),
            "metrics": len(brief.metrics),
            "projects": len(brief.projects),
        },
    }


def summary_lines(records: list[dict[str, Any]], start_seconds: float) -> list[str]:
    """One line per figure, over the articles that did not fail."""
    done = [r for r in records if "error" not in r]
    lines = [f"server start: {start_seconds:.1f} s", f"failed: {len(records) - len(done)}"]
    if records:
        every = [r["seconds"] for r in records]
        lines.append(f"seconds/article incl. failures: mean {statistics.mean(every):.1f}")
    if not done:
        return lines
    seconds = [r["seconds"] for r in done]
    lines.append(
        f"seconds/article: mean {statistics.mean(seconds):.1f}, median "
        f"{statistics.median(seconds):.1f}, min {min(seconds):.1f}, max {max(seconds):.1f}"
    )
    for key in ("prompt_tokens", "completion_tokens", "calls"):
        lines.append(f"{key}/article: mean {statistics.mean(r[key] for r in done):.0f}")
    # The article's own size, in characters (the server's tokenizer is not at hand here).
    chars = sum(r.get("chars", 0) for r in done)
    if chars:
        per_char = sum(r["prompt_tokens"] for r in done) / chars
        lines.append(f"prompt tokens per article character: {per_char:.2f}")
    calls = sum(r["calls"] for r in done)
    reasks = sum(r["reasks"] for r in done)
    lines.append(f"re-ask rate: {reasks}/{calls} = {reasks / calls if calls else 0:.2f} per call")
    return lines


async def run(args: argparse.Namespace) -> tuple[list[dict[str, Any]], float, dict[str, Any]]:
    changes: dict[str, Any] = {"backend": "local", "use_cache": False, "concurrency": 1}
    if args.max_tokens:
        changes["max_tokens"] = args.max_tokens
    settings = resolve_settings(**changes)
    seeds = sorted(args.seeds.glob("*.txt"))[: args.limit]
    started = time.perf_counter()
    backend = LocalBackend.from_settings(settings)
    start_seconds = time.perf_counter() - started
    resolved = local_llm_settings(settings, "http://127.0.0.1")  # what `auto` resolves to
    meta = {
        "model": backend.model,
        "prompt_version": backend.prompt_version,
        "max_tokens": min(settings.max_tokens, LOCAL_MAX_TOKENS),
        "strategy": resolved.strategy,
        "mode": resolved.mode,
    }
    try:
        records = []
        for path in seeds:
            records.append(await measure_one(path, backend, settings))
            print(json.dumps(records[-1], ensure_ascii=False), flush=True)
    finally:
        await backend.aclose()
    return records, start_seconds, meta


def main() -> None:
    args = parse_args()
    records, start_seconds, meta = asyncio.run(run(args))
    lines = summary_lines(records, start_seconds)
    print("\n".join(lines))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "bench": "local_tokens",
        "at": stamp,
        "cpus": os.cpu_count(),
        **meta,
        "summary": lines,
        "articles": records,
    }
    out = args.out / f"local_tokens-{stamp}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
