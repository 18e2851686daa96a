"""The data of an eval report: scores, per-document results and run metadata.

Pydantic models, so a saved `--json` report can be read back as a baseline.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

LISTS = ("speakers", "directives", "metrics", "projects")
MODES = ("strict", "lenient")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PRF(_Strict):
    """Precision, recall and F1 of one list under one matching rule."""

    matched: int = Field(ge=0, description="Pairs matched one to one.")
    predicted: int = Field(ge=0, description="Items the backend produced.")
    expected: int = Field(ge=0, description="Items the fixture labels.")
    precision: float = Field(description="matched / predicted; 1.0 when nothing was predicted.")
    recall: float = Field(description="matched / expected; 1.0 when nothing was expected.")
    f1: float = Field(description="Harmonic mean; 1.0 when both lists are empty.")


class Ratio(_Strict):
    """A share of successes; rate is null when there was nothing to count."""

    correct: int = Field(ge=0, description="Successes.")
    total: int = Field(ge=0, description="Cases counted.")
    rate: float | None = Field(description="correct / total, or null when total is 0.")


class ListScore(_Strict):
    """Scores of one list (speakers, directives, metrics or projects)."""

    strict: PRF = Field(description="Scores under the strict matching rule.")
    lenient: PRF = Field(description="Scores under the lenient matching rule.")
    attributes: dict[str, Ratio] = Field(
        description="Attribute accuracy over lenient pairs (title, issuer, indicator, ...)."
    )


class UsageSummary(_Strict):
    """What the extraction cost."""

    calls: int = Field(default=0, description="Requests sent to a model.")
    prompt_tokens: int = Field(default=0, description="Prompt tokens.")
    completion_tokens: int = Field(default=0, description="Completion tokens.")
    cost_usd: float | None = Field(default=None, description="Cost, when any price is known.")
    seconds: float | None = Field(default=None, description="Wall time of extraction.")


class DocumentResult(_Strict):
    """How the backend did on one fixture."""

    id: str = Field(description="Fixture id.")
    error: str | None = Field(default=None, description="Why no brief was produced, if so.")
    schema_valid: bool = Field(description="A brief was produced and it validates.")
    articles_expected: int = Field(description="Articles the fixture labels.")
    articles_found: int | None = Field(description="Articles in the brief.")
    date_expected: str | None = Field(description="Date the fixture labels.")
    date_found: str | None = Field(description="Date in the brief.")
    article_count_correct: bool = Field(description="A brief with the labeled article count.")
    date_correct: bool = Field(description="A brief with the labeled date (null equals null).")
    lists: dict[str, ListScore] = Field(description="Scores per list.")
    grounding: Ratio = Field(description="Predicted items quoted verbatim at their offsets.")
    usage: UsageSummary = Field(description="Calls, tokens, cost and wall time.")


class Summary(_Strict):
    """Scores over the whole fixture set."""

    lists: dict[str, ListScore] = Field(description="Micro-averaged scores per list.")
    macro_f1: dict[str, dict[str, float]] = Field(
        description="Per list and mode, the mean of per-document F1."
    )
    grounding: Ratio = Field(description="Predicted items quoted verbatim at their offsets.")
    schema_valid: Ratio = Field(description="Documents whose brief validates.")
    article_count: Ratio = Field(description="Documents with the labeled number of articles.")
    date: Ratio = Field(description="Documents with the labeled date (null equals null).")
    usage: UsageSummary = Field(description="Totals; seconds is the run's wall time.")


class EvalReport(_Strict):
    """Everything one `summarizer eval` run measured."""

    backend: str = Field(description="Backend name.")
    model: str | None = Field(description="Model name, if any.")
    prompt_version: str | None = Field(description="Prompt version, if any.")
    fixtures: str = Field(description="The fixture folder.")
    fixture_hash: str = Field(description="sha256 of the fixture set's canonical JSON.")
    documents: int = Field(description="Number of fixtures.")
    created_at: str = Field(description="When the run finished (UTC, ISO 8601).")
    summary: Summary = Field(description="Scores over the set.")
    results: list[DocumentResult] = Field(description="One result per fixture.")
