"""Reading a model's raw reply: find the JSON, keep the items that validate."""

from __future__ import annotations

import json
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["raw_reply", "salvage"]

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


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
    """The JSON object in a reply, with or without a Markdown fence; ValueError if none."""
    fenced = _FENCE.search(raw)
    text = fenced.group(1) if fenced else raw
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the reply holds no JSON object")
    data = json.loads(text[start : end + 1])
    if not isinstance(data, dict):
        raise ValueError("the reply's JSON is not an object")
    return data


def salvage(raw: str, model: type[BaseModel]) -> tuple[BaseModel, int]:
    """Validate a reply item by item, leaving out the items that do not fit the schema.

    Returns the model and how many items were left out; raises ValueError when the
    reply is not a JSON object at all.
    """
    parts, left_out = _valid_parts(json_object(raw), model)
    return model.model_validate(parts), left_out


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
