"""The languages documents are written in: one registry, used by every layer.

A language is its code in data (`language: sv`), the tag documents declare (`sv-SE`),
the babel locale that formats its dates and numbers, and its name in Swedish messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["sv", "en"]


@dataclass(frozen=True, slots=True)
class LanguageInfo:
    """What the code needs to know of one document language."""

    code: Language
    tag: str
    """BCP 47 tag declared in the documents, e.g. sv-SE."""
    locale: str
    """babel locale for dates and numbers, e.g. sv_SE."""
    name: str
    """The language's name in Swedish, for messages."""


REGISTRY: dict[Language, LanguageInfo] = {
    "sv": LanguageInfo("sv", "sv-SE", "sv_SE", "svenska"),
    "en": LanguageInfo("en", "en-GB", "en_GB", "engelska"),
}
LANGUAGES: tuple[Language, ...] = tuple(REGISTRY)
DEFAULT: Language = "sv"


def info(code: Language) -> LanguageInfo:
    """Return the registry entry of a language."""
    return REGISTRY[code]


def known(code: object) -> Language | None:
    """Return `code` as a language if it is one we write, else None."""
    return next((language for language in LANGUAGES if language == code), None)
