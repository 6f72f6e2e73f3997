"""The PDF writer, checked by reading its output back with pypdf."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader

from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    Heading,
    ItemList,
    Metadata,
    PageSetup,
    Paragraph,
    Series,
    Table,
)
from lofte_reports.fonts.coverage import missing_characters
from lofte_reports.writers.pdf import write_pdf
from tests.trees import HOSTILE, every_block_document

NOTICE = "Fiktiva uppgifter: exempeldokument"


def _norm(text: str) -> str:
    """Return text as compared: NFC, whitespace collapsed (extraction breaks lines freely)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pages(pdf: bytes) -> list[str]:
    return [_norm(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _long_document() -> Document:
    """Return a document of several pages with a table that spans pages."""
    base = every_block_document(notice=NOTICE)
    rows = tuple(
        (Paragraph.of(f"Rad {n} åtgärd"), Paragraph.of(str(n)), Paragraph.of(f"Kommentar {n}"))
        for n in range(1, 121)
    )
    table = Table(
        header=(Paragraph.of("Åtgärdskolumn"), Paragraph.of("Nummer"), Paragraph.of("Anteckning")),
        rows=rows,
        caption="Lång tabell",
        widths=(2, 1, 2),
    )
    filler = tuple(
        Paragraph.of(f"Stycke nummer {n} om trygghet i området. " * 4) for n in range(30)
    )
    blocks = (*base.blocks[:3], *filler, table, *base.blocks[3:])
    return Document(base.metadata, base.page, blocks)


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return write_pdf(every_block_document())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return write_pdf(_long_document())


def test_every_text_of_every_block_is_in_the_pdf(sample_pdf: bytes) -> None:
    text = " ".join(_pages(sample_pdf))
    expected = [
        "Medborgarlöfte i Testkommun 2018",
        "Polisen och Test stad",
        "Testområdet",
        "Inledande stycke om samverkan mellan polis och kommun.",
        "Situationen idag",
        "Fet början. Kursiv fortsättning.",
        "Rad ett Rad två med tabb",
        "Polisen lovar",
        "Första löftet.",
        "Andra löftet.",
        "1. Numrerat ett.",
        "2. Numrerat två.",
        "Plan mot utfört",
        "Löfte",
        "Besök förskolor",
        "Besök ungdomshus",
        "Plan mot utfört per tertial",
        "Antal",
        "T1",
        "Utfört",
        "Anneli Manelli",
        "Lokalpolisområdeschef",
        "Lokalpolisområde Test",
        "Torkild Strandberg",
        "Kommunstyrelsens ordförande",
        "Test stad",
        "Ort:",
        "Teststad",
        "Datum:",
    ]
    missing = [piece for piece in expected if _norm(piece) not in text]
    assert missing == []


def test_hostile_text_is_printed_literally(sample_pdf: bytes) -> None:
    assert _norm(HOSTILE) in " ".join(_pages(sample_pdf))


def test_characters_beyond_the_bmp_read_back() -> None:
    # reportlab writes a broken ToUnicode entry for U+1F600 unless fonts.py corrects it.
    base = every_block_document()
    document = Document(base.metadata, base.page, (Paragraph.of("Glad 😀 och ☺ ŋ"),))
    assert "Glad 😀 och ☺ ŋ" in _pages(write_pdf(document))[0]


def test_ordered_list_honours_start() -> None:
    items = (Paragraph.of("Sjunde"), Paragraph.of("Åttonde"))
    base = every_block_document()
    document = Document(base.metadata, base.page, (ItemList(items, ordered=True, start=7),))
    assert "7. Sjunde 8. Åttonde" in _pages(write_pdf(document))[0]


def test_outline_follows_the_headings_with_nesting() -> None:
    base = every_block_document()
    headings = (
        Heading(1, "Ett"),
        Heading(3, "Hoppar till tre"),
        Heading(2, "Två"),
        Heading(1, "Sist"),
    )
    document = Document(base.metadata, base.page, (*base.blocks, *headings))
    outline = PdfReader(io.BytesIO(write_pdf(document))).outline

    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]

    # A level-3 heading straight after a level-1 one is nested one level down, not two.
    assert titles(outline) == [
        "Situationen idag",
        ["Polisen lovar"],
        "Ett",
        ["Hoppar till tre", "Två"],
        "Sist",
    ]


def test_page_label_counts_pages(long_pdf: bytes) -> None:
    pages = _pages(long_pdf)
    total = len(pages)
    assert total >= 3
    assert "Sida 1 av " + str(total) in pages[0]
    assert f"Sida {total} av {total}" in pages[-1]


def test_header_and_notice_on_every_page(long_pdf: bytes) -> None:
    for text in _pages(long_pdf):
        assert "Medborgarlöfte" in text
        assert NOTICE in text


def test_long_table_repeats_its_header_row(long_pdf: bytes) -> None:
    pages = _pages(long_pdf)
    spanned = [text for text in pages if re.search(r"Rad \d+ åtgärd", text)]
    assert len(spanned) >= 2
    assert all("Åtgärdskolumn Nummer Anteckning" in text for text in spanned)
    assert sum(text.count("Åtgärdskolumn") for text in pages) == len(spanned)


def test_long_table_starts_under_its_caption_on_the_same_page() -> None:
    base = every_block_document()
    long = _long_document().blocks
    table = next(block for block in long if isinstance(block, Table) and block.caption)
    pages = _pages(write_pdf(Document(base.metadata, base.page, (Paragraph.of("Före"), table))))
    assert "Före" in pages[0]
    assert "Lång tabell Åtgärdskolumn Nummer Anteckning Rad 1 åtgärd" in pages[0]


def test_heading_stays_with_the_signatures() -> None:
    base = every_block_document()
    filler = tuple(Paragraph.of("Fyllnadstext. " * 40) for _ in range(5))
    signatures = base.blocks[-1]
    blocks = (*filler, Heading(1, "Underskrifter"), signatures)
    pages = _pages(write_pdf(Document(base.metadata, base.page, blocks)))
    assert len(pages) == 2
    assert "Underskrifter" in pages[1]
    assert "Anneli Manelli" in pages[1]


def test_a_row_taller_than_a_page_is_split() -> None:
    base = every_block_document()
    tall = Paragraph.of("En lång cell. " * 600)  # words too short to hyphenate
    table = Table(header=(Paragraph.of("Rubrik"),), rows=((tall,),))
    output = write_pdf(Document(base.metadata, base.page, (table,)))
    pages = _pages(output)
    assert len(pages) >= 2
    assert sum(text.count("cell.") for text in pages) == 600  # a sentence may span two pages


def _fonts(resources: Any, found: dict[str, Any]) -> None:
    """Collect fonts from a resource dictionary and from the form XObjects it holds."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _fonts(xobject.get("/Resources"), found)


@pytest.mark.parametrize("which", ["sample", "long"])
def test_every_font_is_embedded_and_none_is_helvetica(
    which: str, sample_pdf: bytes, long_pdf: bytes
) -> None:
    pdf = sample_pdf if which == "sample" else long_pdf
    found: dict[str, Any] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        _fonts(page.get("/Resources"), found)
    assert found
    for name, font in found.items():
        assert "helvetica" not in name.lower()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name


def test_metadata_and_language(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    meta = every_block_document().metadata
    assert str(reader.root_object["/Lang"]) == "sv-SE"
    assert reader.metadata is not None
    assert reader.metadata.title == meta.title
    assert reader.metadata.author == meta.author
    assert reader.metadata.subject == meta.subject
    assert str(reader.metadata["/Keywords"]) == "medborgarlöfte, Testkommun"
    assert reader.metadata.creator == "lofte_reports"


def test_same_tree_gives_the_same_bytes(sample_pdf: bytes) -> None:
    assert write_pdf(every_block_document()) == sample_pdf


def test_chart_without_values_and_without_series_still_draws() -> None:
    base = every_block_document()
    empty = Chart("Tomt", ("A", "B"), (Series("Ingen", (None, None)),), alt_text="Inga värden")
    bare = Chart("Utan serier", ("A",), (), alt_text="Inga serier")
    fractional = Chart("Decimaler", ("A", "B"), (Series("Andel", (0.25, 1.5)),), alt_text="x")
    pages = _pages(write_pdf(Document(base.metadata, base.page, (empty, bare, fractional))))
    assert "Tomt" in pages[0]
    assert "Utan serier" in pages[0]
    assert "1,5" in pages[0]


def test_empty_document_has_one_decorated_page() -> None:
    base = every_block_document(notice=NOTICE)
    pages = _pages(write_pdf(Document(base.metadata, base.page, ())))
    assert len(pages) == 1
    assert NOTICE in pages[0]
    assert "Sida 1 av 1" in pages[0]


def test_page_label_without_total_and_empty_header() -> None:
    document = Document(
        Metadata(title="T", author="A"), PageSetup(page_label="{page}"), (Paragraph.of("x"),)
    )
    assert sorted(_pages(write_pdf(document))[0].split()) == ["1", "x"]


def test_missing_characters_lists_each_undrawable_character_once() -> None:
    # DejaVu Sans draws U+1F600 (a plain black face) but not most emoji, CJK or controls.
    assert missing_characters("aŋ👍b👍") == "👍"
    assert missing_characters("aŋ😀b😀") == ""
    assert missing_characters("Rad\tett\nRad två ŧ Đ") == ""
    assert missing_characters("x\x00y🦄中\x00") == "\x00🦄中"


def test_text_the_font_cannot_draw_is_refused() -> None:
    base = every_block_document()
    document = Document(base.metadata, base.page, (Paragraph.of("tummen upp 👍"),))
    with pytest.raises(ValueError, match="👍"):
        write_pdf(document)


def test_unknown_block_is_a_type_error() -> None:
    base = every_block_document()
    document = Document(base.metadata, base.page, (object(),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="object"):
        write_pdf(document)
