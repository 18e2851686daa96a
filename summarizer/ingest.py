"""The ingest stage: files, folders and JSONL in; SourceDocuments (or recorded failures) out."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from summarizer.document import SourceDocument
from summarizer.models import Failure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass
class Collected:
    """Documents found in the inputs, and inputs that could not be read."""

    documents: list[SourceDocument] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def collect(inputs: list[Path]) -> Collected:
    """Read files, folders (recursively, each real folder once) and JSONL files."""
    collected = Collected()
    seen: set[str] = set()
    for path in inputs:
        for file in _walk(path, seen, collected):
            _read_file(file, collected)
    _ensure_unique_ids(collected.documents)
    return collected


def _walk(path: Path, seen: set[str], collected: Collected) -> Iterator[Path]:
    real = os.path.realpath(path)
    if real in seen:
        return  # a folder reached twice (a symlink loop or a repeated argument)
    seen.add(real)
    if path.is_dir():
        try:
            children = sorted(path.iterdir())
        except OSError as exc:
            collected.failures.append(_failure(path, exc))
            return
        for child in children:
            if child.is_dir() or child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield from _walk(child, seen, collected)
    elif path.is_file():
        yield path
    elif path.exists():  # a FIFO or a device: reading it could block forever
        collected.failures.append(_failure(path, OSError("not a regular file")))
    else:
        collected.failures.append(_failure(path, FileNotFoundError("no such file or folder")))


def _read_file(path: Path, collected: Collected) -> None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        collected.failures.append(_failure(path, exc))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        _read_jsonl(path, raw, collected)
        return
    collected.documents.append(
        SourceDocument(id=path.stem, raw=raw, source=str(path), fallback_date=_mtime_date(path))
    )


def _read_jsonl(path: Path, raw: bytes, collected: Collected) -> None:
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            collected.documents.append(_jsonl_document(json.loads(line), where))
        except (json.JSONDecodeError, TypeError, ValueError) as exc:
            message = f"bad JSONL line: {exc}"
            collected.failures.append(
                Failure(id=where, source=where, error="InputError", message=message)
            )


def _jsonl_document(record: object, where: str) -> SourceDocument:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError('each line must be an object with a string "text"')
    return SourceDocument(
        id=str(record.get("id") or where),
        raw=record["text"],
        source=_optional_str(record.get("url")) or where,
        title=_optional_str(record.get("title")),
        date=_optional_str(record.get("date")),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _mtime_date(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date().isoformat()
    except OSError:
        return None


def _failure(path: Path, exc: OSError) -> Failure:
    reason = exc.strerror or str(exc)
    return Failure(
        id=path.stem or str(path),
        source=str(path),
        error="InputError",
        message=f"cannot read {path}: {reason}",
    )


def _ensure_unique_ids(documents: list[SourceDocument]) -> None:
    """Two files with the same stem in different folders keep distinct ids."""
    counts: dict[str, int] = {}
    for i, doc in enumerate(documents):
        n = counts.get(doc.id, 0)
        counts[doc.id] = n + 1
        if n:
            documents[i] = replace(doc, id=f"{doc.id}-{n + 1}")
