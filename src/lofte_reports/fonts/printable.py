"""Refuse text that the PDF's font cannot draw, instead of printing empty boxes.

DOCX leaves fonts to the word processor, but both formats must show the same content,
so text is checked against the PDF font for either format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lofte_reports.doctree.nodes import Document, FontFamily
from lofte_reports.doctree.walk import document_texts
from lofte_reports.errors import Loc
from lofte_reports.text import describe_character


def unprintable(
    data: Any, loc: Loc = (), font: FontFamily | None = None
) -> Iterator[tuple[Loc, str]]:
    """Yield (location, message) for every string in `data` holding characters the font lacks.

    `font` is a theme's font family, checked instead of the built-in one.
    """
    from lofte_reports.fonts.coverage import missing_characters

    if isinstance(data, str):
        missing = missing_characters(data, font)
        if missing:
            names = ", ".join(f"'{char}' ({describe_character(char)})" for char in missing)
            which = "typsnittet" if font is None else f"temats typsnitt {font.name}"
            yield (
                loc,
                (f"tecken som {which} inte kan visa: {names}; ta bort dem eller skriv om texten"),
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from unprintable(value, (*loc, str(key)), font)
    elif isinstance(data, list | tuple):
        for n, value in enumerate(data):
            yield from unprintable(value, (*loc, n), font)


WRITER_CHARACTERS = "0123456789 .,:/_\u2022\u2212\u00a0"
"""Characters writers draw besides the document's texts: numbers, list bullets, signature lines."""


def undrawable(document: Document) -> str:
    """Return the characters of `document` that its theme's font cannot draw, each once.

    Every text counts: data, template prose, page decorations and what writers add. The
    built-in font needs no such check: the model refuses data it cannot draw, and the
    built-in templates are written for it.
    """
    from lofte_reports.fonts.coverage import missing_characters

    font = document.style.font
    if font is None:
        return ""
    texts = [*document_texts(document), WRITER_CHARACTERS]
    return missing_characters("".join(dict.fromkeys("".join(texts))), font)


def describe_missing(characters: str, font: FontFamily, document: str = "") -> str:
    """Return a message naming the characters a theme's font lacks (for `document`, a title)."""
    names = ", ".join(f"'{char}' ({describe_character(char)})" for char in characters)
    source = f" {font.source}" if font.source else ""
    which = f"dokumentet ”{document}”" if document else "dokumentet"
    return (
        f"typsnittet {font.name}{source} saknar tecknen {names}, som {which} behöver; "
        "välj ett typsnitt som har dem (t.ex. DejaVu Sans) eller skriv om texten"
    )
