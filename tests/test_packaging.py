"""The wheel ships the prompts: build it, install it in a fresh virtualenv, load a prompt."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import summarizer

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import summarizer.llm.prompting as p
prompts = p.load_prompts()
root = str(p.prompts_root())
assert "site-packages" in root, root
print(prompts.version, len(prompts.system()) > 100, root)
"""


def test_public_api_is_short_and_explicit() -> None:
    assert {"summarize", "summarize_many", "Brief", "SummarizerError"} <= set(summarizer.__all__)
    assert summarizer.Brief.__name__ == "Brief"
    assert set(summarizer.__all__) == set(summarizer._HOMES)
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None


def test_wheel_ships_prompts(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("summarizer-*.whl"))
    env_dir = tmp_path / "fresh"
    # The base interpreter's packages stand in for the dependencies; the probe needs jinja2 only.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = subprocess.run(
        [str(python), "-c", PROBE], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    version, rendered, root = probe.stdout.split()
    assert version.startswith("v") or version[0].isdigit()
    assert rendered == "True" and root.endswith("summarizer/prompts")
