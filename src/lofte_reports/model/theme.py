"""A municipality's theme, as data: logos, colours, font, margins, header and footer.

Only the form of the theme is checked here (paths that cannot leave the pledge folder,
colours and their contrast); `input.theme` reads the files and checks them as hostile input.
"""

from __future__ import annotations

import math
import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from lofte_reports.model.base import Id, Model, Text, about

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


def low_contrast(colour: str, against: str) -> float | None:
    """Return the contrast of text in `colour` on `against` if it is too low to read, else None.

    The one rule for text colours (WCAG AA for body text, `MIN_CONTRAST`): a theme's colours
    and the text colours of a reference Word file's styles are both held to it.
    """
    ratio = contrast(colour, against)
    return ratio if ratio < MIN_CONTRAST else None


def ratio_text(ratio: float) -> str:
    """Return a contrast ratio as Swedish prints it, rounded down ("4,0" for 4.03; never "4,5" below 4.5)."""
    return f"{math.floor(ratio * 10) / 10:.1f}".replace(".", ",")


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

    model_config = about("Logotyp", "En parts logotyp.")

    party: Id = Field(
        description="Id för den part logotypen hör till, t.ex. `polisen`. Partens namn blir logotypens alternativtext, som skärmläsare läser upp."
    )
    file: AssetPath = Field(
        description="Bildfilen: PNG, JPEG eller SVG, t.ex. `tema/polisen.png`. En SVG får inte innehålla text (gör om den till konturer), skript eller hänvisningar till andra filer."
    )
    fallback: AssetPath | None = Field(
        default=None,
        description="En PNG- eller JPEG-version av samma logotyp, för Word-program som inte kan visa SVG. Krävs när `file` är en SVG-bild.",
    )


class ThemeColours(Model):
    """Colours as #RRGGBB; each must keep text readable (contrast at least 4.5:1)."""

    model_config = about(
        "Färger",
        "Färger skrivna som `#RRGGBB`. Texten måste gå att läsa: kontrasten ska vara minst 4,5:1.",
    )

    primary: Colour | None = Field(
        default=None,
        description="Färgen på dokumentets rubrik, avsnittsrubrikerna och linjerna, t.ex. `#1B365D`. Den står på vit botten och måste vara mörk nog.",
    )
    accent: Colour | None = Field(
        default=None,
        description="Bakgrundsfärgen i tabellernas rubrikrad, t.ex. `#DCE6F2`. Rubrikraden har svart text och färgen måste vara ljus nog.",
    )

    @model_validator(mode="after")
    def _readable(self) -> ThemeColours:
        for name, colour, against, where in (
            ("primary", self.primary, "#FFFFFF", "på vit botten"),
            ("accent", self.accent, "#000000", "bakom svart text"),
        ):
            if colour is not None and (ratio := low_contrast(colour, against)) is not None:
                raise PydanticCustomError(
                    "contrast",
                    "{field}: färgen {colour} ger för låg kontrast {where} "
                    "({ratio}:1; minst 4,5:1); välj en {kind} nyans",
                    {
                        "field": name,
                        "colour": colour,
                        "where": where,
                        "ratio": ratio_text(ratio),
                        "kind": "mörkare" if name == "primary" else "ljusare",
                    },
                )
        return self


class ThemeFont(Model):
    """A TrueType font family in the pledge folder; only `regular` is required."""

    model_config = about(
        "Typsnitt",
        "Ett typsnitt av TrueType-filer (.ttf) i löftesmappen. Typsnittets licens måste tillåta att det bäddas in.",
    )

    regular: AssetPath = Field(
        description="Den vanliga stilen, t.ex. `tema/typsnitt/MinFont-Regular.ttf`."
    )
    bold: AssetPath | None = Field(
        default=None, description="Fet stil. Utelämnas den skrivs fet text med den vanliga stilen."
    )
    italic: AssetPath | None = Field(
        default=None,
        description="Kursiv stil. Utelämnas den skrivs kursiv text med den vanliga stilen.",
    )
    bold_italic: AssetPath | None = Field(
        default=None, description="Fet kursiv stil. Utelämnas den används fet stil, annars kursiv."
    )


class Margins(Model):
    """Page margins in millimetres (5-60); a side left out keeps its default."""

    model_config = about(
        "Marginaler",
        "Marginaler i millimeter (5–60). En sida som utelämnas behåller sin vanliga marginal (25 mm).",
    )

    top: Millimetres | None = Field(default=None, description="Övre marginalen.")
    right: Millimetres | None = Field(default=None, description="Högra marginalen.")
    bottom: Millimetres | None = Field(
        default=None,
        description="Nedre marginalen; sidfoten med sidnumret står alltid under texten.",
    )
    left: Millimetres | None = Field(default=None, description="Vänstra marginalen.")


class Theme(Model):
    """How the documents look: logos, colours, font, margins, header and footer, Word styles."""

    model_config = about(
        "Utseende (tema)",
        "Kommunens eget utseende på dokumenten. Filer anges relativt till löftesmappen (t.ex. `tema/logo.png`) och måste ligga i den; absoluta sökvägar, `..` och symboliska länkar ut ur mappen godtas inte. Bilder får vara högst 5 MB, typsnitt och Word-mallar högst 20 MB.",
    )

    logos: list[ThemeLogo] = Field(
        default_factory=list,
        max_length=6,
        description="Parternas logotyper, som visas i sidhuvudet på varje sida i båda formaten, i listans ordning.",
    )
    logo_height: Annotated[float, Field(ge=5, le=30)] = Field(
        default=12,
        description="Logotypernas höjd i millimeter. Blir de tillsammans för breda krymps de.",
    )
    colours: ThemeColours = Field(
        default_factory=ThemeColours, description="Färger för rubriker och tabeller."
    )
    font: ThemeFont | None = Field(
        default=None,
        description="Ett eget typsnitt i stället för DejaVu Sans. Det bäddas in i både PDF:en och Word-dokumentet, så att läsaren ser det utan att ha det installerat. Det måste ha alla tecken som dokumenten innehåller.",
    )
    margins: Margins = Field(
        default_factory=Margins,
        description="Sidans marginaler. Ett sidhuvud med logotyper kan behöva mer plats än den övre marginalen, och då flyttas texten ned.",
    )
    header: Annotated[Text, StringConstraints(max_length=200)] | None = Field(
        default=None,
        description="En text överst på varje sida, t.ex. `Landskrona stad – Trygghetsenheten`, ovanför dokumentets löpande rubrik.",
    )
    footer: Annotated[Text, StringConstraints(max_length=200)] | None = Field(
        default=None,
        description="En text längst ned på varje sida, till vänster om sidnumret, t.ex. `www.landskrona.se`.",
    )
    reference_docx: AssetPath | None = Field(
        default=None,
        description="Ett Word-dokument (.docx) vars formatmallar, sidinställningar, sidhuvud och sidfot Word-dokumenten tar över, som pandocs referensdokument. Innehållet i det tas bort. Har mallen ett eget sidhuvud eller en egen sidfot används de i stället för logotyperna, `header` och `footer`; färger, typsnitt och marginaler i temat gäller då bara PDF:en.",
    )
