"""Opening the archive: the URL, the engine (SQLite in WAL mode, or PostgreSQL), migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from summarizer.errors import ConfigurationError
from summarizer.settings import hide_password

MIGRATIONS = Path(__file__).parent / "migrations"
_POSTGRES_DRIVER = "postgresql+psycopg://"


def default_url() -> str:
    """The embedded archive: one SQLite file in the user data dir."""
    return f"sqlite:///{Path(user_data_dir('summarizer')) / 'archive.sqlite3'}"


def normalized_url(url: str) -> str:
    """postgres:// and postgresql:// use psycopg 3, the driver the package installs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return _POSTGRES_DRIVER + url[len(prefix) :]
    return url


def open_engine(url: str) -> Engine:
    """An engine on the archive, its schema migrated to the newest version."""
    shown = hide_password(url)
    try:
        engine = _engine(normalized_url(url))
        migrate(engine)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise ConfigurationError(
            f"archive URL {shown!r} is not valid ({exc}): check --db or SUMMARIZER_DB"
        ) from None
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "cannot connect"
        raise ConfigurationError(
            f"cannot open the archive {shown}: {reason}; check --db or SUMMARIZER_DB"
        ) from None
    return engine


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL lets readers go on while a brief is written; foreign keys are off by default."""
    cursor = connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "foreign_keys=ON",
        "synchronous=NORMAL",
        "busy_timeout=30000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when it is there)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
