"""Turn a model's reply into grounded items, or say precisely what to fix.

Every verbatim field is located in the chunk by `summarizer.ground`; every
metric value is parsed by `summarizer.text.numbers` from the numeral found in the
quote; issuers and units are checked by `_checks`. In strict mode a problem raises
ValueError (instructor re-asks with the message); in lenient mode (re-asks
exhausted, or a cached reply replayed) the item is dropped and counted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from pydantic import BaseModel

from summarizer.document import Article, PreparedDocument
from summarizer.ground import ArticleText, fold, locate
from summarizer.llm._checks import issuer_problem, unit_problem
from summarizer.llm._chunking import Chunk, Grounded
from summarizer.llm._schema import (
    CandidateChoice,
    DirectiveOut,
    KeptCandidates,
    MetricOut,
    MissedItems,
    ProjectOut,
    SpeakerOut,
)
from summarizer.models import Directive, Evidence, Metric, Project, Speaker
from summarizer.text.numbers import parse_number, scale_unit

log = logging.getLogger("summarizer.llm")
_DECLINE = re.compile(r"(下降|减少|下滑|回落|降低|收窄|负增长|减|降)了?\s*$")


class Rejected(Exception):
    """An item that cannot be grounded; the message tells the model what to fix."""


@dataclass
class Candidates:
    """The offline extractor's items for one chunk, by id (S1, D1, M1, P1 ...)."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    directives: dict[str, Directive] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)

    def __len__(self) -> int:
        groups: tuple[dict[str, Any], ...] = (
            self.speakers,
            self.directives,
            self.metrics,
            self.projects,
        )
        return sum(len(g) for g in groups)

    def kept(
        self, directives: set[str] | None = None, projects: set[str] | None = None
    ) -> Grounded:
        """Every speaker and metric, and the directives and projects with these ids (all of
        them when no ids are given)."""
        return Grounded(
            speakers=list(self.speakers.values()),
            directives=[
                d for i, d in self.directives.items() if directives is None or i in directives
            ],
            metrics=list(self.metrics.values()),
            projects=[p for i, p in self.projects.items() if projects is None or i in projects],
        )


@dataclass(frozen=True)
class ChunkReview:
    """Grounds the replies for one chunk: the check a ReplyContext carries.

    `speakers` are the names already known to speak in the article (earlier chunks, the
    offline candidates); a reply's own speakers are added to them for its issuers.
    """

    document: PreparedDocument
    article: Article
    chunk: Chunk
    candidates: Candidates | None = None
    speakers: frozenset[str] = frozenset()
    lenient: bool = False
    _text: ArticleText = field(init=False)
    _whole: ArticleText = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", ArticleText(self.chunk.text))
        object.__setattr__(self, "_whole", ArticleText(self.article.text))

    def leniently(self) -> ChunkReview:
        """The same review, dropping (and counting) what it would otherwise re-ask."""
        return replace(self, lenient=True)

    def __call__(self, model: BaseModel) -> Grounded:
        grounded, problems = self.review(model)
        if problems and not self.lenient:
            raise ValueError(
                "Fix these items (copy every quoted field verbatim from the article; "
                "drop an item you cannot support):\n" + "\n".join(problems)
            )
        grounded.dropped += len(problems)
        return grounded

    def review(self, model: BaseModel) -> tuple[Grounded, list[str]]:
        """Grounded items and the problems of the items that could not be grounded."""
        grounded, problems = Grounded(), list[str]()
        if isinstance(model, KeptCandidates):
            problems += self._review_kept(model, grounded)
        elif isinstance(model, CandidateChoice):
            problems += self._review_choices(model, grounded)
            problems += self._review_items(model.missed, grounded, prefix="missed.")
        elif isinstance(model, MissedItems):
            problems += self._review_items(model, grounded, prefix="")
        return grounded, problems

    # ---- plain items --------------------------------------------------------------------

    def _review_items(self, items: MissedItems, out: Grounded, prefix: str) -> list[str]:
        problems: list[str] = []
        makers: list[tuple[str, list[Any], Any, list[Any]]] = [
            ("speakers", items.speakers, self.speaker, out.speakers),
            ("directives", items.directives, self.directive, out.directives),
            ("metrics", items.metrics, self.metric, out.metrics),
            ("projects", items.projects, self.project, out.projects),
        ]
        for name, values, make, sink in makers:  # speakers first: issuers are checked on them
            for i, value in enumerate(values):
                try:
                    sink.append(make(value, out))
                except Rejected as exc:
                    problems.append(f"- {prefix}{name}[{i}]: {exc}")
        return problems

    def _span(self, text: str, what: str) -> tuple[int, int]:
        span = locate(self._text, text)
        if span is None:
            raise Rejected(f"{what} {text!r} is not in the article")
        return span

    def find(self, text: str) -> tuple[int, int] | None:
        """The span of `text` in the chunk (verbatim, folded or ignoring spaces), or None."""
        return locate(self._text, text)

    def evidence(self, span: tuple[int, int]) -> Evidence:
        """Evidence in the original document for a span of the chunk."""
        start = self.chunk.start + span[0]
        return self.document.evidence(self.article, start, self.chunk.start + span[1])

    def verbatim(self, span: tuple[int, int]) -> str:
        """The chunk's text at a span."""
        return self.chunk.text[span[0] : span[1]]

    def speaker(self, item: SpeakerOut, out: Grounded) -> Speaker:
        quote_span = self._span(item.quote, "quote")
        name_span = self._span(item.name, "name")
        if fold(item.name.strip()) not in fold(self.verbatim(quote_span)):
            raise Rejected(f"name {item.name!r} is not in its quote")
        title = self._title(item.title, out)
        return Speaker(
            name=self.verbatim(name_span),
            title=title,
            article=self.article.index,
            evidence=self.evidence(quote_span),
        )

    def _title(self, title: str | None, out: Grounded) -> str | None:
        if not title:
            return None
        span = locate(self._text, title)
        if span is None:
            if self.lenient:
                out.dropped += 1  # keep the speaker, lose (and count) only the title
                return None
            raise Rejected(f"title {title!r} is not in the article")
        return self.verbatim(span)

    def _issuer(self, issuer: str, out: Grounded) -> str:
        known = self.speakers | {s.name for s in out.speakers}
        if self.candidates is not None:
            known |= {s.name for s in self.candidates.speakers.values()}
        problem = issuer_problem(issuer, known, self._whole)
        if problem is not None:
            raise Rejected(problem)
        return issuer.strip()

    def directive(self, item: DirectiveOut, out: Grounded) -> Directive:
        span = self._span(item.text, "text")
        issuer = self._issuer(item.issuer, out)
        return Directive(
            issuer=issuer,
            text=self.verbatim(span),
            article=self.article.index,
            evidence=self.evidence(span),
        )

    def metric(self, item: MetricOut, out: Grounded) -> Metric:
        span = self._span(item.quote, "quote")
        quote = self.verbatim(span)
        numeral = _numeral_text(item.number)
        at = fold(quote).find(fold(numeral))
        if not numeral or at < 0:
            raise Rejected(f"number {numeral!r} does not occur in its quote {quote!r}")
        value = parse_number(numeral)
        if value is None:
            raise Rejected(f"number {numeral!r} is not a numeral as written in the text")
        if _DECLINE.search(quote[:at]) or quote[:at].endswith(("-", "负")):
            value = -abs(value)
        return self._metric_from(item, value, span)

    def _metric_from(self, item: MetricOut, value: float, span: tuple[int, int]) -> Metric:
        unit = item.unit.strip()
        problem = unit_problem(unit, self.verbatim(span))
        if problem is not None:
            raise Rejected(problem)
        normalized, base = scale_unit(value, unit)
        return Metric(
            indicator=item.indicator.strip(),
            value=value,
            unit=unit,
            kind=item.kind,
            period=item.period or None,
            normalized_value=normalized,
            normalized_unit=base,
            article=self.article.index,
            evidence=self.evidence(span),
        )

    def project(self, item: ProjectOut, out: Grounded) -> Project:
        span = self._span(item.name, "name")
        return Project(
            name=self.verbatim(span),
            status=item.status,
            article=self.article.index,
            evidence=self.evidence(span),
        )

    # ---- hybrid choices -----------------------------------------------------------------

    def _review_choices(self, choice: CandidateChoice, out: Grounded) -> list[str]:
        known = self.candidates or Candidates()
        problems: list[str] = []
        for i, s in enumerate(choice.speakers):
            retitle = partial(self._retitled, title=s.title, out=out)
            problems += _chosen(known.speakers, s.id, f"speakers[{i}]", out.speakers, retitle)
        for i, d in enumerate(choice.directives):
            relabel = partial(self._reissued, issuer=d.issuer, out=out)
            problems += _chosen(known.directives, d.id, f"directives[{i}]", out.directives, relabel)
        for i, m in enumerate(choice.metrics):
            labels = {"indicator": m.indicator, "kind": m.kind, "period": m.period or None}
            problems += _chosen(known.metrics, m.id, f"metrics[{i}]", out.metrics,
                                partial(_relabel, update=labels))  # fmt: skip
        for i, p in enumerate(choice.projects):
            status = partial(_relabel, update={"status": p.status})
            problems += _chosen(known.projects, p.id, f"projects[{i}]", out.projects, status)
        return problems

    def _review_kept(self, kept: KeptCandidates, out: Grounded) -> list[str]:
        """The directive and project candidates kept, with every speaker and metric candidate.

        An id that names no candidate keeps nothing and is ignored rather than re-asked: a
        re-ask costs the local model ~15 s and cannot recover what such an id meant.
        """
        known = self.candidates or Candidates()
        kept_directives = _ids(kept.directives, "D")
        kept_projects = _ids(kept.projects, "P")
        chosen = known.kept(kept_directives, kept_projects)
        out.speakers += chosen.speakers
        out.metrics += chosen.metrics
        out.directives += chosen.directives
        out.projects += chosen.projects
        unknown = (kept_directives - known.directives.keys()) | (
            kept_projects - known.projects.keys()
        )
        if unknown:
            log.info("review named no candidate with id(s) %s; ignored", ", ".join(sorted(unknown)))
        return []

    def _retitled(self, speaker: Speaker, title: str | None, out: Grounded) -> Speaker:
        if not title:
            return speaker
        return speaker.model_copy(update={"title": self._title(title, out)})

    def _reissued(self, directive: Directive, issuer: str, out: Grounded) -> Directive:
        return directive.model_copy(update={"issuer": self._issuer(issuer, out)})


def _relabel(item: BaseModel, update: dict[str, Any]) -> BaseModel:
    return item.model_copy(update=update)


def _chosen(
    known: dict[str, Any], item_id: str, where: str, sink: list[Any], label: Callable[[Any], Any]
) -> list[str]:
    candidate = known.get(item_id.strip())
    if candidate is None:
        return [f"- {where}: unknown candidate id {item_id!r}; use an id from <candidates>"]
    try:
        sink.append(label(candidate))
    except Rejected as exc:
        return [f"- {where}: {exc}"]
    return []


def _ids(values: list[str | int], prefix: str) -> set[str]:
    """Candidate ids as given, with a bare number read as `prefix` + number (3 → D3)."""
    ids = {str(v).strip().upper() for v in values}
    return {f"{prefix}{i}" if i.isdigit() else i for i in ids}


def _numeral_text(number: str | float) -> str:
    """The numeral to look for in the quote; a sign is dropped because code decides it."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return str(number).strip().lstrip("+-−负").strip()
