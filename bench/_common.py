"""Shared helpers for the benchmark scripts: seed loading, summary lines, JSON results."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer._atomic import write_text_atomic
from summarizer.document import SourceDocument

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
RESULTS = REPO / "bench" / "results"


def load_seeds(folder: Path = SEEDS) -> list[tuple[str, bytes]]:
    """(stem, bytes) of every .txt file in the seed folder, sorted by name."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed articles (*.txt) in {folder}")
    return [(f.stem, f.read_bytes()) for f in files]


def repeated(seeds: list[tuple[str, bytes]], count: int) -> list[SourceDocument]:
    """The seeds cycled to `count` documents, each copy with its own id."""
    return [
        SourceDocument(id=f"{stem}-{i}", raw=raw, source=f"{stem}.txt#{i}")
        for i, (stem, raw) in enumerate(seeds[i % len(seeds)] for i in range(count))
    ]


def summary(name: str, figure: str, value: float, unit: str, goal: str | None = None) -> str:
    """One summary line: `name: figure = value unit (goal …: PASS|MISS)`, printed and returned."""
    verdict = ""
    if goal is not None:
        verdict = f"  (goal {goal}: {'PASS' if _meets(value, goal) else 'MISS'})"
    shown = f"{value:,.3f}".rstrip("0").rstrip(".")
    line = f"{name}: {figure} = {shown} {unit}{verdict}"
    print(line, flush=True)
    return line


def _meets(value: float, goal: str) -> bool:
    op, _, number = goal.partition(" ")
    limit = float(number)
    return {"≥": value >= limit, "≤": value <= limit, "=": value == limit}[op]


def peak_rss_mib() -> float:
    """Peak resident memory of this process (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_result(name: str, figures: dict[str, Any], lines: list[str]) -> Path:
    """Write bench/results/<name>.json atomically: figures, summary lines and the machine."""
    payload = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": _machine(),
        "figures": figures,
        "summary": lines,
    }
    path = RESULTS / f"{name}.json"
    write_text_atomic(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)
    return path


def _commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def _machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_1m": os.getloadavg()[0],
    }
