"""A theme's files – logos, fonts, a reference Word file – found, checked and read in one place.

Themes come from other organisations, so every file is treated as hostile:

- a path is relative, has no "..", and still lies inside the pledge folder once symbolic
  links are resolved;
- sizes are capped; PNG and JPEG are decoded by Pillow under a pixel limit (no
  decompression bombs);
- SVG is parsed without DTD, entities or network, may not refer to other files, and may
  hold no text (the PDF could only draw it in an unembedded font);
- a reference .docx is a zip: its entry count, unpacked size and compression ratio are
  capped, and none of its XML parts may declare a DOCTYPE or entities;
- fonts must be TrueType that may be embedded.

Each problem names the file, the field (e.g. theme.logos[0].file) and, when the theme was
read from a file, its line. What passes becomes a `nodes.DocumentStyle` that writers draw.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lofte_reports.doctree import nodes
from lofte_reports.errors import DataError, Loc, Problem, format_loc
from lofte_reports.model.theme import check_asset_path, low_contrast, ratio_text

if TYPE_CHECKING:
    from lofte_reports.model.pledge import Pledge
    from lofte_reports.model.theme import Theme

MAX_IMAGE_BYTES = 5_000_000
MAX_FONT_BYTES = 20_000_000
MAX_DOCX_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000
MAX_SVG_ELEMENTS = 50_000
MAX_ZIP_ENTRIES = 1_000
MAX_ZIP_UNPACKED = 100_000_000
MAX_ZIP_RATIO = 100

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g);base64,", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

T = TypeVar("T")


class AssetError(ValueError):
    """One asset is unusable; the message says why, in Swedish, without the field."""


def resolve_asset(folder: Path, text: str) -> Path:
    """Return the file `text` names inside `folder`; AssetError if it is missing or outside."""
    try:
        check_asset_path(text)
    except ValueError as error:
        raise AssetError(str(error)) from None
    root = folder.resolve()
    path = (root / text).resolve()
    if not path.is_relative_to(root):
        raise AssetError(
            f"'{text}' pekar utanför löftesmappen (via en symbolisk länk); "
            "lägg själva filen i löftesmappen"
        )
    if not path.exists():
        raise AssetError(f"'{text}' finns inte i löftesmappen {folder}")
    if not path.is_file():
        raise AssetError(f"'{text}' är ingen fil")
    return path


def read_asset(folder: Path, text: str, limit: int) -> bytes:
    """Return the bytes of the file `text` names inside `folder`, refusing more than `limit`."""
    path = resolve_asset(folder, text)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise AssetError(f"'{text}' kan inte läsas: {error.strerror}") from None
    if len(data) > limit:
        raise AssetError(f"'{text}' är för stor (högst {limit // 1_000_000} MB)")
    if not data:
        raise AssetError(f"'{text}' är tom")
    return data


def check_image(
    data: bytes, name: str, formats: tuple[str, ...] = ("png", "jpeg", "svg")
) -> nodes.Image:
    """Return the checked image in `data`; AssetError if it is broken, too big or not allowed."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    kind: nodes.ImageFormat
    if data.startswith(_PNG):
        kind = "png"
    elif data.startswith(_JPEG):
        kind = "jpeg"
    elif head.startswith(b"<"):
        kind = "svg"
    else:
        raise AssetError(f"'{name}' är ingen PNG-, JPEG- eller SVG-bild")
    if kind not in formats:
        wanted = " eller ".join(f.upper() for f in formats)
        raise AssetError(f"'{name}' är en {kind.upper()}-bild; här behövs {wanted}")
    if kind == "svg":
        return _check_svg(data, name)
    width, height = check_raster(data, name)
    return nodes.Image(data, kind, width, height)


def check_raster(data: bytes, name: str) -> tuple[int, int]:
    """Decode a PNG or JPEG completely (so a broken one is found now) and return its size."""
    from PIL import Image as PILImage

    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise AssetError(
                        f"'{name}' har för många bildpunkter ({width}×{height}; "
                        f"högst {MAX_IMAGE_PIXELS // 1_000_000} miljoner)"
                    )
                image.load()
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise AssetError(f"'{name}' har för många bildpunkter") from None
        except (OSError, SyntaxError, ValueError) as error:
            raise AssetError(f"'{name}' är ingen giltig PNG- eller JPEG-bild ({error})") from None
    if not width or not height:
        raise AssetError(f"'{name}' är en tom bild")
    return width, height


def _check_svg(data: bytes, name: str) -> nodes.Image:
    """Check an SVG: no DTD or entities, no references to files or the web, no text."""
    from lxml import etree

    if _DECLARATION.search(data):
        raise AssetError(
            f"'{name}': SVG-filen innehåller en DOCTYPE- eller ENTITY-deklaration, "
            "som inte tillåts (den kan läsa andra filer); spara om den utan"
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise AssetError(f"'{name}' är ingen giltig SVG-fil ({error})") from None
    if root.tag != f"{_SVG_NS}svg":
        raise AssetError(f"'{name}' är ingen SVG-bild (rotelementet är inte <svg>)")
    for count, element in enumerate(root.iter()):
        if count > MAX_SVG_ELEMENTS:
            raise AssetError(f"'{name}' har för många element (högst {MAX_SVG_ELEMENTS})")
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag in (f"{_SVG_NS}text", f"{_SVG_NS}script", f"{_SVG_NS}foreignObject"):
            tag = element.tag.removeprefix(_SVG_NS)
            what = "text" if tag == "text" else f"<{tag}>"
            raise AssetError(
                f"'{name}': SVG-logotypen innehåller {what}; gör om texten till konturer "
                "(kurvor) i ritprogrammet eller använd en PNG-bild"
            )
        for key in (_XLINK_HREF, "href"):
            _check_reference(element.get(key), name)
        css = (element.text or "") if element.tag == f"{_SVG_NS}style" else ""
        for text in (css, element.get("style") or "", *element.attrib.values()):
            if "@import" in text:
                raise AssetError(f"'{name}': SVG-filen får inte hämta stilmallar (@import)")
            for target in _CSS_URL.findall(text):
                _check_reference(target, name)
    drawing = svg_drawing(data)
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        raise AssetError(f"'{name}' kan inte ritas (SVG-bilden saknar storlek eller innehåll)")
    return nodes.Image(data, "svg", float(drawing.width), float(drawing.height))


def _check_reference(target: str | None, name: str) -> None:
    """Allow references within the SVG (#id) and embedded PNG or JPEG data; refuse the rest."""
    if not target or target.startswith("#"):
        return
    match = _DATA_IMAGE.match(target)
    if match is None:
        raise AssetError(
            f"'{name}': SVG-filen hänvisar till en annan fil eller adress ({target[:60]!r}); "
            "bädda in allt i filen"
        )
    import base64
    import binascii

    try:
        embedded = base64.b64decode(target[match.end() :], validate=False)
    except (binascii.Error, ValueError):
        raise AssetError(f"'{name}': en inbäddad bild i SVG-filen går inte att läsa") from None
    if len(embedded) > MAX_IMAGE_BYTES:
        raise AssetError(f"'{name}': en inbäddad bild i SVG-filen är för stor")
    check_raster(embedded, f"{name} (inbäddad bild)")


def svg_drawing(data: bytes) -> Any:
    """Return an SVG as a reportlab Drawing (svglib), or None if svglib cannot draw it.

    Only for SVG that `check_image` has passed: svglib is given bytes, not a path, so it
    cannot follow references to other files.
    """
    from svglib.svglib import svg2rlg

    try:
        return svg2rlg(io.BytesIO(data), resolve_entities=False)
    except Exception:  # svglib raises many kinds on odd input; all mean "cannot draw"
        return None


def check_font(data: bytes, name: str) -> str:
    """Return the family name of a TrueType font; AssetError if it is not one we can embed."""
    from lofte_reports.fonts.coverage import font_family_name

    try:
        return font_family_name(data)
    except ValueError as error:
        raise AssetError(f"'{name}' {error}") from None


def check_reference_docx(data: bytes, name: str) -> bytes:
    """Return `data` if it is a Word document that is safe to open; AssetError if not."""
    stream = io.BytesIO(data)
    if not zipfile.is_zipfile(stream):
        raise AssetError(f"'{name}' är inget Word-dokument (.docx)")
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise AssetError(f"'{name}' har för många delar (högst {MAX_ZIP_ENTRIES})")
            unpacked = sum(entry.file_size for entry in entries)
            packed = max(1, sum(entry.compress_size for entry in entries))
            if unpacked > MAX_ZIP_UNPACKED or unpacked > MAX_ZIP_RATIO * max(packed, 10_000):
                raise AssetError(
                    f"'{name}' packas upp till {unpacked} byte (en zip-bomb?); "
                    f"högst {MAX_ZIP_UNPACKED // 1_000_000} MB och {MAX_ZIP_RATIO} gånger "
                    "den packade storleken"
                )
            content_types = b""
            for entry in entries:
                if not entry.filename.lower().endswith((".xml", ".rels")):
                    continue
                part = archive.read(entry)
                if _declares(part):
                    raise AssetError(
                        f"'{name}': delen {entry.filename} innehåller en DOCTYPE- eller "
                        "ENTITY-deklaration, som inte tillåts i Word-filer"
                    )
                if entry.filename.lower().endswith(".rels"):
                    _check_relationships(part, entry.filename, name)
                if entry.filename == "[Content_Types].xml":
                    content_types = part
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
        raise AssetError(f"'{name}' är ett trasigt Word-dokument ({error})") from None
    if _WORD_MAIN.encode() not in content_types:
        raise AssetError(
            f"'{name}' är inget vanligt Word-dokument (en mall .dotx eller ett dokument "
            "med makron?); spara det som Word-dokument (.docx)"
        )
    import docx

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise AssetError(f"'{name}' kan inte öppnas som Word-dokument ({error})") from None
    _check_text_colours(word, name)
    return data


_WORD_NAMES_SV = {
    "Title": "Rubrik",
    "Subtitle": "Underrubrik",
    "Heading 1": "Rubrik 1",
    "Heading 2": "Rubrik 2",
    "Heading 3": "Rubrik 3",
    "List Bullet": "Punktlista",
    "List Number": "Numrerad lista",
    "Caption": "Beskrivning",
    "Header": "Sidhuvud",
    "Footer": "Sidfot",
}
"""What Swedish Word calls the built-in styles, so that the style in a message can be found."""


def _check_text_colours(word: Any, name: str) -> None:
    """Refuse a reference whose styles the writer uses give text too little contrast.

    The rule is the theme colours' (`model.theme.low_contrast`); which styles the DOCX
    writer uses, and their colours, the writer knows. The message in English:
    "'tema/referens.docx': the style Subtitle (Underrubrik in Swedish Word) has the text
    colour #4F81BD, which gives too little contrast on white (4,0:1; at least 4,5:1); give
    the style a darker font colour in Word (Modify Style → Format → Font) and save the file
    again".
    """
    from lofte_reports.writers.docx.reference import text_colours

    faults = []
    for style, colour, background in text_colours(word):
        ratio = low_contrast(colour, background)
        if ratio is None:
            continue
        where = "på vit botten" if background == "#FFFFFF" else f"på bakgrunden {background}"
        swedish = _WORD_NAMES_SV.get(style)
        called = f"{style} ({swedish} i svensk Word)" if swedish else style
        faults.append(
            f"formatmallen {called} har textfärgen {colour}, som ger för låg kontrast "
            f"{where} ({ratio_text(ratio)}:1; minst 4,5:1)"
        )
    if faults:
        them = "formatmallen" if len(faults) == 1 else "formatmallarna"
        raise AssetError(
            f"'{name}': {'; '.join(faults)}; ge {them} en mörkare teckenfärg i Word "
            "(Ändra formatmall → Format → Tecken) och spara filen igen"
        )


def _check_relationships(part: bytes, part_name: str, name: str) -> None:
    """Refuse links from a Word file to files or addresses outside it, but for hyperlinks.

    A linked picture or template would be fetched by every reader who opens a document
    made from the reference (a tracking pixel, or a path on someone's network).
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(part, parser)
    except etree.XMLSyntaxError as error:
        raise AssetError(f"'{name}': delen {part_name} är trasig ({error})") from None
    for relationship in root:
        external = relationship.get("TargetMode") == "External"
        if external and not str(relationship.get("Type", "")).endswith("/hyperlink"):
            target = str(relationship.get("Target", ""))[:60]
            raise AssetError(
                f"'{name}': Word-filen hämtar {target!r} utifrån ({part_name}); "
                "bädda in bilder och mallar i filen i stället för att länka till dem"
            )


def _declares(part: bytes) -> bool:
    """Return whether an XML part declares a DOCTYPE or entities, in UTF-8 or UTF-16."""
    if part.startswith((b"\xff\xfe", b"\xfe\xff")):
        part = part.decode("utf-16", errors="replace").encode("utf-8")
    return _DECLARATION.search(part) is not None


def document_style(
    pledge: Pledge,
    folder: Path | None,
    file: Path | None = None,
    lines: dict[Loc, int] | None = None,
) -> nodes.DocumentStyle:
    """Return the look of the pledge's documents: its theme with every file read and checked.

    `folder` is where the theme's files are (the pledge folder); `file` and `lines` place
    problems in the pledge file. Raises DataError listing every unusable file.
    """
    theme = pledge.theme
    if theme is None:
        return nodes.DocumentStyle()
    return _ThemeReader(theme, folder, file, lines or {}).style(
        {party.id: party.name for party in pledge.parties}
    )


class _ThemeReader:
    """Reads a theme's files, collecting a problem for each one that is unusable."""

    def __init__(
        self, theme: Theme, folder: Path | None, file: Path | None, lines: dict[Loc, int]
    ) -> None:
        self.theme = theme
        self.folder = folder
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def style(self, party_names: dict[str, str]) -> nodes.DocumentStyle:
        theme = self.theme
        logos = []
        for n, logo in enumerate(theme.logos):
            at: Loc = ("theme", "logos", n)
            image = self._read((*at, "file"), logo.file, MAX_IMAGE_BYTES, check_image)
            fallback = None
            if logo.fallback is not None:
                fallback = self._read(
                    (*at, "fallback"),
                    logo.fallback,
                    MAX_IMAGE_BYTES,
                    lambda data, name: check_image(data, name, ("png", "jpeg")),
                )
            elif image is not None and image.format == "svg":
                self._problem(
                    (*at, "fallback"),
                    f"'{logo.file}' är en SVG-bild; Word behöver också en PNG- eller "
                    "JPEG-version av logotypen: ange den i fallback",
                )
            if image is not None:
                logos.append(nodes.Logo(image, party_names.get(logo.party, logo.party), fallback))
        font = None
        if theme.font is not None:
            font = self._font(
                theme.font.regular, theme.font.bold, theme.font.italic, theme.font.bold_italic
            )
        reference = None
        if theme.reference_docx is not None:
            reference = self._read(
                ("theme", "reference_docx"),
                theme.reference_docx,
                MAX_DOCX_BYTES,
                check_reference_docx,
            )
        if self.problems:
            raise DataError(self.problems)
        margins = theme.margins
        return nodes.DocumentStyle(
            primary=theme.colours.primary,
            accent=theme.colours.accent,
            font=font,
            margins=nodes.Margins(margins.top, margins.right, margins.bottom, margins.left),
            logos=tuple(logos),
            logo_height=theme.logo_height,
            header=theme.header or "",
            footer=theme.footer or "",
            extras=() if reference is None else (nodes.Extra(*nodes.DOCX_REFERENCE, reference),),
        )

    def _font(
        self, regular: str, bold: str | None, italic: str | None, bold_italic: str | None
    ) -> nodes.FontFamily | None:
        faces: dict[str, bytes | None] = {}
        family = ""
        for face, path in (
            ("regular", regular),
            ("bold", bold),
            ("italic", italic),
            ("bold_italic", bold_italic),
        ):
            faces[face] = None
            if path is None:
                continue
            loc: Loc = ("theme", "font", face)
            data = self._read(loc, path, MAX_FONT_BYTES, lambda data, _name: data)
            name = None if data is None else self._check(loc, path, data, check_font)
            if name is not None:
                faces[face] = data
                family = family or name
        if faces["regular"] is None:
            return None
        source = f"({regular})"
        return nodes.FontFamily(
            family,
            faces["regular"],
            faces["bold"],
            faces["italic"],
            faces["bold_italic"],
            source,
        )

    def _read(self, loc: Loc, path: str, limit: int, check: Callable[[bytes, str], T]) -> T | None:
        """Return the checked content of one file, or None after recording its problem."""
        if self.folder is None:
            self._problem(
                loc,
                f"temat anger filen '{path}' men ingen mapp att läsa den från; "
                "ange löftesmappen (assets_folder)",
            )
            return None
        try:
            data = read_asset(self.folder, path, limit)
        except AssetError as error:
            self._problem(loc, str(error))
            return None
        return self._check(loc, path, data, check)

    def _check(
        self, loc: Loc, path: str, data: bytes, check: Callable[[bytes, str], T]
    ) -> T | None:
        try:
            return check(data, path)
        except AssetError as error:
            self._problem(loc, str(error))
            return None

    def _problem(self, loc: Loc, message: str) -> None:
        from lofte_reports.input.files import line_of

        line = line_of(self.lines, loc) if self.lines else None
        self.problems.append(Problem(message, self.file, line, format_loc(loc)))
