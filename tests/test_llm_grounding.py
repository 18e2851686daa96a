"""Locating quotes, the prompt loader, and hybrid candidate choice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, Step
from llm_support import GOOD, TEXT, document, extract, settings

from summarizer.backends import Extraction
from summarizer.document import PreparedDocument
from summarizer.errors import ConfigurationError
from summarizer.ground import ArticleText, ground, locate
from summarizer.llm._schema import ArticleItems
from summarizer.llm.prompting import load_prompts, prompts_root
from summarizer.models import Directive, Evidence, Metric, MetricKind, Speaker


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("同比增长7.5%,好", "同比增长7.5%", "同比增长7.5%"),
        ("同比增长７.５％,好", "同比增长7.5%", "同比增长７.５％"),  # width
        ("要抓落实\n见实效。", "要抓落实见实效", "要抓落实\n见实效"),  # a line break inside
        ("會議強調,要抓項目", "会议强调", "會議強調"),  # traditional characters
        ("“要抓项目”", "要抓项目。", "要抓项目"),  # punctuation the model added
    ],
)
def test_locate_finds_the_span_in_the_article(text: str, quote: str, found: str) -> None:
    span = locate(ArticleText(text), quote)
    assert span is not None and text[span[0] : span[1]] == found


def test_locate_returns_none_for_an_invented_quote() -> None:
    assert locate(ArticleText(TEXT), "要大力发展低空经济") is None
    assert locate(ArticleText(TEXT), " 。") is None


def test_ground_maps_article_offsets_to_the_original() -> None:
    original = "<p>标题</p>要抓项目。"
    doc = document(original)
    article = doc.articles[0].__class__(index=0, text="要抓项目。", offsets=tuple(range(9, 14)))
    prepared = PreparedDocument(id="d", original=original, articles=(article,))
    assert ground(prepared, article, "要抓项目") == Evidence(quote="要抓项目", start=9, end=13)


def test_prompts_expose_a_version_and_render_the_examples() -> None:
    prompts = load_prompts()
    assert prompts.version == "v1" and len(prompts.fingerprint) == 16
    system = prompts.system()
    assert "周明远" in system and "\\u" not in system


def test_every_example_fits_the_reply_schema() -> None:
    for example in load_prompts().examples:
        ArticleItems.model_validate(example["expected"])


def test_a_missing_template_variable_is_an_error() -> None:
    with pytest.raises(ConfigurationError, match="article"):
        load_prompts().render("user", part_count=1, part_number=1)


def test_an_example_quote_that_is_not_verbatim_is_rejected(tmp_path: Path) -> None:
    shutil.copytree(Path(str(prompts_root())) / "v1", tmp_path / "v1")
    path = tmp_path / "v1" / "examples.json"
    examples = json.loads(path.read_text(encoding="utf-8"))
    examples[0]["expected"]["directives"][0]["text"] = "要紧盯目标"  # paraphrased
    path.write_text(json.dumps(examples, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigurationError, match="要紧盯目标"):
        load_prompts(root=tmp_path)


class _Candidates:
    """Stands in for the offline extractor: grounded items to choose from."""

    name = "offline"
    model = None
    prompt_version = None

    async def extract(self, document: PreparedDocument) -> Extraction:
        def ev(quote: str) -> Evidence:
            start = TEXT.index(quote)
            return Evidence(quote=quote, start=start, end=start + len(quote))

        return Extraction(
            speakers=[Speaker(name="李明", title="区委书记", evidence=ev("区委书记李明"))],
            directives=[
                Directive(
                    issuer="?",
                    text="要全力以赴抓项目、稳增长",
                    evidence=ev("要全力以赴抓项目、稳增长"),
                )
            ],  # fmt: skip
            metrics=[
                Metric(
                    indicator="?",
                    value=120.5,
                    unit="亿元",
                    kind=MetricKind.ACTUAL,
                    evidence=ev("地区生产总值完成120.5亿元"),
                ),
                Metric(
                    indicator="?",
                    value=20,
                    unit="日",
                    kind=MetricKind.ACTUAL,
                    evidence=ev("7月20日"),
                ),
            ],  # fmt: skip
        )

    async def aclose(self) -> None:
        pass


def test_hybrid_mode_lets_the_model_choose_candidates_by_id() -> None:
    choice = {
        "speakers": [{"id": "S1", "title": None}],
        "directives": [{"id": "D1", "issuer": "李明"}],
        "metrics": [
            {"id": "M1", "indicator": "地区生产总值", "kind": "actual", "period": "上半年"}
        ],
        "projects": [],
        "missed": {"projects": [GOOD["projects"][0]]},
    }
    with FakeOpenAI([Step(payload=dict(choice, metrics=[{**choice["metrics"][0], "id": "M9"}])),
                     Step(payload=choice)]) as server:  # fmt: skip
        result = extract(settings(server.url, strategy="hybrid"), candidates=_Candidates())
    user = server.requests[0].body["messages"][-1]["content"]
    assert "M1: 120.5亿元 | 原文: 地区生产总值完成120.5亿元" in user and "M2: 20日" in user
    assert "unknown candidate id 'M9'" in server.requests[1].text
    (metric,) = result.metrics
    assert (metric.indicator, metric.value, metric.period) == ("地区生产总值", 120.5, "上半年")
    assert [d.issuer for d in result.directives] == ["李明"]
    assert [(s.name, s.title) for s in result.speakers] == [("李明", "区委书记")]
    assert [p.name for p in result.projects] == ["青山大桥项目"]
    assert result.usage.reasks == 1
