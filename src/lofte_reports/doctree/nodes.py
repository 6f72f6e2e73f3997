"""The format-neutral document tree that builders produce and writers draw.

The vocabulary is small, closed and semantic: a signature block is a
`SignatureBlock`, not "a table with two columns". Every node is frozen and holds
plain text exactly as it must be printed; writers never interpret it as markup.
A writer must handle every `Block` type (see `tests/writers/test_cover_nodes.py`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Literal, Never, NoReturn, TypeAlias

ParagraphRole = Literal["body", "lead", "note"]
Tone = Literal["positive", "caution", "negative", "neutral"]
"""A colour that helps a reader (a status, say); never the only carrier of meaning."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one look; `text` is printed literally."""

    text: str
    strong: bool = False
    emphasis: bool = False
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; newlines and tabs in span text are kept as line breaks and tabs."""

    spans: tuple[Span, ...]
    role: ParagraphRole = "body"

    @classmethod
    def of(cls, text: str, role: ParagraphRole = "body") -> Paragraph:
        """Return a paragraph of one plain span."""
        return cls((Span(text),), role)

    @property
    def text(self) -> str:
        """Return the paragraph's text without formatting."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """The document's title, with lines under it (parties, area, period)."""

    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 is the top level below the title."""

    level: int
    text: str

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 3:
            raise ValueError(f"heading level must be 1-3, not {self.level}")


@dataclass(frozen=True, slots=True)
class ItemList:
    """A bulleted or numbered list; each item is one paragraph."""

    items: tuple[Paragraph, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row that repeats on every page it spans.

    `widths` are relative column widths (any positive numbers); None means equal.
    """

    header: tuple[Paragraph, ...]
    rows: tuple[tuple[Paragraph, ...], ...]
    caption: str | None = None
    widths: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        columns = len(self.header)
        for row in self.rows:
            if len(row) != columns:
                raise ValueError(f"table row has {len(row)} cells, header has {columns}")
        if not columns:
            raise ValueError("a table needs at least one column")
        if self.widths is not None and len(self.widths) != columns:
            raise ValueError(f"table has {columns} columns but {len(self.widths)} widths")
        if self.widths is not None and not all(math.isfinite(w) and w > 0 for w in self.widths):
            raise ValueError(f"table widths must be positive numbers, not {self.widths}")


@dataclass(frozen=True, slots=True)
class Series:
    """One named series of a chart; None is a missing value."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart of series over categories, with alternative text for those who cannot see it."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt_text: str
    value_axis_label: str = ""

    def __post_init__(self) -> None:
        for series in self.series:
            if any(v is not None and not math.isfinite(v) for v in series.values):
                raise ValueError(f"series {series.name!r} holds a value that is not a number")
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories"
                )


@dataclass(frozen=True, slots=True)
class Signatory:
    """One person who signs: a line to sign on, then name, title and organisation."""

    name: str
    title: str
    organisation: str


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Signatures, with place and date filled in when known, else blank lines to write on.

    A `dateline` ("Laxå den 26 oktober 2018") stands instead of the place and date rows, as
    many pledges print it: place and date are then said once, never twice.
    """

    signatories: tuple[Signatory, ...]
    place_label: str
    date_label: str
    place: str | None = None
    date: str | None = None
    dateline: str | None = None

    @property
    def place_and_date(self) -> tuple[tuple[str, str | None], tuple[str, str | None]]:
        """Return the (label, value) rows of place and date; a None value is left blank."""
        return ((self.place_label, self.place), (self.date_label, self.date))


Block: TypeAlias = TitleBlock | Heading | Paragraph | ItemList | Table | Chart | SignatureBlock


def unknown_block(block: Never, who: str) -> NoReturn:
    """Refuse a block no case handled; typed `Never`, so mypy flags a forgotten block type.

    Every `match` over blocks ends in `case _: unknown_block(block, ...)` (like
    `typing.assert_never`, but a TypeError that says which writer or walk it was).
    """
    raise TypeError(f"{who} cannot handle a {type(block).__name__}")


BLOCK_TYPES: tuple[type, ...] = (
    TitleBlock,
    Heading,
    Paragraph,
    ItemList,
    Table,
    Chart,
    SignatureBlock,
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document properties written into every format.

    `date` is the day the document is dated, from the data (see `builders.pledge.document_date`);
    writers write it as the file's creation and modification date, never the clock.
    """

    title: str
    author: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "sv-SE"
    creator: str = "lofte_reports"
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PageSetup:
    """What is drawn on every page apart from the content.

    `page_label` holds the placeholders `{page}` and `{pages}`, e.g. "Sida {page} av {pages}".
    `notice`, when set, is printed visibly on every page (e.g. that the data is made up).
    """

    page_label: str
    header: str = ""
    notice: str | None = None


ImageFormat = Literal["png", "jpeg", "svg"]


@dataclass(frozen=True, slots=True)
class Image:
    """An image's bytes, checked, with its format and its size (any unit: for the aspect ratio)."""

    data: bytes = field(repr=False)
    format: ImageFormat
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Logo:
    """A party's logo on every page; `alt_text` (the party's name) is read out instead of it.

    `fallback` is a PNG or JPEG of the same picture, for a format that cannot show an SVG.
    """

    image: Image
    alt_text: str
    fallback: Image | None = None


@dataclass(frozen=True, slots=True)
class FontFamily:
    """A font family used instead of the built-in one: the bytes of each TrueType face.

    The PDF embeds the faces; a DOCX refers to the font by `name` (its family name).
    A missing face falls back: bold and italic to regular, bold italic to bold, italic
    or regular. `source` says where the font came from, for messages only.
    """

    name: str
    regular: bytes = field(repr=False)
    bold: bytes | None = field(default=None, repr=False)
    italic: bytes | None = field(default=None, repr=False)
    bold_italic: bytes | None = field(default=None, repr=False)
    source: str = ""

    def faces(self) -> tuple[bytes, ...]:
        """Return the faces the family has, regular first."""
        faces = (self.regular, self.bold, self.italic, self.bold_italic)
        return tuple(face for face in faces if face is not None)


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres; None leaves a side at the writer's own default."""

    top: float | None = None
    right: float | None = None
    bottom: float | None = None
    left: float | None = None


@dataclass(frozen=True, slots=True)
class Extra:
    """An option only one writer reads: `writer` is its format, `name` the option.

    Known extras: ("docx", "reference"), a Word file whose styles, page setup, header and
    footer the DOCX is made from (a theme's `reference_docx`); ("html", "fragment"), any
    data, which makes the web page only its `<article>`, for a site's editor.
    """

    writer: str
    name: str
    data: bytes = field(repr=False)


DOCX_REFERENCE = ("docx", "reference")
"""The writer and name of the reference Word file's extra."""

HTML_FRAGMENT = ("html", "fragment")
"""The writer and name of the extra that makes the HTML writer write only the `<article>`."""


@dataclass(frozen=True, slots=True)
class DocumentStyle:
    """How a document looks, apart from its content: a municipality's theme.

    Every field left at its default keeps the writers' own look, so `DocumentStyle()` is
    the built-in style. Colours are "#RRGGBB": `primary` for the title, headings and
    rules, `accent` for the fill of table header rows. Logos stand in the page header,
    `logo_height` millimetres high. `header` and `footer` are printed on every page (the
    footer next to the page label). `extras` hold what only one writer reads, each named
    by its writer and option (see `Extra`); the tree itself stays format-neutral.
    """

    primary: str | None = None
    accent: str | None = None
    font: FontFamily | None = None
    margins: Margins = Margins()
    logos: tuple[Logo, ...] = ()
    logo_height: float = 12.0
    header: str = ""
    footer: str = ""
    extras: tuple[Extra, ...] = ()

    def extra(self, writer: str, name: str) -> bytes | None:
        """Return the data of the writer's option `name`, or None if the style has none."""
        return next((e.data for e in self.extras if (e.writer, e.name) == (writer, name)), None)


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document: its properties, its page decorations and its blocks in order."""

    metadata: Metadata
    page: PageSetup
    blocks: tuple[Block, ...] = field(default=())
    style: DocumentStyle = DocumentStyle()


def split_page_label(label: str) -> list[str | Literal[0, 1]]:
    """Return the page label as text pieces and markers: 0 for the page number, 1 for the count.

    Writers use it to put their own page-number fields where the placeholders stand.
    """
    pieces: list[str | Literal[0, 1]] = []
    rest = label
    while rest:
        page_at, pages_at = rest.find("{page}"), rest.find("{pages}")
        candidates = [(at, marker) for at, marker in ((page_at, 0), (pages_at, 1)) if at >= 0]
        if not candidates:
            pieces.append(rest)
            break
        at, marker = min(candidates)
        if at:
            pieces.append(rest[:at])
        pieces.append(0 if marker == 0 else 1)
        rest = rest[at + (6 if marker == 0 else 7) :]
    return pieces
