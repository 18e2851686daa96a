"""The reply cache: a re-run makes no calls; concurrent and killed writers are safe."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fake_openai import FakeOpenAI, Step
from llm_support import GOOD, extract, settings

from summarizer.llm.cache import CachedReply, CacheKey, ReplyCache


def test_a_second_run_makes_zero_requests_and_gives_the_same_items(tmp_path: Path) -> None:
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        first = extract(settings(server.url, cache_dir=tmp_path))
        second = extract(settings(server.url, cache_dir=tmp_path))
    assert len(server.requests) == 1
    assert second.usage.cached and second.usage.calls == 0
    assert not first.usage.cached and first.usage.calls == 1
    assert second.metrics == first.metrics and second.speakers == first.speakers


def test_no_cache_bypasses_it(tmp_path: Path) -> None:
    with FakeOpenAI([Step(payload=GOOD)] * 2) as server:
        extract(settings(server.url, cache_dir=tmp_path, use_cache=False))
        extract(settings(server.url, cache_dir=tmp_path, use_cache=False))
    assert len(server.requests) == 2


def test_the_key_depends_on_model_and_mode(tmp_path: Path) -> None:
    with FakeOpenAI([Step(payload=GOOD)] * 3) as server:
        extract(settings(server.url, cache_dir=tmp_path))
        extract(settings(server.url, cache_dir=tmp_path, model="other-model"))
        extract(settings(server.url, cache_dir=tmp_path, mode="JSON"))
    assert len(server.requests) == 3


def test_a_reply_salvaged_after_reasks_is_cached_with_its_drops(tmp_path: Path) -> None:
    bad = dict(GOOD, projects=[{"name": "青山机场项目", "status": "planned"}])
    with FakeOpenAI([Step(payload=bad)] * 2) as server:
        first = extract(settings(server.url, cache_dir=tmp_path, max_reasks=1))
        second = extract(settings(server.url, cache_dir=tmp_path, max_reasks=1))
    assert len(server.requests) == 2
    assert first.usage.dropped_items == second.usage.dropped_items == 1
    assert second.projects == []


def _key(n: int) -> CacheKey:
    return CacheKey(model="m", prompt="p", schema="s", mode="TOOLS", text=f"文本{n}")


def test_concurrent_writers_from_threads(tmp_path: Path) -> None:
    cache = ReplyCache(tmp_path / "c.sqlite3")
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: cache.put(_key(n), CachedReply(f'{{"n": {n}}}', n, n)), range(200)))
    assert len(cache) == 200
    assert cache.get(_key(7)) == CachedReply('{"n": 7}', 7, 7)
    cache.close()


_WRITER = """
import sys
from pathlib import Path
from summarizer.llm.cache import CacheKey, CachedReply, ReplyCache
cache = ReplyCache(Path(sys.argv[1]))
n = 0
while True:
    key = CacheKey(model="m", prompt="p", schema="s", mode="TOOLS", text=str(n))
    cache.put(key, CachedReply('{"items": "' + "长" * 2000 + '"}', n, n))
    n += 1
    if n == 20:
        print("writing", flush=True)
"""


def test_a_writer_killed_mid_write_leaves_a_sound_database(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"writing"
    time.sleep(0.2)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    cache = ReplyCache(path)
    assert len(cache) >= 20
    assert cache.get(_key(10)) is None  # different text: a miss, not an error
    cache.put(_key(1), CachedReply("{}"))
    assert cache.get(_key(1)) == CachedReply("{}")
    cache.close()
