"""The writers draw a `DocumentStyle`: a theme's colours, font, margins, logos, header and footer."""

from __future__ import annotations

import dataclasses
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import reportlab
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image as PILImage
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from lofte_reports.doctree.nodes import (
    DOCX_REFERENCE,
    Chart,
    Document,
    DocumentStyle,
    Extra,
    FontFamily,
    Image,
    Logo,
    Margins,
    Paragraph,
)
from lofte_reports.doctree.walk import document_texts
from lofte_reports.writers._look import HEADER_FILL
from lofte_reports.writers.docx import write_docx
from lofte_reports.writers.pdf import write_pdf
from tests.conftest import docx_text, normalise, pdf_text
from tests.office import convert_to_pdf
from tests.trees import HOSTILE, every_block_document

VERA = (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf").read_bytes()
VERA_BOLD = (Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf").read_bytes()
PRIMARY, ACCENT = "#7A1F2B", "#F3E3C3"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
    b'<rect width="100" height="50" fill="#1B365D"/></svg>'
)


def _png(size: tuple[int, int] = (200, 100)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#003366").save(buffer, "PNG")
    return Image(buffer.getvalue(), "png", *size)


def _styled(style: DocumentStyle, *, latin: bool = False, notice: str | None = None) -> Document:
    """Return the every-block document in `style`; `latin` leaves out the Sami letters."""
    document = every_block_document(notice=notice)
    blocks = document.blocks
    if latin:
        blocks = tuple(b for b in blocks if not (isinstance(b, Paragraph) and b.text == HOSTILE))
    return dataclasses.replace(document, blocks=blocks, style=style)


def _rg(colour: str) -> str:
    return f"{fp_str(*HexColor(colour).rgb())} rg"


def _stream(pdf: bytes, page: int = 0) -> str:
    content = PdfReader(io.BytesIO(pdf)).pages[page].get_contents()
    assert content is not None
    return str(content.get_data().decode("latin-1"))


def _resources(pdf: bytes) -> list[Any]:
    """Return every resource dictionary of the pages and of the forms they draw, each once."""
    found: list[Any] = []
    todo = [page.get("/Resources") for page in PdfReader(io.BytesIO(pdf)).pages]
    while todo:
        resources = todo.pop()
        resources = resources.get_object() if resources is not None else None
        if resources is None or any(resources is seen for seen in found):
            continue
        found.append(resources)
        for xobject in (resources.get("/XObject") or {}).values():
            todo.append(xobject.get_object().get("/Resources"))
    return found


def _images(pdf: bytes) -> set[int]:
    """Return the object numbers of the image XObjects the pages use."""
    return {
        xobject.idnum
        for resources in _resources(pdf)
        for xobject in (resources.get("/XObject") or {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    }


def _base_fonts(pdf: bytes) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for resources in _resources(pdf)
        for font in (resources.get("/Font") or {}).values()
    }


# --- PDF -----------------------------------------------------------------------------------


def test_the_default_style_changes_nothing() -> None:
    document = every_block_document()
    assert document.style == DocumentStyle()
    assert write_pdf(dataclasses.replace(document, style=DocumentStyle())) == write_pdf(document)


def test_pdf_colours_fill_the_table_header_and_headings() -> None:
    pdf = write_pdf(_styled(DocumentStyle(primary=PRIMARY, accent=ACCENT)))
    streams = _stream(pdf)
    assert _rg(PRIMARY) in streams
    assert _rg(ACCENT) in streams
    assert _rg("#E4E4E4") not in streams  # the built-in header fill is gone


def test_pdf_header_and_footer_texts_are_on_every_page() -> None:
    style = DocumentStyle(header="Kommunens sidhuvud", footer="www.test.se · Trygg i Test")
    pdf = write_pdf(_styled(style))
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = " ".join(page.extract_text().split())
        assert "Kommunens sidhuvud" in text
        assert "www.test.se · Trygg i Test" in text
        assert "Medborgarlöfte" in text  # the running header stays


def test_pdf_margins_move_the_text() -> None:
    style = DocumentStyle(margins=Margins(left=40, right=40, top=50, bottom=40))
    page = PdfReader(io.BytesIO(write_pdf(_styled(style)))).pages[0]
    xs: list[float] = []
    ys: list[float] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip() and "Medborgarlöfte i" in text:  # the title
            xs.append(tm[4] * cm[0] + cm[4])
            ys.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    assert xs and min(xs) == pytest.approx(40 * 72 / 25.4, abs=0.5)
    assert max(ys) < 842 - 50 * 72 / 25.4


def test_pdf_logos_are_images_drawn_once_and_referenced_on_each_page() -> None:
    logos = (Logo(_png(), "Polisen"), Logo(_png((100, 100)), "Test stad"))
    pdf = write_pdf(_styled(DocumentStyle(logos=logos), notice="Exempeldata"))
    assert len(_images(pdf)) == 2
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "Exempeldata" in page.extract_text()


def test_pdf_svg_logo_is_vector_graphics() -> None:
    logo = Logo(Image(SVG, "svg", 100, 50), "Polisen", _png())
    pdf = write_pdf(_styled(DocumentStyle(logos=(logo,))))
    assert not _images(pdf)
    assert _rg("#1B365D") in _stream(pdf)


def test_pdf_theme_font_is_the_only_font_even_in_charts() -> None:
    font = FontFamily("Bitstream Vera Sans", VERA, bold=VERA_BOLD)
    pdf = write_pdf(_styled(DocumentStyle(font=font), latin=True))
    fonts = _base_fonts(pdf)
    assert fonts and all("BitstreamVera" in name for name in fonts), fonts


def test_characters_a_theme_font_lacks_are_drawn_in_the_shipped_font_in_both_writers() -> None:
    font = FontFamily("Bitstream Vera Sans", VERA)
    document = _styled(DocumentStyle(font=font))  # HOSTILE's Sami letters: Vera lacks ŋ ŧ
    pdf = write_pdf(document)
    fonts = _base_fonts(pdf)
    assert any("BitstreamVera" in name for name in fonts)
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts
    assert "ŋ đ ŧ á č š ž Ŋ Đ Ŧ" in normalise(pdf_text(pdf))
    data = write_docx(document)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert '<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"' in xml
    assert "ŋ đ ŧ á č š ž Ŋ Đ Ŧ" in docx_text(data)


def test_text_no_font_can_draw_and_one_font_text_the_theme_lacks_are_refused() -> None:
    font = FontFamily("Bitstream Vera Sans", VERA)
    with pytest.raises(ValueError, match="no PDF font can draw"):
        write_pdf(_styled(DocumentStyle(font=font), notice="Exempel 中"))
    chart = next(b for b in every_block_document().blocks if isinstance(b, Chart))
    document = dataclasses.replace(
        _styled(DocumentStyle(font=font)),
        blocks=(dataclasses.replace(chart, categories=("ŋ",) * len(chart.categories)),),
    )
    with pytest.raises(ValueError, match="cannot draw"):
        write_pdf(document)  # chart labels are drawn in one font


def test_themed_pdf_is_deterministic() -> None:
    font = FontFamily("Bitstream Vera Sans", VERA)
    style = DocumentStyle(PRIMARY, ACCENT, font, Margins(30, 20, 30, 20), (Logo(_png(), "P"),))
    document = _styled(style, latin=True)
    assert write_pdf(document) == write_pdf(document)


def test_document_texts_hold_every_drawn_text() -> None:
    document = _styled(DocumentStyle(header="Överst", footer="Nederst"), notice="Notis")
    texts = " ".join(document_texts(document))
    for expected in ("Överst", "Nederst", "Notis", "Sida {page}", "Plan mot utfört", "Anneli"):
        assert expected in texts


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_table_header_is_shaded_with_the_accent() -> None:
    word = docx.Document(io.BytesIO(write_docx(_styled(DocumentStyle(accent=ACCENT)))))
    table = word.tables[0]
    fills = [shd.get(qn("w:fill")) for c in table.rows[0].cells for shd in c._tc.iter(qn("w:shd"))]
    assert fills == [ACCENT[1:]] * 3
    assert not list(table.rows[1].cells[0]._tc.iter(qn("w:shd")))


def test_docx_without_accent_shades_the_header_as_the_pdf_does() -> None:
    word = docx.Document(io.BytesIO(write_docx(_styled(DocumentStyle()))))
    table = word.tables[0]
    fills = [shd.get(qn("w:fill")) for c in table.rows[0].cells for shd in c._tc.iter(qn("w:shd"))]
    assert fills == [HEADER_FILL] * 3
    assert not list(table.rows[1].cells[0]._tc.iter(qn("w:shd")))


def test_docx_title_rule_takes_the_primary_colour() -> None:
    word = docx.Document(io.BytesIO(write_docx(_styled(DocumentStyle(primary=PRIMARY)))))
    assert not word.styles["Title"].element.xpath("./w:pPr/w:pBdr")  # the template's blue rule
    lines = [p for p in word.paragraphs if p.style is not None and p.style.name == "Subtitle"]
    assert [len(line._p.xpath("./w:pPr/w:pBdr")) for line in lines] == [0] * (len(lines) - 1) + [1]
    (border,) = lines[-1]._p.xpath("./w:pPr/w:pBdr/w:bottom")
    assert border.get(qn("w:color")) == PRIMARY[1:]
    assert border.get(qn("w:themeColor")) is None


def test_docx_footer_text_sits_left_of_the_page_label() -> None:
    word = docx.Document(io.BytesIO(write_docx(_styled(DocumentStyle(footer="Sidfotstext")))))
    paragraph = word.sections[0].footer.paragraphs[0]
    assert paragraph.text.startswith("Sidfotstext\t")
    stops = [(stop.alignment, stop.position) for stop in paragraph.paragraph_format.tab_stops]
    assert any(
        kind == WD_TAB_ALIGNMENT.RIGHT and abs(position - Mm(160)) < Mm(0.1)
        for kind, position in stops
    )


def test_docx_charts_and_tables_fit_narrow_pages() -> None:
    style = DocumentStyle(margins=Margins(left=60, right=60))
    data = write_docx(_styled(style))
    word = docx.Document(io.BytesIO(data))
    text_width = Mm(90)
    extents = [int(e.get("cx")) for e in word.element.body.iter(qn("wp:extent"))]
    assert extents and max(extents) <= text_width
    widths = [cell.width for cell in word.tables[0].rows[0].cells]
    assert sum(widths) <= text_width


def test_docx_logos_without_fallback_for_svg_are_a_bug() -> None:
    logo = Logo(Image(SVG, "svg", 100, 50), "Polisen")
    with pytest.raises(ValueError, match="fallback"):
        write_docx(_styled(DocumentStyle(logos=(logo,))))


def _bare_reference(*, header: str = "") -> bytes:
    """Return a reference .docx without list, caption and table styles, or numbering."""
    word = docx.Document()
    styles = word.styles.element
    for style_id in ("ListBullet", "ListNumber", "Caption", "TableGrid", "Header", "Title"):
        for element in styles.xpath(f'./w:style[@w:styleId="{style_id}"]'):
            styles.remove(element)
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype.endswith("/numbering"):
            del word.part.rels[rid]
    if header:
        word.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_a_bare_reference_gets_the_styles_and_numbering_it_lacks() -> None:
    style = DocumentStyle(extras=(Extra(*DOCX_REFERENCE, _bare_reference()),))
    data = write_docx(_styled(style, notice="Exempeldata"))
    word = docx.Document(io.BytesIO(data))
    for name in ("List Bullet", "List Number", "Caption", "Table Grid", "Header", "Title"):
        assert word.styles[name] is not None
    # The template's Caption colour (4F81BD, 4.0:1 on white) is darkened where it is copied.
    assert str(word.styles["Caption"].font.color.rgb) == "365F91"
    numbering = word.part.numbering_part.element
    num_ids = set(numbering.xpath("./w:num/@w:numId"))
    for name in ("List Bullet", "List Number"):
        (num_id,) = word.styles[name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        assert num_id in num_ids
    numbered = [p for p in word.paragraphs if p.style and p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Numrerat ett.", "Numrerat två."]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert any(name.startswith("word/numbering") for name in archive.namelist())


def test_a_reference_header_is_kept_and_the_notice_added_to_it() -> None:
    style = DocumentStyle(
        extras=(Extra(*DOCX_REFERENCE, _bare_reference(header="Mallens sidhuvud")),),
        logos=(Logo(_png(), "Polisen"),),
        header="Temats sidhuvud",
    )
    word = docx.Document(io.BytesIO(write_docx(_styled(style, notice="Exempeldata"))))
    texts = [p.text for p in word.sections[0].header.paragraphs]
    assert texts[0] == "Mallens sidhuvud"
    assert "Exempeldata" in texts
    assert not any("Temats sidhuvud" in t for t in texts)
    assert not list(word.sections[0].header._element.iter(qn("wp:docPr")))


def test_an_empty_reference_header_gets_ours() -> None:
    style = DocumentStyle(
        extras=(Extra(*DOCX_REFERENCE, _bare_reference()),),
        logos=(Logo(_png(), "Polisen"),),
        header="Temats",
    )
    word = docx.Document(io.BytesIO(write_docx(_styled(style))))
    header = word.sections[0].header._element
    assert [d.get("descr") for d in header.iter(qn("wp:docPr"))] == ["Polisen"]
    assert "Temats" in "".join(t.text or "" for t in header.iter(qn("w:t")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_a_themed_docx_made_from_a_reference(tmp_path: Path) -> None:
    style = DocumentStyle(
        extras=(Extra(*DOCX_REFERENCE, _bare_reference()),),
        logos=(Logo(Image(SVG, "svg", 100, 50), "Polisen", _png()), Logo(_png(), "Test stad")),
        header="Temats sidhuvud",
        footer="Temats sidfot",
    )
    source = tmp_path / "tema.docx"
    source.write_bytes(write_docx(_styled(style, notice="Exempeldata")))
    convert_to_pdf(source)
    pdf = (tmp_path / "tema.pdf").read_bytes()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in ("Temats sidhuvud", "Temats sidfot", "Exempeldata", "Numrerat två."):
        assert expected in text
    assert "Sida 1 av" in text
    assert _images(pdf)  # the logos
