"""Refuse text that no font of the document can draw, instead of printing empty boxes.

One rule for every check (`coverage.missing_characters`): a character can be drawn when
the document's font has it, or else the shipped DejaVu Sans, in which the writers draw
what a theme's font lacks. Only what neither has is refused: in the data where it was
written (file, line and field), in the templates by document. A few texts are drawn in
one font without a fallback (the PDF's page label, footer and chart labels, and the
numbers and bullets writers add), so a theme's font must have all of theirs itself.
DOCX leaves fonts to the word processor, but both formats must show the same content,
so text is checked against the PDF's fonts for either format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lofte_reports.doctree.nodes import Chart, Document, FontFamily
from lofte_reports.doctree.walk import document_texts
from lofte_reports.errors import Loc
from lofte_reports.text import describe_character

FALLBACK_NAME = "DejaVu Sans"
"""The shipped font, named in messages."""


def unprintable(
    data: Any, loc: Loc = (), font: FontFamily | None = None
) -> Iterator[tuple[Loc, str]]:
    """Yield (location, message) for every string in `data` holding characters no font draws.

    `font` is a theme's font family, drawn in first; the shipped one draws what it lacks.
    """
    from lofte_reports.fonts.coverage import missing_characters

    if isinstance(data, str):
        missing = missing_characters(data, font)
        if missing:
            which = (
                "typsnittet"
                if font is None
                else f"varken temats typsnitt {font.name} eller {FALLBACK_NAME}"
            )
            yield (
                loc,
                f"tecken som {which} kan visa: {_names(missing)}; ta bort dem eller skriv om texten",
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from unprintable(value, (*loc, str(key)), font)
    elif isinstance(data, list | tuple):
        for n, value in enumerate(data):
            yield from unprintable(value, (*loc, n), font)


WRITER_CHARACTERS = "0123456789 .,:/_\u2022\u2212\u00a0"
"""Characters writers draw besides the document's texts: numbers, list bullets, signature lines."""


def undrawable(document: Document) -> list[tuple[str | None, str]]:
    """Return (field, message) for each kind of text of `document` that cannot be drawn.

    Every text counts: data, template prose, page decorations and what writers add. Data
    was checked where it was read, so characters no font draws come from the templates.
    Texts drawn in one font must be drawn by the theme's font itself.
    """
    from lofte_reports.fonts.coverage import family_lacks, missing_characters

    font = document.style.font
    title = document.metadata.title
    which = f"dokumentet ”{title}”" if title else "dokumentet"
    messages: list[tuple[str | None, str]] = []
    texts = document_texts(document)
    if missing := missing_characters(_unique(texts), font):
        fonts = (
            FALLBACK_NAME if font is None else f"{font.name}{_source(font)} eller {FALLBACK_NAME}"
        )
        message = (
            f"mallarna för {which} skriver tecken som inget typsnitt ({fonts}) kan visa: "
            f"{_names(missing)}; ta bort dem ur mallen"
        )
        messages.append((None, message))
    if font is None:
        return messages
    page = document.page
    single = {
        "sidfoten": [page.page_label, document.style.footer],
        "diagrammen": [
            text
            for block in document.blocks
            if isinstance(block, Chart)
            for text in (block.value_axis_label, *block.categories, *(s.name for s in block.series))
        ],
        "siffror och punkter": [WRITER_CHARACTERS],
    }
    for where, found in single.items():
        lacking = family_lacks(_unique(found), font)
        if lacking := "".join(c for c in lacking if c not in missing):
            messages.append(("theme.font", describe_missing(lacking, font, title, where)))
    return messages


def _unique(texts: list[str]) -> str:
    return "".join(dict.fromkeys("".join(texts)))


def _names(characters: str) -> str:
    return ", ".join(f"'{char}' ({describe_character(char)})" for char in characters)


def _source(font: FontFamily) -> str:
    return f" {font.source}" if font.source else ""


def describe_missing(characters: str, font: FontFamily, document: str = "", where: str = "") -> str:
    """Return a message naming the characters a theme's font lacks in text drawn in it alone.

    `document` is the document's title, `where` the part of it (the footer, the charts).
    """
    which = f"dokumentet ”{document}”" if document else "dokumentet"
    part = f"{where} i {which}" if where else which
    return (
        f"typsnittet {font.name}{_source(font)} saknar tecknen {_names(characters)}, som "
        f"{part} behöver och som där inte kan ritas med {FALLBACK_NAME} i stället; välj ett "
        "typsnitt som har dem (t.ex. DejaVu Sans) eller skriv om texten"
    )
