"""Which characters a font family can draw: one engine for every format and for validation.

Read from the fonts' own character maps, without registering them with any writer, so
the model, the input checks and the builders can ask without loading a PDF library's state.
"""

from __future__ import annotations

import functools
import io
from importlib import resources

from lofte_reports.doctree.nodes import FontFamily

SHIPPED_FAMILY = "DejaVu Sans"
"""The family name of the shipped font, as its files name it and Word refers to it."""
SHIPPED_FACES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
"""The built-in family's faces: regular, bold, oblique, bold oblique."""

_IGNORED = frozenset("\n\t")  # writers turn these into line breaks and spaces


def shipped_face(file_name: str) -> bytes:
    """Return the bytes of one of the shipped font files."""
    return (resources.files("lofte_reports") / "fonts" / file_name).read_bytes()


@functools.cache
def _shipped_drawable() -> frozenset[int]:
    """Return the code points all four shipped faces have glyphs for.

    All four, because any text may end up bold or italic (headings, names, strong spans).
    """
    return _family_drawable(tuple(shipped_face(name) for name in SHIPPED_FACES))


@functools.lru_cache(maxsize=32)
def _family_drawable(faces: tuple[bytes, ...]) -> frozenset[int]:
    """Return the code points every given face of a family has glyphs for.

    reportlab's TrueType reader is imported here, on first use: a DOCX of the built-in
    look never loads reportlab (a theme's font is read with it in either format).
    """
    from reportlab.pdfbase.ttfonts import TTFontFile

    sets = [frozenset(TTFontFile(io.BytesIO(face)).charToGlyph) for face in faces]
    return frozenset.intersection(*sets)


def _drawable(font: FontFamily | None) -> frozenset[int]:
    return _shipped_drawable() if font is None else _family_drawable(font.faces())


def missing_characters(text: str, font: FontFamily | None = None) -> str:
    """Return the characters of `text` that cannot be drawn, in order, each once.

    The one rule for "can be drawn": a character can be drawn when the document's font
    has it (a theme's `font`, all its faces), or else the shipped DejaVu Sans, which the
    writers use for what a theme's font lacks (see `fallback_runs`). Such text (most emoji,
    CJK) is refused rather than shown as empty boxes; newlines and tabs are allowed because
    writers lay them out. DejaVu Sans does draw a few emoji in black and white (e.g.
    U+1F600), so those pass.
    """
    shipped = _shipped_drawable()
    if shipped.issuperset(map(ord, text)):
        return ""
    drawable = shipped if font is None else shipped | _drawable(font)
    return _lacking(text, drawable)


def family_lacks(text: str, font: FontFamily | None = None) -> str:
    """Return the characters of `text` the family itself cannot draw, in order, each once.

    For text a writer draws in one font, without a fallback: the PDF's page label and
    footer and its chart labels. None is the shipped family.
    """
    drawable = _drawable(font)
    if drawable.issuperset(map(ord, text)):
        return ""
    return _lacking(text, drawable)


def _lacking(text: str, drawable: frozenset[int]) -> str:
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in drawable and char not in _IGNORED:
            missing[char] = None
    return "".join(missing)


def fallback_runs(text: str, font: FontFamily | None) -> list[tuple[str, bool]]:
    """Split `text` into runs, each (text, True when drawn in the shipped fallback font).

    A character goes to the fallback when the theme's `font` lacks it and the shipped
    DejaVu Sans has it; everything else (and newlines, tabs) stays in the theme's font.
    Without a theme font there is nothing to split. Characters no font has stay with the
    theme's font: `missing_characters` refuses them before any writer runs.
    """
    if font is None or not text:
        return [(text, False)] if text else []
    theirs = _drawable(font)
    if theirs.issuperset(map(ord, text)):
        return [(text, False)]
    shipped = _shipped_drawable()
    runs: list[tuple[str, bool]] = []
    for char in text:
        code = ord(char)
        fallback = code not in theirs and code in shipped and char not in _IGNORED
        if runs and runs[-1][1] == fallback:
            runs[-1] = (runs[-1][0] + char, fallback)
        else:
            runs.append((char, fallback))
    return runs


def font_family_name(data: bytes) -> str:
    """Return the family name in a TrueType font's name table; ValueError if it is unusable.

    Unusable: not TrueType (e.g. OpenType with CFF outlines, WOFF), broken, or a font whose
    licence forbids embedding it in a document.
    """
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        face = TTFontFile(io.BytesIO(data))
    except TTFError as error:
        raise ValueError(f"är inget användbart TrueType-typsnitt (.ttf): {error}") from None
    except Exception as error:  # a broken file fails anywhere in the parser
        raise ValueError(f"är inget giltigt TrueType-typsnitt (.ttf): {error}") from None
    name = face.familyName
    text = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
    return " ".join(text.replace("\x00", "").split()) or "Theme"
