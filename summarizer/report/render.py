"""Renderers: a Briefing in, Markdown or HTML text out (Jinja2 templates in templates/)."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from summarizer.report.model import Briefing

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def escape_markdown(text: object) -> str:
    """Escape what Markdown (and inline HTML) would interpret; keep text on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@cache
def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.report", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]) if autoescape else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    return env


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown."""
    text = _environment(False).get_template("briefing.md.j2").render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text)


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page; all text is escaped."""
    return _environment(True).get_template("briefing.html.j2").render(b=briefing)
