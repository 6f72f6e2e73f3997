"""Refuse text that the PDF's font cannot draw, instead of printing empty boxes.

DOCX leaves fonts to the word processor, but both formats must show the same content,
so text is checked against the PDF font for either format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lofte_reports.fieldpaths import Loc
from lofte_reports.text import describe_character


def unprintable(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield (location, message) for every string in `data` holding characters the font lacks."""
    from lofte_reports.writers.fonts import missing_characters

    if isinstance(data, str):
        missing = missing_characters(data)
        if missing:
            names = ", ".join(f"'{char}' ({describe_character(char)})" for char in missing)
            yield (
                loc,
                (
                    f"tecken som typsnittet inte kan visa: {names}; ta bort dem eller skriv om texten"
                ),
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from unprintable(value, (*loc, str(key)))
    elif isinstance(data, list | tuple):
        for n, value in enumerate(data):
            yield from unprintable(value, (*loc, n))
