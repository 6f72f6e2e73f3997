"""Texts that carry their own translations: `{sv: "…", en: "…"}` wherever a text may stand.

The loader picks the document's language before validation. A text without a translation
into that language keeps the language it has, and the loader says so (as a warning, with
file, line and field), so languages are never mixed silently.
"""

from __future__ import annotations

from typing import Any

from lofte_reports.errors import Loc
from lofte_reports.languages import LANGUAGES, REGISTRY, Language


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
