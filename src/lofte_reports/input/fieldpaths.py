"""Which fields exist at a path into the data, for "did you mean" messages."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from lofte_reports.errors import Loc


def allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Return the field names of the model found at `loc` below `model`, or [] if none is."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _item_type(current)
        elif _is_model(current) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
        current = _model_in(current)
    current = _model_in(current)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_in(annotation: Any) -> Any:
    """Return the annotation with Optional and Annotated peeled off."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _item_type(annotation: Any) -> Any:
    annotation = _model_in(annotation)
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return annotation
