"""Ways of using a model: one class each, with one method from an article to its items.

Every strategy splits the article into chunks that fit the context and asks about them one
by one, in order (a later chunk's issuers may be speakers of an earlier one). What differs
is the question asked about one chunk:

- `PlainStrategy` (`plain`): extract every item from the text.
- `HybridStrategy` (`hybrid`): pick and label the offline extractor's candidates by id,
  and add what they missed.
- `ReviewStrategy` (`review`): say which offline directive and project candidates are
  right; everything else is offline's. A chunk with nothing to judge costs no request.
- `ProposeStrategy` (`propose`): keep every offline item and let the model propose the
  speakers and projects the rules missed; code grounds each proposal (`_proposals.py`)
  before it is kept.

`extract` returns the article's grounded items and what they cost, explicitly: nothing
travels on the side. `STRATEGIES` maps the names users give to the classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol, cast

import instructor
from pydantic import BaseModel

from summarizer.backends import Extraction
from summarizer.document import Article, PreparedDocument
from summarizer.errors import ConfigurationError, ExtractionError
from summarizer.llm._asking import Asker, Check, Question
from summarizer.llm._candidates import (
    as_grounded,
    chunk_candidates,
    render_for_choice,
    render_for_review,
    reviewable,
)
from summarizer.llm._chunking import Chunk, Grounded, merge, split_article
from summarizer.llm._proposals import ProjectProposals, SpeakerProposals, with_proposals
from summarizer.llm._review import Candidates, ChunkReview
from summarizer.llm._schema import ArticleItems, CandidateChoice, KeptCandidates, PageAnswer
from summarizer.llm.prompting import PromptSet
from summarizer.llm.usage import Tally
from summarizer.models import Usage

__all__ = ["ArticleJob", "ArticleResult", "Strategy", "Tools", "STRATEGIES", "strategy_named"]

# instructor wraps a plain pydantic model in a new class on every request, which defeats its
# own schema cache (schema generation was ~28 % of the client's CPU in bench/llm_overhead);
# models wrapped once here are used as they are.
ITEMS_MODEL: type[BaseModel] = instructor.openai_schema(ArticleItems)
CHOICE_MODEL: type[BaseModel] = instructor.openai_schema(CandidateChoice)
KEPT_MODEL: type[BaseModel] = instructor.openai_schema(KeptCandidates)
PAGE_MODEL: type[BaseModel] = instructor.openai_schema(PageAnswer)
# A chunk this short (a caption, a byline) names no project or speaker worth a request.
MIN_PROPOSAL_CHARS = 120


@dataclass(frozen=True)
class ArticleJob:
    """One article to extract, and what the offline extractor found in its document."""

    document: PreparedDocument
    article: Article
    offline: Extraction | None = None


@dataclass(frozen=True)
class ArticleResult:
    """An article's grounded items and what extracting them cost."""

    items: Grounded
    usage: Usage


@dataclass(frozen=True)
class Tools:
    """What a strategy works with: the asker, the prompts, and the per-article limits."""

    asker: Asker
    prompts: PromptSet
    chunk_chars: int
    token_budget: int
    article_seconds: float
    price_prompt: float | None = None
    price_completion: float | None = None


class Strategy(Protocol):
    """A way of using the model on one article."""

    @property
    def name(self) -> str:
        """What users call it (`--strategy`)."""
        ...

    @property
    def prompt_suffix(self) -> str:
        """Appended to the prompt version recorded in every brief."""
        ...

    @property
    def uses_candidates(self) -> bool:
        """Whether `extract` needs the offline extraction in its job."""
        ...

    async def extract(self, job: ArticleJob) -> ArticleResult:
        """The article's grounded items, and their usage."""
        ...


@dataclass(frozen=True)
class Place:
    """One chunk of an article, where it stands, and who is known to speak before it."""

    job: ArticleJob
    chunk: Chunk
    number: int
    count: int
    speakers: frozenset[str]

    def candidates(self) -> Candidates | None:
        """The offline items inside this chunk, by id (None without an offline extraction)."""
        offline = self.job.offline
        return chunk_candidates(offline, self.job.article, self.chunk) if offline else None

    def review(self, candidates: Candidates | None = None) -> ChunkReview:
        """The review that grounds a reply about this chunk."""
        return ChunkReview(self.job.document, self.job.article, self.chunk,
                           candidates or None, self.speakers)  # fmt: skip


class _ChunkByChunk:
    """The loop every strategy shares; subclasses say what to ask about one chunk."""

    name: ClassVar[str]
    prompt_suffix: ClassVar[str]
    uses_candidates: ClassVar[bool] = True
    system_template: ClassVar[str | None] = None  # None: the extraction prompt, with examples

    def __init__(self, tools: Tools) -> None:
        self._tools = tools
        template = self.system_template
        # rendered once: the extraction prompt holds the few-shot examples
        self._system = tools.prompts.render(template) if template else tools.prompts.system()

    async def extract(self, job: ArticleJob) -> ArticleResult:
        """Ask about each chunk in order; merge what grounded; count what it cost."""
        tools = self._tools
        tally = Tally.for_article(tools.token_budget, tools.article_seconds)
        chunks = split_article(job.article.text, tools.chunk_chars)
        parts: list[Grounded] = []
        for number, chunk in enumerate(chunks, 1):
            speakers = frozenset(s.name for part in parts for s in part.speakers)
            place = Place(job, chunk, number, len(chunks), speakers)
            parts.append(await self.chunk(place, tally))
        items = merge(parts)
        tally.dropped += items.dropped
        return ArticleResult(items, tally.usage(tools.price_prompt, tools.price_completion))

    async def chunk(self, place: Place, tally: Tally) -> Grounded:
        raise NotImplementedError

    def _plain_question(self, place: Place) -> Question:
        prompts = self._tools.prompts
        user = prompts.render("user", article=place.chunk.text, part_number=place.number,
                              part_count=place.count)  # fmt: skip
        return Question(self._system, user, ITEMS_MODEL, place.review())


class PlainStrategy(_ChunkByChunk):
    """The model extracts every item from the text; code grounds each one."""

    name = "plain"
    prompt_suffix = ""
    uses_candidates = False

    async def chunk(self, place: Place, tally: Tally) -> Grounded:
        return await self._tools.asker.ask(self._plain_question(place), tally)


class HybridStrategy(_ChunkByChunk):
    """The model picks and labels the offline candidates by id and adds what they missed."""

    name = "hybrid"
    prompt_suffix = "-hybrid"

    async def chunk(self, place: Place, tally: Tally) -> Grounded:
        candidates = place.candidates()
        if not candidates:
            return await self._tools.asker.ask(self._plain_question(place), tally)
        prompts = self._tools.prompts
        user = prompts.render("user_hybrid", candidates=render_for_choice(candidates),
                              article=place.chunk.text, part_number=place.number,
                              part_count=place.count)  # fmt: skip
        question = Question(self._system, user, CHOICE_MODEL, place.review(candidates))
        return await self._tools.asker.ask(question, tally)


class ReviewStrategy(_ChunkByChunk):
    """The model confirms offline directive and project candidates by id; the rest is
    offline's as it is."""

    name = "review"
    prompt_suffix = "-review"
    system_template = "system_review"

    async def chunk(self, place: Place, tally: Tally) -> Grounded:
        candidates = place.candidates()
        if not reviewable(candidates):
            return as_grounded(candidates)  # nothing to judge: no request
        prompts = self._tools.prompts
        listed = render_for_review(cast(Candidates, candidates), place.job.document.original)
        user = prompts.render("user_review", candidates=listed)
        question = Question(self._system, user, KEPT_MODEL, place.review(candidates))
        return await self._tools.asker.ask(question, tally)


class ProposeStrategy(_ChunkByChunk):
    """Every offline item, completed by the model: it proposes the speakers and projects the
    rules missed; code grounds each one.

    Both questions about a chunk share one reply schema and start with the chunk's text,
    so a local server reads the text once and the second question costs only itself.
    Directives are not asked for: on the devset and the blind holdout set the model's
    directive proposals were right 0 times in 38 (bench/README.md).
    """

    name = "propose"
    prompt_suffix = "-propose"
    system_template = "system_propose"

    async def chunk(self, place: Place, tally: Tally) -> Grounded:
        candidates = place.candidates() or Candidates()
        if len(place.chunk.text.strip()) < MIN_PROPOSAL_CHARS:
            return candidates.kept()
        review = place.review(candidates)
        speakers = await self._ask(place, "ask_speakers", SpeakerProposals(review), tally)
        projects = await self._ask(place, "ask_projects", ProjectProposals(review), tally)
        return with_proposals(candidates, place.speakers, speakers, projects)

    async def _ask(
        self, place: Place, question: str, check: Check, tally: Tally
    ) -> Grounded:
        """The grounded proposals of one question. Proposals only add to offline's items,
        so an unusable answer (cut off, never valid) loses that question's proposals, with a
        note in the brief, not the article; an endpoint that fails still fails it."""
        prompts = self._tools.prompts
        asked = prompts.render(question)
        user = prompts.render("user_propose", article=place.chunk.text, question=asked)
        try:
            return await self._tools.asker.ask(
                Question(self._system, user, PAGE_MODEL, check), tally
            )
        except ExtractionError as exc:
            what = question.removeprefix("ask_")
            where = f"article {place.job.article.index + 1}, part {place.number}/{place.count}"
            return Grounded(notes=[f"{where}: no {what} proposed by the model ({exc})"])


STRATEGIES: dict[str, type[_ChunkByChunk]] = {
    cls.name: cls for cls in (PlainStrategy, HybridStrategy, ReviewStrategy, ProposeStrategy)
}


def strategy_named(name: str, tools: Tools) -> Strategy:
    """The strategy called `name`, or a ConfigurationError listing the known ones."""
    try:
        return STRATEGIES[name](tools)
    except KeyError:
        known = ", ".join(sorted(STRATEGIES))
        raise ConfigurationError(f"unknown strategy {name!r}: choose one of {known}") from None
