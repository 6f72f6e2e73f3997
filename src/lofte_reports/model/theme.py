"""A municipality's theme, as data: logos, colours, font, margins, header and footer.

Only the form of the theme is checked here (paths that cannot leave the pledge folder,
colours and their contrast); `input.theme` reads the files and checks them as hostile input.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from lofte_reports.model.base import Id, Model, Text

MIN_CONTRAST = 4.5  # WCAG AA for body text
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def check_asset_path(text: str) -> str:
    """Return `text` if it is a relative path that cannot leave its folder; else ValueError.

    Only the form is checked here (for the model); `resolve_asset` checks the file itself.
    """
    if "\\" in text:
        raise ValueError(f"'{text}': skriv sökvägen med / mellan mappar, inte \\")
    if text.startswith(("/", "~")) or ":" in text:
        raise ValueError(
            f"'{text}': ange en sökväg i löftesmappen, relativ till den (t.ex. tema/logo.png), "
            "inte en absolut sökväg eller adress"
        )
    if ".." in PurePosixPath(text).parts:
        raise ValueError(f"'{text}': sökvägen får inte innehålla '..'; lägg filen i löftesmappen")
    if not PurePosixPath(text).name or text.endswith("/"):
        raise ValueError(f"'{text}': ange en fil, inte en mapp")
    return text


def parse_colour(text: str) -> str:
    """Return a colour "#RRGGBB" in capitals; ValueError if `text` is not one."""
    if not _COLOUR.match(text):
        raise ValueError(f"'{text}' ska vara en färg i formen #RRGGBB, t.ex. #1B365D")
    return text.upper()


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio (1 to 21) of two "#RRGGBB" colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# The theme: how a municipality's documents look. Files named here are read by `assets`,
# which holds every rule about what an asset may be; the model checks only their form.


def _asset_path(value: str) -> str:
    try:
        return check_asset_path(value)
    except ValueError as error:
        raise PydanticCustomError("asset_path", str(error)) from None


def _colour(value: str) -> str:
    try:
        return parse_colour(value)
    except ValueError as error:
        raise PydanticCustomError("colour", str(error)) from None


AssetPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=255),
    AfterValidator(_asset_path),
    Field(description="A file in the pledge folder, given relative to it, e.g. tema/logo.png"),
]

Colour = Annotated[
    str,
    AfterValidator(_colour),
    Field(description="A colour as #RRGGBB, e.g. #1B365D"),
]

Millimetres = Annotated[float, Field(ge=5, le=60)]


class ThemeLogo(Model):
    """A party's logo, printed in the page header of every document."""

    party: Id = Field(description="The party whose logo it is; its name is the alternative text")
    file: AssetPath = Field(description="PNG, JPEG or SVG")
    fallback: AssetPath | None = Field(
        default=None,
        description="A PNG or JPEG of the same logo, for Word; needed when file is an SVG",
    )


class ThemeColours(Model):
    """Colours as #RRGGBB; each must keep text readable (contrast at least 4.5:1)."""

    primary: Colour | None = Field(default=None, description="Title, headings and rules; on white")
    accent: Colour | None = Field(
        default=None, description="Fill of table header rows, behind black text"
    )

    @model_validator(mode="after")
    def _readable(self) -> ThemeColours:
        for name, colour, against, where in (
            ("primary", self.primary, "#FFFFFF", "på vit botten"),
            ("accent", self.accent, "#000000", "bakom svart text"),
        ):
            if colour is not None and (ratio := contrast(colour, against)) < MIN_CONTRAST:
                raise PydanticCustomError(
                    "contrast",
                    "{field}: färgen {colour} ger för låg kontrast {where} "
                    "({ratio}:1; minst 4,5:1); välj en {kind} nyans",
                    {
                        "field": name,
                        "colour": colour,
                        "where": where,
                        "ratio": f"{ratio:.1f}".replace(".", ","),
                        "kind": "mörkare" if name == "primary" else "ljusare",
                    },
                )
        return self


class ThemeFont(Model):
    """A TrueType font family in the pledge folder; only `regular` is required."""

    regular: AssetPath = Field(description="A .ttf file")
    bold: AssetPath | None = Field(default=None, description="Defaults to regular")
    italic: AssetPath | None = Field(default=None, description="Defaults to regular")
    bold_italic: AssetPath | None = Field(default=None, description="Defaults to bold or italic")


class Margins(Model):
    """Page margins in millimetres (5-60); a side left out keeps its default."""

    top: Millimetres | None = None
    right: Millimetres | None = None
    bottom: Millimetres | None = None
    left: Millimetres | None = None


class Theme(Model):
    """How the documents look: logos, colours, font, margins, header and footer, Word styles."""

    logos: list[ThemeLogo] = Field(default_factory=list, max_length=6)
    logo_height: Annotated[float, Field(ge=5, le=30)] = Field(
        default=12, description="Height of the logos in the page header, in millimetres"
    )
    colours: ThemeColours = Field(default_factory=ThemeColours)
    font: ThemeFont | None = None
    margins: Margins = Field(default_factory=Margins)
    header: Annotated[Text, StringConstraints(max_length=200)] | None = Field(
        default=None, description="Printed at the top of every page"
    )
    footer: Annotated[Text, StringConstraints(max_length=200)] | None = Field(
        default=None, description="Printed at the foot of every page, next to the page number"
    )
    reference_docx: AssetPath | None = Field(
        default=None,
        description="A Word file (.docx) whose styles, page setup, header and footer the "
        "DOCX documents take",
    )
