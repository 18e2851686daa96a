"""The offline backend: deterministic rules over cue tables, no model and no network.

Speakers, directives, projects and the event date come from the modules of this package;
metrics from `metrics.extract_metrics`. Every rule reads an article's folded view
(`Article.view`: simplified, half-width, debris absorbed); every item is grounded
through `PreparedDocument.evidence` and every string it shows is the page's own
(`PreparedDocument.verbatim` for spans, `PreparedDocument.restore` for composed text),
so a 繁體 page gets a 繁體 brief.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from summarizer.backends import Extraction
from summarizer.document import PreparedDocument
from summarizer.models import Directive, Project, Speaker
from summarizer.rules.directives import extract_directives
from summarizer.rules.projects import extract_projects, merge_projects
from summarizer.rules.speakers import SpeakerIndex
from summarizer.settings import Settings
from summarizer.text.dates import article_date
from summarizer.text.fold import fold_view

__all__ = ["OfflineBackend", "rules_version"]

# What a brief of the offline backend depends on: the rules, their cue tables, the text
# view and the stages around them. Report, archive and CLI code are left out.
_PACKAGE = Path(__file__).resolve().parent.parent
_MADE_BY = ("rules", "text", "normalize", "prepare.py", "ground.py", "brief.py", "models.py",
            "document.py")  # fmt: skip


@cache
def rules_version() -> str:
    """`rules-` and a digest of the code and tables that make an offline brief: a new
    version of the rules gets its own briefs in the archive instead of reusing old ones."""
    digest = hashlib.sha256()
    for part in _MADE_BY:
        path = _PACKAGE / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".py", ".toml", ".json", ".txt", ".tsv") and file.is_file():
                digest.update(file.relative_to(_PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return f"rules-{digest.hexdigest()[:12]}"


class OfflineBackend:
    """Backend protocol implementation that needs nothing but the text.

    Its `prompt_version` is the version of its rules (`rules_version`), so the archive
    tells briefs of different rules apart as it does briefs of different prompts.
    """

    name = "offline"
    model: str | None = None

    @property
    def prompt_version(self) -> str:
        return rules_version()

    @classmethod
    def from_settings(cls, settings: Settings) -> OfflineBackend:
        """The offline backend has no settings of its own."""
        del settings
        return cls()

    async def extract(self, document: PreparedDocument) -> Extraction:
        """Extract the four lists and the event date from every article of the document."""
        return self.extract_sync(document)

    def extract_sync(self, document: PreparedDocument) -> Extraction:
        """Synchronous form of `extract`, for benchmarks and other callers without a loop."""
        from summarizer.rules.metrics import extract_metrics

        index = SpeakerIndex()
        extraction = Extraction(date=event_date(document))
        directives: list[Directive] = []
        projects: list[Project] = []
        for article in document.articles:
            mentions = index.add_article(article)
            directives.extend(extract_directives(document, article, mentions))
            projects.extend(extract_projects(document, article))
            extraction.metrics.extend(extract_metrics(document, article))
        extraction.speakers = index.speakers(document)
        extraction.directives = _in_page_words(document, directives, extraction.speakers)
        extraction.projects = merge_projects(projects)
        return extraction

    async def aclose(self) -> None:
        """Nothing to release."""


def _in_page_words(
    document: PreparedDocument, directives: list[Directive], speakers: list[Speaker]
) -> list[Directive]:
    """Issuers as the page writes them: a speaker's own name, else the restored words."""
    names = {fold_view(s.name).text: s.name for s in speakers}
    for directive in directives:
        directive.issuer = names.get(directive.issuer) or document.restore(directive.issuer)
    return directives


def event_date(document: PreparedDocument) -> str | None:
    """The document's date: given with it, else its lead article's (the first dated)."""
    if document.date:
        return document.date
    for article in document.articles:
        if article.date:
            return article.date
    first = document.articles[0].view if document.articles else None
    return article_date(first.text, len(first.text)) if first else None
