"""Renderers: a Briefing in, Markdown or HTML text out (Jinja2 templates in templates/).

HTML: autoescaped, no script, inline SVG charts. Markdown: every value the template did not
write itself passes through `escape_markdown` (Jinja's finalize), so no text from a page, a
path, a URL or a model can open a link, a table cell or an HTML tag.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from summarizer.report.articles import web_url
from summarizer.report.chart import chart_svg
from summarizer.report.model import Briefing

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~&$])")
_MD_LINE_START = re.compile(r"^(>|[#+=-](?=\s|$)|\d+[.)](?=\s|$))")


class MarkdownSafe(str):
    """Markdown the template built on purpose (a link), passed through unescaped."""


def escape_markdown(text: object) -> str:
    """Escape what Markdown (and inline HTML) would interpret; keep text on one line."""
    if isinstance(text, MarkdownSafe):
        return text
    flat = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _MD_LINE_START.sub(_escape_start, flat)


def _escape_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    return f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"


def markdown_link(label: str, url: str) -> MarkdownSafe:
    """[label](<url>) with the label escaped and the URL percent-encoded where it matters."""
    safe_url = quote(url, safe=":/?#=&%@+,;~!$*'")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29")
    return MarkdownSafe(f"[{escape_markdown(label)}](<{safe_url}>)")


def _finalize(value: object) -> object:
    return "" if value is None else escape_markdown(value)


@cache
def _environment(markdown: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.report", "templates"),
        autoescape=False if markdown else select_autoescape(["html", "html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize if markdown else None,
    )
    env.filters["mdlink"] = markdown_link
    env.filters["done"] = MarkdownSafe  # a macro's output, escaped already inside it
    env.filters["svg"] = lambda comparison: Markup(chart_svg(comparison))
    env.filters["weblink"] = web_url
    env.filters["host"] = lambda url: urlsplit(url).netloc or url
    return env


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown."""
    text = _environment(True).get_template("briefing.md.j2").render(b=briefing, w=briefing.words)
    return re.sub(r"\n{3,}", "\n\n", text)


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page; all text is escaped."""
    return _environment(False).get_template("briefing.html.j2").render(b=briefing, w=briefing.words)
