"""The offline extractor's items as candidates for the model: picked by chunk, shown by id.

The hybrid strategy shows every candidate for the model to pick and label; the review
strategy shows only directives and projects, compactly, for the model to confirm.
"""

from __future__ import annotations

import json
import re
from typing import Any

from summarizer.backends import Extraction
from summarizer.document import Article
from summarizer.llm._chunking import Chunk, Grounded
from summarizer.llm._review import Candidates
from summarizer.models import Project

__all__ = ["chunk_candidates", "render_for_choice", "render_for_review", "reviewable",
           "as_grounded"]  # fmt: skip

# A directive is judged by its opening; its tail costs prompt tokens and adds little.
REVIEW_DIRECTIVE_CHARS = 48
# Characters of the source on each side of a project name: enough to tell a road that is
# being built from a road that is only an address.
REVIEW_PROJECT_CONTEXT = 12
_SPACE = re.compile(r"\s+")


def chunk_candidates(offline: Extraction, article: Article, chunk: Chunk) -> Candidates:
    """The offline items whose evidence lies inside the chunk, with ids."""
    lo, hi = article.original_span(chunk.start, chunk.end)

    def inside(items: list[Any]) -> list[Any]:
        return [i for i in items if lo <= i.evidence.start and i.evidence.end <= hi]

    return Candidates(
        speakers={f"S{n}": s for n, s in enumerate(inside(offline.speakers), 1)},
        directives={f"D{n}": d for n, d in enumerate(inside(offline.directives), 1)},
        metrics={f"M{n}": m for n, m in enumerate(inside(offline.metrics), 1)},
        projects={f"P{n}": p for n, p in enumerate(inside(offline.projects), 1)},
    )


def render_for_choice(candidates: Candidates) -> str:
    """Every candidate as a compact line the model can cite by id (hybrid strategy)."""
    lines = [f"{i}: {s.name} | 职务: {s.title or '无'} | 原文: {s.evidence.quote}"
             for i, s in candidates.speakers.items()]  # fmt: skip
    lines += [f"{i}: {d.text}" for i, d in candidates.directives.items()]
    lines += [f"{i}: {_number(m.value)}{m.unit} | 原文: {m.evidence.quote}"
              for i, m in candidates.metrics.items()]  # fmt: skip
    lines += [f"{i}: {p.name}" for i, p in candidates.projects.items()]
    return "\n".join(lines)


def render_for_review(candidates: Candidates, original: str) -> str:
    """Directive and project candidates, one short line each (review strategy)."""
    lines = ["工作要求候选:"] if candidates.directives else []
    lines += [f"{i} [{d.issuer}] {_clipped(d.text)}" for i, d in candidates.directives.items()]
    if candidates.projects:
        lines.append("项目候选:")
    lines += [f"{i} {p.name} (上下文: {_context(p, original)})"
              for i, p in candidates.projects.items()]  # fmt: skip
    return "\n".join(lines)


def reviewable(candidates: Candidates | None) -> bool:
    """Whether the review strategy has anything to judge in these candidates."""
    return candidates is not None and bool(candidates.directives or candidates.projects)


def as_grounded(candidates: Candidates | None) -> Grounded:
    """The candidates kept as they are (a chunk with nothing for the review to judge)."""
    return candidates.kept() if candidates is not None else Grounded()


def _clipped(text: str) -> str:
    flat = _SPACE.sub("", text)
    return flat if len(flat) <= REVIEW_DIRECTIVE_CHARS else flat[:REVIEW_DIRECTIVE_CHARS] + "…"


def _context(project: Project, original: str) -> str:
    start = max(project.evidence.start - REVIEW_PROJECT_CONTEXT, 0)
    end = project.evidence.end + REVIEW_PROJECT_CONTEXT
    return _SPACE.sub("", original[start:end])


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else json.dumps(value)
