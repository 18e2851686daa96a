"""The ingest stage: files, folders and JSONL in; SourceDocuments (or recorded failures) out.

A document's date comes only from what it says about itself: a JSONL `date`, an HTML
page's <meta> publication date (see summarizer._html_meta), or, later, its text. The
file's modification date is never used: it tells when a page was saved, not what week
it reports.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from summarizer._html_meta import HTML_SUFFIXES, page_meta
from summarizer.document import SourceDocument
from summarizer.models import Failure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"}) | HTML_SUFFIXES
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 5_000_000
_MB = 1_000_000


@dataclass
class Collected:
    """Documents found in the inputs, inputs that could not be read, and warnings."""

    documents: list[SourceDocument] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect(inputs: list[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Collected:
    """Read files, folders (recursively, each real folder once) and JSONL files.

    A document larger than `max_bytes` becomes a failure that says so.
    """
    collected = Collected()
    seen: set[str] = set()
    for path in inputs:
        for file in _walk(path, seen, collected):
            _read_file(file, collected, max_bytes)
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


def _read_file(path: Path, collected: Collected, max_bytes: int) -> None:
    if path.suffix.lower() in JSONL_SUFFIXES:
        _read_jsonl(path, collected, max_bytes)
        return
    try:
        raw = read_capped(path, max_bytes)
    except OSError as exc:
        collected.failures.append(_failure(path, exc))
        return
    if raw is None:
        collected.failures.append(_too_large(path.stem, str(path), path.stat().st_size, max_bytes))
        return
    meta = page_meta(raw) if path.suffix.lower() in HTML_SUFFIXES else None
    collected.documents.append(
        SourceDocument(
            id=path.stem,
            raw=raw,
            source=str(path),
            published=meta.date if meta else None,
            url=meta.url if meta else None,
        )
    )


def read_capped(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it is larger than `max_bytes` (never read whole)."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def _read_jsonl(path: Path, collected: Collected, max_bytes: int) -> None:
    """One document per line; a bad line is a failure naming its line, the rest go on."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        collected.failures.append(_failure(path, exc))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if len(line) > max_bytes:
                collected.failures.append(_too_large(where, where, len(line), max_bytes))
            elif line.strip():
                _read_record(line, where, collected)


def _read_record(line: bytes, where: str, collected: Collected) -> None:
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
        collected.documents.append(_jsonl_document(record, where, collected.warnings))
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        message = f"{where}: bad JSONL line: {exc}"
        collected.failures.append(
            Failure(id=where, source=where, error="InputError", message=message)
        )


def _jsonl_document(record: object, where: str, warnings: list[str]) -> SourceDocument:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError('each line must be an object with a string "text"')
    return SourceDocument(
        id=str(record.get("id") or where),
        raw=record["text"],
        source=_optional_str(record.get("url")) or where,
        title=_optional_str(record.get("title")),
        date=_iso_date(record.get("date"), where, warnings),
        url=_optional_str(record.get("url")),
    )


def _iso_date(value: object, where: str, warnings: list[str]) -> str | None:
    """YYYY-MM-DD (a time after it is dropped); anything else warns and counts as no date."""
    text = _optional_str(value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        warnings.append(f"{where}: date {text!r} is not YYYY-MM-DD; the article counts as undated")
        return None


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _too_large(id: str, source: str, size: int, max_bytes: int) -> Failure:
    message = (
        f"{source}: {size / _MB:.1f} MB is over the {max_bytes / _MB:g} MB input cap "
        "(SUMMARIZER_MAX_INPUT_MB raises it)"
    )
    return Failure(id=id, source=source, error="InputError", message=message)


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
