"""The briefing's archive section on its own: since last week, and the reprints shown once.

Kept apart from the main templates so the briefing layout can include it where it fits.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel, ConfigDict, Field

from summarizer.archive.briefing import Reprint
from summarizer.archive.changes import SinceLastWeek
from summarizer.report.render import escape_markdown


class ArchiveSection(BaseModel):
    """What the archive adds to a briefing."""

    model_config = ConfigDict(extra="forbid")

    since: SinceLastWeek | None = Field(default=None, description="Changes of the week.")
    reprints: list[Reprint] = Field(default_factory=list, description="Stories shown once.")


@cache
def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.report", "templates"),
        autoescape=select_autoescape(["html.j2"]) if html else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["money"] = money
    return env


def money(value: float) -> str:
    """CNY as a reader writes it: 3.2 亿元, 4500 万元."""
    if value >= 1e8:
        return f"{value / 1e8:g} 亿元"
    if value >= 1e4:
        return f"{value / 1e4:g} 万元"
    return f"{value:g} 元"


def render_section_markdown(section: ArchiveSection) -> str:
    """The section as Markdown."""
    return _environment(False).get_template("archive_section.md.j2").render(s=section)


def render_section_html(section: ArchiveSection) -> str:
    """The section as an HTML fragment (a <section>), all text escaped."""
    return _environment(True).get_template("archive_section.html.j2").render(s=section)
