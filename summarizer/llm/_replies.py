"""Reading what a server answered: is it a usable completion, where is the JSON, what fits."""

from __future__ import annotations

import json
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["envelope_problem", "raw_reply", "json_object", "salvage"]

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)
_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_REASON_CHARS = 120


def envelope_problem(response: Any) -> str | None:
    """Why a 200 answer is not a completion the model wrote something into, or None."""
    if isinstance(response, str | bytes):  # openai hands back a non-JSON body as text
        text = response if isinstance(response, str) else response.decode("utf-8", "replace")
        if _HTML.match(text):
            return "the server answered an HTML page (HTTP 200), not a chat completion"
        return "the server's answer (HTTP 200) is not a chat completion"
    choices = getattr(response, "choices", None)
    if not choices:
        return "the server's reply has no choices"
    message = getattr(choices[0], "message", None)
    if message is None:
        return "the server's reply has no message"
    refusal = getattr(message, "refusal", None)
    if refusal:
        return f"the model refused: {_one_line(str(refusal))}"
    if getattr(choices[0], "finish_reason", None) == "content_filter":
        return "the provider's content filter stopped the reply"
    if not message.content and not getattr(message, "tool_calls", None):
        return "the model's reply is empty (no content, no tool call)"
    return None


def raw_reply(completion: Any) -> str:
    """The text a chat completion carries: tool-call arguments, else the message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return ""
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return str(calls[0].function.arguments or "")
    return str(message.content or "")


def json_object(raw: str) -> dict[str, Any]:
    """The JSON object in a reply, with or without a Markdown fence; ValueError saying why not."""
    fenced = _FENCE.search(raw)
    text = fenced.group(1) if fenced else raw
    start, end = text.find("{"), text.rfind("}")
    if start < 0:
        return _no_json(raw)
    candidate = text[start : end + 1] if end > start else text[start:]
    try:
        data = json.loads(candidate)
    except json.JSONDecodeError as exc:
        raise ValueError(_broken_json(candidate, exc)) from None
    if not isinstance(data, dict):
        raise ValueError("the reply's JSON is not an object")
    return data


def _no_json(raw: str) -> dict[str, Any]:
    if not raw.strip():
        raise ValueError("the reply is empty")
    raise ValueError(f"the reply is not JSON: {_one_line(raw)}")


def _broken_json(text: str, exc: json.JSONDecodeError) -> str:
    if exc.pos >= len(text.rstrip()) - 1 or "Unterminated" in exc.msg:
        return "the reply's JSON is cut off before its end (truncated)"
    return f"the reply's JSON is malformed: {exc.msg} at character {exc.pos}"


def salvage(raw: str, model: type[BaseModel], context: Any = None) -> tuple[BaseModel, int]:
    """Validate a reply item by item, leaving out the items that do not fit the schema.

    `context` is the validation context (it grounds the reply). Returns the model and how
    many items were left out; raises ValueError when the reply is not a JSON object, or
    holds none of the schema's fields (a reply to some other question).
    """
    data = json_object(raw)
    if data and not data.keys() & model.model_fields.keys():
        keys = ", ".join(sorted(data)[:5])
        raise ValueError(f"the reply's JSON has none of the fields asked for (it has: {keys})")
    parts, left_out = _valid_parts(data, model)
    return model.model_validate(parts, context=context), left_out


def _valid_parts(data: dict[str, Any], model: type[BaseModel]) -> tuple[dict[str, Any], int]:
    kept: dict[str, Any] = {}
    left_out = 0
    for name, info in model.model_fields.items():
        value = data.get(name)
        item_type = _list_item_model(info.annotation)
        if item_type is not None and isinstance(value, list):
            kept[name] = [v for v in (_valid(item_type, x) for x in value) if v is not None]
            left_out += len(value) - len(kept[name])
        elif _is_model(info.annotation) and isinstance(value, dict):
            nested = typing.cast(type[BaseModel], info.annotation)
            kept[name], nested_left_out = _valid_parts(value, nested)
            left_out += nested_left_out
    return kept, left_out


def _valid(model: type[BaseModel], value: Any) -> BaseModel | None:
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def _list_item_model(annotation: Any) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return item if _is_model(item) else None
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _REASON_CHARS else flat[:_REASON_CHARS] + "…"
