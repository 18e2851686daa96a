"""What an HTML page says about itself in its <head>: publication date and canonical URL.

Chinese government sites follow the 政府网站 metadata convention (`PubDate`), news sites
Open Graph / schema.org (`article:published_time`, `datePublished`). Only the head is
read, and only dates with a four-digit year count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
_HEAD_BYTES = 65_536
_DATE_KEYS = (
    "article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "og:published_time",
    "firstpublishedtime",
    "date",
)
_URL_KEYS = ("og:url", "canonical", "url")
_DATE = re.compile(r"((?:19|20)\d\d)\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")


@dataclass(frozen=True)
class PageMeta:
    """Publication date (YYYY-MM-DD) and URL the page declares, if any."""

    date: str | None
    url: str | None


def page_meta(raw: bytes) -> PageMeta:
    """Read the <meta> and <link rel=canonical> tags of an HTML page's head."""
    parser = _HeadParser()
    try:
        parser.feed(raw[:_HEAD_BYTES].decode("utf-8", errors="replace"))
    except AssertionError:  # html.parser gives up on some broken markup: keep what it read
        pass
    found = parser.values
    day = next((d for k in _DATE_KEYS if (d := meta_date(found.get(k))) is not None), None)
    url = next((u for k in _URL_KEYS if (u := _http_url(found.get(k)))), None)
    return PageMeta(date=day, url=url)


def meta_date(value: str | None) -> str | None:
    """2024-05-17, 2024/5/17 09:32, 2024年5月17日 or 20240517 → 2024-05-17."""
    if not value:
        return None
    match = _DATE.search(value) or _COMPACT.match(value.strip())
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


def _http_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else None


class _HeadParser(HTMLParser):
    """Collects meta name/property/itemprop → content (first wins) until the body starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "body":
            self.done = True
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("name") or values.get("property") or values.get("itemprop")
            if key and "content" in values:
                self.values.setdefault(key.lower(), values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.values.setdefault("canonical", values.get("href", ""))
