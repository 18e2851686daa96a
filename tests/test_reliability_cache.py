"""One reply cache file shared by 40 processes at once: no errors, nothing lost.

Why (issue 16): 40 processes sharing one reply cache, and 6 died with `database is locked`.
Each process here opens the cache at the same moment (a fresh file, so they also race to
create it), writes its own replies, replaces one shared reply, and reads everything back.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from summarizer.llm.cache import CacheKey, ReplyCache

ROOT = Path(__file__).resolve().parents[1]
PROCESSES = 40
WRITES = 200

_WORKER = """
import sys, time
from pathlib import Path
from summarizer.llm.cache import CacheKey, CachedReply, ReplyCache

path, worker, start = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
while time.time() < start:  # every process opens the cache at the same moment
    time.sleep(0.001)
cache = ReplyCache(path)
keys = [CacheKey("m", "p", "s", "JSON", f"{worker}/{i}") for i in range(WRITES)]
for i, key in enumerate(keys):
    cache.put(key, CachedReply(f"reply {worker}/{i}", i, 1))
    cache.put(CacheKey("m", "p", "s", "JSON", "shared"), CachedReply(f"shared by {worker}"))
missing = [k.text for k in keys if cache.get(k) is None]
cache.close()
print("missing", missing) if missing else None
sys.exit(1 if missing else 0)
""".replace("WRITES", str(WRITES))


def test_forty_processes_share_one_cache_file_without_errors_or_losses(tmp_path: Path) -> None:
    path = tmp_path / "llm-replies.sqlite3"
    start = f"{__import__('time').time() + 3.0:.3f}"  # after all 40 interpreters are up
    workers = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(path), str(n), start], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        for n in range(PROCESSES)
    ]
    results = [(w.wait(timeout=180), *w.communicate()) for w in workers]
    errors = [(code, out, err[-400:]) for code, out, err in results if code or err.strip()]
    assert errors == [], errors
    cache = ReplyCache(path)
    try:
        assert len(cache) == PROCESSES * WRITES + 1
        for n in range(PROCESSES):
            reply = cache.get(CacheKey("m", "p", "s", "JSON", f"{n}/{WRITES - 1}"))
            assert reply is not None and reply.reply == f"reply {n}/{WRITES - 1}"
        shared = cache.get(CacheKey("m", "p", "s", "JSON", "shared"))
        assert shared is not None and shared.reply.startswith("shared by ")
    finally:
        cache.close()
