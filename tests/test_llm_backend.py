"""The llm backend over real HTTP: modes, grounding, re-asks, drops, failures, chunks."""

from __future__ import annotations

import pytest
from fake_openai import FakeOpenAI, Recorded, Step
from llm_support import GOOD, TEXT, document, extract, good, settings

from summarizer.errors import ExtractionError
from summarizer.llm._chunking import Grounded, merge, split_article
from summarizer.models import Evidence, Metric, MetricKind


@pytest.mark.parametrize("mode", ["TOOLS", "JSON", "MD_JSON"])
def test_every_mode_returns_grounded_items(mode: str) -> None:
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        result = extract(settings(server.url, mode=mode))
    items = [*result.speakers, *result.directives, *result.metrics, *result.projects]
    assert len(items) == 5
    for item in items:  # offsets are located by code and point at the quote
        assert TEXT[item.evidence.start : item.evidence.end] == item.evidence.quote
    assert result.usage.calls == 1 and result.usage.reasks == 0
    assert result.usage.prompt_tokens > 0 and result.usage.completion_tokens > 0


def test_request_is_sent_with_chinese_characters_not_escapes() -> None:
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        extract(settings(server.url))
    raw = server.requests[0].raw
    assert "区委书记李明".encode() in raw and b"\\u533a" not in raw
    assert server.requests[0].body["model"] == "fake-model"


def test_metric_values_are_parsed_by_code_with_sign_and_scale() -> None:
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        metrics = extract(settings(server.url)).metrics
    gdp, growth = metrics
    assert (gdp.value, gdp.unit, gdp.normalized_value, gdp.normalized_unit) == (
        120.5, "亿元", 12_050_000_000.0, "CNY",
    )  # fmt: skip
    assert growth.value == -6.8 and growth.kind is MetricKind.CHANGE  # 下降 → negative
    assert growth.normalized_value == pytest.approx(-0.068)


def test_quotes_match_after_width_folding_and_keep_the_original_text() -> None:
    text = TEXT.replace("120.5", "１２０.５")  # full-width digits in the page
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        metrics = extract(settings(server.url), document(text)).metrics
    assert metrics[0].value == 120.5
    assert metrics[0].evidence.quote == "上半年全区地区生产总值完成１２０.５亿元"


def test_hallucinated_quote_is_reasked_with_the_validation_error() -> None:
    invented = good(directives=[{"issuer": "李明", "text": "要大力发展低空经济"}])
    with FakeOpenAI([Step(payload=invented), Step(payload=GOOD)]) as server:
        result = extract(settings(server.url))
    assert len(server.requests) == 2
    assert "要大力发展低空经济" in server.requests[1].text  # the error names the bad item
    assert "is not in the article" in server.requests[1].text
    assert [d.text for d in result.directives] == ["要全力以赴抓项目、稳增长"]
    assert result.usage.reasks == 1 and result.usage.dropped_items == 0


def test_items_still_failing_after_reasks_are_dropped_and_counted() -> None:
    bad = good(projects=[{"name": "青山机场项目", "status": "planned"}])
    with FakeOpenAI([Step(payload=bad)] * 3) as server:
        result = extract(settings(server.url, max_reasks=2))
    assert len(server.requests) == 3
    assert result.projects == []  # never returned
    assert len(result.speakers) == len(result.directives) == 1 and len(result.metrics) == 2
    assert result.usage.dropped_items == 1 and result.usage.reasks == 2


def test_metric_whose_number_is_not_in_its_quote_is_reasked_then_dropped() -> None:
    wrong = dict(GOOD["metrics"][0], number="130")
    reply = good(metrics=[wrong, GOOD["metrics"][1]])
    with FakeOpenAI([Step(payload=reply)] * 2) as server:
        result = extract(settings(server.url, max_reasks=1))
    assert "'130' does not occur in its quote" in server.requests[1].text
    assert [m.value for m in result.metrics] == [-6.8]
    assert result.usage.dropped_items == 1


def test_invalid_json_is_reasked() -> None:
    with FakeOpenAI([Step(raw="{speakers: [李明"), Step(payload=GOOD)]) as server:
        result = extract(settings(server.url))
    assert len(server.requests) == 2 and result.usage.reasks == 1
    assert len(result.metrics) == 2


def test_schema_invalid_output_is_reasked_then_salvaged_item_by_item() -> None:
    odd = dict(GOOD["metrics"][0], kind="growth")  # not a MetricKind
    reply = good(metrics=[odd, GOOD["metrics"][1]])
    with FakeOpenAI([Step(payload=reply)] * 2) as server:
        result = extract(settings(server.url, max_reasks=1))
    assert "kind" in server.requests[1].text
    assert [m.value for m in result.metrics] == [-6.8]
    assert result.usage.dropped_items == 1 and len(result.projects) == 1


def test_output_that_never_validates_raises_with_last_output_and_attempts() -> None:
    with FakeOpenAI([Step(raw="对不起,我无法完成。")] * 3) as server:
        with pytest.raises(ExtractionError) as caught:
            extract(settings(server.url, max_reasks=2))
    assert caught.value.last_output == "对不起,我无法完成。"
    assert caught.value.attempts == 3 and len(server.requests) == 3


def test_token_budget_stops_reasks() -> None:
    bad = good(projects=[{"name": "青山机场项目", "status": "planned"}])
    with FakeOpenAI([Step(payload=bad)] * 6) as server:
        result = extract(settings(server.url, max_reasks=5, token_budget=50))
    assert len(server.requests) == 1  # the first reply already spent the budget
    assert result.usage.dropped_items == 1 and len(result.metrics) == 2


def test_long_article_is_split_at_paragraphs_and_merged_without_duplicates() -> None:
    text = "\n".join([TEXT[:33], TEXT[33:63], TEXT[63:]])
    chunks = split_article(text, 40)
    again = {"name": "李明", "title": None, "quote": "李明强调"}  # the same person, later

    def per_chunk(request: Recorded) -> Step:
        user = request.body["messages"][-1]["content"]
        reply = {
            name: [i for i in GOOD[name] + ([again] if name == "speakers" else [])
                   if (i.get("quote") or i.get("text") or i.get("name")) in user]
            for name in ("speakers", "directives", "metrics", "projects")
        }  # fmt: skip
        return Step(payload=reply)

    with FakeOpenAI(responder=per_chunk) as server:
        result = extract(settings(server.url, chunk_chars=40), document(text))
    assert len(chunks) >= 3 and len(server.requests) == len(chunks)
    assert f"第 2/{len(chunks)} 部分" in server.requests[1].body["messages"][-1]["content"]
    assert [(s.name, s.title) for s in result.speakers] == [("李明", "区委书记")]
    assert len(result.metrics) == 2 and len(result.projects) == len(result.directives) == 1
    for item in [*result.metrics, *result.directives, *result.projects, *result.speakers]:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.quote
    assert result.usage.reasks == 0 and result.usage.calls == len(chunks)


def test_a_signed_number_from_the_model_is_found_and_the_sign_comes_from_the_text() -> None:
    signed = dict(GOOD["metrics"][1], number="-6.8")  # as a small local model wrote it
    rising = dict(GOOD["metrics"][0], number=-120.5)  # a sign the text does not support
    with FakeOpenAI([Step(payload=good(metrics=[rising, signed]))]) as server:
        result = extract(settings(server.url))
    assert [m.value for m in result.metrics] == [120.5, -6.8]
    assert result.usage.reasks == 0


def test_merging_keeps_two_metrics_that_share_a_quote_value_and_unit() -> None:
    quote = "新增规上工业企业、省级专精特新企业各300家"
    evidence = Evidence(quote=quote, start=0, end=len(quote))
    twins = [
        Metric(indicator=name, value=300, unit="家", kind=MetricKind.TARGET, evidence=evidence)
        for name in ("新增规上工业企业", "省级专精特新企业")
    ]
    merged = merge([Grounded(metrics=twins), Grounded(metrics=twins[:1])])
    assert [m.indicator for m in merged.metrics] == ["新增规上工业企业", "省级专精特新企业"]


def test_an_article_holding_template_syntax_reaches_the_model_verbatim() -> None:
    """instructor renders messages as Jinja when `context=` is truthy; ours must not be."""
    text = TEXT + "{{ secret }} {% if x %}{# note #}"
    with FakeOpenAI([Step(payload=GOOD)]) as server:
        result = extract(settings(server.url), document(text))
    assert "{{ secret }} {% if x %}{# note #}" in server.requests[0].body["messages"][-1]["content"]
    assert len(result.metrics) == 2


def test_every_strategy_the_settings_accept_has_a_class() -> None:
    from summarizer.llm.strategies import STRATEGIES
    from summarizer.settings import STRATEGIES as NAMES

    assert set(NAMES) - {"auto"} == set(STRATEGIES)
