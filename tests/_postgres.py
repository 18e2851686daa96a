"""A throwaway PostgreSQL cluster on 127.0.0.1 for the `postgres` tier.

Debian's server binaries (`make test-postgres` installs the `postgresql` package when they are
missing) run from a temporary folder: initdb, then pg_ctl on a free port with the socket in
that folder. As root the cluster runs as the `postgres` user the package creates, since
initdb refuses to run as root. Stopped and removed at the end of the session.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def server_bin() -> Path:
    """The folder of initdb and pg_ctl (the newest installed version)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise RuntimeError(
        "PostgreSQL is not installed: `make test-postgres` installs Debian's package"
    )


def _version(path: str) -> int:
    return int(Path(path).parts[4]) if Path(path).parts[4].isdigit() else 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner() -> dict[str, Any]:
    """Run the server as `postgres` when we are root."""
    return {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a cluster; yield the URL of its `postgres` database as user `summarizer`."""
    binaries, folder, port = (
        server_bin(),
        Path(tempfile.mkdtemp(prefix="summarizer-pg-")),
        _free_port(),
    )
    data, log = folder / "data", folder / "server.log"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    run = dict(check=True, capture_output=True, text=True, timeout=120, **_as_owner())
    subprocess.run(
        [
            binaries / "initdb",
            "-D",
            data,
            "-U",
            "summarizer",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        ],
        **run,
    )
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [binaries / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "start"], **run
    )
    try:
        yield f"postgresql+psycopg://summarizer@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
            **{**run, "check": False},
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """Create an empty database on the server and return its URL."""
    import psycopg

    with psycopg.connect(server_url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
