"""The one prompt loader: versioned templates and checked few-shot examples.

Prompts live in the top-level `prompts/` folder, one sub-folder per version
(`prompts/v1/manifest.json`, `system.md`, `user.md`, `examples.json`). A wheel
ships them as `summarizer/prompts/`, so that location is tried first. Rendering
fails on a missing variable, and loading fails when a few-shot example labels a
quote that is not verbatim in its example text.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2

from summarizer.errors import ConfigurationError

__all__ = ["PromptSet", "load_prompts", "prompts_root", "check_examples"]

_VERSION_DIR = re.compile(r"^v(\d+)$")
_VERBATIM_FIELDS = {
    "speakers": ("name", "title", "quote"),
    "directives": ("text",),
    "metrics": ("quote",),
    "projects": ("name",),
}


@dataclass(frozen=True)
class PromptSet:
    """One version of the prompts: templates, examples, and a content fingerprint."""

    version: str
    fingerprint: str
    templates: dict[str, str]
    examples: tuple[dict[str, Any], ...]

    def render(self, name: str, **variables: Any) -> str:
        """Render a template; a variable the template uses but is not given is an error."""
        try:
            source = self.templates[name]
        except KeyError:
            known = ", ".join(sorted(self.templates))
            raise ConfigurationError(
                f"prompt {self.version} has no template {name!r} (known: {known})"
            ) from None
        try:
            return _template(source).render(**variables).strip()
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(
                f"prompt {self.version}/{name} needs a variable that was not given: {exc.message}"
            ) from exc

    def system(self) -> str:
        """The system prompt with the few-shot examples rendered in."""
        examples = [
            {"text": e["text"], "expected_json": json.dumps(e["expected"], ensure_ascii=False)}
            for e in self.examples
        ]
        return self.render("system", examples=examples)


@cache
def _environment() -> jinja2.Environment:
    # Plain text prompts: no HTML escaping; StrictUndefined turns a missing variable into an error.
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False
    )


@lru_cache(maxsize=64)
def _template(source: str) -> jinja2.Template:
    # Compiling costs milliseconds; a batch renders the same few templates for every chunk.
    return _environment().from_string(source)


def prompts_root() -> Traversable:
    """Where the prompt versions live: the installed package data, else the repository."""
    packaged = resources.files("summarizer") / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "prompts"


def load_prompts(version: str | None = None, root: Traversable | None = None) -> PromptSet:
    """Load and check one prompt version (the highest `vN` when none is named)."""
    base = root if root is not None else prompts_root()
    folder = base / (version or _latest_version(base))
    if not folder.is_dir():
        raise ConfigurationError(f"prompt version {version!r} not found under {base}")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    templates = {
        name: (folder / filename).read_text(encoding="utf-8")
        for name, filename in manifest["templates"].items()
    }
    examples = json.loads((folder / manifest["examples"]).read_text(encoding="utf-8"))
    check_examples(examples)
    return PromptSet(
        version=str(manifest["version"]),
        fingerprint=_fingerprint(manifest, templates, examples),
        templates=templates,
        examples=tuple(examples),
    )


def _latest_version(base: Traversable) -> str:
    numbered = [
        (int(m.group(1)), entry.name)
        for entry in base.iterdir()
        if entry.is_dir() and (m := _VERSION_DIR.match(entry.name))
    ]
    if not numbered:
        raise ConfigurationError(f"no prompt versions (v1, v2, ...) under {base}")
    return max(numbered)[1]


def _fingerprint(manifest: Any, templates: dict[str, str], examples: Any) -> str:
    blob = json.dumps([manifest, templates, examples], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def check_examples(examples: list[dict[str, Any]]) -> None:
    """Raise ConfigurationError unless every labelled quote is verbatim in its example text."""
    problems = [p for example in examples for p in _example_problems(example)]
    if problems:
        raise ConfigurationError("few-shot examples are not verbatim: " + "; ".join(problems))


def _example_problems(example: dict[str, Any]) -> list[str]:
    text = example["text"]
    name = example.get("id", "?")
    problems = []
    for list_name, keys in _VERBATIM_FIELDS.items():
        for i, item in enumerate(example["expected"].get(list_name, [])):
            for key in keys:
                value = item.get(key)
                if value is not None and value not in text:
                    problems.append(f"{name} {list_name}[{i}].{key} {value!r}")
            if list_name == "metrics" and str(item.get("number")) not in item["quote"]:
                problems.append(f"{name} metrics[{i}].number {item.get('number')!r} not in quote")
            if list_name == "speakers" and item["name"] not in item["quote"]:
                problems.append(f"{name} speakers[{i}].name not in its quote")
    return problems
