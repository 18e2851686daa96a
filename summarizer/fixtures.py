"""Load and validate hand-labeled fixtures (format: ../shared/LABELING.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from summarizer.models import Fixture

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MEETING = "会议"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fixture file: where, which field, what."""

    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


def fixture_paths(folder: Path) -> list[Path]:
    """The fixture files of a folder, sorted."""
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def load_fixture(path: Path) -> Fixture:
    """Parse one fixture file; raise ValueError naming the file on a format error."""
    problems, fixture = _parse(path)
    if fixture is None:
        raise ValueError("; ".join(str(p) for p in problems))
    return fixture


def load_fixtures(folder: Path) -> list[Fixture]:
    """Parse every fixture of a folder."""
    return [load_fixture(p) for p in fixture_paths(folder)]


def check_folder(folder: Path) -> list[Problem]:
    """Every problem in every fixture of the folder (empty list: all good)."""
    paths = fixture_paths(folder)
    if not paths:
        return [Problem(folder, "-", "no *.json fixture files found")]
    problems: list[Problem] = []
    ids: Counter[str] = Counter()
    for path in paths:
        found, fixture = _parse(path)
        problems += found
        if fixture is not None:
            problems += check_fixture(fixture, path)
            ids[fixture.id] += 1
    problems += [
        Problem(folder, "id", f"duplicate fixture id {i!r}") for i, n in ids.items() if n > 1
    ]
    return problems


def _parse(path: Path) -> tuple[list[Problem], Fixture | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Problem(path, "-", f"not readable JSON: {exc}")], None
    try:
        return [], Fixture.model_validate(data)
    except ValidationError as exc:
        return [_problem_of(path, err) for err in exc.errors()], None


def _problem_of(path: Path, err: object) -> Problem:
    assert isinstance(err, dict)
    location = ".".join(str(part) for part in err.get("loc", ()))
    return Problem(path, location or "-", str(err.get("msg", "invalid")))


def check_fixture(fixture: Fixture, path: Path) -> list[Problem]:
    """Content checks that the schema cannot express."""
    return [
        *_check_date(fixture, path),
        *_check_verbatim(fixture, path),
        *_check_duplicates(fixture, path),
        *_check_source(fixture, path),
    ]


def _check_date(fixture: Fixture, path: Path) -> Iterable[Problem]:
    if fixture.date is not None and not _DATE.match(fixture.date):
        yield Problem(path, "date", f"{fixture.date!r} is not YYYY-MM-DD or null")


def _check_verbatim(fixture: Fixture, path: Path) -> Iterable[Problem]:
    text, exp = fixture.text, fixture.expected
    spans: list[tuple[str, str | None]] = []
    for i, s in enumerate(exp.speakers):
        spans += [
            (f"expected.speakers.{i}.name", s.name),
            (f"expected.speakers.{i}.title", s.title),
        ]
    for i, d in enumerate(exp.directives):
        spans.append((f"expected.directives.{i}.text", d.text))
        if d.issuer != _MEETING:
            spans.append((f"expected.directives.{i}.issuer", d.issuer))
    for i, p in enumerate(exp.projects):
        spans.append((f"expected.projects.{i}.name", p.name))
    for i, m in enumerate(exp.metrics):
        if not m.indicator.strip():
            yield Problem(path, f"expected.metrics.{i}.indicator", "empty indicator")
        if not m.unit.strip():
            yield Problem(path, f"expected.metrics.{i}.unit", "empty unit")
    for field, value in spans:
        if value is not None and (not value.strip() or value not in text):
            yield Problem(path, field, f"{value!r} is not verbatim in text")


def _check_duplicates(fixture: Fixture, path: Path) -> Iterable[Problem]:
    exp = fixture.expected
    keyed: dict[str, list[tuple[object, ...]]] = {
        "speakers": [(s.name, s.title) for s in exp.speakers],
        "directives": [(d.issuer, d.text) for d in exp.directives],
        "metrics": [(m.indicator, m.value, m.unit, m.kind, m.period) for m in exp.metrics],
        "projects": [(p.name,) for p in exp.projects],
    }
    for name, keys in keyed.items():
        for key, count in Counter(keys).items():
            if count > 1:
                yield Problem(path, f"expected.{name}", f"duplicate item {key!r} ({count}×)")


def _check_source(fixture: Fixture, path: Path) -> Iterable[Problem]:
    if not fixture.source or "://" in fixture.source:
        return
    source = (path.parent / fixture.source).resolve()
    if not source.is_file():
        return
    try:
        original = source.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return
    if original != fixture.text:
        yield Problem(path, "text", f"differs from its source file {fixture.source}")
