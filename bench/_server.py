"""The scripted server in its own process, as a real server would be (no GIL shared with us).

    python -m bench._server LATENCY SLOTS

prints its base URL on the first line, serves until its stdin closes, then prints one JSON
line: {"requests": …, "max_parallel": …}.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer

from tests.fake_openai import FakeOpenAI
from tests.reliability_server import SlottedResponder


@dataclass
class ServerStats:
    """What the server saw, filled in when it stops."""

    requests: int = 0
    max_parallel: int = 0
    cpu_seconds: float = 0.0


@contextmanager
def scripted_server(latency: float, slots: int) -> Iterator[tuple[str, ServerStats]]:
    """Start the server process; yield its URL and the stats it reports when stopped."""
    command = [sys.executable, "-m", "bench._server", str(latency), str(slots)]
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    stats = ServerStats()
    try:
        yield child.stdout.readline().strip(), stats
    finally:
        child.stdin.close()
        report = json.loads(child.stdout.readline() or "{}")
        child.wait(timeout=10)
        child.stdout.close()
        stats.requests = int(report.get("requests", 0))
        stats.max_parallel = int(report.get("max_parallel", 0))
        stats.cpu_seconds = float(report.get("cpu_seconds", 0.0))


def serve(latency: float, slots: int) -> None:
    # socketserver listens with a backlog of 5: 16 clients connecting at once would see
    # refused connections (and retry after a back-off), which is the fake's limit, not ours.
    ThreadingHTTPServer.request_queue_size = 128
    responder = SlottedResponder(latency=latency, slots=slots)
    with FakeOpenAI(responder=responder) as server:
        print(server.url, flush=True)
        sys.stdin.read()  # until the parent closes our stdin
        requests = len(server.requests)
    report = {"requests": requests, "max_parallel": responder.max_busy,
              "cpu_seconds": round(time.process_time(), 3)}  # fmt: skip
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    serve(float(sys.argv[1]), int(sys.argv[2]))
