"""Texts that carry their own translations: `{sv: "…", en: "…"}` wherever a text may stand.

The loader picks the document's language before validation. A text without a translation
into that language keeps the language it has, and the loader says so (as a warning, with
file, line and field), so languages are never mixed silently: a `{sv: …}` lacking the
language, and a plain text written in the pledge's own language (`language:`, Swedish by
default) when the documents are made in another (`--lang en`). Names of people and places
(`model.base.Name`) are the same in every language and are not warned about.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel

from lofte_reports.errors import Loc
from lofte_reports.languages import LANGUAGES, REGISTRY, Language
from lofte_reports.model.base import PROPER_NAME, TEXT, TextKind


def is_translated(value: Any) -> bool:
    """Return whether `value` is a text given in several languages."""
    return (
        isinstance(value, dict)
        and bool(value)
        and set(value) <= set(LANGUAGES)
        and all(isinstance(text, str) for text in value.values())
    )


def choose_language(
    data: Any, language: Language, loc: Loc = ()
) -> tuple[Any, list[tuple[Loc, str]]]:
    """Return `data` with every translated text resolved to `language`, and what was missing."""
    missing: list[tuple[Loc, str]] = []
    return _choose(data, language, loc, missing), missing


def _choose(data: Any, language: Language, loc: Loc, missing: list[tuple[Loc, str]]) -> Any:
    if is_translated(data):
        if language in data:
            return data[language]
        fallback = next(lang for lang in LANGUAGES if lang in data)
        missing.append(
            (
                loc,
                f"saknar översättning till {REGISTRY[language].name} ({language}:); "
                f"texten på {REGISTRY[fallback].name} används",
            )
        )
        return data[fallback]
    if isinstance(data, dict):
        return {
            key: _choose(value, language, (*loc, str(key)), missing) for key, value in data.items()
        }
    if isinstance(data, list):
        return [_choose(value, language, (*loc, n), missing) for n, value in enumerate(data)]
    return data


def translated_locations(data: Any, loc: Loc = ()) -> set[Loc]:
    """Return where `data` (as read, before `choose_language`) gives a text in several languages."""
    if is_translated(data):
        return {loc}
    found: set[Loc] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found |= translated_locations(value, (*loc, str(key)))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            found |= translated_locations(value, (*loc, n))
    return found


def untranslated(
    model: BaseModel, written: Language, language: Language, translated: set[Loc]
) -> list[tuple[Loc, str]]:
    """Return (location, warning) for each plain text of `model` that stays in `written`.

    `model` was validated from data whose texts are in `written` unless given in several
    languages (at `translated`, from `translated_locations`); the documents are made in
    `language`. Nothing is returned when the two are the same. Each text is named once,
    where it was written, however often the documents print it.
    """
    if written == language:
        return []
    message = (
        f"texten finns bara på {REGISTRY[written].name}, så den står på "
        f"{REGISTRY[written].name} i dokumentet på {REGISTRY[language].name}; skriv den som "
        f"{{{written}: …, {language}: …}} för att få den översatt"
    )
    return [
        (loc, message)
        for loc in _texts(model, ())
        if not any(loc[:n] in translated for n in range(1, len(loc) + 1))
    ]


def _texts(model: BaseModel, loc: Loc) -> Iterator[Loc]:
    """Yield the location of every `Text` (not `Name`) in a validated model."""
    for name, field in type(model).model_fields.items():
        kinds = _kinds(field.annotation) | {m for m in field.metadata if isinstance(m, TextKind)}
        yield from _value_texts(getattr(model, name), kinds, field.annotation, (*loc, name))


def _value_texts(value: Any, kinds: set[TextKind], annotation: Any, loc: Loc) -> Iterator[Loc]:
    if isinstance(value, BaseModel):
        yield from _texts(value, loc)
    elif isinstance(value, str):
        if TEXT in kinds and PROPER_NAME not in kinds and value:
            yield loc
    elif isinstance(value, list | tuple):
        item = _item_annotation(annotation)
        for n, one in enumerate(value):
            yield from _value_texts(one, _kinds(item), item, (*loc, n))


def _unwrap(annotation: Any) -> list[Any]:
    """Return the alternatives of an annotation: its union members, Annotated unwrapped."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [one for arg in typing.get_args(annotation) for one in _unwrap(arg)]
    return [annotation]


def _kinds(annotation: Any) -> set[TextKind]:
    """Return the text markers of an annotation (through unions, not into lists)."""
    if typing.get_origin(annotation) is typing.Annotated:
        own = {m for m in annotation.__metadata__ if isinstance(m, TextKind)}
        return own | _kinds(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return {kind for arg in typing.get_args(annotation) for kind in _kinds(arg)}
    return set()


def _item_annotation(annotation: Any) -> Any:
    """Return the item type of a list annotation (through Annotated and Optional)."""
    for one in _unwrap(annotation):
        if typing.get_origin(one) in (list, tuple):
            args = typing.get_args(one)
            return args[0] if args else Any
    return Any
