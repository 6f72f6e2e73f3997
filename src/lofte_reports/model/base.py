"""What every model shares: strict frozen models, and the value types of text, dates and ids."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from lofte_reports.languages import Language
from lofte_reports.text import clean_text


def _iso_date(value: Any) -> Any:
    """Accept a date, or a string in ISO form (JSON has no date type); leave the rest to pydantic."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_format", "ska vara ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2018-01-31"
            ) from None
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_format", "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)")
    return value


def _as_list(value: Any) -> Any:
    """Let a single text stand for a list of one paragraph."""
    return [value] if isinstance(value, str) else value


class TextKind:
    """Marks a field type as text from data (`Text`) or a proper name in it (`Name`)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"TextKind({self.name!r})"


TEXT = TextKind("text")
PROPER_NAME = TextKind("name")

Text = Annotated[
    str,
    BeforeValidator(lambda value: value, json_schema_input_type=str | dict[Language, str]),
    StringConstraints(min_length=1),
    AfterValidator(clean_text),
    TEXT,
]
"""Text from data: printed literally; control characters are refused.

In files a text may also be given in several languages, {sv: "…", en: "…"}; the loader
picks the document's language before validation, and warns about a text given in one
language only when the document is written in another.
"""

Name = Annotated[Text, PROPER_NAME]
"""A person's or a place's name: text, but the same in every language (no such warning)."""

Paragraphs = Annotated[
    list[Text], BeforeValidator(_as_list, json_schema_input_type=str | list[str])
]
"""One or more paragraphs; a single string is one paragraph."""

Date = Annotated[dt.date, BeforeValidator(_iso_date)]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="Stable id: small letters a-z, digits, - and _"),
]


def about(heading: str, description: str) -> ConfigDict:
    """Return a model's heading and Swedish description, for the reference and JSON Schema.

    Administrators read them in docs/dataformat.md and in editors that know the schema;
    the class docstring stays the developers' English note.
    """
    return ConfigDict(title=heading, json_schema_extra={"description": description})


class Model(BaseModel):
    """Base for all model classes: strict, frozen, unknown keys refused."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
