"""Which characters a font family can draw: one engine for every format and for validation.

Read from the fonts' own character maps, without registering them with any writer, so
the model, the input checks and the builders can ask without loading a PDF library's state.
"""

from __future__ import annotations

import functools
import io
from importlib import resources

from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

from lofte_reports.doctree.nodes import FontFamily

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
    """Return the code points every given face of a family has glyphs for."""
    sets = [frozenset(TTFontFile(io.BytesIO(face)).charToGlyph) for face in faces]
    return frozenset.intersection(*sets)


def missing_characters(text: str, font: FontFamily | None = None) -> str:
    """Return the characters of `text` the font cannot draw, in order, each once.

    Such text (most emoji, CJK) is refused rather than shown as empty boxes; newlines and
    tabs are allowed because writers lay them out. DejaVu Sans does draw a few emoji in
    black and white (e.g. U+1F600), so those pass. `font` is a theme's family, used
    instead of the shipped one; all its faces are checked.
    """
    drawable = _shipped_drawable() if font is None else _family_drawable(font.faces())
    if drawable.issuperset(map(ord, text)):
        return ""
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in drawable and char not in _IGNORED:
            missing[char] = None
    return "".join(missing)


def font_family_name(data: bytes) -> str:
    """Return the family name in a TrueType font's name table; ValueError if it is unusable.

    Unusable: not TrueType (e.g. OpenType with CFF outlines, WOFF), broken, or a font whose
    licence forbids embedding it in a document.
    """
    try:
        face = TTFontFile(io.BytesIO(data))
    except TTFError as error:
        raise ValueError(f"är inget användbart TrueType-typsnitt (.ttf): {error}") from None
    except Exception as error:  # a broken file fails anywhere in the parser
        raise ValueError(f"är inget giltigt TrueType-typsnitt (.ttf): {error}") from None
    name = face.familyName
    text = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
    return " ".join(text.replace("\x00", "").split()) or "Theme"
