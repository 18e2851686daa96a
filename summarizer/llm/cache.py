"""A persistent cache of model replies, so that a re-run makes no calls.

SQLite in WAL mode: each write is one atomic statement, readers never block
the writer, writers wait for each other (busy timeout), and a process killed
mid-write (kill -9) leaves the database consistent. Many processes may share one
file: switching a fresh file to WAL takes a lock for which SQLite does not wait
(`database is locked` at once), so opening retries that step until it holds.
Entries are keyed by model, a hash of the system prompt, schema version, mode
and a hash of the text sent; a value is the model's validated reply and
its token counts. Nothing else is stored: no keys, no URLs, no headers.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

__all__ = ["CacheKey", "CachedReply", "ReplyCache"]

_T = TypeVar("_T")
# How long a process waits for the others: per statement (SQLite's busy timeout), and in
# all for opening the file.
BUSY_SECONDS = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt TEXT NOT NULL,
    schema TEXT NOT NULL,
    mode TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    reply TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    created REAL NOT NULL
)
"""


@dataclass(frozen=True)
class CacheKey:
    """What a reply depends on."""

    model: str
    prompt: str
    schema: str
    mode: str
    text: str

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def digest(self) -> str:
        parts = [self.model, self.prompt, self.schema, self.mode, self.text_sha256]
        blob = json.dumps(parts, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedReply:
    """A stored reply (JSON text) and what it cost when it was made."""

    reply: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ReplyCache:
    """The on-disk reply cache; safe to share between tasks, threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            _while_locked(lambda: _prepare(connection))
            self._connection = connection
        return self._connection

    def get(self, key: CacheKey) -> CachedReply | None:
        """The stored reply for `key`, or None."""
        with self._lock:
            row = (
                self._connect()
                .execute(
                    "SELECT reply, prompt_tokens, completion_tokens FROM replies WHERE key = ?",
                    (key.digest,),
                )
                .fetchone()
            )
        return CachedReply(row[0], int(row[1]), int(row[2])) if row else None

    def put(self, key: CacheKey, value: CachedReply) -> None:
        """Store (or replace) the reply for `key` in one atomic write."""
        row = (key.digest, key.model, key.prompt, key.schema, key.mode, key.text_sha256,
               value.reply, value.prompt_tokens, value.completion_tokens, time.time())  # fmt: skip
        with self._lock:
            self._connect().execute(
                "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._connect().execute("SELECT COUNT(*) FROM replies").fetchone()[0])

    def close(self) -> None:
        """Close the connection (the data is already on disk)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def _prepare(connection: sqlite3.Connection) -> None:
    """WAL mode (once per file: the mode is stored in it) and the table."""
    (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "wal":
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(_SCHEMA)


def _while_locked(step: Callable[[], _T], seconds: float = BUSY_SECONDS) -> _T:
    """Run `step`, again after a short random pause while another process holds the lock."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            locked = "locked" in str(exc) or "busy" in str(exc)
            if not locked or time.monotonic() > deadline:
                raise
        time.sleep(random.uniform(0.005, 0.05))
